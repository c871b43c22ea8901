/**
 * Grades one submission: transpile, lease sandbox workers, run each test on a fresh engine, and
 * turn what happened into a verdict. Only this trusted code decides whether a test passed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkerPool } from "../sandbox/pool";
import { transpileSolution } from "../sandbox/transpile";
import { LearnerError, SandboxError, type SandboxWorker } from "../sandbox/worker";
import { TestContext, TestFailure, type WorkerSource } from "./context";
import type { LabDefinition, LabTest, TestResult, Verdict } from "./types";

const DEFAULT_TEST_TIMEOUT_MS = 10_000;

/**
 * How much slower than an idle host this one runs now (1-minute load per core, between 1 and 6).
 * Wall-time limits are stretched by it so a busy grader does not fail correct solutions; an
 * infinite loop still ends (RLIMIT_CPU bounds the worker's CPU regardless).
 */
function hostSlowdown(): number {
  return Math.min(6, Math.max(1, os.loadavg()[0]! / os.cpus().length));
}
/** Output shown with a verdict, beyond which it is cut. */
const MAX_VERDICT_OUTPUT = 8_192;

/** Private per-process directory of the engines' Unix sockets (0700: workers run under other uids), removed at exit. */
let socketRoot: string | undefined;
function socketDirectory(): string {
  if (!socketRoot) {
    const root = mkdtempSync(path.join(os.tmpdir(), "labs-engines-"));
    process.once("exit", () => rmSync(root, { recursive: true, force: true }));
    socketRoot = root;
  }
  return socketRoot;
}
let nextTestDir = 0;

/** The workers one submission leases: app server i of every test runs in workers[i]. */
class Lease implements WorkerSource {
  private workers: SandboxWorker[] = [];
  /** Every worker this submission used, replaced ones included (their output belongs to the verdict). */
  private readonly used: SandboxWorker[] = [];
  sandboxWaitMs = 0;

  constructor(
    private readonly pool: WorkerPool,
    readonly code: string,
  ) {}

  async acquire(count: number): Promise<void> {
    const started = performance.now();
    this.workers = await this.pool.lease(count);
    this.used.push(...this.workers);
    this.sandboxWaitMs += performance.now() - started;
  }

  async workerFor(index: number): Promise<SandboxWorker> {
    const existing = this.workers[index];
    if (!existing) throw new Error(`app server ${index + 1} was not leased: declare appServers on the test`);
    if (existing.isAlive) return existing;
    // A worker stopped by a limit in an earlier test: the next test gets a fresh process.
    this.pool.release(existing);
    const started = performance.now();
    const [replacement] = await this.pool.lease(1);
    this.sandboxWaitMs += performance.now() - started;
    this.workers[index] = replacement!;
    this.used.push(replacement!);
    return replacement!;
  }

  /** Ends every process of this submission (a test that timed out may have calls still running). */
  stopAll(reason: SandboxError): void {
    for (const worker of this.workers) worker.end(reason);
  }

  output(): string {
    const text = this.used.map((worker) => worker.output.join("")).join("");
    return text.length > MAX_VERDICT_OUTPUT ? `${text.slice(0, MAX_VERDICT_OUTPUT)}\n… (output cut)` : text;
  }

  release(): void {
    for (const worker of this.workers) this.pool.release(worker);
    this.workers = [];
  }
}

async function runTest(lab: LabDefinition, test: LabTest, lease: Lease, slowdown: number): Promise<TestResult> {
  const started = performance.now();
  const t = new TestContext(lab, lease, path.join(socketDirectory(), `t${nextTestDir++}`));
  t.callTimeoutMs = Math.round(t.callTimeoutMs * slowdown);
  const base = { name: test.name, visible: test.visible };
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = Math.round((test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS) * slowdown);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SandboxError("time-limit", `the test did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([test.run(t), timeout]);
    // The command log of a visible test is shown even when it passes (to see why code is not atomic).
    const commands = test.visible ? { commands: t.recorder.recentCommands() } : {};
    return { ...base, passed: true, ...commands, durationMs: performance.now() - started };
  } catch (error) {
    const failed: TestResult = {
      ...base,
      passed: false,
      explanation: test.explanation,
      commands: t.recorder.recentCommands(),
      durationMs: performance.now() - started,
    };
    if (error instanceof TestFailure) return { ...failed, message: error.message, expected: error.expected, actual: error.actual };
    if (error instanceof LearnerError) return { ...failed, message: `your function threw: ${error.message}` };
    if (error instanceof SandboxError) {
      // A test that timed out may leave calls running: stop the processes so the next test starts clean.
      if (error.kind === "time-limit") lease.stopAll(error);
      return { ...failed, message: error.message, sandboxError: { kind: error.kind, message: error.message } };
    }
    return { ...failed, message: `the test could not complete: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
    await t.close();
  }
}

/** Limits that end a whole submission: running the other tests would hit them again. */
const FATAL_KINDS = new Set(["time-limit", "cpu-limit", "memory-limit", "output-limit", "load"]);

export async function gradeSolution(lab: LabDefinition, source: string, mode: "run" | "submit", pool: WorkerPool): Promise<Verdict> {
  const started = performance.now();
  const tests = lab.tests.filter((test) => mode === "submit" || test.visible);
  const verdict = (results: TestResult[], extra: Partial<Verdict>, transpileMs: number, sandboxWaitMs = 0, output = ""): Verdict => {
    const passedCount = results.filter((result) => result.passed).length;
    const totalMs = performance.now() - started;
    return {
      lab: lab.slug,
      mode,
      passed: passedCount === tests.length,
      score: Math.round((passedCount / tests.length) * 100),
      tests: results,
      output,
      timings: { totalMs, transpileMs, sandboxWaitMs, testsMs: totalMs - transpileMs - sandboxWaitMs },
      ...extra,
    };
  };

  let code: string;
  try {
    code = await transpileSolution(source);
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    const results = tests.map((test) => ({ name: test.name, visible: test.visible, passed: false, message: "not run: the solution does not compile", durationMs: 0 }));
    return verdict(results, { sandboxError: { kind: error.kind, message: error.message } }, performance.now() - started);
  }
  const transpileMs = performance.now() - started;

  const lease = new Lease(pool, code);
  const results: TestResult[] = [];
  let stopped: TestResult["sandboxError"];
  try {
    // All app servers up front: waiting for the host's workers never counts against a test's time.
    await lease.acquire(Math.max(...tests.map((test) => test.appServers ?? 1)));
    const slowdown = hostSlowdown();
    for (const test of tests) {
      if (stopped) {
        results.push({ name: test.name, visible: test.visible, passed: false, message: `not run: an earlier test hit the sandbox's ${stopped.kind}`, durationMs: 0 });
        continue;
      }
      const result = await runTest(lab, test, lease, slowdown);
      results.push(result);
      if (result.sandboxError && FATAL_KINDS.has(result.sandboxError.kind)) stopped = result.sandboxError;
    }
  } finally {
    lease.release();
  }
  const crash = results.find((result) => result.sandboxError)?.sandboxError;
  return verdict(results, { sandboxError: stopped ?? crash }, transpileMs, lease.sandboxWaitMs, lease.output());
}
