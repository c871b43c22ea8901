import { describe, expect, it } from "vitest";
import { clearLoginAttempts, consumeLoginAttempt, LOGIN_ATTEMPTS_PER_WINDOW, LOGIN_WINDOW_SECONDS } from "./login-rate-limit";

describe("login rate limit", () => {
  it("allows 5 attempts per IP and email, then says how long to wait", async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      expect(await consumeLoginAttempt("10.0.0.1", "a@example.com")).toEqual({ allowed: true });
    }
    const blocked = await consumeLoginAttempt("10.0.0.1", "a@example.com");
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    }
    // Other emails from that IP, and that email from other IPs, are unaffected.
    expect((await consumeLoginAttempt("10.0.0.1", "b@example.com")).allowed).toBe(true);
    expect((await consumeLoginAttempt("10.0.0.2", "a@example.com")).allowed).toBe(true);
  });

  it("starts over after a successful sign-in clears the count", async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) await consumeLoginAttempt("10.0.0.3", "c@example.com");
    await clearLoginAttempts("10.0.0.3", "c@example.com");
    expect((await consumeLoginAttempt("10.0.0.3", "c@example.com")).allowed).toBe(true);
  });
});
