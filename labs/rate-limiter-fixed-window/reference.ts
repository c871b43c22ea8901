import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowSeconds: number): Promise<boolean> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const key = `ratelimit:${userId}:${window}`;
  // INCR and EXPIRE in one transaction: the counter can never be left without a TTL.
  const results = await redis.multi().incr(key).expire(key, windowSeconds).exec();
  const count = Number(results![0]![1]);
  return count <= limit;
}
