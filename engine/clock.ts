/**
 * Time source for an engine. Every TTL, blocking timeout, idle time and cron tick reads this
 * clock, so graders and tests can swap in a VirtualClock and move time instantly.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch (may be fractional). */
  now(): number;
  /**
   * Runs `callback` after `delayMs` of this clock's time. A `background` timer is periodic
   * housekeeping (the cron): a virtual clock jumping far ahead runs it once, not once per period.
   */
  setTimer(delayMs: number, callback: () => void, options?: TimerOptions): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /** True for clocks that move only when told to (tests, graders). */
  readonly virtual?: boolean;
}

export interface TimerOptions {
  background?: boolean;
}

export interface TimerHandle {
  readonly id: number;
}

/** Read once: `performance.timeOrigin` is a getter, and now() runs several times per command. */
const TIME_ORIGIN = performance.timeOrigin;

/** The longest delay setTimeout honours. */
const MAX_TIMEOUT_DELAY = 2 ** 31 - 1;

/** The RealClock time of a `performance.now()` reading. */
export function epochFromMonotonic(monotonicMs: number): number {
  return TIME_ORIGIN + monotonicMs;
}

export class RealClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return TIME_ORIGIN + performance.now();
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const id = this.nextId++;
    this.arm(id, this.now() + Math.max(0, delayMs), callback);
    return { id };
  }

  /**
   * setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days), which a BLPOP timeout
   * can exceed, so a long timer waits in steps until its time has come.
   */
  private arm(id: number, at: number, callback: () => void): void {
    const remaining = at - this.now();
    const timeout = setTimeout(() => {
      if (remaining > MAX_TIMEOUT_DELAY) {
        this.arm(id, at, callback);
        return;
      }
      this.timers.delete(id);
      callback();
    }, Math.min(Math.max(0, remaining), MAX_TIMEOUT_DELAY));
    // Engine timers must never keep a process alive on their own.
    timeout.unref();
    this.timers.set(id, timeout);
  }

  clearTimer(handle: TimerHandle): void {
    const timeout = this.timers.get(handle.id);
    if (timeout) clearTimeout(timeout);
    this.timers.delete(handle.id);
  }
}

interface VirtualTimer {
  id: number;
  at: number;
  callback: () => void;
  background: boolean;
}

/** A clock that only moves when told to; timers fire in time order as it advances. */
export class VirtualClock implements Clock {
  /** Work budgets measured in wall time (the expiry cycle's) do not apply to virtual time. */
  readonly virtual = true;
  private current: number;
  private timers: VirtualTimer[] = [];
  private nextId = 1;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void, options?: TimerOptions): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, delayMs), callback, background: options?.background ?? false };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle.id);
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order.
   * Background timers due on the way fire once, at the end, so a jump of a week does not
   * replay millions of cron ticks.
   */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError("a virtual clock only moves forward");
    const target = this.current + ms;
    const dueBackground: VirtualTimer[] = [];
    for (;;) {
      let next: VirtualTimer | undefined;
      for (const timer of this.timers) {
        if (timer.at <= target && (next === undefined || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) {
          next = timer;
        }
      }
      if (next === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      if (next.background) {
        dueBackground.push(next);
        continue;
      }
      this.current = Math.max(this.current, next.at);
      next.callback();
    }
    this.current = target;
    for (const timer of dueBackground) timer.callback();
  }

  /** Timers waiting to fire (an idle engine leaves none). */
  get pendingTimerCount(): number {
    return this.timers.length;
  }

  /** Sets the absolute time (forward only). */
  set(ms: number): void {
    this.advance(ms - this.current);
  }
}
