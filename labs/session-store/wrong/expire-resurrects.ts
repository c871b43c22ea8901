// expect-fail: an expired session stays expired
// GET, then SET again with a fresh TTL: when the key expires between the two commands (or the
// read found nothing and a stale copy is written back), a logged-out session comes back to life.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export interface Session {
  userId: string;
  data: Record<string, unknown>;
}

const key = (sessionId: string) => `session:${sessionId}`;
/** Per-app-server copy of sessions, "to save a round trip". */
const local = new Map<string, string>();

export async function createSession({ redis }: Deps, userId: string, data: Record<string, unknown>): Promise<string> {
  const sessionId = crypto.randomUUID();
  const value = JSON.stringify({ userId, data });
  local.set(sessionId, value);
  await redis.set(key(sessionId), value, "EX", 1800);
  return sessionId;
}

export async function getSession({ redis }: Deps, sessionId: string): Promise<Session | null> {
  const value = (await redis.get(key(sessionId))) ?? local.get(sessionId) ?? null;
  if (value === null) return null;
  await redis.set(key(sessionId), value, "EX", 1800);
  return JSON.parse(value) as Session;
}

export async function destroySession({ redis }: Deps, sessionId: string): Promise<void> {
  await redis.del(key(sessionId));
}
