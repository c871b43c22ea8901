// expect-fail: repeated lookups of missing ids do not keep reaching the database
// Plain cache-aside: a "not found" is never remembered, so every lookup of an unknown id
// goes to the database.
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
  if (cached !== null) return JSON.parse(cached) as User;
  const user = await db.findUser(id);
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), "EX", 600);
  return user;
}

export async function onUserCreated(_deps: Deps, _id: string): Promise<void> {}
