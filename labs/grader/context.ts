/**
 * What a lab test works with: a fresh engine on a virtual clock, the solution running in one or
 * more sandboxed "app servers" that share that engine, the grader's own connection to check
 * state, a fake backend, and failure helpers. Everything here runs in the trusted parent.
 */
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  DoubleReply,
  Engine,
  type EngineServer,
  ErrorReply,
  fromBinary,
  listen,
  type LocalClient,
  MapReply,
  MultiReply,
  NullArrayReply,
  PushReply,
  type Reply,
  SetReply,
  SimpleString,
  VerbatimReply,
} from "../../engine/index";
import type { SandboxWorker } from "../sandbox/worker";
import { FakeBackend } from "./backend";
import { GraderClock } from "./clock";
import { CommandRecorder } from "./recorder";
import type { LabDefinition } from "./types";
import { zipfSampler } from "./zipf";

/** A check failed: the learner sees the message, what was expected and what happened. */
export class TestFailure extends Error {
  constructor(
    message: string,
    readonly expected?: unknown,
    readonly actual?: unknown,
  ) {
    super(message);
    this.name = "TestFailure";
  }
}

/** An engine reply as plain JS: text for bulk strings, numbers, arrays, null; errors throw. */
export function replyToJs(reply: Reply): unknown {
  if (typeof reply === "string") return fromBinary(reply);
  if (Buffer.isBuffer(reply)) return reply.toString("utf8");
  if (typeof reply === "bigint") return Number(reply);
  if (reply === null || typeof reply === "number" || typeof reply === "boolean") return reply;
  if (Array.isArray(reply)) return reply.map(replyToJs);
  if (reply instanceof ErrorReply) throw new Error(`engine error: ${reply.message}`);
  if (reply instanceof SimpleString) return reply.value;
  if (reply instanceof DoubleReply) return reply.value;
  if (reply instanceof MapReply) return reply.entries.map(replyToJs);
  if (reply instanceof SetReply || reply instanceof PushReply) return reply.items.map(replyToJs);
  if (reply instanceof VerbatimReply) return reply.text;
  if (reply instanceof NullArrayReply) return null;
  if (reply instanceof MultiReply) return reply.replies.map(replyToJs);
  throw new Error("unexpected engine reply");
}

/** Where the grader gets sandbox workers: the submission's leased ones, by app-server index. */
export interface WorkerSource {
  workerFor(index: number): Promise<SandboxWorker>;
  readonly code: string;
}

/** One sandboxed process running the solution, with its own connection to the shared engine. */
export class AppServer {
  constructor(
    readonly index: number,
    readonly worker: SandboxWorker,
    private readonly t: TestContext,
    private readonly socketPath: string,
  ) {}

  /** Calls one of the solution's exported functions (its first argument, `{ redis, db }`, is added in the sandbox). */
  call<T = unknown>(fn: string, ...args: unknown[]): Promise<T> {
    return this.worker.call(fn, args, this.t.clock.now(), this.t.callTimeoutMs) as Promise<T>;
  }

  /** Starts several calls of `fn` in the same tick of this app server. */
  callMany(fn: string, argsList: unknown[][]): Promise<unknown>[] {
    return this.worker.callMany(fn, argsList, this.t.clock.now(), this.t.callTimeoutMs);
  }

  /** SIGSTOP: the process freezes mid-flight, as in a long GC pause. */
  pause(): void {
    this.worker.pause();
  }

  resume(): void {
    this.worker.resume();
  }

  /** Cuts this app server's connection from the engine side, as a network failure would. */
  dropConnection(): void {
    for (const client of [...this.t.engine.clients.values()]) {
      if (client.transport.remoteAddress === `${this.socketPath}:0`) client.transport.close(false);
    }
  }
}

export class TestContext {
  readonly clock = new GraderClock();
  readonly engine: Engine;
  /** The grader's own connection (never counted as the solution's traffic). */
  readonly grader: LocalClient;
  readonly recorder: CommandRecorder;
  readonly backend: FakeBackend;
  /** Wall-time budget for one call into the solution. */
  callTimeoutMs = 5_000;
  private readonly appServers = new Map<number, Promise<AppServer>>();
  private readonly servers: EngineServer[] = [];

  constructor(
    private readonly lab: LabDefinition,
    private readonly source: WorkerSource,
    private readonly dir: string,
  ) {
    this.engine = new Engine({ clock: this.clock });
    this.grader = this.engine.connect("grader");
    this.recorder = new CommandRecorder(this.engine, this.grader);
    this.backend = new FakeBackend(lab.backend ?? (() => ({})), () => this.clock.now());
    this.clock.onChange((now) => {
      for (const app of this.appServers.values()) void app.then((server) => server.worker.setClock(now));
    });
  }

  /** App server `index` (0-based), started on first use with the solution loaded fresh. */
  app(index = 0): Promise<AppServer> {
    let server = this.appServers.get(index);
    if (!server) {
      server = this.startApp(index);
      this.appServers.set(index, server);
    }
    return server;
  }

  apps(count: number): Promise<AppServer[]> {
    return Promise.all(Array.from({ length: count }, (_, index) => this.app(index)));
  }

  private async startApp(index: number): Promise<AppServer> {
    const worker = await this.source.workerFor(index);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const socketPath = path.join(this.dir, `app-${index}.sock`);
    this.servers.push(await listen(this.engine, { unixSocket: socketPath }));
    this.recorder.nameSource(`${socketPath}:0`, `app ${index + 1}`);
    const stream = net.connect(socketPath);
    await new Promise<void>((resolve, reject) => {
      stream.once("connect", resolve);
      stream.once("error", reject);
    });
    worker.onBackendCall = (method, args) => this.backend.invoke(method, args);
    const exported = await worker.load(this.source.code, stream, this.clock.now(), this.backend.methodNames);
    const missing = this.lab.functions.filter((name) => !exported.includes(name));
    if (missing.length > 0) {
      throw new TestFailure(`your solution must export ${missing.map((name) => `${name}()`).join(", ")}`, this.lab.functions, exported);
    }
    return new AppServer(index, worker, this, socketPath);
  }

  /** Runs a command on the grader's own connection; the reply comes back as plain JS. */
  async cmd<T = unknown>(...args: (string | number)[]): Promise<T> {
    return replyToJs(await this.grader.call(...args)) as T;
  }

  /** Every key in the engine with its remaining TTL in ms (-1: none), via KEYS and PTTL. */
  async keysWithTtl(): Promise<Map<string, number>> {
    const keys = await this.cmd<string[]>("KEYS", "*");
    const result = new Map<string, number>();
    for (const key of keys) result.set(key, await this.cmd<number>("PTTL", key));
    return result;
  }

  /**
   * A burst: `count` calls of `fn`, spread round-robin over `apps`, each app server starting its
   * share in the same tick (so they truly overlap). `args(i)` gives call i's arguments; results
   * come back in call order.
   */
  spread<T>(apps: AppServer[], count: number, fn: string, args: (index: number) => unknown[]): Promise<T[]> {
    const results: Promise<unknown>[] = new Array(count);
    apps.forEach((app, appIndex) => {
      const indexes = Array.from({ length: count }, (_, index) => index).filter((index) => index % apps.length === appIndex);
      const promises = app.callMany(fn, indexes.map(args));
      indexes.forEach((index, k) => (results[index] = promises[k]!));
    });
    return Promise.all(results) as Promise<T[]>;
  }

  /** Runs `call` and returns what it resolved to with the commands the solution sent meanwhile (MONITOR-style lines). */
  async commandsDuring<T>(call: () => Promise<T>): Promise<{ value: T; commands: string[] }> {
    const before = this.recorder.totalCommands;
    const value = await call();
    const count = this.recorder.totalCommands - before;
    return { value, commands: count === 0 ? [] : this.recorder.recentCommands().slice(-count) };
  }

  /** Moves virtual time for the engine and every app server's Date.now(). */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /** Key ranks drawn from a Zipf distribution (seeded: every run sees the same traffic). */
  zipf(keys: number, exponent: number, seed = 42): () => number {
    return zipfSampler(keys, exponent, seed);
  }

  fail(message: string, expected?: unknown, actual?: unknown): never {
    throw new TestFailure(message, expected, actual);
  }

  expectEqual(actual: unknown, expected: unknown, message: string): void {
    if (!isDeepStrictEqual(actual, expected)) throw new TestFailure(message, expected, actual);
  }

  expect(condition: boolean, message: string, expected?: unknown, actual?: unknown): void {
    if (!condition) throw new TestFailure(message, expected, actual);
  }

  async close(): Promise<void> {
    for (const app of this.appServers.values()) {
      await app.then((server) => server.resume(), () => {});
    }
    await Promise.all(this.servers.map((server) => server.close()));
    this.grader.close();
    this.engine.close();
  }
}
