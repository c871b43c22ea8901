import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export interface Session {
  userId: string;
  data: Record<string, unknown>;
}

/** Idle time after which a session ends. */
export const SESSION_IDLE_SECONDS = 30 * 60;

export async function createSession(deps: Deps, userId: string, data: Record<string, unknown>): Promise<string> {
  throw new Error("not implemented");
}

export async function getSession(deps: Deps, sessionId: string): Promise<Session | null> {
  throw new Error("not implemented");
}

export async function destroySession(deps: Deps, sessionId: string): Promise<void> {
  throw new Error("not implemented");
}
