// expect-fail: a user created after a failed lookup is found within 5 minutes
// Caches "not found" without a TTL and ignores user creation: the id is blocked forever,
// and every id a scraper tries stays in Redis for good.
import type { Redis } from "ioredis";

export interface User {
  id: string;
  name: string;
}

export interface Deps {
  redis: Redis;
  db: { findUser(id: string): Promise<User | null> };
}

export async function getUser({ redis, db }: Deps, id: string): Promise<User | null> {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return cached === "null" ? null : (JSON.parse(cached) as User);
  const user = await db.findUser(id);
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), "EX", 600);
  else await redis.set(`user:${id}`, "null");
  return user;
}

export async function onUserCreated(_deps: Deps, _id: string): Promise<void> {}
