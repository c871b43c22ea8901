// expect-fail: renewal extends only the caller's own lock
// Renews with a bare PEXPIRE: a server whose lock was lost extends the new holder's lock instead.
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
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export async function acquire({ redis }: Deps, resource: string, ttlMs: number): Promise<Lock | null> {
  const token = crypto.randomUUID();
  const fence = await redis.eval(ACQUIRE, 2, `lock:${resource}`, `lock:${resource}:fence`, token, ttlMs);
  return fence === null ? null : { token, fence: Number(fence) };
}

export async function release({ redis }: Deps, resource: string, token: string): Promise<boolean> {
  return (await redis.eval(RELEASE, 1, `lock:${resource}`, token)) === 1;
}

export async function renew({ redis }: Deps, resource: string, _token: string, ttlMs: number): Promise<boolean> {
  return (await redis.pexpire(`lock:${resource}`, ttlMs)) === 1;
}

export async function writeProtected({ db }: Deps, resource: string, lock: Lock, value: string): Promise<boolean> {
  return db.write(resource, value, lock.fence);
}
