/**
 * Measures (does not assert) the lab page's two numbers in Chromium: time until the editor
 * accepts input, and time from Submit to the verdict on screen. Prints them to the console.
 */
import { expect, test } from "@playwright/test";
import { editorInput, editorLines, LAB, labFile, replaceCode, signUpLearner } from "./workspace-helpers";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test("lab page timings: editor ready, submit to verdict", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpLearner(page, "lab-timing");
  const ready: number[] = [];
  const typed: number[] = [];
  for (let round = 0; round < 3; round++) {
    await page.goto(`/labs/${LAB}`);
    await expect(editorInput(page)).toBeAttached({ timeout: 20_000 });
    await editorLines(page).click();
    await page.keyboard.insertText(`// ${round}`);
    await expect(editorLines(page)).toContainText(`// ${round}`);
    // Both relative to the navigation's start: the editor's mount, and now (a typed character is on screen).
    const [mounted, now] = await page.evaluate(() => [performance.getEntriesByName("workspace:editor-ready")[0]?.startTime ?? NaN, performance.now()]);
    ready.push(mounted);
    typed.push(now);
  }

  await replaceCode(page, labFile("reference.ts"));
  const verdict: number[] = [];
  const server: number[] = [];
  for (let round = 0; round < 3; round++) {
    const current = page.getByTestId("verdict");
    const previous = (await current.count()) > 0 ? await current.getAttribute("data-submission") : "none";
    const started = Date.now();
    await page.getByRole("button", { name: /^Submit/ }).click();
    const shown = page.locator(`[data-testid="verdict"][data-submission]:not([data-submission="${previous}"])`);
    await expect(shown).toContainText("Submission: score 100%", { timeout: 30_000 });
    verdict.push(Date.now() - started);
    const totalMs = await page.getByTestId("verdict").getByText(/Graded in \d+ ms/).textContent();
    server.push(Number(/Graded in (\d+) ms/.exec(totalMs ?? "")?.[1]));
  }

  const report = {
    editorMountedMs: ready.map(Math.round),
    editorAcceptsTypedInputMs: typed.map(Math.round),
    submitToVerdictMs: verdict,
    serverGradingMs: server,
    medians: { editorMountedMs: Math.round(median(ready)), editorAcceptsTypedInputMs: Math.round(median(typed)), submitToVerdictMs: median(verdict), serverGradingMs: median(server) },
  };
  console.log(`WORKSPACE TIMINGS ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: "timings", description: JSON.stringify(report.medians) });
});
