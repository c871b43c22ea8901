// expect-fail: session ids are unique and unguessable
// Session ids from INCR: unique, but anyone can guess the next (or previous) user's session.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export interface Session {
  userId: string;
  data: Record<string, unknown>;
}

const key = (sessionId: string) => `session:${sessionId}`;

export async function createSession({ redis }: Deps, userId: string, data: Record<string, unknown>): Promise<string> {
  const sessionId = String(await redis.incr("session:next-id"));
  await redis.set(key(sessionId), JSON.stringify({ userId, data }), "EX", 1800);
  return sessionId;
}

export async function getSession({ redis }: Deps, sessionId: string): Promise<Session | null> {
  const value = await redis.get(key(sessionId));
  if (value === null) return null;
  await redis.expire(key(sessionId), 1800);
  return JSON.parse(value) as Session;
}

export async function destroySession({ redis }: Deps, sessionId: string): Promise<void> {
  await redis.del(key(sessionId));
}
