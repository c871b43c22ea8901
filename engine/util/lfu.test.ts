import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { LFU_INITIAL_COUNTER, lfuAccessed, lfuDecayedCounter, lfuInitial } from "./lfu";

const MINUTE = 60_000;

describe("LFU counter", () => {
  it("counts every access with log factor 0", () => {
    let packed = lfuInitial(0);
    for (let i = 0; i < 3; i++) packed = lfuAccessed(packed, 0, 0, 0, Math.random);
    expect(lfuDecayedCounter(packed, 0, 0)).toBe(LFU_INITIAL_COUNTER + 3);
  });

  it("grows logarithmically with the default factor, saturating at 255", () => {
    const random = seededRandom(1);
    let packed = lfuInitial(0);
    for (let i = 0; i < 1000; i++) packed = lfuAccessed(packed, 0, 10, 0, random);
    // Redis's table: about 18 after 1000 hits with factor 10.
    expect(lfuDecayedCounter(packed, 0, 0)).toBeGreaterThan(12);
    expect(lfuDecayedCounter(packed, 0, 0)).toBeLessThan(25);
    for (let i = 0; i < 100_000; i++) packed = lfuAccessed(packed, 0, 0, 0, random);
    expect(lfuDecayedCounter(packed, 0, 0)).toBe(255);
  });

  it("decays by one per decay period, across the 16-bit minute wrap", () => {
    const start = 65_530 * MINUTE;
    const packed = lfuInitial(start);
    expect(lfuDecayedCounter(packed, start + 3 * MINUTE, 1)).toBe(2);
    expect(lfuDecayedCounter(packed, start + 4 * MINUTE, 2)).toBe(3);
    expect(lfuDecayedCounter(packed, start + 9 * MINUTE, 1)).toBe(0);
    expect(lfuDecayedCounter(packed, start + 9 * MINUTE, 0)).toBe(LFU_INITIAL_COUNTER);
  });
});
