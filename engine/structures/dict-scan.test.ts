import { describe, expect, it } from "vitest";
import { Dict } from "./dict";
import { scanDict } from "./dict-scan";

describe("scanDict", () => {
  it("returns a small table whole with cursor 0 even with holes left by deletions", () => {
    const dict = new Dict<number>();
    for (let i = 0; i < 30; i++) dict.set(`k${i}`, i);
    for (let i = 0; i < 25; i++) dict.delete(`k${i}`);
    const seen: string[] = [];
    expect(scanDict(dict, 0, 10, (key) => seen.push(key))).toBe(0);
    expect(seen.sort()).toEqual(["k25", "k26", "k27", "k28", "k29"]);
  });

  it("stops after about `count` entries and resumes from the cursor", () => {
    const dict = new Dict<number>();
    for (let i = 0; i < 100; i++) dict.set(`k${i}`, i);
    const seen = new Set<string>();
    let batch = 0;
    const cursor = scanDict(dict, 0, 10, (key) => {
      seen.add(key);
      batch++;
    });
    expect(cursor).not.toBe(0);
    expect(batch).toBe(10);
    let next = cursor;
    while (next !== 0) next = scanDict(dict, next, 10, (key) => seen.add(key));
    expect(seen.size).toBe(100);
  });

  it("gives up after ten slots per wanted entry on a sparse table", () => {
    const dict = new Dict<number>();
    for (let i = 0; i < 60; i++) dict.set(`k${i}`, i);
    // 31 holes stay below the compaction threshold; 29 live entries remain after them.
    for (let i = 0; i < 31; i++) dict.delete(`k${i}`);
    const seen: string[] = [];
    const cursor = scanDict(dict, 0, 1, (key) => seen.push(key));
    expect(seen).toEqual([]);
    expect(cursor).not.toBe(0);
  });
});
