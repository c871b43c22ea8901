// expect-fail: allows exactly the limit when 50 requests arrive at once on two app servers
// Reads the counter, decides, then writes it back: concurrent requests all read the same value.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowSeconds: number): Promise<boolean> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const key = `ratelimit:${userId}:${window}`;
  const count = Number((await redis.get(key)) ?? 0);
  if (count >= limit) return false;
  await redis.set(key, count + 1, "EX", windowSeconds);
  return true;
}
