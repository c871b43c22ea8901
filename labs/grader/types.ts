import type { SandboxErrorKind } from "../sandbox/worker";
import type { BackendMethod } from "./backend";
import type { TestContext } from "./context";

export interface LabTest {
  /** Shown to the learner; says what is checked ("allows exactly 10 requests per window"). */
  name: string;
  /** Visible tests are the examples a learner can run; hidden ones run only on submit. */
  visible: boolean;
  /** Shown when the test fails: the concept behind it, in an interviewer's words. */
  explanation: string;
  /** Sandboxed app servers the test uses (each is one process); default 1. */
  appServers?: number;
  /** Wall-time budget for the whole test (default 10 s). */
  timeoutMs?: number;
  run(t: TestContext): Promise<void>;
}

export interface LabDefinition {
  slug: string;
  title: string;
  /** Functions the solution must export (their signatures are in starter.ts). */
  functions: string[];
  /** The fake database a lab's code may call as `db.<method>(...)`; fresh per test. */
  backend?: (store: Map<string, unknown>) => Record<string, BackendMethod>;
  hints: string[];
  tests: LabTest[];
}

export interface TestResult {
  name: string;
  visible: boolean;
  passed: boolean;
  /** Why it failed, for the learner. */
  message?: string;
  explanation?: string;
  expected?: unknown;
  actual?: unknown;
  /** The engine commands the solution issued during a failing test or a passing visible one (last ones, formatted like MONITOR). */
  commands?: string[];
  durationMs: number;
  sandboxError?: { kind: SandboxErrorKind; message: string };
}

export interface Verdict {
  lab: string;
  mode: "run" | "submit";
  passed: boolean;
  /** Percentage of the tests run that passed, 0-100. */
  score: number;
  tests: TestResult[];
  /** Set when the sandbox stopped the solution (compile error, time/memory/output limit, crash). */
  sandboxError?: { kind: SandboxErrorKind; message: string };
  output: string;
  timings: { totalMs: number; transpileMs: number; sandboxWaitMs: number; testsMs: number };
}
