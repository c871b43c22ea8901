import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum recommendation for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// @node-rs/argon2 uses argon2id by default; the parameters travel inside the encoded hash.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let hashForUnknownUsers: Promise<string> | undefined;

/**
 * Spend the same time as a real check when the email is unknown, so response times do not
 * reveal which emails have accounts. Always resolves to false.
 */
export async function verifyAgainstNoUser(password: string): Promise<false> {
  hashForUnknownUsers ??= hashPassword("no user has this password");
  await verify(await hashForUnknownUsers, password);
  return false;
}
