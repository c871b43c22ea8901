import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

/** True (and the request is recorded) if fewer than `limit` allowed requests happened in the last `windowMs`. */
export async function isAllowed(deps: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  throw new Error("not implemented");
}
