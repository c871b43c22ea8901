/**
 * The program inside a sandbox worker process. It is bundled (with ioredis) into one file, the
 * only file the worker may read, and started by the parent with no network, no environment, an
 * unprivileged uid, Node's permission model and resource limits (see worker.ts).
 *
 * Learner code never sees this module's scope: it runs in a fresh vm context per test with only
 * the globals below, and talks to the outside through two objects it receives as its first
 * argument: `redis` (a real ioredis client on the stream the parent handed us) and `db` (the
 * grader's fake backend, reached by RPC).
 */
import { createHash, getRandomValues, randomInt, randomUUID } from "node:crypto";
import type net from "node:net";
import { format } from "node:util";
import vm from "node:vm";
import Redis from "ioredis";
import AbstractConnector from "ioredis/built/connectors/AbstractConnector";
import { type ChildMessage, MAX_MESSAGE_BYTES, MAX_OUTPUT_BYTES, type ParentMessage } from "./protocol";

/** Top-level module code gets this long before it is stopped (calls are timed by the parent). */
const MODULE_EVAL_TIMEOUT_MS = 2_000;

function send(message: ChildMessage): void {
  process.send!(message);
}

let virtualNow = Date.now();
let outputBytes = 0;
let outputStopped = false;
let nextBackendId = 1;
const pendingBackend = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

interface LoadedModule {
  exports: Record<string, unknown>;
  deps: { redis: Redis; db: Record<string, (...args: unknown[]) => Promise<unknown>> };
  timers: Set<NodeJS.Timeout>;
}
let current: LoadedModule | undefined;

/** Hands ioredis the stream the parent passed in; a second connect (reconnect, duplicate()) is refused. */
function connectorFor(stream: net.Socket) {
  let handedOut = false;
  return class SandboxConnector extends AbstractConnector {
    constructor() {
      super(1000);
    }
    connect() {
      if (handedOut) {
        return Promise.reject(new Error("the lab sandbox gives each app server exactly one Redis connection, and it was closed"));
      }
      handedOut = true;
      this.connecting = true;
      this.stream = stream;
      return Promise.resolve(stream);
    }
  };
}

function writeOutput(text: string): void {
  if (outputStopped) return;
  outputBytes += Buffer.byteLength(text) + 1;
  if (outputBytes > MAX_OUTPUT_BYTES) {
    outputStopped = true;
    send({ t: "output-limit" });
    return;
  }
  send({ t: "log", text });
}

const learnerConsole = Object.freeze({
  log: (...args: unknown[]) => writeOutput(format(...args)),
  info: (...args: unknown[]) => writeOutput(format(...args)),
  debug: (...args: unknown[]) => writeOutput(format(...args)),
  warn: (...args: unknown[]) => writeOutput(format(...args)),
  error: (...args: unknown[]) => writeOutput(format(...args)),
});

/** Node modules a solution may import: pure helpers only, nothing that reaches the system. */
const importable: Record<string, unknown> = {
  crypto: Object.freeze({ randomUUID, randomInt, createHash, getRandomValues }),
};

/**
 * Runs inside the new context: a Date whose "now" is the grader's virtual clock, the host
 * helpers as globals, then frozen intrinsics so a solution cannot monkey-patch what other code
 * in its own context relies on.
 */
const contextSetup = `(function (host) {
  "use strict";
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(host.now());
      else super(...args);
    }
    static now() {
      return host.now();
    }
  }
  globalThis.Date = VirtualDate;
  for (const [name, value] of Object.entries(host.globals)) {
    Object.defineProperty(globalThis, name, { value, writable: false, enumerable: false, configurable: false });
  }
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const roots = [Object, Array, Function, Promise, JSON, Math, Reflect, String, Number, Boolean, Symbol, BigInt,
    Map, Set, WeakMap, WeakSet, RegExp, Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError,
    RealDate, VirtualDate, ArrayBuffer, DataView, TypedArray, Uint8Array, Uint32Array, Int32Array, Float64Array,
    Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {})];
  for (const root of roots) {
    Object.freeze(root);
    if (root.prototype) Object.freeze(root.prototype);
  }
})`;

function requireInSandbox(name: string): unknown {
  const bare = name.startsWith("node:") ? name.slice(5) : name;
  if (bare in importable) return importable[bare];
  if (bare === "ioredis") {
    throw new Error('"ioredis" cannot be imported at run time in a lab: use the `redis` client your function receives as its first argument');
  }
  throw new Error(`module "${name}" is not available in the lab sandbox (no filesystem, network, processes or workers)`);
}

function clearTimers(module: LoadedModule | undefined): void {
  if (!module) return;
  for (const timer of module.timers) clearTimeout(timer);
  module.timers.clear();
}

function load(message: Extract<ParentMessage, { t: "load" }>, stream: net.Socket | undefined): void {
  if (!stream) {
    send({ t: "load-error", message: "internal: no engine stream was passed" });
    return;
  }
  if (current) {
    clearTimers(current);
    current.deps.redis.disconnect();
    current = undefined;
  }
  virtualNow = message.now;
  const redis = new Redis({
    Connector: connectorFor(stream) as never,
    enableReadyCheck: false,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  // Connection errors reach the learner as rejected commands; the event itself needs no listener noise.
  redis.on("error", () => {});
  const db: LoadedModule["deps"]["db"] = {};
  for (const method of message.backendMethods) {
    db[method] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = nextBackendId++;
        pendingBackend.set(id, { resolve, reject });
        send({ t: "backend", id, method, args });
      });
  }
  const timers = new Set<NodeJS.Timeout>();
  const track = <T extends NodeJS.Timeout>(timer: T): T => (timers.add(timer), timer);
  const globals = {
    console: learnerConsole,
    setTimeout: (callback: () => void, ms?: number) => track(setTimeout(callback, ms)),
    setInterval: (callback: () => void, ms?: number) => track(setInterval(callback, ms)),
    clearTimeout: (timer: NodeJS.Timeout) => clearTimeout(timer),
    clearInterval: (timer: NodeJS.Timeout) => clearInterval(timer),
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    crypto: importable.crypto,
  };
  const context = vm.createContext({}, { name: "solution", codeGeneration: { strings: false, wasm: false } });
  const setup = new vm.Script(contextSetup, { filename: "sandbox-setup.js" }).runInContext(context) as (host: unknown) => void;
  setup({ now: () => virtualNow, globals });
  const module = { exports: {} as Record<string, unknown> };
  try {
    const wrapper = new vm.Script(`(function (exports, require, module) {"use strict";${message.code}\n})`, {
      filename: "solution.ts",
    }).runInContext(context) as (exports: unknown, require: unknown, module: unknown) => void;
    runWithTimeout(() => wrapper(module.exports, requireInSandbox, module));
  } catch (error) {
    send({ t: "load-error", message: describeError(error) });
    return;
  }
  current = { exports: module.exports, deps: Object.freeze({ redis, db }), timers };
  const exported = Object.keys(module.exports).filter((name) => typeof module.exports[name] === "function");
  send({ t: "loaded", exports: exported });
}

/** Top-level code of the module runs under vm's synchronous timeout (an infinite loop at load). */
function runWithTimeout(run: () => void): void {
  const script = new vm.Script("run()");
  script.runInNewContext({ run }, { timeout: MODULE_EVAL_TIMEOUT_MS });
}

function describeError(error: unknown): string {
  try {
    // Errors from the solution's context are not instances of this realm's Object/Error.
    if (typeof error === "object" && error !== null && "message" in error) {
      const name = "name" in error ? String(error.name) : "Error";
      return `${name}: ${String(error.message)}`;
    }
    return `thrown value: ${String(error)}`;
  } catch {
    return "an error that could not be described";
  }
}

async function call(message: { id: number; fn: string; args: unknown[] }): Promise<void> {
  const module = current;
  const fn = module?.exports[message.fn];
  if (!module || typeof fn !== "function") {
    send({ t: "result", id: message.id, ok: false, error: `your solution does not export a function named ${message.fn}` });
    return;
  }
  let value: unknown;
  try {
    value = await fn(module.deps, ...message.args);
  } catch (error) {
    send({ t: "result", id: message.id, ok: false, error: describeError(error) });
    return;
  }
  let encoded: string | undefined;
  try {
    encoded = JSON.stringify(value);
  } catch (error) {
    send({ t: "result", id: message.id, ok: false, error: `the returned value cannot be sent to the grader: ${describeError(error)}` });
    return;
  }
  if (encoded !== undefined && encoded.length > MAX_MESSAGE_BYTES / 2) {
    send({ t: "result", id: message.id, ok: false, error: "the returned value is too large" });
    return;
  }
  send({ t: "result", id: message.id, ok: true, value: encoded === undefined ? undefined : JSON.parse(encoded) });
}

process.on("message", (message: ParentMessage, handle: net.Socket | undefined) => {
  switch (message.t) {
    case "load":
      load(message, handle);
      break;
    case "calls":
      virtualNow = message.now;
      for (const each of message.calls) void call(each);
      break;
    case "clock":
      virtualNow = message.now;
      break;
    case "backend-result": {
      const pending = pendingBackend.get(message.id);
      pendingBackend.delete(message.id);
      if (!pending) break;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error ?? "backend error"));
      break;
    }
  }
});

for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    send({ t: "crash", message: `${event === "unhandledRejection" ? "unhandled promise rejection" : "uncaught exception"}: ${describeError(error)}` });
    process.exitCode = 70;
    setImmediate(() => process.exit(70));
  });
}
process.on("disconnect", () => process.exit(0));

/**
 * Pays the first-use costs (compiling the context setup, building ioredis' command table) while
 * the worker waits in the pool, not during a learner's first test.
 */
function warmUp(): void {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  (new vm.Script(contextSetup, { filename: "sandbox-setup.js" }).runInContext(context) as (host: unknown) => void)({
    now: () => virtualNow,
    globals: {},
  });
  new Redis({ lazyConnect: true, enableOfflineQueue: false }).disconnect();
}

warmUp();
send({ t: "ready" });
