// expect-fail: a user who keeps retrying gets through again in the next window
// One key per user whose TTL is pushed back on every request: a client retrying every few
// seconds keeps its counter alive, so it stays blocked forever instead of until the window ends.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowSeconds: number): Promise<boolean> {
  const key = `ratelimit:${userId}`;
  const results = await redis.multi().incr(key).expire(key, windowSeconds).exec();
  return Number(results![0]![1]) <= limit;
}
