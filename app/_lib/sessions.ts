import { db } from "./db";
import { generateSessionToken, sessionExpiry, sessionIdFromToken } from "./session-tokens";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export interface ValidSession {
  id: string;
  expiresAt: Date;
  user: SessionUser;
}

const USER_FIELDS = { id: true, email: true, name: true, role: true } as const;

export async function createSession(userId: string, userAgent: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = sessionExpiry();
  await db.session.create({ data: { id: sessionIdFromToken(token), userId, expiresAt, userAgent } });
  return { token, expiresAt };
}

/** The session for a cookie token, or null when unknown or expired (expired rows are deleted). */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const session = await db.session.findUnique({
    where: { id: sessionIdFromToken(token) },
    select: { id: true, expiresAt: true, user: { select: USER_FIELDS } },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return session;
}

/** Push the expiry of a live session out to a full period again; null if it no longer exists. */
export async function renewSession(sessionId: string): Promise<Date | null> {
  const expiresAt = sessionExpiry();
  const { count } = await db.session.updateMany({
    where: { id: sessionId, expiresAt: { gt: new Date() } },
    data: { expiresAt },
  });
  return count === 1 ? expiresAt : null;
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
