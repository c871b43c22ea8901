// expect-fail: an active session stays alive past 30 minutes
// Sets the TTL once at log-in: an active user is logged out 30 minutes after logging in.
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
  const sessionId = crypto.randomUUID();
  await redis.set(key(sessionId), JSON.stringify({ userId, data }), "EX", 1800);
  return sessionId;
}

export async function getSession({ redis }: Deps, sessionId: string): Promise<Session | null> {
  const value = await redis.get(key(sessionId));
  return value === null ? null : (JSON.parse(value) as Session);
}

export async function destroySession({ redis }: Deps, sessionId: string): Promise<void> {
  await redis.del(key(sessionId));
}
