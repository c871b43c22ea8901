"use server";
/** Server actions of the lesson pages: run a snippet, grade a quiz, mark a lesson complete. Each checks CSRF first. */
import { z } from "zod";
import { getLesson, getLessonSnippets, gradeQuiz, type QuizQuestionResult } from "@/content";
import { runConsoleCommand } from "@/labs/console";
import { getCurrentUser } from "@/app/_lib/auth";
import { markLessonComplete, recordQuizAttempt } from "@/app/_lib/lessons-progress";
import { checkServerAction, EXPIRED_FORM_MESSAGE } from "@/app/_lib/mutation-guard";

const SLUG = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const LessonRef = z.object({ moduleSlug: SLUG, lessonSlug: SLUG });

type Failure = { ok: false; error: string };

async function guard(formData: FormData): Promise<{ ok: true; userId: string } | Failure> {
  if (!(await checkServerAction(formData)).ok) return { ok: false, error: EXPIRED_FORM_MESSAGE };
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to do this." };
  return { ok: true, userId: user.id };
}

export interface SnippetRunStep {
  command: string;
  /** Reply lines as redis-cli prints them. */
  actual: string[];
  matches: boolean;
}
export type SnippetRunResult = { ok: true; steps: SnippetRunStep[] } | Failure;

/**
 * Runs one of the lesson's own snippets, command by command, in the learner's engine. Only the
 * lesson's commands can run here (the request names a snippet, not commands).
 */
export async function runSnippetAction(formData: FormData): Promise<SnippetRunResult> {
  const allowed = await guard(formData);
  if (!allowed.ok) return allowed;
  const input = LessonRef.extend({ index: z.coerce.number().int().min(0).max(100) }).safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "Unknown snippet." };
  const snippet = getLessonSnippets(input.data.moduleSlug, input.data.lessonSlug)[input.data.index];
  if (!snippet) return { ok: false, error: "Unknown snippet." };
  const steps: SnippetRunStep[] = [];
  for (const step of snippet.steps) {
    const actual = (await runConsoleCommand(allowed.userId, step.command)).lines;
    steps.push({ command: step.command, actual, matches: actual.join("\n") === step.reply.join("\n") });
  }
  return { ok: true, steps };
}

export type QuizState =
  | { status: "idle" }
  | { status: "error"; error: string }
  | { status: "graded"; score: number; total: number; passed: boolean; results: QuizQuestionResult[]; answers: Record<string, string> };

const ANSWER_FIELD = /^answer:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Grades the answers on the server (the answer key never leaves it), stores the attempt, completes the lesson on a pass. */
export async function submitQuizAction(_previous: QuizState, formData: FormData): Promise<QuizState> {
  const allowed = await guard(formData);
  if (!allowed.ok) return { status: "error", error: allowed.error };
  const ref = LessonRef.safeParse(Object.fromEntries(formData));
  if (!ref.success) return { status: "error", error: "Unknown lesson." };
  const answers: Record<string, string> = {};
  for (const [name, value] of formData) {
    const m = ANSWER_FIELD.exec(name);
    if (m && typeof value === "string") answers[m[1]] = z.string().trim().max(40).catch("").parse(value);
  }
  const grade = gradeQuiz(ref.data.moduleSlug, ref.data.lessonSlug, answers);
  if (!grade) return { status: "error", error: "Unknown lesson." };
  const passed = await recordQuizAttempt(allowed.userId, ref.data.moduleSlug, ref.data.lessonSlug, answers, grade);
  return { status: "graded", score: grade.score, total: grade.total, passed, results: grade.results, answers };
}

export type CompleteState = { status: "idle" } | { status: "error"; error: string } | { status: "done" };

export async function markCompleteAction(_previous: CompleteState, formData: FormData): Promise<CompleteState> {
  const allowed = await guard(formData);
  if (!allowed.ok) return { status: "error", error: allowed.error };
  const ref = LessonRef.safeParse(Object.fromEntries(formData));
  if (!ref.success || !getLesson(ref.data.moduleSlug, ref.data.lessonSlug)) return { status: "error", error: "Unknown lesson." };
  await markLessonComplete(allowed.userId, ref.data.moduleSlug, ref.data.lessonSlug);
  return { status: "done" };
}
