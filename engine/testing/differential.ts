/**
 * Differential testing: the same commands go to a real redis-server 7 and to this engine, and
 * every reply must match byte for byte (error texts included).
 *
 *   const diff = useDifferential();            // in a describe(): starts both servers
 *   it("...", () => diff.check([["SET", "k", "v"], ["GET", "k"]]));
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { Engine, type EngineOptions } from "../engine";
import { type EngineServer, listen } from "../server";
import { encodeCommand, type RawReply, RespClient, type RespValue } from "./resp-client";

export const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "redis-server";

/** Fails loudly (never skips) when the reference server is not installed. */
export function requireRedisServer(): void {
  try {
    execFileSync(REDIS_SERVER, ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error(
      `redis-server is required for differential tests but '${REDIS_SERVER}' could not be run. ` +
        "Install it with: apt-get install -y redis-server redis-tools",
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisProcess {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a throwaway redis-server with persistence off; extra `--name value` args allowed. */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisProcess> {
  requireRedisServer();
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", "/tmp", ...extraArgs],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const client = await RespClient.connect(port);
      const reply = await client.call("PING");
      client.close();
      // With --requirepass the server answers NOAUTH, which still means it is up.
      if (reply.raw === "+PONG\r\n" || reply.raw.startsWith("-NOAUTH")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("redis-server did not start");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

export interface Step {
  argv: string[];
  /** Compare the reply as an unordered collection (SMEMBERS, KEYS, HGETALL...). */
  unordered?: boolean | "pairs";
}

export type StepInput = string[] | Step;

/** A reply tree with unordered collections sorted, for comparisons where order is unspecified. */
export function canonical(value: RespValue, unordered: boolean | "pairs" | undefined): unknown {
  if (!unordered) return value;
  if (value.type === "array" || value.type === "set" || value.type === "map") {
    if (unordered === "pairs" || value.type === "map") {
      const pairs: string[] = [];
      for (let i = 0; i + 1 < value.items.length; i += 2) pairs.push(JSON.stringify([value.items[i], value.items[i + 1]]));
      return { type: value.type, pairs: pairs.sort() };
    }
    return { type: value.type, items: value.items.map((item) => JSON.stringify(item)).sort() };
  }
  return value;
}

export interface DifferentialContext {
  /** Runs the steps on both servers (same connection each) and asserts every reply matches. */
  check(steps: StepInput[]): Promise<RawReply[]>;
  /** Runs one command on both; returns both replies without asserting. */
  both(argv: string[]): Promise<[RawReply, RawReply]>;
  redis(): RespClient;
  engine(): RespClient;
  engineInstance(): Engine;
  /** The reference server's port, for raw sockets. */
  redisPort(): number;
  /** Opens extra connections to both servers (blocking, pub/sub, WATCH races). */
  connectPair(): Promise<[RespClient, RespClient]>;
}

/** Sets up a redis-server and an engine for the enclosing describe(); flushes both before each test. */
export function useDifferential(options: { engine?: EngineOptions; redisArgs?: string[] } = {}): DifferentialContext {
  let redis: RedisProcess;
  let engine: Engine;
  let server: EngineServer;
  let redisClient: RespClient;
  let engineClient: RespClient;
  const extraClients: RespClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer(options.redisArgs);
    engine = new Engine(options.engine);
    server = await listen(engine, { port: 0 });
    redisClient = await RespClient.connect(redis.port);
    engineClient = await RespClient.connect(server.port!);
  }, 20_000);

  afterAll(async () => {
    for (const client of [redisClient, engineClient, ...extraClients]) client?.close();
    await server?.close();
    engine?.close();
    await redis?.stop();
  });

  beforeEach(async () => {
    for (const client of extraClients.splice(0)) client.close();
    if (redisClient.closed) redisClient = await RespClient.connect(redis.port);
    if (engineClient.closed) engineClient = await RespClient.connect(server.port!);
    await redisClient.call("FLUSHALL");
    await engineClient.call("FLUSHALL");
  });

  const both = async (argv: string[]): Promise<[RawReply, RawReply]> => [
    await redisClient.call(...argv),
    await engineClient.call(...argv),
  ];

  return {
    both,
    redis: () => redisClient,
    engine: () => engineClient,
    engineInstance: () => engine,
    redisPort: () => redis.port,
    async connectPair() {
      const pair: [RespClient, RespClient] = [await RespClient.connect(redis.port), await RespClient.connect(server.port!)];
      extraClients.push(...pair);
      return pair;
    },
    async check(steps) {
      const replies: RawReply[] = [];
      for (const input of steps) {
        const step: Step = Array.isArray(input) ? { argv: input } : input;
        const [expected, actual] = await both(step.argv);
        const label = `${step.argv.map((arg) => JSON.stringify(arg)).join(" ")}`;
        if (step.unordered) {
          expect(canonical(actual.value, step.unordered), label).toEqual(canonical(expected.value, step.unordered));
        } else {
          expect(actual.raw, label).toBe(expected.raw);
        }
        replies.push(actual);
      }
      return replies;
    },
  };
}

export { seededRandom } from "../util/random";

export interface PendingPair {
  replies: Promise<[RawReply, RawReply]>;
}

/**
 * Sends a (blocking) command on a fresh connection to each server; the replies come later
 * (wrapped, so awaiting this call does not wait for them).
 */
export async function sendOnNewPair(diff: DifferentialContext, argv: string[]): Promise<PendingPair> {
  const [redis, engine] = await diff.connectPair();
  const replies = Promise.all([redis.call(...argv), engine.call(...argv)]);
  // Give both servers time to receive the command and block the client.
  await new Promise((resolve) => setTimeout(resolve, 40));
  return { replies };
}

export async function expectSame(pending: PendingPair, label: string): Promise<void> {
  const [expected, actual] = await pending.replies;
  expect(actual.raw, label).toBe(expected.raw);
}

export { encodeCommand };
