// expect-fail: no burst across a window boundary
// A fixed-window counter: exact within a window, but allows twice the limit around a boundary.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  const key = `ratelimit:${userId}:${Math.floor(Date.now() / windowMs)}`;
  const results = await redis.multi().incr(key).pexpire(key, windowMs).exec();
  return Number(results![0]![1]) <= limit;
}
