import { expect, test } from "@playwright/test";
import { countUsersWithEmail, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("sign up, see the dashboard, sign out and sign in again", async ({ page }) => {
  const account = { name: "Ada Lovelace", email: uniqueEmail("ada"), password: "analytical-engine" };
  await signUp(page, account);
  await expect(page.getByRole("heading", { name: `Welcome back, ${account.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overall progress" })).toBeVisible();

  await signOut(page, account.name);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?next=%2Fdashboard/);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome back, ${account.name}` })).toBeVisible();
});

test("a wrong password shows an error and keeps the email", async ({ page }) => {
  await signIn(page, "learner@example.com", "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue("learner@example.com");
});

test("repeated failed sign-ins are rate limited", async ({ page }) => {
  const email = uniqueEmail("brute");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  }
  await signIn(page, email, "wrong-password-6");
  await expect(page.locator("form").getByRole("alert")).toContainText(/Too many sign-in attempts\. Try again in \d+ s\./);
});

test("bad sign-up input shows field messages and creates nothing", async ({ page }) => {
  const email = uniqueEmail("invalid");
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Use at least 10 characters\./);
  await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription("The passwords do not match.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  // Valid except for the confirmation: still nothing may be stored.
  await page.getByLabel("Name").fill("Half Done");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("long-enough-password");
  await page.getByLabel("Confirm password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Confirm password")).toHaveAccessibleDescription("The passwords do not match.");
  await expect(page).toHaveURL(/\/signup/);
  expect(countUsersWithEmail(email)).toBe(0);
});

test("signing up twice with one email is refused", async ({ page, browser }) => {
  const account = { name: "First", email: uniqueEmail("twice"), password: "first-password" };
  await signUp(page, account);

  const other = await browser.newPage();
  await other.goto("/signup");
  await other.getByLabel("Name").fill("Second");
  await other.getByLabel("Email").fill(account.email.toUpperCase());
  await other.getByLabel("Password", { exact: true }).fill("second-password");
  await other.getByLabel("Confirm password").fill("second-password");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByLabel("Email")).toHaveAccessibleDescription(/already exists/);
  expect(countUsersWithEmail(account.email)).toBe(1);
  await other.close();
});

test("changing the password signs out other sessions and replaces the old password", async ({ page, browser }) => {
  const account = { name: "Grace Hopper", email: uniqueEmail("grace"), password: "cobol-compiler" };
  await signUp(page, account);

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, account.email, account.password);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.locator("summary", { hasText: account.name }).click();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();

  await page.getByLabel("Current password").fill("wrong-current-password");
  await page.getByLabel("New password", { exact: true }).fill("nanosecond-wire");
  await page.getByLabel("Confirm new password").fill("nanosecond-wire");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("The current password is not correct.");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("nanosecond-wire");
  await page.getByLabel("Confirm new password").fill("nanosecond-wire");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. 1 other session was signed out.");

  // This session stays, the other one is gone.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: `Welcome back, ${account.name}` })).toBeVisible();
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin/);
  await otherContext.close();

  await signOut(page, account.name);
  await signIn(page, account.email, account.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(page, account.email, "nanosecond-wire");
  await expect(page).toHaveURL(/\/dashboard$/);
});
