/**
 * The engine through real clients: ioredis, redis-cli and redis-benchmark, side by side with
 * redis-server where the output is deterministic.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Redis from "ioredis";
import { describe, expect, it } from "vitest";
import { encodeCommand, freePort, useDifferential } from "./testing/differential";

/** Fails loudly (never skips) when a Redis client tool is not installed. */
function requireTool(tool: string): void {
  try {
    execFileSync(tool, ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error(`${tool} is required for the integration tests but could not be run. Install it with: apt-get install -y redis-tools`);
  }
}

interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs a tool with optional stdin and returns its output. */
function run(tool: string, args: string[], input?: string | Buffer, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${tool} ${args.join(" ")} timed out; output so far: ${stdout}${stderr}`));
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("latin1")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("latin1")));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    child.stdin.end(input);
  });
}

describe("integration with ioredis, redis-cli and redis-benchmark", () => {
  const diff = useDifferential();
  const enginePort = () => diff.engineInstance().config.getNumber("port");

  it("ioredis: strings, hashes, lists, sets, sorted sets, expiry and binary values", async () => {
    const redis = new Redis({ port: enginePort(), lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    try {
      expect(await redis.ping()).toBe("PONG");
      expect(await redis.set("greeting", "héllo wörld")).toBe("OK");
      expect(await redis.get("greeting")).toBe("héllo wörld");
      expect(await redis.incr("counter")).toBe(1);
      expect(await redis.incrby("counter", 41)).toBe(42);
      expect(await redis.set("session", "x", "EX", 100)).toBe("OK");
      expect(await redis.ttl("session")).toBe(100);
      expect(await redis.hset("user:1", { name: "ada", role: "admin" })).toBe(2);
      expect(await redis.hgetall("user:1")).toEqual({ name: "ada", role: "admin" });
      expect(await redis.rpush("queue", "a", "b", "c")).toBe(3);
      expect(await redis.lrange("queue", 0, -1)).toEqual(["a", "b", "c"]);
      expect(await redis.sadd("tags", "x", "y", "x")).toBe(2);
      expect((await redis.smembers("tags")).sort()).toEqual(["x", "y"]);
      expect(await redis.zadd("board", 3, "carol", 1, "alice", 2, "bob")).toBe(3);
      expect(await redis.zrange("board", 0, -1, "WITHSCORES")).toEqual(["alice", "1", "bob", "2", "carol", "3"]);
      const binary = Buffer.from([0, 255, 1, 254, 13, 10]);
      await redis.set("binary", binary);
      expect(await redis.getBuffer("binary")).toEqual(binary);
      await expect(redis.lpush("greeting", "x")).rejects.toThrow("WRONGTYPE Operation against a key holding the wrong kind of value");
      expect(await redis.del("greeting", "counter", "missing")).toBe(2);
      expect(await redis.dbsize()).toBe(6);
    } finally {
      redis.disconnect();
    }
  });

  it("ioredis: pipelines, MULTI/EXEC and pub/sub", async () => {
    const redis = new Redis({ port: enginePort(), lazyConnect: true, maxRetriesPerRequest: 0 });
    const subscriber = new Redis({ port: enginePort(), lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    await subscriber.connect();
    try {
      const pipeline = redis.pipeline();
      for (let i = 0; i < 1000; i++) pipeline.set(`key:${i}`, String(i));
      for (let i = 0; i < 1000; i++) pipeline.get(`key:${i}`);
      const results = await pipeline.exec();
      expect(results).toHaveLength(2000);
      expect(results!.slice(1000).map(([error, value]) => (error ? String(error) : value))).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
      const transaction = await redis.multi().incr("tx").incr("tx").get("tx").exec();
      expect(transaction).toEqual([[null, 1], [null, 2], [null, "2"]]);
      const received = new Promise<[string, string]>((resolve) => subscriber.on("message", (channel, message) => resolve([channel, message])));
      await subscriber.subscribe("news");
      expect(await redis.publish("news", "hello")).toBe(1);
      expect(await received).toEqual(["news", "hello"]);
    } finally {
      redis.disconnect();
      subscriber.disconnect();
    }
  });

  it("HELLO 3 over a raw connection: RESP3 replies byte for byte like Redis", async () => {
    const [redis, engine] = await diff.connectPair();
    const steps = [
      ["HELLO", "3"],
      ["SET", "k", "v"],
      ["GET", "k"],
      ["GET", "missing"],
      ["HSET", "h", "f", "1"],
      ["HGETALL", "h"],
      ["ZADD", "z", "1.5", "m"],
      ["ZSCORE", "z", "m"],
      ["ZRANGE", "z", "0", "-1", "WITHSCORES"],
      ["SADD", "s", "a"],
      ["SMEMBERS", "s"],
      ["EXISTS", "k"],
      ["CONFIG", "GET", "maxmemory"],
      ["INFO", "keyspace"],
      ["HELLO", "2"],
      ["HGETALL", "h"],
    ];
    for (const argv of steps) {
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(actual.raw.replace(/(\$2\r\nid\r\n):\d+/, "$1:<id>"), argv.join(" ")).toBe(expected.raw.replace(/(\$2\r\nid\r\n):\d+/, "$1:<id>"));
    }
  });

  it("redis-cli: commands on stdin print exactly what they print against redis-server", async () => {
    requireTool("redis-cli");
    const script = ["PING", "SET k v", "GET k", 'ECHO "two words"', "INCR n", "INCR k", "RPUSH l a b c", "LRANGE l 0 -1", "HSET h f v", "HGETALL h", "DEL k", "GET k", "NOSUCH x"].join("\n") + "\n";
    const expected = await run("redis-cli", ["-p", String(diff.redisPort())], script);
    const actual = await run("redis-cli", ["-p", String(enginePort())], script);
    expect(actual.stdout).toBe(expected.stdout);
    expect(actual.stdout).toContain("two words");
  });

  it("redis-cli --pipe mass insertion reports errors: 0 and every reply", async () => {
    requireTool("redis-cli");
    const count = 20_000;
    let payload = "";
    for (let i = 0; i < count; i++) payload += encodeCommand(["SET", `mass:${i}`, `value-${i}`]);
    const result = await run("redis-cli", ["-p", String(enginePort()), "--pipe"], Buffer.from(payload, "latin1"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`errors: 0, replies: ${count}`);
    const dbsize = await run("redis-cli", ["-p", String(enginePort()), "DBSIZE"]);
    expect(dbsize.stdout.trim()).toBe(String(count));
  });

  it("redis-cli --scan and -r repeat", async () => {
    requireTool("redis-cli");
    for (const port of [diff.redisPort(), enginePort()]) {
      let payload = "";
      for (let i = 0; i < 500; i++) payload += encodeCommand(["SET", `scan:${i}`, "x"]);
      payload += encodeCommand(["SET", "other", "x"]);
      await run("redis-cli", ["-p", String(port), "--pipe"], Buffer.from(payload, "latin1"));
    }
    const scan = async (port: number) => (await run("redis-cli", ["-p", String(port), "--scan", "--pattern", "scan:1*"])).stdout.split("\n").filter(Boolean).sort();
    const [expectedKeys, actualKeys] = [await scan(diff.redisPort()), await scan(enginePort())];
    expect(actualKeys).toEqual(expectedKeys);
    expect(actualKeys).toHaveLength(111);
    const repeat = async (port: number) => (await run("redis-cli", ["-p", String(port), "-r", "5", "INCR", "repeated"])).stdout;
    expect(await repeat(enginePort())).toBe(await repeat(diff.redisPort()));
    expect(await repeat(enginePort())).toBe("6\n7\n8\n9\n10\n");
  });

  it("redis-benchmark runs every standard test against the engine without errors", async () => {
    requireTool("redis-benchmark");
    const tests = "ping,set,get,incr,lpush,rpush,lpop,rpop,sadd,hset,spop,zadd,zpopmin,lrange,mset";
    const result = await run("redis-benchmark", ["-p", String(enginePort()), "-q", "-n", "2000", "-c", "10", "-t", tests], undefined, 120_000);
    expect(result.code, result.stderr).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(/error|ERR|WARNING/i);
    const finished = output.split(/[\r\n]+/).filter((line) => /requests per second/.test(line)).map((line) => line.split(":")[0]!.trim());
    expect(finished).toEqual([
      "PING_INLINE", "PING_MBULK", "SET", "GET", "INCR", "LPUSH", "RPUSH", "LPOP", "RPOP", "SADD", "HSET", "SPOP", "ZADD", "ZPOPMIN",
      "LPUSH (needed to benchmark LRANGE)", "LRANGE_100 (first 100 elements)", "LRANGE_300 (first 300 elements)",
      "LRANGE_500 (first 500 elements)", "LRANGE_600 (first 600 elements)", "MSET (10 keys)",
    ]);
  }, 150_000);
});

describe("the standalone server (npm run engine)", () => {
  it("reads a config file and flags, listens on TCP and a Unix socket, rewrites its config and stops on SIGTERM", async () => {
    requireTool("redis-cli");
    const directory = mkdtempSync(join(tmpdir(), "engine-cli-"));
    const configFile = join(directory, "engine.conf");
    const socketPath = join(directory, "engine.sock");
    const port = await freePort();
    writeFileSync(configFile, `# test config\nport ${port}\nmaxmemory 10mb\nrequirepass "from file"\n`);
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "cli.ts"), configFile, "--requirepass", "s3cret", "--unixsocket", socketPath, "--hz", "20"], {
      cwd: join(__dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!output.includes("Ready to accept connections") && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toContain(`Engine ready (Redis 7.0.15-compatible) on 127.0.0.1:${port} ${socketPath}`);
      const cli = async (...args: string[]) => (await run("redis-cli", args)).stdout.trim();
      expect(await cli("-p", String(port), "PING")).toBe("NOAUTH Authentication required.");
      expect(await cli("-p", String(port), "--no-auth-warning", "-a", "s3cret", "PING")).toBe("PONG");
      expect(await cli("-s", socketPath, "--no-auth-warning", "-a", "s3cret", "CONFIG", "GET", "maxmemory")).toBe("maxmemory\n10485760");
      expect(await cli("-s", socketPath, "--no-auth-warning", "-a", "s3cret", "INFO", "server")).toContain(`config_file:${configFile}`);
      expect(await cli("-s", socketPath, "--no-auth-warning", "-a", "s3cret", "CONFIG", "SET", "maxmemory", "20mb")).toBe("OK");
      expect(await cli("-s", socketPath, "--no-auth-warning", "-a", "s3cret", "CONFIG", "REWRITE")).toBe("OK");
      const rewritten = readFileSync(configFile, "utf8");
      expect(rewritten).toContain("maxmemory 20971520\n");
      expect(rewritten).toContain("requirepass s3cret\n");
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain("Received SIGTERM, shutting down");
      expect(existsSync(socketPath)).toBe(false);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);

  it("SHUTDOWN stops the process", async () => {
    requireTool("redis-cli");
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "cli.ts"), "--port", String(port)], { cwd: join(__dirname, ".."), stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!output.includes("Ready") && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 50));
      await run("redis-cli", ["-p", String(port), "SHUTDOWN", "NOSAVE"]);
      expect(await exited).toBe(0);
      expect(output).toContain("User requested shutdown");
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
