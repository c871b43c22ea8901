import type { Clock } from "../../engine/index";

type TimerHandle = ReturnType<Clock["setTimer"]>;

/**
 * The grader's virtual clock, seen by the engine and (via the sandbox) by the learner's
 * Date.now(). Unlike engine's VirtualClock, a jump fires each due timer once instead of
 * replaying every tick on the way: labs jump days ahead (daily leaderboards, 7-day expiry) and
 * the engine's cron re-arms every 100 ms, so a faithful replay would cost millions of cron runs.
 * Expiry stays exact because the engine also expires keys lazily on access.
 */
export class GraderClock implements Clock {
  private current: number;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  private readonly listeners: ((now: number) => void)[] = [];

  constructor(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Called with the new time after every move (the grader forwards it to app servers). */
  onChange(listener: (now: number) => void): void {
    this.listeners.push(listener);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError("the clock only moves forward");
    this.current += ms;
    const due = [...this.timers].filter(([, timer]) => timer.at <= this.current).sort(([a, x], [b, y]) => x.at - y.at || a - b);
    for (const [id, timer] of due) {
      if (!this.timers.delete(id)) continue;
      timer.callback();
    }
    for (const listener of this.listeners) listener(this.current);
  }
}
