import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/prisma/migrations-runner";

// The database module connects on import, so point it at a fresh file before importing it.
const workDir = mkdtempSync(path.join(tmpdir(), "accounts-"));
process.env.DATABASE_URL = `file:${path.join(workDir, "test.db")}`;

const { changePassword, signIn, signUp } = await import("./accounts");
const { db } = await import("./db");
const { createSession, invalidateSession, renewSession, validateSessionToken } = await import("./sessions");
const { sessionIdFromToken, SESSION_DURATION_MS } = await import("./session-tokens");

beforeAll(() => {
  deployMigrations(path.join(workDir, "test.db"));
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(workDir, { recursive: true, force: true });
});

let counter = 0;
const newAccount = () => {
  counter += 1;
  return { name: `User ${counter}`, email: `user${counter}@example.com`, password: "a-good-password", confirmPassword: "a-good-password" };
};
const client = { ip: "192.0.2.1", userAgent: "vitest" };

describe("signUp", () => {
  it("creates a learner with an argon2id hash and a session whose id is the token's hash", async () => {
    const account = newAccount();
    const result = await signUp({ ...account, email: account.email.toUpperCase() }, "vitest");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { sessions: true } });
    expect(user.role).toBe("learner");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.sessions.map((s) => s.id)).toEqual([sessionIdFromToken(result.value.token)]);
    expect(await db.session.count({ where: { id: result.value.token } })).toBe(0);
  });

  it("stores nothing when the input is invalid", async () => {
    const before = await db.user.count();
    const result = await signUp({ name: "", email: "x@example.com", password: "short", confirmPassword: "short" }, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["name", "password"]);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses an email that is taken, in any letter case, even when two sign-ups race", async () => {
    const account = newAccount();
    const results = await Promise.all([signUp(account, null), signUp({ ...account, email: account.email.toUpperCase() }, null)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await db.user.count({ where: { email: account.email } })).toBe(1);
  });
});

describe("signIn", () => {
  it("opens a session for the right password only, with one message for wrong passwords and unknown emails", async () => {
    const account = newAccount();
    await signUp(account, null);
    const wrong = await signIn({ email: account.email, password: "not-it-at-all" }, client);
    const unknown = await signIn({ email: "nobody@example.com", password: "whatever-it-is" }, client);
    expect(wrong).toEqual({ ok: false, message: "Incorrect email or password." });
    expect(unknown).toEqual(wrong);
    const right = await signIn({ email: account.email, password: account.password }, client);
    expect(right.ok).toBe(true);
  });

  it("blocks the sixth attempt within a minute", async () => {
    const account = newAccount();
    for (let i = 0; i < 5; i++) await signIn({ email: account.email, password: "wrong-password" }, client);
    const blocked = await signIn({ email: account.email, password: account.password }, client);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ s\.$/);
  });
});

describe("sessions", () => {
  it("validate, renew and end", async () => {
    const account = newAccount();
    const signedUp = await signUp(account, null);
    if (!signedUp.ok) throw new Error("sign-up failed");
    const session = await validateSessionToken(signedUp.value.token);
    expect(session?.user.email).toBe(account.email);

    await db.session.update({ where: { id: session!.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    const renewed = await renewSession(session!.id);
    expect(renewed!.getTime()).toBeGreaterThan(Date.now() + SESSION_DURATION_MS - 60_000);

    await invalidateSession(session!.id);
    expect(await validateSessionToken(signedUp.value.token)).toBeNull();
    expect(await renewSession(session!.id)).toBeNull();
  });

  it("treat expired sessions as signed out and delete them", async () => {
    const user = await db.user.findFirstOrThrow();
    const { token } = await createSession(user.id, null);
    await db.session.update({ where: { id: sessionIdFromToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
  });
});

describe("changePassword", () => {
  it("needs the current password, then ends every other session and keeps this one", async () => {
    const account = newAccount();
    const first = await signUp(account, null);
    if (!first.ok) throw new Error("sign-up failed");
    const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
    const other = await createSession(user.id, "other device");
    const current = { id: sessionIdFromToken(first.value.token), userId: user.id };

    const wrongCurrent = await changePassword(current, {
      currentPassword: "not-my-password",
      newPassword: "a-new-password",
      confirmPassword: "a-new-password",
    });
    expect(wrongCurrent.ok).toBe(false);
    expect(await validateSessionToken(other.token)).not.toBeNull();

    const changed = await changePassword(current, {
      currentPassword: account.password,
      newPassword: "a-new-password",
      confirmPassword: "a-new-password",
    });
    expect(changed).toEqual({ ok: true, value: { otherSessionsEnded: 1 } });
    expect(await validateSessionToken(other.token)).toBeNull();
    expect(await validateSessionToken(first.value.token)).not.toBeNull();
    expect((await signIn({ email: account.email, password: account.password }, client)).ok).toBe(false);
    expect((await signIn({ email: account.email, password: "a-new-password" }, client)).ok).toBe(true);
  });
});
