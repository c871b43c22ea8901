// expect-fail: the hottest key gets at most 20% of its reads from Redis under Zipf traffic
// Every read goes to Redis: correct and always fresh, but the hot key's shard takes all of it.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function getItem({ redis }: Deps, id: string): Promise<string | null> {
  return redis.get(`item:${id}`);
}
