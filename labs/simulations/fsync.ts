/**
 * A model of how many acknowledged writes a crash loses under each persistence setting (pure).
 *
 * - appendfsync always: the AOF is fsynced before the reply, so acknowledged writes survive
 *   (group commit: at most the writes of the current event-loop iteration are at risk, and
 *   those were not acknowledged yet).
 * - appendfsync everysec: a background fsync runs every second; a crash loses what was written
 *   since the last completed fsync, normally ≤ 1 s. If an fsync takes longer than 1 s (slow
 *   disk), Redis postpones the next one up to 2 s, so the window becomes ≤ 2 s.
 * - appendfsync no: the kernel flushes dirty pages when it wants (Linux: ~30 s by default).
 * - RDB only (save 300 10 ...): everything since the last completed snapshot.
 *
 * A process crash (redis-server killed) keeps the data already written to the kernel; a power or
 * kernel crash loses what was not fsynced. The model is about the second case.
 */
export type PersistencePolicy = "always" | "everysec" | "no" | "rdb";

export interface FsyncInput {
  policy: PersistencePolicy;
  writesPerSecond: number;
  /** Seconds after the last durable point at which the machine loses power. */
  crashAtSecond: number;
  /** Seconds between RDB snapshots (rdb policy). */
  snapshotEverySeconds: number;
  /** Kernel flush interval for appendfsync no (dirty_expire_centisecs / 100). */
  kernelFlushSeconds: number;
  /** The disk is slow: fsync takes longer than a second (everysec then lags up to 2 s). */
  slowDisk: boolean;
}

/** Seconds of writes at risk at any moment: the distance to the last durable point, at worst. */
export function exposureWindowSeconds(input: Pick<FsyncInput, "policy" | "snapshotEverySeconds" | "kernelFlushSeconds" | "slowDisk">): number {
  switch (input.policy) {
    case "always":
      return 0;
    case "everysec":
      return input.slowDisk ? 2 : 1;
    case "no":
      return input.kernelFlushSeconds;
    case "rdb":
      return input.snapshotEverySeconds;
  }
}

/** Time of the last durable point at or before `t` seconds. */
export function lastDurableAt(t: number, input: FsyncInput): number {
  const window = exposureWindowSeconds(input);
  if (window === 0) return t;
  return Math.floor(t / window) * window;
}

export interface FsyncPoint {
  second: number;
  acknowledged: number;
  durable: number;
}

/** Acknowledged vs durable writes over time up to the crash, and the writes lost by it. */
export function simulateCrash(input: FsyncInput, stepSeconds = 0.25): { points: FsyncPoint[]; lost: number; windowSeconds: number } {
  if (!(input.writesPerSecond >= 0) || !(input.crashAtSecond >= 0) || !(stepSeconds > 0)) throw new RangeError("invalid fsync input");
  const points: FsyncPoint[] = [];
  const steps = Math.round(input.crashAtSecond / stepSeconds);
  for (let i = 0; i <= steps; i++) {
    const t = Math.min(i * stepSeconds, input.crashAtSecond);
    points.push({ second: t, acknowledged: Math.round(t * input.writesPerSecond), durable: Math.round(lastDurableAt(t, input) * input.writesPerSecond) });
  }
  const last = points[points.length - 1]!;
  return { points, lost: last.acknowledged - last.durable, windowSeconds: exposureWindowSeconds(input) };
}
