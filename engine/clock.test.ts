import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";
import { Engine } from "./engine";

describe("VirtualClock", () => {
  it("fires timers in time order as it advances, at their own times", () => {
    const clock = new VirtualClock(1000);
    const fired: [string, number][] = [];
    clock.setTimer(300, () => fired.push(["late", clock.now()]));
    clock.setTimer(100, () => fired.push(["early", clock.now()]));
    clock.advance(200);
    expect(fired).toEqual([["early", 1100]]);
    clock.advance(200);
    expect(fired).toEqual([["early", 1100], ["late", 1300]]);
    expect(clock.now()).toBe(1400);
  });

  it("runs a self-rearming background timer once per jump, not once per period", () => {
    const clock = new VirtualClock(0);
    let ticks = 0;
    const tick = () => {
      ticks++;
      clock.setTimer(100, tick, { background: true });
    };
    clock.setTimer(100, tick, { background: true });
    clock.advance(7 * 24 * 3600 * 1000);
    expect(ticks).toBe(1);
    clock.advance(100);
    expect(ticks).toBe(2);
  });

  it("refuses to go backwards", () => {
    expect(() => new VirtualClock(0).advance(-1)).toThrow(RangeError);
  });
});

describe("engine cron on a virtual clock", () => {
  it("expires volatile keys actively after a long jump without replaying every tick", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const client = engine.connect();
    for (let i = 0; i < 500; i++) await client.call("SET", `k${i}`, "v", "PX", "1000");
    await client.call("SET", "persistent", "v");
    clock.advance(7 * 24 * 3600 * 1000);
    expect(engine.databases[0]!.size).toBe(1);
    expect(engine.stats.expiredKeys).toBe(500);
    engine.close();
  });

  it("stops ticking when idle and starts again on the next command", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const client = engine.connect();
    await client.call("SET", "k", "v");
    // Ops samples decay to zero within 16 ticks; after that an idle engine schedules nothing.
    for (let i = 0; i < 20; i++) clock.advance(100);
    expect(clock.pendingTimerCount).toBe(0);
    await client.call("SET", "t", "v", "PX", "50");
    expect(clock.pendingTimerCount).toBeGreaterThan(0);
    clock.advance(200);
    expect(engine.databases[0]!.dict.has("t")).toBe(false);
    engine.close();
  });
});
