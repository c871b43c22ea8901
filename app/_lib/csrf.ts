/**
 * CSRF protection for every mutation (server actions and route handlers), in two layers:
 *
 * 1. Same origin: the request's Origin header must name the host the request was sent to.
 * 2. A synchronizer token bound to the browser: HMAC-SHA-256 of a fixed label keyed with a
 *    secret only this browser's cookies hold (the session token when signed in, otherwise a
 *    random pre-session token). Pages embed the token in forms; a cross-site page can neither
 *    read it nor compute it.
 */
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeHexLowerCase } from "@oslojs/encoding";

/** Name of the hidden form field (and `x-csrf-token` header for fetch) carrying the token. */
export const CSRF_FIELD = "csrfToken";
export const CSRF_HEADER = "x-csrf-token";

const LABEL = new TextEncoder().encode("csrf-token-v1");

export function csrfTokenFor(bindingSecret: string): string {
  return encodeHexLowerCase(hmac(SHA256, new TextEncoder().encode(bindingSecret), LABEL));
}

export function csrfTokenMatches(bindingSecret: string, token: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(token)) return false;
  return constantTimeEqual(decodeHex(token), decodeHex(csrfTokenFor(bindingSecret)));
}

/** The host the browser sent the request to, as Next's own server-action check sees it. */
function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
}

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type MutationCheck = { ok: true } | { ok: false; reason: string };

export interface MutationRequest {
  headers: Headers;
  /** The session token, or the pre-session token for signed-out visitors, from the cookies. */
  bindingSecret: string | undefined;
  /** The token the form or fetch call sent. */
  csrfToken: string | null | undefined;
}

export function checkMutationRequest({ headers, bindingSecret, csrfToken }: MutationRequest): MutationCheck {
  if (!isSameOrigin(headers)) return { ok: false, reason: "cross-origin request" };
  if (!bindingSecret || !csrfToken) return { ok: false, reason: "missing CSRF token" };
  if (!csrfTokenMatches(bindingSecret, csrfToken)) return { ok: false, reason: "invalid CSRF token" };
  return { ok: true };
}
