import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface User {
  id: string;
  name: string;
}

export interface Deps {
  redis: Redis;
  db: { findUser(id: string): Promise<User | null> };
}

/** A Bloom filter of every user id: 2^20 bits (128 KB), 4 hashes — under 0.1% false positives for 50k users. */
const FILTER_KEY = "users:bloom";
const FILTER_BITS = 2 ** 20;
const HASHES = 4;
const CACHE_TTL_SECONDS = 600;
/** False positives still reach the database once; remember them briefly. */
const NEGATIVE_TTL_SECONDS = 60;

function bitsFor(id: string): number[] {
  const digest = createHash("sha256").update(id).digest();
  return Array.from({ length: HASHES }, (_, i) => digest.readUInt32BE(i * 4) % FILTER_BITS);
}

export async function onUserCreated({ redis }: Deps, id: string): Promise<void> {
  const pipeline = redis.pipeline();
  for (const bit of bitsFor(id)) pipeline.setbit(FILTER_KEY, bit, 1);
  pipeline.del(`user:${id}`);
  await pipeline.exec();
}

export async function getUser({ redis, db }: Deps, id: string): Promise<User | null> {
  const pipeline = redis.pipeline();
  for (const bit of bitsFor(id)) pipeline.getbit(FILTER_KEY, bit);
  const bits = (await pipeline.exec())!.map(([, value]) => value);
  if (bits.some((bit) => bit === 0)) return null;

  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return cached === "" ? null : (JSON.parse(cached) as User);
  const user = await db.findUser(id);
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), "EX", CACHE_TTL_SECONDS);
  else await redis.set(`user:${id}`, "", "EX", NEGATIVE_TTL_SECONDS);
  return user;
}
