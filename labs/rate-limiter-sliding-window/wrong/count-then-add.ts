// expect-fail: exactly 30 of 200 simultaneous requests from 4 app servers get through
// Trims, counts, then adds in separate round trips: concurrent requests all see room left.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  const key = `ratelimit:${userId}`;
  const now = Date.now();
  await redis.zremrangebyscore(key, "-inf", now - windowMs);
  if ((await redis.zcard(key)) >= limit) return false;
  await redis.zadd(key, now, crypto.randomUUID());
  await redis.pexpire(key, windowMs);
  return true;
}
