/** Lab drafts, submissions and best scores in the database (the labs runtime never touches Prisma). */
import type { Verdict } from "@/labs";
import { db } from "./db";

/** Past submissions shown on a lab page. */
export const SUBMISSION_HISTORY = 10;

export type SubmissionStatus = "passed" | "failed" | "timeout" | "error";

export function submissionStatus(verdict: Verdict): SubmissionStatus {
  if (verdict.passed) return "passed";
  const kind = verdict.sandboxError?.kind;
  if (kind === "time-limit" || kind === "cpu-limit") return "timeout";
  if (kind && kind !== "crash") return "error";
  return "failed";
}

export interface SubmissionView {
  id: string;
  kind: "run" | "submit";
  status: SubmissionStatus;
  score: number;
  maxScore: number;
  code: string;
  verdict: Verdict;
  createdAt: string;
}

type SubmissionRow = { id: string; kind: string; status: string; score: number; maxScore: number; code: string; results: string; createdAt: Date };

function toView(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    kind: row.kind === "run" ? "run" : "submit",
    status: row.status as SubmissionStatus,
    score: row.score,
    maxScore: row.maxScore,
    code: row.code,
    verdict: JSON.parse(row.results) as Verdict,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Stores a run or a submission with its verdict; score counts passed tests. */
export async function saveSubmission(userId: string, labSlug: string, code: string, verdict: Verdict): Promise<SubmissionView> {
  const row = await db.labSubmission.create({
    data: {
      userId,
      labSlug,
      code,
      kind: verdict.mode,
      status: submissionStatus(verdict),
      score: verdict.tests.filter((test) => test.passed).length,
      maxScore: verdict.tests.length,
      results: JSON.stringify(verdict),
      durationMs: Math.round(verdict.timings.totalMs),
    },
  });
  return toView(row);
}

export async function listSubmissions(userId: string, labSlug: string): Promise<SubmissionView[]> {
  const rows = await db.labSubmission.findMany({
    where: { userId, labSlug },
    orderBy: { createdAt: "desc" },
    take: SUBMISSION_HISTORY,
  });
  // Rows written before verdicts were stored (the demo seed) have no verdict to show.
  return rows.filter((row) => row.results.startsWith("{")).map(toView);
}

export interface LabScore {
  /** Best graded score as a percentage of the tests. */
  bestPercent: number;
  passed: boolean;
}

/** Best score per lab from graded submissions (kind "submit"). */
export async function bestLabScores(userId: string): Promise<Map<string, LabScore>> {
  const rows = await db.labSubmission.findMany({
    where: { userId, kind: "submit", maxScore: { gt: 0 } },
    select: { labSlug: true, score: true, maxScore: true, status: true },
  });
  const best = new Map<string, LabScore>();
  for (const row of rows) {
    const percent = Math.round((row.score / row.maxScore) * 100);
    const current = best.get(row.labSlug);
    best.set(row.labSlug, {
      bestPercent: Math.max(current?.bestPercent ?? 0, percent),
      passed: (current?.passed ?? false) || row.status === "passed",
    });
  }
  return best;
}

export async function getDraft(userId: string, labSlug: string): Promise<{ code: string; updatedAt: string } | null> {
  const draft = await db.labDraft.findUnique({ where: { userId_labSlug: { userId, labSlug } } });
  return draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : null;
}

export async function saveDraft(userId: string, labSlug: string, code: string): Promise<string> {
  const draft = await db.labDraft.upsert({
    where: { userId_labSlug: { userId, labSlug } },
    create: { userId, labSlug, code },
    update: { code },
  });
  return draft.updatedAt.toISOString();
}

export async function deleteDraft(userId: string, labSlug: string): Promise<void> {
  await db.labDraft.deleteMany({ where: { userId, labSlug } });
}
