/**
 * Redis's LFU counter (evict.c), kept in RedisObject.lru under an LFU maxmemory policy as
 * `minutes << 8 | counter`: the minute (mod 2^16) of the last decrement and an 8-bit
 * logarithmic access counter that starts at 5 and decays by one per lfu-decay-time minutes.
 */

/** New objects start here so they are not evicted before they had a chance to be used. */
export const LFU_INITIAL_COUNTER = 5;

function minutes(nowMs: number): number {
  return Math.floor(nowMs / 60_000) & 0xffff;
}

/** The packed field of an object created at `nowMs`. */
export function lfuInitial(nowMs: number): number {
  return (minutes(nowMs) << 8) | LFU_INITIAL_COUNTER;
}

/** The counter after decay for the minutes elapsed since the last decrement (OBJECT FREQ). */
export function lfuDecayedCounter(packed: number, nowMs: number, decayMinutes: number): number {
  const counter = packed & 0xff;
  if (decayMinutes <= 0) return counter;
  const last = (packed >>> 8) & 0xffff;
  const now = minutes(nowMs);
  const elapsed = now >= last ? now - last : 0xffff - last + now;
  const periods = Math.floor(elapsed / decayMinutes);
  return periods > counter ? 0 : counter - periods;
}

/** The packed field after one access: decay, then a probabilistic logarithmic increment. */
export function lfuAccessed(packed: number, nowMs: number, logFactor: number, decayMinutes: number, random: () => number): number {
  let counter = lfuDecayedCounter(packed, nowMs, decayMinutes);
  if (counter < 255) {
    const base = Math.max(0, counter - LFU_INITIAL_COUNTER);
    if (random() < 1 / (base * logFactor + 1)) counter++;
  }
  return (minutes(nowMs) << 8) | counter;
}
