import path from "node:path";
import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(page: Page, account: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // argon2id hashing on a busy 2-core machine can take longer than the default 5 s.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page, name: string) {
  await page.locator("summary", { hasText: name }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Reads the e2e server's database directly, to check what was (not) stored. */
export function countUsersWithEmail(email: string): number {
  const db = new Database(path.resolve(E2E_DATABASE_URL.slice("file:".length)), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE email = ?`).get(email) as { n: number }).n;
  } finally {
    db.close();
  }
}
