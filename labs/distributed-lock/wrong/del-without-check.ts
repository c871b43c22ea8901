// expect-fail: release never deletes a lock another app server holds
// Releases with a plain DEL: a holder whose lock already expired deletes the next holder's lock.
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
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export async function acquire({ redis }: Deps, resource: string, ttlMs: number): Promise<Lock | null> {
  const token = crypto.randomUUID();
  const fence = await redis.eval(ACQUIRE, 2, `lock:${resource}`, `lock:${resource}:fence`, token, ttlMs);
  return fence === null ? null : { token, fence: Number(fence) };
}

export async function release({ redis }: Deps, resource: string, _token: string): Promise<boolean> {
  return (await redis.del(`lock:${resource}`)) === 1;
}

export async function renew({ redis }: Deps, resource: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(RENEW, 1, `lock:${resource}`, token, ttlMs)) === 1;
}

export async function writeProtected({ db }: Deps, resource: string, lock: Lock, value: string): Promise<boolean> {
  return db.write(resource, value, lock.fence);
}
