// The other classic answer: remember "not found" briefly, and forget it when the user appears.
import type { Redis } from "ioredis";

export interface User {
  id: string;
  name: string;
}

export interface Deps {
  redis: Redis;
  db: { findUser(id: string): Promise<User | null> };
}

const NOT_FOUND = "";
const NEGATIVE_TTL_SECONDS = 60;

export async function getUser({ redis, db }: Deps, id: string): Promise<User | null> {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return cached === NOT_FOUND ? null : (JSON.parse(cached) as User);
  const user = await db.findUser(id);
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), "EX", 600);
  else await redis.set(`user:${id}`, NOT_FOUND, "EX", NEGATIVE_TTL_SECONDS);
  return user;
}

export async function onUserCreated({ redis }: Deps, id: string): Promise<void> {
  await redis.del(`user:${id}`);
}
