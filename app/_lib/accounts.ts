/** Sign-up, sign-in and password changes: validation, hashing and the database writes. */
import { Prisma } from "@/prisma/generated/client";
import { db } from "./db";
import { clearLoginAttempts, consumeLoginAttempt } from "./login-rate-limit";
import { hashPassword, verifyAgainstNoUser, verifyPassword } from "./passwords";
import { generateSessionToken, sessionExpiry, sessionIdFromToken } from "./session-tokens";
import { createSession } from "./sessions";
import { changePasswordSchema, fieldErrorsOf, type FieldErrors, signInSchema, signUpSchema } from "./validation";

export const SIGN_UP_FIELDS = ["name", "email", "password", "confirmPassword"] as const;
export const SIGN_IN_FIELDS = ["email", "password"] as const;
export const CHANGE_PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/** What a form shows after a failed submission; passwords are never echoed back. */
export interface FormFailure<Field extends string> {
  message?: string;
  fieldErrors?: FieldErrors<Field>;
}

export type NewSession = { token: string; expiresAt: Date };
type Outcome<Field extends string, Success> = { ok: true; value: Success } | ({ ok: false } & FormFailure<Field>);

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead?";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates the learner account and its first session in one write, so nothing half-made remains. */
export async function signUp(
  input: Record<(typeof SIGN_UP_FIELDS)[number], string>,
  userAgent: string | null,
): Promise<Outcome<(typeof SIGN_UP_FIELDS)[number], NewSession>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { name, email, password } = parsed.data;

  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };
  }
  const token = generateSessionToken();
  const expiresAt = sessionExpiry();
  try {
    await db.user.create({
      data: {
        name,
        email,
        passwordHash: await hashPassword(password),
        role: "learner",
        sessions: { create: { id: sessionIdFromToken(token), expiresAt, userAgent } },
      },
    });
  } catch (error) {
    // Two sign-ups with the same email at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };
    throw error;
  }
  return { ok: true, value: { token, expiresAt } };
}

export async function signIn(
  input: Record<(typeof SIGN_IN_FIELDS)[number], string>,
  client: { ip: string; userAgent: string | null },
): Promise<Outcome<(typeof SIGN_IN_FIELDS)[number], NewSession>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, password } = parsed.data;

  const attempt = await consumeLoginAttempt(client.ip, email);
  if (!attempt.allowed) {
    return {
      ok: false,
      message: `Too many sign-in attempts. Try again in ${attempt.retryAfterSeconds} s.`,
    };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstNoUser(password);
  if (!user || !passwordMatches) {
    // One message for both cases, so the form does not reveal which emails have accounts.
    return { ok: false, message: "Incorrect email or password." };
  }
  await clearLoginAttempts(client.ip, email);
  return { ok: true, value: await createSession(user.id, client.userAgent) };
}

/** Changes the password and signs out every other session of the user, atomically. */
export async function changePassword(
  session: { id: string; userId: string },
  input: Record<(typeof CHANGE_PASSWORD_FIELDS)[number], string>,
): Promise<Outcome<(typeof CHANGE_PASSWORD_FIELDS)[number], { otherSessionsEnded: number }>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;

  const user = await db.user.findUniqueOrThrow({ where: { id: session.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: ["The current password is not correct."] } };
  }
  const passwordHash = await hashPassword(newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: session.userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: session.userId, id: { not: session.id } } }),
  ]);
  return { ok: true, value: { otherSessionsEnded: ended.count } };
}
