// expect-fail: every counter expires once its window is over
// Counts correctly but never sets a TTL: one key per user per window, forever.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowSeconds: number): Promise<boolean> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const count = await redis.incr(`ratelimit:${userId}:${window}`);
  return count <= limit;
}
