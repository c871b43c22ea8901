import { describe, expect, it } from "vitest";
import { checkMutationRequest, csrfTokenFor, csrfTokenMatches, isSameOrigin } from "./csrf";
import { generateSessionToken } from "./session-tokens";

const sameOriginHeaders = (extra: Record<string, string> = {}) =>
  new Headers({ host: "app.example:3000", origin: "http://app.example:3000", ...extra });

describe("CSRF tokens", () => {
  it("are deterministic per secret and differ between secrets", () => {
    const secret = generateSessionToken();
    expect(csrfTokenFor(secret)).toBe(csrfTokenFor(secret));
    expect(csrfTokenFor(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(csrfTokenFor(generateSessionToken())).not.toBe(csrfTokenFor(secret));
  });

  it("match only the secret they were made for", () => {
    const secret = generateSessionToken();
    expect(csrfTokenMatches(secret, csrfTokenFor(secret))).toBe(true);
    expect(csrfTokenMatches(generateSessionToken(), csrfTokenFor(secret))).toBe(false);
    expect(csrfTokenMatches(secret, "")).toBe(false);
    expect(csrfTokenMatches(secret, "not hex at all")).toBe(false);
    expect(csrfTokenMatches(secret, csrfTokenFor(secret).toUpperCase())).toBe(false);
  });
});

describe("isSameOrigin", () => {
  it("accepts an Origin naming the requested host", () => {
    expect(isSameOrigin(sameOriginHeaders())).toBe(true);
  });

  it("uses X-Forwarded-Host when a proxy sets it", () => {
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "learn.example", origin: "https://learn.example" }))).toBe(true);
  });

  it("rejects other origins, missing or malformed Origin headers", () => {
    expect(isSameOrigin(sameOriginHeaders({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(sameOriginHeaders({ origin: "http://app.example:4000" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "app.example:3000" }))).toBe(false);
    expect(isSameOrigin(sameOriginHeaders({ origin: "null" }))).toBe(false);
  });
});

describe("checkMutationRequest", () => {
  const secret = generateSessionToken();

  it("allows a same-origin request with the right token", () => {
    expect(checkMutationRequest({ headers: sameOriginHeaders(), bindingSecret: secret, csrfToken: csrfTokenFor(secret) })).toEqual({ ok: true });
  });

  it("refuses cross-origin requests even with a valid token", () => {
    const check = checkMutationRequest({
      headers: sameOriginHeaders({ origin: "https://evil.example" }),
      bindingSecret: secret,
      csrfToken: csrfTokenFor(secret),
    });
    expect(check).toEqual({ ok: false, reason: "cross-origin request" });
  });

  it("refuses missing or foreign tokens and browsers without a secret", () => {
    expect(checkMutationRequest({ headers: sameOriginHeaders(), bindingSecret: secret, csrfToken: null }).ok).toBe(false);
    expect(checkMutationRequest({ headers: sameOriginHeaders(), bindingSecret: undefined, csrfToken: csrfTokenFor(secret) }).ok).toBe(false);
    const foreign = checkMutationRequest({
      headers: sameOriginHeaders(),
      bindingSecret: secret,
      csrfToken: csrfTokenFor(generateSessionToken()),
    });
    expect(foreign).toEqual({ ok: false, reason: "invalid CSRF token" });
  });
});
