// expect-fail: a changed item is served by every app server within 30 seconds
// A process-wide cache without expiry: the load drops, but updates never show up.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

const local = new Map<string, string | null>();

export async function getItem({ redis }: Deps, id: string): Promise<string | null> {
  if (local.has(id)) return local.get(id)!;
  const value = await redis.get(`item:${id}`);
  local.set(id, value);
  return value;
}
