/**
 * The formatter against the real redis-cli: the same commands go to a throwaway redis-server
 * (printed by `redis-cli --no-raw`, i.e. its terminal format) and to an engine (printed by
 * formatCommandReply); the lines must be identical, in RESP2 and RESP3.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../engine";
import { DoubleReply, ErrorReply, MapReply, NULL_ARRAY, OK, SetReply } from "../protocol/reply";
import { formatCommandReply, formatReply, quoteBytes } from "./redis-cli-format";

const PORT = 7400 + Math.floor(Math.random() * 90);
let server: ChildProcess;

function cli(protocol: 2 | 3, script: string[][]): string[] {
  const input = script.map((argv) => argv.map((arg) => `"${arg.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`).join(" ")).join("\n");
  const args = ["-p", String(PORT), "--no-raw", ...(protocol === 3 ? ["-3"] : [])];
  return execFileSync("redis-cli", args, { input: Buffer.from(`${input}\n`, "utf8"), encoding: "latin1" }).replace(/\n$/, "").split("\n");
}

async function engineLines(protocol: 2 | 3, script: string[][]): Promise<string[]> {
  const client = new Engine().connect();
  if (protocol === 3) await client.call("HELLO", "3");
  const lines: string[] = [];
  for (const argv of script) lines.push(...formatCommandReply(argv, await client.call(...argv), protocol));
  client.close();
  return lines;
}

beforeAll(async () => {
  server = spawn("redis-server", ["--port", String(PORT), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      execFileSync("redis-cli", ["-p", String(PORT), "PING"], { stdio: "pipe" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error("redis-server did not start");
});

afterAll(() => {
  server?.kill("SIGTERM");
});

const SCRIPT: string[][] = [
  ["FLUSHALL"],
  ["SET", "greeting", "hello world"],
  ["GET", "greeting"],
  ["GET", "missing"],
  ["SET", "tricky", 'tab\there "quoted" back\\slash\nnew é'],
  ["GET", "tricky"],
  ["SETRANGE", "zeros", "3", "x"],
  ["GET", "zeros"],
  ["INCR", "counter"],
  ["INCRBYFLOAT", "float", "1.5"],
  ["RPUSH", "list", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
  ["LRANGE", "list", "0", "-1"],
  ["LRANGE", "nolist", "0", "-1"],
  ["HSET", "hash", "field", "value", "other", "42"],
  ["HGETALL", "hash"],
  ["HGETALL", "nohash"],
  ["SADD", "set", "3", "1", "2"],
  ["SMEMBERS", "set"],
  ["ZADD", "board", "1.5", "alice", "10", "bob", "-inf", "carol"],
  ["ZRANGE", "board", "0", "-1", "WITHSCORES"],
  ["ZSCORE", "board", "alice"],
  ["ZSCORE", "board", "nobody"],
  ["SCAN", "0", "MATCH", "l*"],
  ["EXISTS", "greeting", "missing"],
  ["LPUSH", "greeting", "x"],
  ["NOSUCHCOMMAND", "a"],
  ["MULTI"],
  ["INCR", "counter"],
  ["LRANGE", "list", "0", "1"],
  ["EXEC"],
  ["BLPOP", "empty", "0.01"],
  ["CONFIG", "GET", "maxmemory"],
  ["DEL", "greeting"],
];

describe("formatCommandReply matches redis-cli on a terminal", () => {
  for (const protocol of [2, 3] as const) {
    it(`RESP${protocol}`, async () => {
      expect(await engineLines(protocol, SCRIPT)).toEqual(cli(protocol, SCRIPT));
    });
  }
});

describe("formatReply", () => {
  it("prints the scalar forms", () => {
    expect(formatReply(OK)).toEqual(["OK"]);
    expect(formatReply(3)).toEqual(["(integer) 3"]);
    expect(formatReply(null)).toEqual(["(nil)"]);
    expect(formatReply(NULL_ARRAY)).toEqual(["(nil)"]);
    expect(formatReply(new ErrorReply("ERR wrong"))).toEqual(["(error) ERR wrong"]);
    expect(formatReply(new DoubleReply(0.1), 3)).toEqual(["(double) 0.10000000000000001"]);
    expect(formatReply(true, 3)).toEqual(["(true)"]);
    expect(formatReply(true, 2)).toEqual(["(integer) 1"]);
  });

  it("nests arrays, maps and sets with redis-cli's numbering and indentation", () => {
    const reply = new MapReply(["a", [1, ["x", "y"]], "b", new SetReply([])]);
    expect(formatReply(reply, 3)).toEqual(['1# "a" => 1) (integer) 1', '   2) 1) "x"', '      2) "y"', '2# "b" => (empty set)']);
    expect(formatReply(new MapReply([]), 3)).toEqual(["(empty hash)"]);
    expect(formatReply([])).toEqual(["(empty array)"]);
  });

  it("quotes binary bytes like sdscatrepr", () => {
    expect(quoteBytes("\x00\xff\x07\x08")).toBe('"\\x00\\xff\\a\\b"');
    expect(formatReply(Buffer.from([0xc3, 0xa9]))).toEqual(['"\\xc3\\xa9"']);
  });

  it("prints INFO raw, as redis-cli does", () => {
    expect(formatCommandReply(["info", "server"], "# Server\r\nredis_version:7.0.15\r\n")).toEqual(["# Server", "redis_version:7.0.15"]);
  });
});
