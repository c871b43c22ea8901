import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { editorInput, editorLines, LAB, labFile, openLab, replaceCode, signUpLearner } from "./workspace-helpers";

test("signed out, the lab page shows the statement and asks to sign in", async ({ page }) => {
  await page.goto(`/labs/${LAB}`);
  await expect(page.getByRole("heading", { level: 1, name: "Fixed-window rate limiter" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await expect(page.locator(".monaco-editor")).toHaveCount(0);
});

test("the reference solution passes run and submit, and the score reaches the dashboard", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpLearner(page, "lab-pass");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Labs" }).click();
  await page.getByRole("link", { name: "Fixed-window rate limiter" }).click();
  await expect(editorInput(page)).toBeAttached({ timeout: 20_000 });
  await expect(page.getByText("Ctrl+Enter", { exact: false }).first()).toBeVisible();

  await replaceCode(page, labFile("reference.ts"));
  await page.keyboard.press("ControlOrMeta+Enter");
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Run: score 100%", { timeout: 30_000 });

  await page.keyboard.press("ControlOrMeta+Shift+Enter");
  await expect(verdict).toContainText("Submission: score 100%", { timeout: 30_000 });
  await expect(verdict).toContainText("lab complete");
  await expect(verdict.locator(".test-result--failed")).toHaveCount(0);
  expect(await verdict.locator(".test-result--passed").count()).toBeGreaterThan(1);

  // The command log shows what the solution sent (MULTI/EXEC around INCR and EXPIRE).
  await page.getByRole("tab", { name: "Command log" }).click();
  await expect(page.getByTestId("command-log")).toContainText(/\] incr ratelimit:/);
  await expect(page.getByTestId("command-log")).toContainText(/\] expire ratelimit:/);

  await page.getByRole("tab", { name: "Submissions" }).click();
  await expect(page.getByTestId("submission-history").locator("summary").first()).toContainText("Submission");

  await page.goto("/dashboard");
  await expect(page.getByTestId("lab-scores")).toContainText("Rate limiter fixed window: 100%");
});

test("a wrong solution shows the failing test with its explanation and the commands sent", async ({ page }) => {
  test.setTimeout(90_000);
  await signUpLearner(page, "lab-wrong");
  await openLab(page);
  const wrong = labFile("wrong/missing-ttl.ts");
  const failing = /^\/\/ expect-fail: (.+)$/m.exec(wrong)![1]!;
  await replaceCode(page, wrong);
  await page.getByRole("button", { name: /^Submit/ }).click();
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Submission: score", { timeout: 30_000 });
  const failed = verdict.locator(".test-result--failed", { hasText: failing });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText("Why it matters:");
  await failed.getByText("Engine commands your code sent").click();
  await expect(failed.locator(".command-lines")).toContainText(/\] incr ratelimit:/);
});

test("the console runs commands on the learner's engine and the inspector follows", async ({ page }) => {
  await signUpLearner(page, "lab-console");
  await openLab(page);
  await page.getByRole("tab", { name: "Console" }).click();
  const input = page.getByLabel("Command for your engine");
  const output = page.getByRole("log", { name: "Console output" });

  await input.fill("SET greeting 'hello world' EX 100");
  await input.press("Enter");
  await expect(output.locator(".console-entry").last()).toContainText("OK");
  await input.fill("GET greeting");
  await input.press("Enter");
  await expect(output.locator(".console-entry").last()).toContainText('"hello world"');
  await input.fill("LPUSH greeting x");
  await input.press("Enter");
  await expect(output.locator(".console-entry__reply--error").last()).toContainText("(error) WRONGTYPE");
  await input.fill("HELP SET");
  await input.press("Enter");
  await expect(output.locator(".console-entry").last()).toContainText("group: string");
  await input.fill("ZAD");
  await input.press("Tab");
  await expect(input).toHaveValue("ZADD ");
  await input.fill("ZADD board 10 alice 20 bob");
  await input.press("Enter");
  await expect(output.locator(".console-entry").last()).toContainText("(integer) 2");
  await input.press("ArrowUp");
  await expect(input).toHaveValue("ZADD board 10 alice 20 bob");

  await page.getByRole("tab", { name: "Keys" }).click();
  const keys = page.getByTestId("key-table");
  await expect(keys.getByRole("row", { name: /greeting string/ })).toContainText(/\d+ s/);
  await keys.getByRole("button", { name: "board" }).click();
  const value = page.getByRole("region", { name: "Value of board" });
  await expect(value.getByRole("row", { name: "bob 20" })).toBeVisible();

  // A key created in the console appears in the inspector.
  await page.getByRole("tab", { name: "Console" }).click();
  await input.fill("RPUSH queue a b c");
  await input.press("Enter");
  await expect(output.locator(".console-entry").last()).toContainText("(integer) 3");
  await page.getByRole("tab", { name: "Keys" }).click();
  await expect(keys.getByRole("row", { name: /queue list/ })).toBeVisible();

  await page.getByRole("button", { name: "Reset engine" }).click();
  await expect(page.getByText("No keys. Create some in the console.")).toBeVisible();
});

test("an infinite loop hits the time limit and the page stays usable", async ({ page }) => {
  // This lab gives each call ~30 s (its burst test needs it), so the loop is stopped after that.
  test.setTimeout(150_000);
  await signUpLearner(page, "lab-loop");
  await openLab(page);
  await replaceCode(page, 'import type { Redis } from "ioredis";\nexport async function isAllowed(deps: { redis: Redis }, userId: string, limit: number, windowSeconds: number): Promise<boolean> {\n  while (true) {}\n}\n');
  await page.getByRole("button", { name: /^Run examples/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Running the examples" })).toBeVisible();
  const alert = page.getByTestId("verdict").getByRole("alert");
  await expect(alert).toContainText("Time limit", { timeout: 75_000 });

  await page.getByRole("tab", { name: "Console" }).click();
  const input = page.getByLabel("Command for your engine");
  await input.fill("PING");
  await input.press("Enter");
  await expect(page.getByRole("log", { name: "Console output" })).toContainText("PONG");
  await replaceCode(page, labFile("reference.ts"));
  await page.getByRole("button", { name: /^Run examples/ }).click();
  await expect(page.getByTestId("verdict")).toContainText("Run: score 100%", { timeout: 30_000 });
});

test("a syntax error is reported with its line and marked in the editor", async ({ page }) => {
  await signUpLearner(page, "lab-syntax");
  await openLab(page);
  await replaceCode(page, "export async function isAllowed() {\n  return 1 +;\n}\n");
  await page.getByRole("button", { name: /^Run examples/ }).click();
  const alert = page.getByTestId("verdict").getByRole("alert");
  await expect(alert).toContainText("does not compile", { timeout: 30_000 });
  await expect(alert).toContainText("line 2:");
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();
});

test("the editor knows ioredis's types: a wrong type is marked, the right one is not", async ({ page }) => {
  await signUpLearner(page, "lab-types");
  await openLab(page);
  const source = (type: string) => `import type { Redis } from "ioredis";\nexport async function count(redis: Redis): Promise<${type}> {\n  const n: ${type} = await redis.incr("visits");\n  return n;\n}\n`;
  await replaceCode(page, source("string"));
  // INCR resolves to a number in ioredis's declarations: assigning it to a string is a type error.
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached({ timeout: 20_000 });
  await replaceCode(page, source("number"));
  await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(0, { timeout: 20_000 });
});

test("the draft autosaves and comes back after a reload", async ({ page }) => {
  await signUpLearner(page, "lab-draft");
  await openLab(page);
  const saved = page.waitForResponse((response) => response.url().endsWith(`/api/labs/${LAB}/draft`) && response.request().method() === "PUT" && response.ok());
  await replaceCode(page, "// my draft 42\n");
  await saved;
  await expect(page.getByTestId("save-state")).toHaveText("Draft saved");
  await page.reload();
  await expect(editorLines(page)).toContainText("// my draft 42", { timeout: 20_000 });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reset to starter" }).click();
  await expect(editorLines(page)).toContainText("not implemented");
});

test("the lab page passes axe accessibility checks", async ({ page }) => {
  await signUpLearner(page, "lab-axe");
  await openLab(page);
  await expect(editorLines(page)).toContainText("isAllowed");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.getByRole("tab", { name: "Console" }).click();
  const consoleTab = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(consoleTab.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});
