import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_LEARNER } from "../prisma/demo-accounts";
import { signIn } from "./helpers";

test("a learner cannot open the instructor area", async ({ page }) => {
  await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" })).toHaveCount(0);

  const response = await page.goto("/instructor");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("signed-out visitors are sent to sign in, and come back afterwards", async ({ page }) => {
  await page.goto("/instructor");
  await expect(page).toHaveURL(/\/signin\?next=%2Finstructor/);
  await page.getByLabel("Email").fill(DEMO_INSTRUCTOR.email);
  await page.getByLabel("Password").fill(DEMO_INSTRUCTOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/instructor$/);
});

test("the demo instructor sees the cohort and its members' progress", async ({ page }) => {
  await signIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).click();
  await expect(page.getByRole("heading", { name: "Instructor", level: 1 })).toBeVisible();
  const cohort = page.getByRole("region", { name: "Demo cohort" });
  await expect(cohort).toBeVisible();
  const learnerRow = cohort.getByRole("row").filter({ hasText: DEMO_LEARNER.email });
  await expect(learnerRow).toContainText(DEMO_LEARNER.name);
  await expect(learnerRow.getByRole("cell").nth(2)).toHaveText("2");
});

test("the demo learner's dashboard shows seeded progress and a submission", async ({ page }) => {
  await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const submissions = page.getByRole("region", { name: "Recent lab submissions" });
  await expect(submissions.getByRole("row")).toHaveCount(2);
  await expect(submissions).toContainText("3 / 5");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Course" }).click();
  await expect(page.getByRole("heading", { name: "Course map" })).toBeVisible();
  await expect(page.getByRole("progressbar").first()).toBeVisible();
});

test("mutations without a CSRF token or from another origin are refused", async ({ page, baseURL }) => {
  await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  const withoutToken = await page.request.post("/api/session/renew", { headers: { origin: baseURL! } });
  expect(withoutToken.status()).toBe(403);
  const crossSite = await page.request.post("/api/session/renew", {
    headers: { origin: "https://evil.example", "x-csrf-token": "0".repeat(64) },
  });
  expect(crossSite.status()).toBe(403);
});
