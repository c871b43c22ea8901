import { describe, expect, it } from "vitest";
import {
  generateSessionToken,
  SESSION_DURATION_MS,
  SESSION_RENEWAL_WINDOW_MS,
  sessionExpiry,
  sessionIdFromToken,
  sessionNeedsRenewal,
} from "./session-tokens";

describe("session tokens", () => {
  it("carry 32 random bytes (52 base32 characters) and never repeat", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{52}$/);
  });

  it("are stored as their SHA-256", () => {
    expect(sessionIdFromToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("expire after 30 days and are renewed in their last 15", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(SESSION_DURATION_MS).toBe(30 * 24 * 3600 * 1000);
    expect(sessionExpiry(now).getTime()).toBe(now + SESSION_DURATION_MS);
    expect(sessionNeedsRenewal(new Date(now + SESSION_DURATION_MS), now)).toBe(false);
    expect(sessionNeedsRenewal(new Date(now + SESSION_RENEWAL_WINDOW_MS + 1), now)).toBe(false);
    expect(sessionNeedsRenewal(new Date(now + SESSION_RENEWAL_WINDOW_MS - 1), now)).toBe(true);
  });
});
