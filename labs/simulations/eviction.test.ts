import { describe, expect, it } from "vitest";
import { simulateEviction } from "./eviction";

const base = { hotKeys: 100, hotReads: 20, newKeys: 300, roomForKeys: 60 };

describe("eviction on the engine: LRU vs LFU", () => {
  it("a one-off scan pushes the hot set out under LRU but not under LFU", async () => {
    const lru = await simulateEviction({ ...base, policy: "allkeys-lru", pattern: "scan" });
    const lfu = await simulateEviction({ ...base, policy: "allkeys-lfu", pattern: "scan" });
    const last = (run: typeof lru) => run.checkpoints[run.checkpoints.length - 1]!;
    expect(lru.checkpoints[0]).toEqual({ written: 0, hotSurviving: 100, newSurviving: 0 });
    expect(lru.evicted).toBeGreaterThan(200);
    console.log(`scan: hot keys left LRU ${last(lru).hotSurviving}, LFU ${last(lfu).hotSurviving}`);
    expect(last(lfu).hotSurviving).toBeGreaterThan(70);
    expect(last(lfu).hotSurviving - last(lru).hotSurviving).toBeGreaterThan(40);
    expect(last(lru).hotSurviving).toBeLessThan(30);
  });

  it("when traffic shifts to new keys, LRU keeps more of the new ones than LFU", async () => {
    const lru = await simulateEviction({ ...base, policy: "allkeys-lru", pattern: "shift" });
    const lfu = await simulateEviction({ ...base, policy: "allkeys-lfu", pattern: "shift" });
    const last = (run: typeof lru) => run.checkpoints[run.checkpoints.length - 1]!;
    console.log(`shift: new keys left LRU ${last(lru).newSurviving}, LFU ${last(lfu).newSurviving}`);
    expect(last(lru).newSurviving).toBeGreaterThan(last(lfu).newSurviving);
  });

  it("rejects inputs past its limits", async () => {
    await expect(simulateEviction({ ...base, hotKeys: 10_000, policy: "allkeys-lru", pattern: "scan" })).rejects.toThrow(RangeError);
  });
});
