// expect-fail: a changed item is served by every app server within 30 seconds
// A local cache with a TTL, but a "reasonable" 5 minutes: ten times the staleness budget.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

const LOCAL_TTL_MS = 5 * 60 * 1000;
const local = new Map<string, { value: string | null; expiresAt: number }>();

export async function getItem({ redis }: Deps, id: string): Promise<string | null> {
  const cached = local.get(id);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  const value = await redis.get(`item:${id}`);
  local.set(id, { value, expiresAt: Date.now() + LOCAL_TTL_MS });
  return value;
}
