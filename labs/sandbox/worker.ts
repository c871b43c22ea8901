/**
 * The parent's handle on one sandbox worker process: how it is started (the isolation layers),
 * the RPC to it, its limits, and how its end is explained to the learner.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type net from "node:net";
import { type ChildMessage, MAX_MESSAGE_BYTES, MAX_OUTPUT_BYTES, type ParentMessage } from "./protocol";

export type SandboxErrorKind = "time-limit" | "cpu-limit" | "memory-limit" | "output-limit" | "crash" | "compile" | "load";

/** The run was stopped by the sandbox (not a wrong answer): the kind says why. */
export class SandboxError extends Error {
  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

/** The learner's function threw or rejected; the message is theirs. */
export class LearnerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LearnerError";
  }
}

export interface WorkerLimits {
  /** V8 old-space limit (--max-old-space-size). */
  heapMb: number;
  /** Resident memory (heap + buffers) above which the parent kills the worker. */
  rssMb: number;
  /** RLIMIT_CPU for the whole life of the worker (one submission). */
  cpuSeconds: number;
}

export const DEFAULT_LIMITS: WorkerLimits = { heapMb: 96, rssMb: 320, cpuSeconds: 30 };

/** uids handed to live workers, one each, so workers cannot signal or ptrace one another. */
const UID_BASE = 61_000;
const UID_COUNT = 1_000;
const usedUids = new Set<number>();
let nextUid = 0;

function allocateUid(): number {
  for (let tries = 0; tries < UID_COUNT; tries++) {
    const uid = UID_BASE + (nextUid++ % UID_COUNT);
    if (!usedUids.has(uid)) {
      usedUids.add(uid);
      return uid;
    }
  }
  throw new Error("no free sandbox uid");
}

let isolationProbe: boolean | undefined;

/**
 * Whether this host can start workers in their own network namespace under another uid (needs
 * root, util-linux unshare/prlimit/setpriv). Without it the sandbox still has the permission
 * model, vm, clean env and limits, but learner code could open network connections.
 */
export function osIsolationAvailable(): boolean {
  if (isolationProbe === undefined) {
    const probe = spawnSync("unshare", ["--net", "--", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "true"], {
      stdio: "ignore",
    });
    isolationProbe = probe.status === 0;
    if (!isolationProbe) {
      console.warn(
        "\n*** labs sandbox: WARNING: `unshare --net` + `setpriv` are not usable here (not root?). Workers run WITHOUT a " +
          "private network namespace and WITHOUT a separate uid. Do not run untrusted code like this in production. ***\n",
      );
    }
  }
  return isolationProbe;
}

function commandLine(bundle: string, uid: number, limits: WorkerLimits): [string, string[]] {
  const node = [
    "--experimental-permission",
    `--allow-fs-read=${bundle}`,
    "--disallow-code-generation-from-strings",
    `--max-old-space-size=${limits.heapMb}`,
    "--disable-warning=ExperimentalWarning",
    bundle,
  ];
  if (!osIsolationAvailable()) return [process.execPath, node];
  return [
    "unshare",
    [
      "--net",
      "--ipc",
      "--uts",
      "--",
      "prlimit",
      `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
      "--core=0",
      "--nofile=256",
      "--",
      "setpriv",
      `--reuid=${uid}`,
      `--regid=${uid}`,
      "--clear-groups",
      "--no-new-privs",
      "--",
      process.execPath,
      ...node,
    ],
  ];
}

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** How often the parent samples a worker's resident memory. */
const RSS_POLL_MS = 25;
const PAGE_SIZE = 4096;

export class SandboxWorker {
  readonly process: ChildProcess;
  /** Resolves when the worker has booted and can take a module; rejects if it dies first. */
  readonly ready: Promise<void>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  /** Time from spawn to "ready" (ms). */
  startupMs = 0;
  /** Why the worker ended, when the sandbox ended it. */
  failure: SandboxError | undefined;
  readonly output: string[] = [];
  /** Answers the learner's `db.<method>(...)` calls; set by the grader. */
  onBackendCall: ((method: string, args: unknown[]) => Promise<unknown>) | undefined;
  private outputBytes = 0;
  private stderr = "";
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private loading: { resolve: (exports: string[]) => void; reject: (error: Error) => void } | undefined;
  private readonly uid: number;
  private readonly rssTimer: NodeJS.Timeout;
  private alive = true;
  paused = false;

  constructor(bundle: string, private readonly limits: WorkerLimits = DEFAULT_LIMITS) {
    this.uid = allocateUid();
    const started = performance.now();
    const [command, args] = commandLine(bundle, this.uid, limits);
    this.process = spawn(command, args, { stdio: ["ignore", "pipe", "pipe", "ipc"], env: {} as NodeJS.ProcessEnv, serialization: "json" });
    let onReady!: () => void;
    let onFailedStart!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      onReady = resolve;
      onFailedStart = reject;
    });
    this.ready.catch(() => {});
    this.exited = new Promise((resolve) => this.process.once("exit", () => resolve()));
    this.process.stdout!.on("data", (chunk: Buffer) => this.capture(chunk.toString()));
    this.process.stderr!.on("data", (chunk: Buffer) => {
      if (this.stderr.length < 16_384) this.stderr += chunk.toString();
    });
    this.process.on("message", (message: ChildMessage) => {
      if (message?.t === "ready") {
        this.startupMs = performance.now() - started;
        onReady();
      } else this.onMessage(message);
    });
    this.process.on("error", (error) => this.end(new SandboxError("crash", `the sandbox could not start: ${error.message}`)));
    this.process.once("exit", (code, signal) => {
      this.alive = false;
      clearInterval(this.rssTimer);
      usedUids.delete(this.uid);
      const failure = this.failure ?? this.classifyExit(code, signal);
      this.failure = failure;
      onFailedStart(failure);
      this.rejectAll(failure);
    });
    this.rssTimer = setInterval(() => this.checkMemory(), RSS_POLL_MS);
    this.rssTimer.unref();
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Evaluates the learner's module in a fresh context, with `stream` as its Redis connection. */
  load(code: string, stream: net.Socket, now: number, backendMethods: string[], timeoutMs = 5_000): Promise<string[]> {
    return new Promise((resolve, reject) => {
      if (!this.alive) return reject(this.failure ?? new SandboxError("crash", "the sandbox process has exited"));
      const timer = setTimeout(() => this.end(new SandboxError("time-limit", `loading your module took longer than ${timeoutMs} ms`)), timeoutMs);
      this.loading = {
        resolve: (exports) => (clearTimeout(timer), resolve(exports)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      this.send({ t: "load", code, now, backendMethods }, stream);
    });
  }

  /** Calls an exported function; rejects with LearnerError if it threw, SandboxError if the run was stopped. */
  call(fn: string, args: unknown[], now: number, timeoutMs: number): Promise<unknown> {
    return this.callMany(fn, [args], now, timeoutMs)[0]!;
  }

  /** Starts one call per argument list in the same tick of the worker: they overlap for real. */
  callMany(fn: string, argsList: unknown[][], now: number, timeoutMs: number): Promise<unknown>[] {
    const calls = argsList.map((args) => ({ id: this.nextId++, fn, args }));
    const results = calls.map(
      ({ id }) =>
        new Promise<unknown>((resolve, reject) => {
          if (!this.alive) return reject(this.failure ?? new SandboxError("crash", "the sandbox process has exited"));
          const timer = setTimeout(
            () => this.end(new SandboxError("time-limit", `${fn}() did not finish within ${timeoutMs} ms (infinite loop, or waiting forever?)`)),
            timeoutMs,
          );
          this.calls.set(id, { resolve, reject, timer });
        }),
    );
    if (this.alive) this.send({ t: "calls", calls, now });
    return results;
  }

  setClock(now: number): void {
    if (this.alive) this.send({ t: "clock", now });
  }

  /** Freezes the whole process (a stop-the-world GC pause, a VM migration...). */
  pause(): void {
    if (this.alive && !this.paused) {
      this.paused = true;
      this.process.kill("SIGSTOP");
    }
  }

  resume(): void {
    if (this.alive && this.paused) {
      this.paused = false;
      this.process.kill("SIGCONT");
    }
  }

  /** Kills the worker; pending calls fail with `reason`. */
  end(reason: SandboxError): void {
    if (!this.alive) return;
    this.failure ??= reason;
    this.rejectAll(this.failure);
    this.process.kill("SIGKILL");
  }

  private send(message: ParentMessage, handle?: net.Socket): void {
    try {
      this.process.send(message, handle as never);
    } catch {
      this.end(new SandboxError("crash", "the sandbox process stopped accepting messages"));
    }
  }

  private onMessage(message: ChildMessage): void {
    // Everything here comes from untrusted code that may have taken over the worker.
    if (typeof message !== "object" || message === null || JSON.stringify(message).length > MAX_MESSAGE_BYTES) {
      this.end(new SandboxError("crash", "the sandbox sent an invalid message"));
      return;
    }
    switch (message.t) {
      case "loaded":
        this.loading?.resolve(Array.isArray(message.exports) ? message.exports.map(String) : []);
        this.loading = undefined;
        break;
      case "load-error":
        this.loading?.reject(new SandboxError("load", String(message.message)));
        this.loading = undefined;
        break;
      case "result": {
        const pending = this.calls.get(message.id);
        if (!pending) return;
        this.calls.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new LearnerError(String(message.error)));
        break;
      }
      case "backend":
        void this.answerBackend(message);
        break;
      case "log":
        this.capture(String(message.text) + "\n");
        break;
      case "output-limit":
        this.end(new SandboxError("output-limit", `your code printed more than ${MAX_OUTPUT_BYTES / 1024} KB`));
        break;
      case "crash":
        this.failure ??= new SandboxError("crash", `your code crashed the app server: ${String(message.message)}`);
        break;
      default:
        this.end(new SandboxError("crash", "the sandbox sent an unknown message"));
    }
  }

  private async answerBackend(message: Extract<ChildMessage, { t: "backend" }>): Promise<void> {
    const id = message.id;
    try {
      if (!this.onBackendCall) throw new Error("this lab has no backend database");
      if (typeof message.method !== "string" || !Array.isArray(message.args)) throw new Error("malformed backend call");
      const value = await this.onBackendCall(message.method, message.args);
      this.setBackendResult({ t: "backend-result", id, ok: true, value });
    } catch (error) {
      this.setBackendResult({ t: "backend-result", id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private setBackendResult(message: ParentMessage): void {
    if (this.alive) this.send(message);
  }

  private capture(text: string): void {
    this.outputBytes += text.length;
    if (this.outputBytes > MAX_OUTPUT_BYTES) {
      this.end(new SandboxError("output-limit", `your code printed more than ${MAX_OUTPUT_BYTES / 1024} KB`));
      return;
    }
    this.output.push(text);
  }

  private checkMemory(): void {
    if (!this.alive || this.process.pid === undefined) return;
    let residentPages: number;
    try {
      residentPages = Number(readFileSync(`/proc/${this.process.pid}/statm`, "utf8").split(" ")[1]);
    } catch {
      return;
    }
    if (residentPages * PAGE_SIZE > this.limits.rssMb * 1024 * 1024) {
      this.end(new SandboxError("memory-limit", `your code used more than ${this.limits.rssMb} MB of memory`));
    }
  }

  private classifyExit(code: number | null, signal: NodeJS.Signals | null): SandboxError {
    if (/heap out of memory|Allocation failed/i.test(this.stderr)) {
      return new SandboxError("memory-limit", `your code ran out of memory (heap limit ${this.limits.heapMb} MB)`);
    }
    if (signal === "SIGXCPU") return new SandboxError("cpu-limit", `your code used more than ${this.limits.cpuSeconds} s of CPU time`);
    // RLIMIT_CPU's hard limit (and the kernel's OOM killer) end a process with SIGKILL.
    if (signal === "SIGKILL") return new SandboxError("cpu-limit", "the app server was killed by the system (CPU time or memory limit)");
    return new SandboxError("crash", `the app server exited unexpectedly (${signal ?? `exit code ${code}`})`);
  }

  private rejectAll(error: SandboxError): void {
    for (const pending of this.calls.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.calls.clear();
    this.loading?.reject(error);
    this.loading = undefined;
  }
}
