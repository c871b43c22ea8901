// expect-fail: release compares and deletes in one atomic step
// Checks the token with GET, then DELs: between the two the lock can expire and be taken by
// another server, whose lock the DEL then removes.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
  db: { write(resource: string, value: string, fence?: number): Promise<boolean> };
}

export interface Lock {
  token: string;
  fence: number;
}

const ACQUIRE = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return redis.call('INCR', KEYS[2]) end return false`;

export async function acquire({ redis }: Deps, resource: string, ttlMs: number): Promise<Lock | null> {
  const token = crypto.randomUUID();
  const fence = await redis.eval(ACQUIRE, 2, `lock:${resource}`, `lock:${resource}:fence`, token, ttlMs);
  return fence === null ? null : { token, fence: Number(fence) };
}

export async function release({ redis }: Deps, resource: string, token: string): Promise<boolean> {
  if ((await redis.get(`lock:${resource}`)) !== token) return false;
  return (await redis.del(`lock:${resource}`)) === 1;
}

export async function renew({ redis }: Deps, resource: string, token: string, ttlMs: number): Promise<boolean> {
  if ((await redis.get(`lock:${resource}`)) !== token) return false;
  return (await redis.pexpire(`lock:${resource}`, ttlMs)) === 1;
}

export async function writeProtected({ db }: Deps, resource: string, lock: Lock, value: string): Promise<boolean> {
  return db.write(resource, value, lock.fence);
}
