import { expect, test } from "@playwright/test";

test("the landing page explains the product and links to the course", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Redis");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await page.getByRole("link", { name: "See the course map" }).click();
  await expect(page.getByRole("heading", { name: "Course map" })).toBeVisible();
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the theme toggle switches themes and the choice survives a reload without a flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveText(/System/);
  const systemBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.click(); // light
  await toggle.click(); // dark
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveText(/Dark/);
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(systemBackground);

  // The server renders the chosen theme into the HTML itself, so there is nothing to flash.
  const response = await page.request.get("/");
  expect(await response.text()).toContain('data-theme="dark"');
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");

  await toggle.click(); // back to system
  await expect(html).not.toHaveAttribute("data-theme", /.*/);
  await expect(toggle).toHaveText(/System/);
});

test("unknown addresses get the custom 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
});

test("the layout fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/course");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
