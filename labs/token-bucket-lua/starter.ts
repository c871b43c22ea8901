import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function take(deps: Deps, bucket: string, capacity: number, refillPerSecond: number): Promise<boolean> {
  throw new Error("not implemented");
}
