import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

export const LAB = "rate-limiter-fixed-window";
export const labFile = (name: string) => readFileSync(path.resolve("labs", LAB, name), "utf8");

/** A fresh learner per journey: runs are rate-limited per learner (10 a minute). */
export async function signUpLearner(page: Page, prefix: string): Promise<void> {
  await signUp(page, { name: "Lab Learner", email: uniqueEmail(prefix), password: "correct-horse-battery" });
}

/** The editor's input element, once Monaco has mounted. */
export function editorInput(page: Page) {
  return page.getByRole("textbox", { name: /Solution code editor/ });
}

/** The editor's rendered lines. */
export function editorLines(page: Page) {
  return page.locator(".monaco-editor .view-lines");
}

/** Replaces the editor's contents as typed text (insertText, so Monaco does not auto-close brackets). */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await editorLines(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  const lastLine = code.trimEnd().split("\n").at(-1)!.trim();
  await expect(editorLines(page)).toContainText(lastLine);
}

export async function openLab(page: Page): Promise<void> {
  await page.goto(`/labs/${LAB}`);
  await expect(editorInput(page)).toBeAttached({ timeout: 20_000 });
}
