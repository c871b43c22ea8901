import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { loadContent } from "../content";
import { signUp, uniqueEmail } from "./helpers";

const LESSON = "/learn/foundations/why-redis";
const quizKey = loadContent().modules.find((m) => m.slug === "foundations")!.lessonsFull.find((l) => l.slug === "why-redis")!.quiz;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a visitor reads a lesson: highlighted snippets, a sign-in prompt to run them, labs, next lesson, no axe violations", async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 1, name: "Why Redis, and when not to use it" })).toBeVisible();
  await expect(page.getByText(/About \d+ min read/)).toBeVisible();
  const snippet = page.locator("figure.snippet").first();
  await expect(snippet).toContainText("> SET page:views 41");
  await expect(snippet.getByRole("link", { name: "Sign in to run" })).toHaveAttribute("href", `/signin?next=${encodeURIComponent(LESSON)}`);
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: /Next/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/learn/cluster/slots-and-hash-tags");
  await expect(page.locator("figure.diagram[data-rendered='true'] svg")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Labs that practise this" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Leaderboard" })).toHaveAttribute("href", "/labs/leaderboard");
  await expectNoAxeViolations(page);
});

test("a learner runs a snippet, answers the quiz, and sees the lesson completed on the course map", async ({ page }) => {
  await signUp(page, { name: "Lesson Learner", email: uniqueEmail("lessons"), password: "a-long-password-1" });
  await page.goto(LESSON);

  const snippet = page.locator("figure.snippet").first();
  await snippet.getByRole("button", { name: "Run" }).click();
  await expect(snippet.getByRole("status")).toContainText("every reply matches the lesson");
  await expect(snippet.getByTestId("engine-reply")).toHaveCount(4);
  await expect(snippet.getByTestId("engine-reply").nth(1)).toHaveText("(integer) 42");
  await expect(snippet.getByRole("button", { name: "Run again" })).toBeEnabled();

  // First attempt: everything wrong on purpose, then right.
  const quiz = page.locator("form.quiz");
  for (const q of quizKey) {
    if (q.kind === "choice") await quiz.getByRole("group", { name: q.prompt }).getByRole("radio").nth((q.answer + 1) % q.options!.length).check();
    else await quiz.getByRole("group", { name: q.prompt }).getByRole("textbox").fill(String(q.answer + q.tolerance + 1_000_000));
  }
  await quiz.getByRole("button", { name: "Check my answers" }).click();
  await expect(quiz.getByRole("status")).toContainText(`You scored 0 of ${quizKey.length}`);
  await expect(quiz.getByText(quizKey[0]!.explanation)).toBeVisible();

  for (const q of quizKey) {
    if (q.kind === "choice") await quiz.getByRole("group", { name: q.prompt }).getByRole("radio").nth(q.answer).check();
    else await quiz.getByRole("group", { name: q.prompt }).getByRole("textbox").fill(String(q.answer));
  }
  await quiz.getByRole("button", { name: "Submit again" }).click();
  await expect(quiz.getByRole("status")).toContainText(`You scored ${quizKey.length} of ${quizKey.length}. Passed`);
  for (const q of quizKey) await expect(quiz.getByText(q.explanation)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByText("✓ Lesson complete")).toBeVisible();
  await expect(page.getByText(`Best so far: ${quizKey.length} of ${quizKey.length} (2 attempts)`)).toBeVisible();

  await page.goto("/course");
  const item = page.locator(".item-list > li").filter({ has: page.getByRole("link", { name: "Why Redis, and when not to use it" }) });
  await expect(item).toContainText("(completed)");
  await expect(page.getByRole("progressbar", { name: /Module progress/ }).first()).not.toHaveAttribute("value", "0");

  // Replies the engine does not give are marked (the learner's engine is not in cluster mode).
  await page.goto("/learn/cluster/slots-and-hash-tags");
  const clusterSnippet = page.locator("figure.snippet").first();
  await clusterSnippet.getByRole("button", { name: "Run" }).click();
  await expect(clusterSnippet.getByRole("status")).toContainText("differ from the lesson");
  await expect(clusterSnippet.getByText("≠ Your engine replied differently:").first()).toBeVisible();

  // The mark-complete button works on its own too.
  await page.goto("/learn/foundations/event-loop-and-threads");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText("✓ Lesson complete")).toBeVisible();
  await page.goto("/course");
  await expect(page.locator(".item-list > li").filter({ has: page.getByRole("link", { name: /event loop/i }) })).toContainText("(completed)");
});

test("search finds lessons by title and body", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search the lessons" }).fill("hash tags");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=hash\+tags/);
  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first.getByRole("link")).toHaveAttribute("href", "/learn/cluster/slots-and-hash-tags");
  await first.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("hash slots");
  await page.goto("/search?q=zzzzqqq");
  await expect(page.getByRole("heading", { name: /No lessons match/ })).toBeVisible();
});

test("simulations render and react to their controls", async ({ page }) => {
  await page.goto("/simulations");
  await expect(page.getByRole("heading", { level: 1, name: "Simulations" })).toBeVisible();

  const slots = page.locator("#hash-slots");
  await slots.getByLabel("Keys, one per line").fill("user:1000\n{user:1000}:cart\nfoo");
  await expect(slots.getByTestId("slot")).toHaveText(["1649", "1649", "12182"]);
  await expect(slots.locator(".recharts-bar-rectangle").first()).toBeVisible();

  const fsync = page.locator("#fsync");
  await fsync.getByLabel("appendfsync always").check();
  await expect(fsync.getByTestId("fsync-lost")).toContainText("lost: 0");
  await fsync.getByLabel("appendfsync no (kernel flushes ~30 s)").check();
  await expect(fsync.getByTestId("fsync-lost")).not.toContainText("lost: 0 ");

  const hot = page.locator("#hot-key");
  const before = await hot.getByTestId("hot-key-busiest").textContent();
  await hot.getByLabel("Read from replicas").check();
  await expect(hot.getByTestId("hot-key-busiest")).not.toHaveText(before!);

  const avalanche = page.locator("#cache-avalanche");
  await avalanche.getByRole("button", { name: "Run on the engine" }).click();
  await expect(avalanche.getByTestId("avalanche-peaks")).toContainText("Peak backend load", { timeout: 30_000 });
  await expect(avalanche.locator(".recharts-line").first()).toBeVisible();

  const eviction = page.locator("#eviction");
  await eviction.getByRole("button", { name: "Run LRU and LFU on the engine" }).click();
  await expect(eviction.getByTestId("eviction-summary")).toContainText("Hot keys still cached at the end", { timeout: 30_000 });
  await eviction.getByLabel("Hot set, then traffic moves to new keys").check();
  await eviction.getByRole("button", { name: "Run LRU and LFU on the engine" }).click();
  await expect(eviction.getByTestId("eviction-summary")).toContainText("New keys still cached at the end", { timeout: 30_000 });
  await expectNoAxeViolations(page);
});
