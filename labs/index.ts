/**
 * The labs API for the web app: list and show labs, and run a learner's code against a lab's
 * tests in the sandbox. Storing submissions (and history, best scores) is the app's job.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Engine, ErrorReply } from "../engine/index";
import { gradeSolution } from "./grader/grade";
import type { LabDefinition, Verdict } from "./grader/types";
import { labs } from "./registry";
import { assertLearnerId } from "./runtime/engine-pool";
import { WorkerPool } from "./sandbox/pool";

export type { TestResult, Verdict } from "./grader/types";
export { getLearnerEngine, resetLearnerEngine } from "./runtime/engine-pool";

export interface LabSummary {
  slug: string;
  title: string;
}

export interface LabDetails extends LabSummary {
  statement: string;
  starter: string;
  functions: string[];
  hints: string[];
  /** The example tests a learner can run (hidden tests are only counted). */
  visibleTests: { name: string; explanation: string }[];
  hiddenTestCount: number;
}

/** Lab files are read from the repository root (like content/), so start the site from there. */
function labFile(slug: string, name: string): string {
  return readFileSync(path.resolve("labs", slug, name), "utf8");
}

function findLab(slug: string): LabDefinition {
  const lab = labs.find((candidate) => candidate.slug === slug);
  if (!lab) throw new Error(`no lab named ${JSON.stringify(slug)}`);
  return lab;
}

export function listLabs(): LabSummary[] {
  return labs.map(({ slug, title }) => ({ slug, title }));
}

export function getLab(slug: string): LabDetails {
  const lab = findLab(slug);
  return {
    slug: lab.slug,
    title: lab.title,
    statement: labFile(slug, "statement.md"),
    starter: labFile(slug, "starter.ts"),
    functions: lab.functions,
    hints: lab.hints,
    visibleTests: lab.tests.filter((test) => test.visible).map(({ name, explanation }) => ({ name, explanation })),
    hiddenTestCount: lab.tests.filter((test) => !test.visible).length,
  };
}

/** Thrown by runLab when a learner submits too often; retry after `retryAfterMs`. */
export class SubmissionRateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`too many submissions: try again in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = "SubmissionRateLimited";
  }
}

export const SUBMISSION_LIMIT = { perWindow: 10, windowMs: 60_000 };

let pool: WorkerPool | undefined;
/** The site's sandbox pool, started on first use. */
export function sandboxPool(): WorkerPool {
  pool ??= new WorkerPool();
  return pool;
}

/**
 * The platform's own engine, holding submission counters: rate limiting uses the same Redis
 * pattern the first lab teaches (a fixed-window counter), and no learner can reach this engine.
 */
let platformEngine: Engine | undefined;
async function checkSubmissionRate(learnerId: string): Promise<void> {
  platformEngine ??= new Engine();
  const client = platformEngine.connect("submissions");
  try {
    const key = `submissions:${learnerId}`;
    const replies = [await client.call("SET", key, 0, "PX", SUBMISSION_LIMIT.windowMs, "NX"), await client.call("INCR", key), await client.call("PTTL", key)];
    const failed = replies.find((reply) => reply instanceof ErrorReply);
    if (failed) throw new Error(`submission rate limit: ${(failed as ErrorReply).message}`);
    if (Number(replies[1]) > SUBMISSION_LIMIT.perWindow) throw new SubmissionRateLimited(Number(replies[2]));
  } finally {
    client.close();
  }
}

export async function runLab(learnerId: string, slug: string, code: string, options: { mode: "run" | "submit" }): Promise<Verdict> {
  assertLearnerId(learnerId);
  const lab = findLab(slug);
  await checkSubmissionRate(learnerId);
  return gradeSolution(lab, code, options.mode, sandboxPool());
}
