// Without Lua: add, count and trim in one MULTI, then take the request back out if it was over
// the limit. Allowed requests are never removed, so at most `limit` are allowed in any window.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  const key = `ratelimit:${userId}`;
  const now = Date.now();
  const member = `${now}:${crypto.randomUUID()}`;
  const results = await redis
    .multi()
    .zremrangebyscore(key, "-inf", now - windowMs)
    .zadd(key, now, member)
    .zcard(key)
    .pexpire(key, windowMs)
    .exec();
  if (Number(results![2]![1]) <= limit) return true;
  await redis.zrem(key, member);
  return false;
}
