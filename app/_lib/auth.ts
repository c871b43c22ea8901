import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { csrfTokenFor } from "./csrf";
import { hasRole, type Role } from "./roles";
import { generateSessionToken } from "./session-tokens";
import { type SessionUser, type ValidSession, validateSessionToken } from "./sessions";

export const SESSION_COOKIE = "session";
/** Random per-browser secret that binds CSRF tokens for signed-out visitors (sign in, sign up). */
export const PRE_SESSION_COOKIE = "presession";

/** The signed-in session for this request, looked up once per render. */
export const getCurrentSession = cache(async (): Promise<ValidSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? validateSessionToken(token) : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Like requireUser, but users without the role get the 404 page: the area's existence is not revealed. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user.role, role)) notFound();
  return user;
}

/** The secret CSRF tokens are bound to: the session token, else the pre-session token. */
export async function csrfBindingSecret(): Promise<string | undefined> {
  const cookieStore = await cookies();
  return cookieStore.get(SESSION_COOKIE)?.value ?? cookieStore.get(PRE_SESSION_COOKIE)?.value;
}

/** The token to embed in this visitor's forms, or null when the browser holds no secret yet. */
export async function getCsrfToken(): Promise<string | null> {
  const secret = await csrfBindingSecret();
  return secret ? csrfTokenFor(secret) : null;
}

async function cookieOptions(expires: Date) {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  return { httpOnly: true, sameSite: "lax", secure, path: "/", expires } as const;
}

// Cookies can only be written from server actions and route handlers.
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, await cookieOptions(expiresAt));
}

export async function deleteSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", await cookieOptions(new Date(0)));
}

export async function ensurePreSessionCookie(): Promise<void> {
  const cookieStore = await cookies();
  if (cookieStore.get(PRE_SESSION_COOKIE)) return;
  const oneYear = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
  cookieStore.set(PRE_SESSION_COOKIE, generateSessionToken(), await cookieOptions(oneYear));
}
