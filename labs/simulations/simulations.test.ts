import { describe, expect, it } from "vitest";
import { simulateAvalanche } from "./cache-avalanche";
import { GB, planCapacity } from "./capacity";
import { exposureWindowSeconds, simulateCrash } from "./fsync";
import { crc16, evenSlotRanges, hashedPart, keySlot, nodeForSlot, SLOT_COUNT } from "./hash-slot";
import { simulateHotKey } from "./hot-key";

describe("hash slots", () => {
  it("computes CRC16-XMODEM and Redis's slots (values from redis-server 7 CLUSTER KEYSLOT)", () => {
    expect(crc16(new TextEncoder().encode("123456789"))).toBe(0x31c3);
    expect(keySlot("user:1000")).toBe(1649);
    expect(keySlot("user:2000")).toBe(7597);
    expect(keySlot("foo")).toBe(12182);
    expect(keySlot("42")).toBe(8000);
  });

  it("follows the hash tag rules", () => {
    expect(keySlot("{user:1000}:profile")).toBe(1649);
    expect(keySlot("order:{42}:b")).toBe(8000);
    expect(hashedPart("{}foo")).toEqual({ part: "{}foo", tagged: false });
    expect(keySlot("{}foo")).toBe(9500);
    expect(hashedPart("a{}{b}")).toEqual({ part: "a{}{b}", tagged: false });
    expect(hashedPart("{a}{b}")).toEqual({ part: "a", tagged: true });
    expect(hashedPart("x{y")).toEqual({ part: "x{y", tagged: false });
  });

  it("splits the slots evenly like redis-cli --cluster create", () => {
    const three = evenSlotRanges(3);
    expect(three).toEqual([
      { node: 0, from: 0, to: 5460 },
      { node: 1, from: 5461, to: 10922 },
      { node: 2, from: 10923, to: 16383 },
    ]);
    expect(nodeForSlot(1649, three)).toBe(0);
    expect(nodeForSlot(7597, three)).toBe(1);
    const five = evenSlotRanges(5);
    expect(five[4]!.to).toBe(SLOT_COUNT - 1);
    expect(five.reduce((n, r) => n + r.to - r.from + 1, 0)).toBe(SLOT_COUNT);
  });
});

describe("capacity", () => {
  it("does the 2M items × 10 KB arithmetic for 5 masters with one replica each", () => {
    const plan = planCapacity({
      items: 2_000_000, valueBytes: 10_000, keyBytes: 0, overheadBytesPerKey: 0, masters: 5, replicasPerMaster: 1,
      fragmentation: 1, maxmemoryShareOfRam: 1, peakOpsPerSecond: 100_000, readShare: 0.8, readsFromReplicas: false,
    });
    expect(plan.totalBytes / GB).toBe(20);
    expect(plan.perMasterBytes / GB).toBe(4);
    expect(plan.instances).toBe(10);
    expect(plan.opsPerMaster).toBe(20_000);
    expect(plan.opsPerReplica).toBe(4_000); // replicas apply the writes
  });

  it("adds overhead, fragmentation and headroom, and spreads reads over replicas when asked", () => {
    const plan = planCapacity({
      items: 1_000_000, valueBytes: 100, keyBytes: 20, overheadBytesPerKey: 80, masters: 2, replicasPerMaster: 1,
      fragmentation: 1.5, maxmemoryShareOfRam: 0.5, peakOpsPerSecond: 10_000, readShare: 1, readsFromReplicas: true,
    });
    expect(plan.totalBytes).toBe(200_000_000);
    expect(plan.maxmemoryPerMasterBytes).toBe(150_000_000);
    expect(plan.ramPerMachineBytes).toBe(300_000_000);
    expect(plan.opsPerMaster).toBe(2_500);
    expect(plan.opsPerReplica).toBe(2_500);
    expect(() => planCapacity({ ...(plan as never), masters: 0 })).toThrow(RangeError);
  });
});

describe("fsync policy vs a crash", () => {
  const base = { writesPerSecond: 1000, crashAtSecond: 3.5, snapshotEverySeconds: 300, kernelFlushSeconds: 30, slowDisk: false };
  it("loses nothing acknowledged with always, under a second with everysec, more with no and RDB", () => {
    expect(simulateCrash({ ...base, policy: "always" }).lost).toBe(0);
    expect(simulateCrash({ ...base, policy: "everysec" }).lost).toBe(500);
    expect(simulateCrash({ ...base, policy: "everysec", slowDisk: true }).lost).toBe(1500);
    expect(simulateCrash({ ...base, policy: "no" }).lost).toBe(3500);
    expect(simulateCrash({ ...base, policy: "rdb", crashAtSecond: 400 }).lost).toBe(100_000);
    expect(exposureWindowSeconds({ ...base, policy: "everysec" })).toBe(1);
  });
  it("reports acknowledged and durable writes over time", () => {
    const { points } = simulateCrash({ ...base, policy: "everysec", crashAtSecond: 2 }, 0.5);
    expect(points).toEqual([
      { second: 0, acknowledged: 0, durable: 0 },
      { second: 0.5, acknowledged: 500, durable: 0 },
      { second: 1, acknowledged: 1000, durable: 1000 },
      { second: 1.5, acknowledged: 1500, durable: 1000 },
      { second: 2, acknowledged: 2000, durable: 2000 },
    ]);
  });
});

describe("hot key across cluster nodes", () => {
  const base = { masters: 5, replicasPerMaster: 1, totalOpsPerSecond: 100_000, hotShare: 0.5, hotReadShare: 1, hotKey: "product:42", copies: 10, clientHitRatio: 0.9 };
  it("puts the hot key's load on the master owning its slot", () => {
    const result = simulateHotKey({ ...base, remedy: "none" });
    expect(result.hotSlot).toBe(keySlot("product:42"));
    const hot = result.nodes.find((n) => n.master === result.hotMaster && n.replica === 0)!;
    expect(hot.hot).toBe(50_000);
    expect(result.nodes.reduce((s, n) => s + n.total, 0)).toBeCloseTo(100_000);
    expect(result.imbalance).toBeGreaterThan(2);
  });
  it("each remedy lowers the busiest node's load; key copies amplify writes", () => {
    const busiest = (remedy: Parameters<typeof simulateHotKey>[0]["remedy"]) => Math.max(...simulateHotKey({ ...base, remedy }).nodes.map((n) => n.total));
    const none = busiest("none");
    expect(busiest("read-replicas")).toBeLessThan(none);
    expect(busiest("key-copies")).toBeLessThan(none);
    expect(busiest("client-cache")).toBeLessThan(none);
    expect(simulateHotKey({ ...base, remedy: "key-copies" }).writeAmplification).toBe(10);
  });
  it("replicas replay the hot key's writes", () => {
    const result = simulateHotKey({ ...base, hotReadShare: 0, remedy: "none" });
    const replica = result.nodes.find((n) => n.master === result.hotMaster && n.replica === 1)!;
    expect(replica.hot).toBe(50_000);
  });
});

describe("cache avalanche on the engine", () => {
  const input = { keys: 500, requestsPerSecond: 200, ttlSeconds: 30, durationSeconds: 60, seed: 7 };
  it("without jitter, everything expires together and the backend load spikes at the TTL", async () => {
    const run = await simulateAvalanche({ ...input, jitterSeconds: 0 });
    expect(run.points).toHaveLength(60);
    expect(run.points.slice(0, 29).every((p) => p.backend === 0)).toBe(true);
    expect(run.peak).toBeGreaterThan(100);
    expect(run.points.findIndex((p) => p.backend === run.peak)).toBeGreaterThanOrEqual(29);
  });
  it("with jitter the expiries spread out and the peak is much lower", async () => {
    const flat = await simulateAvalanche({ ...input, jitterSeconds: 0 });
    const jittered = await simulateAvalanche({ ...input, jitterSeconds: 20 });
    expect(jittered.peak).toBeLessThan(flat.peak / 2);
    expect(await simulateAvalanche({ ...input, jitterSeconds: 20 })).toEqual(jittered); // seeded
  });
  it("rejects inputs past its limits", async () => {
    await expect(simulateAvalanche({ ...input, keys: 1e9, jitterSeconds: 0 })).rejects.toThrow(RangeError);
  });
});
