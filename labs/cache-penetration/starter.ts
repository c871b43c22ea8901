import type { Redis } from "ioredis";

export interface User {
  id: string;
  name: string;
}

export interface Deps {
  redis: Redis;
  db: { findUser(id: string): Promise<User | null> };
}

export async function getUser(deps: Deps, id: string): Promise<User | null> {
  throw new Error("not implemented");
}

export async function onUserCreated(deps: Deps, id: string): Promise<void> {
  throw new Error("not implemented");
}
