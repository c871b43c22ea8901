/**
 * Throughput, latency and memory of the engine against redis-server, measured with
 * redis-benchmark:
 *
 *   npm run bench:engine [-- --rounds 3 --requests 200000 --keys 1000000]
 *
 * Both servers run as their own processes (the engine through tsx, like `npm run engine`).
 * The benchmarks alternate between them for several rounds and the medians are compared; the
 * results go to bench/results/engine-<date>.json.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";

const TESTS = ["SET", "GET", "INCR", "LPUSH", "ZADD", "LRANGE_100"];
const ROOT = join(__dirname, "..", "..");

interface Options {
  rounds: number;
  requests: number;
  clients: number;
  keys: number;
}

function parseOptions(args: string[]): Options {
  const options: Options = { rounds: 3, requests: 200_000, clients: 50, keys: 1_000_000 };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, "") as keyof Options;
    const value = Number(args[i + 1]);
    if (!(name in options) || !Number.isFinite(value) || value <= 0) throw new Error(`unknown option or bad value: ${args[i]} ${args[i + 1]}`);
    options[name] = value;
  }
  return options;
}

function requireTool(tool: string): void {
  try {
    execFileSync(tool, ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error(`${tool} is required: apt-get install -y redis-server redis-tools`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  name: "engine" | "redis";
  port: number;
  process: ChildProcess;
}

/** Starts a server process and waits for its ready line (engine) or a PING (redis). */
async function startServer(name: Server["name"]): Promise<Server> {
  const port = await freePort();
  const child =
    name === "redis"
      ? spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--dir", "/tmp"], { stdio: "ignore" })
      : // node with tsx's loader rather than the tsx wrapper, so the pid is the engine's own.
        spawn(process.execPath, ["--import", "tsx", join(ROOT, "engine", "cli.ts"), "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if (cli(port, ["PING"]).trim() === "PONG") return { name, port, process: child };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not start`);
}

function cli(port: number, args: string[]): string {
  return execFileSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

interface TestResult {
  rps: number;
  p50: number;
  p99: number;
}

/** Runs redis-benchmark with --csv and returns rps and latency percentiles per test. */
function benchmark(port: number, options: Options, pipeline: number): Map<string, TestResult> {
  const output = execFileSync(
    "redis-benchmark",
    ["-p", String(port), "--csv", "-n", String(options.requests), "-c", String(options.clients), "-P", String(pipeline), "-t", TESTS.join(",").toLowerCase()],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const results = new Map<string, TestResult>();
  for (const line of output.split("\n")) {
    const fields = line.split('","').map((field) => field.replace(/"/g, ""));
    const test = fields[0]!.split(" ")[0]!;
    if (!TESTS.includes(test) || line.includes("needed to benchmark")) continue;
    results.set(test, { rps: Number(fields[1]), p50: Number(fields[4]), p99: Number(fields[6]) });
  }
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Resident memory of a process, from /proc. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface MemoryResult {
  keys: number;
  rssBytes: number;
  bytesPerKey: number;
}

/** Loads `keys` random 3-byte string keys with pipelined SETs and reports resident memory. */
function memoryFootprint(server: Server, options: Options): MemoryResult {
  cli(server.port, ["FLUSHALL"]);
  execFileSync("redis-benchmark", ["-p", String(server.port), "-q", "-t", "set", "-n", String(options.keys), "-r", String(options.keys), "-d", "3", "-P", "16", "-c", "50"], {
    stdio: "ignore",
  });
  const keys = Number(cli(server.port, ["DBSIZE"]).trim());
  const rssBytes =
    server.name === "redis" ? Number(/used_memory_rss:(\d+)/.exec(cli(server.port, ["INFO", "memory"]))![1]) : rssOf(server.process.pid!);
  return { keys, rssBytes, bytesPerKey: Math.round(rssBytes / Math.max(1, keys)) };
}

function formatRow(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  requireTool("redis-server");
  requireTool("redis-benchmark");
  requireTool("redis-cli");
  const servers = [await startServer("redis"), await startServer("engine")];
  const samples = new Map<string, TestResult[]>();
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const pipeline of [1, 16]) {
        // Alternate which server goes first so drift on a shared machine hits both alike.
        const order = round % 2 === 1 ? servers : [...servers].reverse();
        for (const server of order) {
          process.stdout.write(`round ${round}/${options.rounds}: ${server.name} -P ${pipeline}...\n`);
          cli(server.port, ["FLUSHALL"]);
          for (const [test, result] of benchmark(server.port, options, pipeline)) {
            const key = `${server.name}|${pipeline}|${test}`;
            samples.set(key, [...(samples.get(key) ?? []), result]);
          }
        }
      }
    }
    process.stdout.write(`memory: ${options.keys} SETs of 3-byte values with random keys...\n`);
    const memory = { redis: memoryFootprint(servers[0]!, options), engine: memoryFootprint(servers[1]!, options) };

    const rows: Record<string, unknown>[] = [];
    const widths = [12, 4, 12, 12, 7, 10, 10];
    const lines = [formatRow(["test", "P", "redis rps", "engine rps", "ratio", "redis p99", "engine p99"], widths)];
    for (const pipeline of [1, 16]) {
      for (const test of TESTS) {
        const redis = samples.get(`redis|${pipeline}|${test}`) ?? [];
        const engine = samples.get(`engine|${pipeline}|${test}`) ?? [];
        const row = {
          test,
          pipeline,
          redisRps: median(redis.map((sample) => sample.rps)),
          engineRps: median(engine.map((sample) => sample.rps)),
          redisP99Ms: median(redis.map((sample) => sample.p99)),
          engineP99Ms: median(engine.map((sample) => sample.p99)),
          ratio: 0,
        };
        row.ratio = row.redisRps > 0 ? row.engineRps / row.redisRps : 0;
        rows.push(row);
        lines.push(
          formatRow(
            [test, String(pipeline), row.redisRps.toFixed(0), row.engineRps.toFixed(0), row.ratio.toFixed(2), row.redisP99Ms.toFixed(3), row.engineP99Ms.toFixed(3)],
            widths,
          ),
        );
      }
    }
    lines.push("");
    lines.push(`memory, ${options.keys} random SETs: redis ${memory.redis.keys} keys, used_memory_rss ${(memory.redis.rssBytes / 1048576).toFixed(1)} MB (${memory.redis.bytesPerKey} B/key)`);
    lines.push(`                            engine ${memory.engine.keys} keys, process RSS ${(memory.engine.rssBytes / 1048576).toFixed(1)} MB (${memory.engine.bytesPerKey} B/key), ${(memory.engine.rssBytes / memory.redis.rssBytes).toFixed(2)}x redis`);
    process.stdout.write(`\n${lines.join("\n")}\n`);
    const directory = join(ROOT, "bench", "results");
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `engine-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), options, throughput: rows, memory }, null, 2)}\n`);
    process.stdout.write(`\nresults written to ${file}\n`);
  } finally {
    for (const server of servers) server.process.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
