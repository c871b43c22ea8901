import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

/** Records one request by `userId`; true if it is within `limit` requests for the current window. */
export async function isAllowed(deps: Deps, userId: string, limit: number, windowSeconds: number): Promise<boolean> {
  throw new Error("not implemented");
}
