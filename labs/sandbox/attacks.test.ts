/**
 * Attacks on the sandbox. Each one is submitted as a solution to a tiny lab whose test calls
 * `probe()` and expects 42; every attack must end with a clear message (a denied operation, a
 * limit) and must not pass, and the next, honest submission must still grade normally.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine, type EngineServer, listen } from "../../engine/index";
import { gradeSolution } from "../grader/grade";
import type { LabDefinition, Verdict } from "../grader/types";
import { WorkerPool } from "./pool";

/** `callTimeoutMs`: how long a call may run; memory bombs get longer, to fill memory on a busy host. */
const probeLab = (callTimeoutMs: number): LabDefinition => ({
  slug: "probe",
  title: "probe",
  functions: ["probe"],
  hints: [],
  tests: [
    {
      name: "probe() returns 42",
      visible: true,
      explanation: "The honest answer is 42.",
      timeoutMs: callTimeoutMs + 5_000,
      async run(t) {
        t.callTimeoutMs = callTimeoutMs;
        const app = await t.app();
        t.expectEqual(await app.call("probe"), 42, "probe()");
      },
    },
  ],
});

const HONEST = `export async function probe({ redis }: any) { await redis.set("answer", 42); return Number(await redis.get("answer")); }`;

let pool: WorkerPool;
/** Another learner's engine, reachable by TCP and by a Unix socket in a root-only directory. */
let other: { engine: Engine; tcp: EngineServer; unix: EngineServer; dir: string };

beforeAll(async () => {
  pool = new WorkerPool({ idle: 2 });
  await pool.warm();
  const engine = new Engine();
  await engine.connect().call("SET", "secret", "other learner's data");
  const dir = mkdtempSync(path.join(os.tmpdir(), "other-learner-"));
  chmodSync(dir, 0o700);
  other = { engine, dir, tcp: await listen(engine, { port: 0 }), unix: await listen(engine, { unixSocket: path.join(dir, "engine.sock") }) };
});
afterAll(async () => {
  await other.tcp.close();
  await other.unix.close();
  other.engine.close();
  rmSync(other.dir, { recursive: true, force: true });
  await pool.close();
});

async function grade(source: string, callTimeoutMs = 3_000): Promise<Verdict> {
  return gradeSolution(probeLab(callTimeoutMs), source, "submit", pool);
}

/** The attack's verdict: it must fail, with `message` matching. Then an honest run must pass. */
async function expectContained(source: string, message: RegExp, kind?: string, callTimeoutMs?: number): Promise<Verdict> {
  const verdict = await grade(source, callTimeoutMs);
  expect(verdict.passed).toBe(false);
  const result = verdict.tests[0]!;
  expect(`${result.message} ${JSON.stringify(result.actual)}`).toMatch(message);
  if (kind) expect(verdict.sandboxError?.kind).toBe(kind);
  const honest = await grade(HONEST);
  expect(honest.tests[0]!.message).toBeUndefined();
  expect(honest.passed).toBe(true);
  return verdict;
}

describe("sandbox attacks", () => {
  it("an honest solution passes", async () => {
    expect((await grade(HONEST)).passed).toBe(true);
  });

  it("cannot reach process through the context's constructors", async () => {
    await expectContained(`export function probe() { return globalThis.constructor.constructor("return process")().env; }`, /Code generation from strings disallowed/);
    await expectContained(`export function probe() { return (function () {}).constructor("return process")(); }`, /Code generation from strings disallowed/);
  });

  it("cannot reach process through the host objects it is given (ioredis)", async () => {
    await expectContained(
      `export function probe({ redis }: any) { return redis.constructor.constructor("return process")().env; }`,
      /Code generation from strings disallowed/,
    );
    await expectContained(`export function probe() { return eval("process"); }`, /Code generation from strings disallowed|process is not defined/);
  });

  it("has no process, require or environment", async () => {
    await expectContained(`export function probe() { return [typeof process, typeof require, typeof module === "object" ? "module" : "-", typeof globalThis.process, typeof Buffer, typeof fetch]; }`, /"undefined","function","module","undefined","undefined","undefined"/);
    await expectContained(`export function probe() { process.exit(1); }`, /process is not defined/);
  });

  for (const module of ["fs", "node:fs", "net", "child_process", "worker_threads", "http", "vm", "ioredis"]) {
    it(`cannot require("${module}")`, async () => {
      await expectContained(`import * as m from "${module}"; export function probe() { return Object.keys(m); }`, /is not available in the lab sandbox|cannot be imported/, "load");
    });
  }

  it("cannot import() modules dynamically", async () => {
    await expectContained(`export async function probe() { const fs = await import("fs"); return fs.readFileSync("/etc/passwd", "utf8"); }`, /dynamic import callback was not specified/);
  });

  it("an infinite loop in a call is stopped by the wall-time limit", async () => {
    const verdict = await expectContained(`export function probe() { for (;;) {} }`, /did not finish within/, "time-limit");
    expect(verdict.sandboxError?.message).toMatch(/infinite loop/);
  });

  it("an infinite loop at module load is stopped", async () => {
    await expectContained(`for (;;) {} export function probe() { return 42; }`, /timed out/, "load");
  });

  it("deep recursion fails the call, not the sandbox", async () => {
    await expectContained(`function down(n: number): number { return down(n + 1) + 1; } export function probe() { return down(0); }`, /Maximum call stack size exceeded/);
  });

  it("a heap memory bomb is stopped by the memory limit", async () => {
    await expectContained(
      `export function probe() { const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1)); }`,
      /memory/,
      "memory-limit",
      30_000,
    );
  }, 60_000);

  it("an off-heap (ArrayBuffer) memory bomb is stopped by the memory limit", async () => {
    await expectContained(
      `export function probe() { const hoard: Uint8Array[] = []; for (;;) hoard.push(new Uint8Array(64 * 1024 * 1024).fill(1)); }`,
      /memory/,
      "memory-limit",
      30_000,
    );
  }, 60_000);

  it("an output bomb is stopped by the output limit", async () => {
    await expectContained(`export function probe() { for (let i = 0; i < 10000; i++) console.log("x".repeat(1000)); return 42; }`, /printed more than/, "output-limit");
  });

  it("an unhandled rejection crashes only this run, with a clear message", async () => {
    await expectContained(`export function probe() { Promise.reject(new Error("boom")); return new Promise(() => {}); }`, /crashed the app server: unhandled promise rejection: Error: boom/, "crash");
  });

  /** An attack that rebuilds the given ioredis client without the sandbox's connector and dials `target`. */
  const dial = (target: string) => `export async function probe({ redis }: any) {
    const codes: string[] = [];
    const spy = redis.duplicate({ Connector: undefined, ...${target}, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    spy.on("error", (error: any) => codes.push(error.code));
    try { await spy.connect(); return await spy.get("secret"); } catch { return "connect failed: " + codes.join(","); }
  }`;

  it("cannot connect to another learner's engine over TCP (no network at all)", async () => {
    await expectContained(dial(`{ host: "127.0.0.1", port: ${other.tcp.port} }`), /connect failed: (ENETUNREACH|ECONNREFUSED|EHOSTUNREACH)/);
  });

  it("cannot connect to the outside world", async () => {
    await expectContained(dial(`{ host: "1.1.1.1", port: 6379 }`), /connect failed: (ENETUNREACH|EHOSTUNREACH)/);
  });

  it("cannot connect to another learner's engine over its Unix socket", async () => {
    await expectContained(dial(`{ path: ${JSON.stringify(other.unix.unixSocket)} }`), /connect failed: (EACCES|EPERM)/);
  });

  it("cannot open a second connection to its own engine through ioredis", async () => {
    await expectContained(
      `export async function probe({ redis }: any) { const copy = redis.duplicate(); copy.on("error", () => {}); try { await copy.ping(); return "connected"; } catch (error: any) { return String(error.message); } }`,
      /exactly one Redis connection|Connection is closed/,
    );
  });

  it("tampering with the context's intrinsics (Object, Array, JSON, Promise) throws: they are frozen", async () => {
    const verdict = await expectContained(
      `const attempts: string[] = [];
      function attempt(name: string, tamper: () => void) { try { tamper(); attempts.push(name + ": done"); } catch (error: any) { attempts.push(name + ": " + error.constructor.name); } }
      export function probe() {
        attempt("Object.prototype", () => { (Object.prototype as any).valueOf = () => 42; });
        attempt("Array.prototype", () => { (Array.prototype as any).includes = () => true; });
        attempt("JSON", () => { (JSON as any).stringify = () => "42"; });
        attempt("Promise", () => { (Promise.prototype as any).then = function () {}; });
        attempt("Date", () => { (Date as any).now = () => 0; });
        return attempts;
      }`,
      /probe\(\)/,
    );
    expect(verdict.tests[0]!.actual).toEqual([
      "Object.prototype: TypeError",
      "Array.prototype: TypeError",
      "JSON: TypeError",
      "Promise: TypeError",
      "Date: TypeError",
    ]);
  });

  it("tampering with the worker's own prototypes (reached through ioredis replies) cannot fake a result", async () => {
    // toJSON on the worker's Object.prototype rewrites everything the worker sends: the parent
    // rejects the malformed messages and ends the run; the verdict is still computed by the parent.
    const verdict = await expectContained(
      `export async function probe({ redis }: any) {
        const hostArray = await redis.keys("*");
        Object.getPrototypeOf(Object.getPrototypeOf(hostArray)).toJSON = () => 42;
        return 41;
      }`,
      /invalid message|probe\(\)/,
    );
    expect(verdict.tests[0]!.passed).toBe(false);
  });
});
