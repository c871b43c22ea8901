import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function getItem(deps: Deps, id: string): Promise<string | null> {
  throw new Error("not implemented");
}
