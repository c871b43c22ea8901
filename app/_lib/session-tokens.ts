import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_DURATION_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its last 15 days is extended to a full 30 days again. */
export const SESSION_RENEWAL_WINDOW_MS = 15 * DAY_MS;

/** 32 random bytes, base32: the only place the token exists is the user's cookie. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The database keeps only this hash, so a leaked database cannot be replayed as cookies. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function sessionExpiry(now = Date.now()): Date {
  return new Date(now + SESSION_DURATION_MS);
}

export function sessionNeedsRenewal(expiresAt: Date, now = Date.now()): boolean {
  return expiresAt.getTime() - now < SESSION_RENEWAL_WINDOW_MS;
}
