import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export interface Session {
  userId: string;
  data: Record<string, unknown>;
}

export const SESSION_IDLE_SECONDS = 30 * 60;

const key = (sessionId: string) => `session:${sessionId}`;

export async function createSession({ redis }: Deps, userId: string, data: Record<string, unknown>): Promise<string> {
  const sessionId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  await redis.set(key(sessionId), JSON.stringify({ userId, data }), "EX", SESSION_IDLE_SECONDS);
  return sessionId;
}

export async function getSession({ redis }: Deps, sessionId: string): Promise<Session | null> {
  // GETEX reads and pushes the expiry back in one command.
  const value = await redis.getex(key(sessionId), "EX", SESSION_IDLE_SECONDS);
  return value === null ? null : (JSON.parse(value) as Session);
}

export async function destroySession({ redis }: Deps, sessionId: string): Promise<void> {
  await redis.del(key(sessionId));
}
