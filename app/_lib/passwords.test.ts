import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstNoUser, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("uses argon2id with a per-hash salt", async () => {
    const [first, second] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword(stored, "correct horse")).toBe(true);
    expect(await verifyPassword(stored, "Correct horse")).toBe(false);
  });

  it("spends a real verification on unknown users and always fails", async () => {
    expect(await verifyAgainstNoUser("no user has this password")).toBe(false);
  });
});
