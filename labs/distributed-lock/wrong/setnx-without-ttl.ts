// expect-fail: a crashed holder's lock expires after its TTL
// SETNX then PEXPIRE as two commands: a holder that dies between them (here: its connection
// drops right after SETNX) leaves a lock that never expires. Everybody waits forever.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
  db: { write(resource: string, value: string, fence?: number): Promise<boolean> };
}

export interface Lock {
  token: string;
  fence: number;
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export async function acquire({ redis }: Deps, resource: string, ttlMs: number): Promise<Lock | null> {
  const token = crypto.randomUUID();
  if ((await redis.setnx(`lock:${resource}`, token)) === 0) return null;
  const fence = await redis.incr(`lock:${resource}:fence`);
  // The expiry is only set on the next renewal ("we renew every few seconds anyway").
  return { token, fence };
}

export async function release({ redis }: Deps, resource: string, token: string): Promise<boolean> {
  return (await redis.eval(RELEASE, 1, `lock:${resource}`, token)) === 1;
}

export async function renew({ redis }: Deps, resource: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(RENEW, 1, `lock:${resource}`, token, ttlMs)) === 1;
}

export async function writeProtected({ db }: Deps, resource: string, lock: Lock, value: string): Promise<boolean> {
  return db.write(resource, value, lock.fence);
}
