// Key copies instead of a local cache: each read picks one of 8 short-lived copies, so a hot
// item's reads spread over 8 keys (8 shards in a cluster), refreshed from the original.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

const COPIES = 8;
const COPY_TTL_SECONDS = 10;
/** Stored in a copy when the item does not exist (item values are never this). */
const MISSING = "\u0000missing";

export async function getItem({ redis }: Deps, id: string): Promise<string | null> {
  const copy = `item:${id}:copy:${Math.floor(Math.random() * COPIES)}`;
  const cached = await redis.get(copy);
  if (cached !== null) return cached === MISSING ? null : cached;
  const value = await redis.get(`item:${id}`);
  await redis.set(copy, value ?? MISSING, "EX", COPY_TTL_SECONDS);
  return value;
}
