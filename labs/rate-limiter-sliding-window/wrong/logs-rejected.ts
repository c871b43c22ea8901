// expect-fail: rejected requests do not count against the limit
// Adds every request to the log, then counts: atomic and exact, but rejected requests stay in
// the window, so a client that keeps retrying locks itself out for good.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  const key = `ratelimit:${userId}`;
  const now = Date.now();
  const results = await redis
    .multi()
    .zremrangebyscore(key, "-inf", now - windowMs)
    .zadd(key, now, crypto.randomUUID())
    .zcard(key)
    .pexpire(key, windowMs)
    .exec();
  return Number(results![2]![1]) <= limit;
}
