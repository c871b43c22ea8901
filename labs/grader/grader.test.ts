import { describe, expect, it } from "vitest";
import { DoubleReply, Engine, ErrorReply, MapReply, SimpleString } from "../../engine/index";
import { FakeBackend } from "./backend";
import { GraderClock } from "./clock";
import { replyToJs } from "./context";
import { zipfSampler } from "./zipf";

describe("GraderClock", () => {
  it("fires each due timer once, in time order, and leaves later ones pending", () => {
    const clock = new GraderClock(0);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push("c"));
    clock.setTimer(100, () => fired.push("a"));
    clock.setTimer(200, () => fired.push("b"));
    const cancelled = clock.setTimer(150, () => fired.push("cancelled"));
    clock.clearTimer(cancelled);
    clock.setTimer(5_000, () => fired.push("later"));
    clock.advance(1_000);
    expect(fired).toEqual(["a", "b", "c"]);
    expect(clock.now()).toBe(1_000);
  });

  it("jumps days at once: a re-arming timer (the engine's cron) runs once per jump, not once per tick", () => {
    const clock = new GraderClock(0);
    let runs = 0;
    const rearm = () => clock.setTimer(100, () => (runs++, rearm()));
    rearm();
    clock.advance(7 * 86_400_000);
    expect(runs).toBe(1);
  });

  it("drives an engine's expiry", async () => {
    const clock = new GraderClock();
    const engine = new Engine({ clock });
    const client = engine.connect();
    await client.call("SET", "k", "v", "PX", 1_000);
    clock.advance(999);
    expect(await client.call("EXISTS", "k")).toBe(1);
    clock.advance(2);
    expect(await client.call("EXISTS", "k")).toBe(0);
    engine.close();
  });

  it("refuses to go back in time", () => {
    expect(() => new GraderClock().advance(-1)).toThrow(RangeError);
  });
});

describe("zipfSampler", () => {
  it("is deterministic for a seed and makes rank 1 about twice as frequent as rank 2 (s = 1)", () => {
    const draw = zipfSampler(100, 1, 7);
    const again = zipfSampler(100, 1, 7);
    const counts = new Array(100).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const rank = draw();
      expect(again()).toBe(rank);
      counts[rank]++;
    }
    expect(counts[0] / counts[1]).toBeGreaterThan(1.8);
    expect(counts[0] / counts[1]).toBeLessThan(2.2);
    expect(counts[0]).toBeGreaterThan(counts[50] * 30);
  });
});

describe("FakeBackend", () => {
  it("counts calls, can fail, and reports the busiest window of virtual time", async () => {
    let now = 0;
    const backend = new FakeBackend((store) => ({ get: (key: string) => store.get(key) ?? null }), () => now);
    backend.store.set("a", 1);
    expect(await backend.invoke("get", ["a"])).toBe(1);
    now = 1_500;
    await backend.invoke("get", ["b"]);
    await backend.invoke("get", ["c"]);
    backend.failure = "database down";
    await expect(backend.invoke("get", ["a"])).rejects.toThrow("database down");
    await expect(backend.invoke("drop", [])).rejects.toThrow(/no method drop/);
    expect(backend.calls).toBe(4);
    expect(backend.peakCallsPer(1_000)).toBe(3);
  });
});

describe("replyToJs", () => {
  it("turns engine replies into plain values and errors into exceptions", () => {
    expect(replyToJs("caf\xc3\xa9")).toBe("café");
    expect(replyToJs(new SimpleString("OK"))).toBe("OK");
    expect(replyToJs(new DoubleReply(1.5))).toBe(1.5);
    expect(replyToJs(new MapReply(["f", "v"]))).toEqual(["f", "v"]);
    expect(replyToJs([1, null, [2n]])).toEqual([1, null, [2]]);
    expect(() => replyToJs(new ErrorReply("WRONGTYPE nope"))).toThrow(/WRONGTYPE/);
  });
});
