import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
  db: {
    /** Writes to the storage; false if `fence` is lower than a fence it has already seen. */
    write(resource: string, value: string, fence?: number): Promise<boolean>;
  };
}

export interface Lock {
  token: string;
  fence: number;
}

export async function acquire(deps: Deps, resource: string, ttlMs: number): Promise<Lock | null> {
  throw new Error("not implemented");
}

export async function release(deps: Deps, resource: string, token: string): Promise<boolean> {
  throw new Error("not implemented");
}

export async function renew(deps: Deps, resource: string, token: string, ttlMs: number): Promise<boolean> {
  throw new Error("not implemented");
}

export async function writeProtected(deps: Deps, resource: string, lock: Lock, value: string): Promise<boolean> {
  throw new Error("not implemented");
}
