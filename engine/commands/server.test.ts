import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock";
import { Engine } from "../engine";
import { selectSections } from "../info";
import type { RawReply, RespValue } from "../testing/resp-client";
import { type DifferentialContext, seededRandom, useDifferential } from "../testing/differential";

/** Commands this group defines: their COMMAND INFO and DOCS must equal Redis 7.0's. */
const OWN_COMMANDS = [
  "ping", "echo", "select", "quit", "reset", "auth", "hello", "client",
  "client|getname", "client|kill", "client|list", "client|pause", "client|tracking", "client|no-evict",
  "command", "command|list", "command|info", "command|docs", "command|getkeys", "command|count",
  "info", "config", "config|get", "config|set", "config|rewrite", "config|resetstat",
  "dbsize", "time", "slowlog", "slowlog|get", "monitor", "latency", "latency|histogram", "swapdb",
  "debug", "shutdown", "lastsave", "role", "lolwut", "flushdb", "flushall",
];

/**
 * Redis lists a container's subcommands in its (randomly seeded) hash table order; sort them
 * so COMMAND INFO/DOCS replies of containers compare.
 */
function withSortedSubcommands(value: RespValue): unknown {
  if (!("items" in value)) return value;
  const items = value.items.map(withSortedSubcommands);
  // COMMAND INFO entry: 10 items, the last one the subcommand entries.
  if (items.length === 10 && value.items[0]!.type === "bulk" && value.items[1]!.type === "integer") {
    items[9] = sortedJson(items[9]);
  }
  // COMMAND DOCS: a "subcommands" field followed by a map of name → doc.
  for (let i = 0; i + 1 < value.items.length; i++) {
    const key = value.items[i]!;
    if (key.type === "bulk" && key.value === "subcommands") items[i + 1] = sortedPairs(items[i + 1]);
  }
  return { type: value.type, items };
}

function sortedJson(value: unknown): unknown {
  const items = (value as { items: unknown[] }).items;
  return [...items].map((item) => JSON.stringify(item)).sort();
}

function sortedPairs(value: unknown): unknown {
  const items = (value as { items: unknown[] }).items;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push(JSON.stringify([items[i], items[i + 1]]));
  return pairs.sort();
}

function text(reply: RawReply): string {
  const value = reply.value;
  if (value.type !== "bulk" && value.type !== "verbatim") throw new Error(`expected text, got ${reply.raw.slice(0, 80)}`);
  return value.value;
}

/** A value's shape: digits collapsed, size units unified, ids and hex masked, so formats compare. */
function valueShape(value: string): string {
  return value
    .replace(/\b[0-9a-f]{40}\b/g, "<hex40>")
    .replace(/-?\d+(\.\d+)?/g, (number) => (number.includes(".") ? `9.${"9".repeat(number.split(".")[1]!.length)}` : "9"))
    .replace(/(9(?:\.9+)?)[BKMGTP]\b/g, "$1<unit>");
}

/** INFO text as sections of [field, shape] pairs. */
function infoShape(info: string, skipValuesOf: Set<string>): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of info.split("\r\n")) {
    if (line.startsWith("# ")) sections.set(line.slice(2), (current = []));
    else if (line !== "") {
      const colon = line.indexOf(":");
      const field = line.slice(0, colon);
      current.push(skipValuesOf.has(field) ? field : `${field}:${valueShape(line.slice(colon + 1))}`);
    }
  }
  return sections;
}

/** Fields whose values are free-form on either side (paths, OS names, build ids). */
const FREE_FORM_FIELDS = new Set(["os", "executable", "config_file", "gcc_version", "redis_build_id", "mem_allocator", "process_supervised"]);

async function headers(diff: DifferentialContext, argv: string[]): Promise<[string[], string[]]> {
  const [redis, engine] = await diff.both(argv);
  const pick = (reply: RawReply) => text(reply).split("\r\n").filter((line) => line.startsWith("# "));
  return [pick(redis), pick(engine)];
}

describe("server commands against redis-server", () => {
  const diff = useDifferential({ engine: { config: { "enable-debug-command": "yes" } }, redisArgs: ["--enable-debug-command", "yes"] });

  it("COMMAND INFO and COMMAND DOCS of this group's commands equal Redis 7.0's, in RESP2 and RESP3", async () => {
    for (const name of OWN_COMMANDS) {
      const [redisInfo, engineInfo] = await diff.both(["COMMAND", "INFO", name]);
      expect(withSortedSubcommands(engineInfo.value), `COMMAND INFO ${name}`).toEqual(withSortedSubcommands(redisInfo.value));
      const [redisDocs, engineDocs] = await diff.both(["COMMAND", "DOCS", name]);
      expect(withSortedSubcommands(engineDocs.value), `COMMAND DOCS ${name}`).toEqual(withSortedSubcommands(redisDocs.value));
    }
    await diff.check([["COMMAND", "INFO", "nosuchcommand", "ping"], ["COMMAND", "DOCS", "nosuchcommand"], ["COMMAND", "FOO"], ["COMMAND", "HELP"]]);
    const [redis, engine] = await diff.connectPair();
    await redis.call("HELLO", "3");
    await engine.call("HELLO", "3");
    for (const name of ["client|list", "config", "ping", "info"]) {
      for (const sub of ["INFO", "DOCS"]) {
        const expected = withSortedSubcommands((await redis.call("COMMAND", sub, name)).value);
        expect(withSortedSubcommands((await engine.call("COMMAND", sub, name)).value), `${sub} ${name}`).toEqual(expected);
      }
    }
  });

  it("COMMAND COUNT, LIST and the full table agree with each other", async () => {
    const engine = diff.engine();
    const count = Number((await engine.call("COMMAND", "COUNT")).raw.slice(1, -2));
    const table = (await engine.call("COMMAND")).value as { items: RespValue[] };
    expect(table.items).toHaveLength(count);
    const names = ((await engine.call("COMMAND", "LIST")).value as { items: { value: string }[] }).items.map((item) => item.value);
    expect(names.filter((name) => !name.includes("|"))).toHaveLength(count);
    expect(names).toContain("client|list");
    for (const entry of table.items) expect((entry as { items: RespValue[] }).items).toHaveLength(10);
    await diff.check([
      { argv: ["COMMAND", "LIST", "FILTERBY", "PATTERN", "client*"], unordered: true },
      { argv: ["COMMAND", "LIST", "FILTERBY", "PATTERN", "CONFIG|*"], unordered: true },
      { argv: ["COMMAND", "LIST", "FILTERBY", "PATTERN", "ech?"], unordered: true },
      ["COMMAND", "LIST", "FILTERBY", "MODULE", "x"],
      ["COMMAND", "LIST", "FILTERBY", "FOO", "x"],
      ["COMMAND", "LIST", "FOO"],
      ["COMMAND", "LIST", "FILTERBY", "PATTERN"],
      ["COMMAND", "COUNT", "x"],
    ]);
  });

  it("COMMAND GETKEYS and GETKEYSANDFLAGS", async () => {
    await diff.check([
      ["COMMAND", "GETKEYS"],
      ["COMMAND", "GETKEYS", "nosuch", "x"],
      ["COMMAND", "GETKEYS", "ping", "x"],
      ["COMMAND", "GETKEYS", "client", "list"],
      ["COMMAND", "GETKEYS", "get"],
      ["COMMAND", "GETKEYS", "get", "a", "b"],
      ["COMMAND", "GETKEYS", "get", "a"],
      ["COMMAND", "GETKEYS", "mset", "a", "1", "b", "2"],
      ["COMMAND", "GETKEYS", "eval", "return 1", "2", "k1", "k2", "arg"],
      ["COMMAND", "GETKEYSANDFLAGS", "get", "a"],
      ["COMMAND", "GETKEYSANDFLAGS", "nosuch", "a"],
    ]);
  });

  it("INFO sections, headers and field formats match Redis", async () => {
    for (const argv of [
      ["INFO"],
      ["INFO", "default"],
      ["INFO", "all"],
      ["INFO", "everything"],
      ["INFO", "server", "clients"],
      ["INFO", "CPU", "Server"],
      ["INFO", "cpu", "cpu", "default"],
      ["INFO", "commandstats"],
      ["INFO", "modules"],
      ["INFO", "keyspace", "nosuchsection"],
    ]) {
      const [redis, engine] = await headers(diff, argv);
      expect(engine, argv.join(" ")).toEqual(redis);
    }
    await diff.check([["INFO", "nosuchsection"], ["INFO", "cluster"], ["INFO", "keyspace"]]);
    const [redis, engine] = await diff.both(["INFO", "everything"]);
    const expected = infoShape(text(redis), FREE_FORM_FIELDS);
    const actual = infoShape(text(engine), FREE_FORM_FIELDS);
    for (const section of ["Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Modules", "Cluster"]) {
      expect(actual.get(section), section).toEqual(expected.get(section));
    }
  });

  it("INFO keyspace, commandstats and errorstats lines have Redis's format", async () => {
    await diff.check([["DEBUG", "POPULATE", "25"], ["SELECT", "3"], ["DEBUG", "POPULATE", "7", "other"], ["INFO", "keyspace"], ["SELECT", "0"]]);
    await diff.check([["CONFIG", "RESETSTAT"], ["PING"], ["ECHO"], ["NOSUCH"], ["SELECT", "99"]]);
    const [redis, engine] = await diff.both(["INFO", "commandstats", "errorstats"]);
    const lines = (reply: RawReply) => text(reply).split("\r\n").map((line) => line.replace(/usec=\d+,usec_per_call=[\d.]+/, "usec=<t>"));
    expect(lines(engine).sort()).toEqual(lines(redis).sort());
    expect(text(engine)).toMatch(/^cmdstat_ping:calls=1,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0$/m);
    expect(text(engine)).toMatch(/^errorstat_ERR:count=3$/m);
  });

  it("CONFIG GET/SET/RESETSTAT/REWRITE/HELP reply like Redis", async () => {
    await diff.check([
      ["CONFIG", "GET", "maxmemory"],
      ["CONFIG", "GET", "MAXMEMORY"],
      { argv: ["CONFIG", "GET", "slowlog-*"], unordered: "pairs" },
      { argv: ["CONFIG", "GET", "maxmemory", "hz", "maxmemory"], unordered: "pairs" },
      { argv: ["CONFIG", "GET", "*max-*-entries"], unordered: "pairs" },
      ["CONFIG", "GET", "hash-max-ziplist-entries"],
      ["CONFIG", "GET", "nosuch"],
      ["CONFIG", "GET"],
      ["CONFIG", "SET", "foo", "bar"],
      ["CONFIG", "SET", "maxmemory", "abc"],
      ["CONFIG", "SET", "maxmemory", "-1"],
      ["CONFIG", "SET", "maxmemory", "10", "maxmemory", "20"],
      ["CONFIG", "SET", "maxmemory", "10", "hz"],
      ["CONFIG", "SET", "hz", "abc"],
      ["CONFIG", "SET", "daemonize", "yes"],
      ["CONFIG", "SET", "databases", "3"],
      ["CONFIG", "SET", "appendonly", "maybe"],
      ["CONFIG", "SET", "maxmemory-policy", "foo"],
      ["CONFIG", "SET", "proto-max-bulk-len", "10"],
      ["CONFIG", "SET", "slowlog-log-slower-than", "-5"],
      ["CONFIG", "SET", "save", "abc"],
      ["CONFIG", "SET", "client-output-buffer-limit", "foo"],
      ["CONFIG", "SET", "client-output-buffer-limit", "foo 1 2 3"],
      ["CONFIG", "SET", "client-output-buffer-limit", "pubsub x 0 0"],
      ["CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 0 0"],
      ["CONFIG", "GET", "client-output-buffer-limit"],
      ["CONFIG", "SET", "client-output-buffer-limit", "pubsub 32mb 8mb 60"],
      // Several pairs are applied together or not at all.
      ["CONFIG", "SET", "maxmemory", "1mb", "hz", "bad"],
      ["CONFIG", "GET", "maxmemory"],
      ["CONFIG", "SET", "maxmemory", "1mb", "HZ", "20"],
      { argv: ["CONFIG", "GET", "maxmemory", "hz"], unordered: "pairs" },
      ["CONFIG", "SET", "hz", "600"],
      ["CONFIG", "GET", "hz"],
      ["CONFIG", "SET", "maxmemory", "0", "hz", "10"],
      ["CONFIG", "SET", "maxmemory-policy", "ALLKEYS-LRU"],
      ["CONFIG", "GET", "maxmemory-policy"],
      ["CONFIG", "SET", "maxmemory-policy", "noeviction"],
      ["CONFIG", "SET", "appendonly", "NO"],
      ["CONFIG", "RESETSTAT"],
      ["CONFIG", "RESETSTAT", "x"],
      ["CONFIG", "REWRITE"],
      ["CONFIG", "HELP"],
      ["CONFIG", "FOO"],
    ]);
  });

  it("DBSIZE, TIME, LASTSAVE, ROLE, LOLWUT, SHUTDOWN errors, FLUSHDB/FLUSHALL errors", async () => {
    await diff.check([
      ["DBSIZE"],
      ["DEBUG", "POPULATE", "12"],
      ["DBSIZE"],
      ["DBSIZE", "x"],
      ["ROLE"],
      ["LOLWUT"],
      ["LOLWUT", "10", "10"],
      ["LOLWUT", "VERSION", "x"],
      ["LOLWUT", "VERSION", "7", "1"],
      ["LOLWUT", "VERSION"],
      ["TIME", "x"],
      ["LASTSAVE", "x"],
      ["SHUTDOWN", "FOO"],
      ["SHUTDOWN", "NOSAVE", "SAVE"],
      ["SHUTDOWN", "ABORT"],
      ["SHUTDOWN", "ABORT", "NOW"],
      ["FLUSHDB", "x"],
      ["FLUSHDB", "ASYNC", "x"],
      ["FLUSHALL", "SYNC"],
      ["FLUSHDB", "async"],
      ["DBSIZE"],
    ]);
    const [redis, engine] = await diff.both(["TIME"]);
    const shape = (reply: RawReply) => reply.raw.replace(/\d+/g, "9");
    expect(shape(engine)).toBe(shape(redis));
    const seconds = Number(((engine.value as { items: { value: string }[] }).items[0]!).value);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
    const [redisLastsave, engineLastsave] = await diff.both(["LASTSAVE"]);
    expect(engineLastsave.raw).toMatch(/^:\d{10}\r\n$/);
    expect(redisLastsave.raw).toMatch(/^:\d{10}\r\n$/);
  });

  it("SLOWLOG records slow commands with Redis's entry shape", async () => {
    await diff.check([
      ["SLOWLOG", "RESET"],
      ["SLOWLOG", "LEN"],
      ["SLOWLOG", "GET"],
      ["SLOWLOG", "GET", "-5"],
      ["SLOWLOG", "GET", "abc"],
      ["SLOWLOG", "HELP"],
      ["SLOWLOG", "FOO"],
      ["CONFIG", "SET", "slowlog-log-slower-than", "0"],
      ["CLIENT", "SETNAME", "slowpoke"],
      ["ECHO", "x".repeat(200)],
      ["PING", ...[]],
      ["SLOWLOG", "LEN"],
    ]);
    const [redis, engine] = await diff.both(["SLOWLOG", "GET", "4"]);
    // ids, timestamps, durations and ports differ; the structure must not.
    const shape = (reply: RawReply) => reply.raw.replace(/:\d+\r\n/g, ":9\r\n").replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:9").replace(/\$1[45]\r\n/g, "$1x\r\n");
    expect(shape(engine)).toBe(shape(redis));
    expect(engine.raw).toContain("... (72 more bytes)");
    await diff.check([["CONFIG", "SET", "slowlog-log-slower-than", "10000"], ["CLIENT", "SETNAME", ""], ["SLOWLOG", "RESET"], ["SLOWLOG", "LEN"]]);
  });

  it("MONITOR streams other clients' commands in Redis's format", async () => {
    const [redisMonitor, engineMonitor] = await diff.connectPair();
    await diff.check([["PING"]]);
    expect((await engineMonitor.call("MONITOR")).raw).toBe((await redisMonitor.call("MONITOR")).raw);
    await diff.check([["SELECT", "2"], ["ECHO", 'quo"te\\ \x01\xff\n'], ["SELECT", "0"]]);
    const normalise = (reply: RawReply) => reply.raw.replace(/^\+\d+\.\d{6} /, "+<ts> ").replace(/127\.0\.0\.1:\d+/, "127.0.0.1:<port>");
    for (let i = 0; i < 3; i++) {
      expect(normalise(await engineMonitor.nextPush())).toBe(normalise(await redisMonitor.nextPush()));
    }
  });

  it("SHUTDOWN and MONITOR inside MULTI are refused like Redis", async () => {
    const [redis, engine] = await diff.connectPair();
    const steps = [["MULTI"], ["SHUTDOWN"], ["PING"], ["EXEC"], ["MULTI"], ["MONITOR"], ["EXEC"], ["PING"]];
    for (const argv of steps) expect((await engine.call(...argv)).raw, argv.join(" ")).toBe((await redis.call(...argv)).raw);
  });

  it("CONFIG SET requirepass '' lets clients waiting for AUTH in", async () => {
    const [redis, engine] = await diff.connectPair();
    for (const client of [redis, engine]) await client.call("CONFIG", "SET", "requirepass", "pw");
    const [redisLate, engineLate] = await diff.connectPair();
    expect((await engineLate.call("PING")).raw).toBe((await redisLate.call("PING")).raw);
    for (const client of [redis, engine]) await client.call("CONFIG", "SET", "requirepass", "");
    expect((await engineLate.call("PING")).raw).toBe((await redisLate.call("PING")).raw);
    expect((await engineLate.call("PING")).raw).toBe("+PONG\r\n");
  });

  it("LATENCY subcommands without samples", async () => {
    await diff.check([
      ["LATENCY", "LATEST"],
      ["LATENCY", "HISTORY", "command"],
      ["LATENCY", "RESET"],
      ["LATENCY", "RESET", "command", "fork"],
      ["LATENCY", "GRAPH", "command"],
      ["LATENCY", "DOCTOR"],
      ["LATENCY", "HELP"],
      ["LATENCY", "HISTOGRAM", "nosuchcommand"],
      ["LATENCY", "FOO"],
    ]);
    const histogram = (await diff.engine().call("LATENCY", "HISTOGRAM", "ping")).raw;
    expect(histogram).toMatch(/^\*2\r\n\$4\r\nping\r\n\*4\r\n\$5\r\ncalls\r\n:\d+\r\n\$14\r\nhistogram_usec\r\n\*2\r\n:\d+\r\n:\d+\r\n$/);
  });

  it("the latency monitor records slow commands like Redis", async () => {
    await diff.check([["CONFIG", "SET", "latency-monitor-threshold", "50"], ["LATENCY", "RESET"], ["DEBUG", "SLEEP", "0.1"]]);
    const [redisLatest, engineLatest] = await diff.both(["LATENCY", "LATEST"]);
    const shape = (raw: string) => raw.replace(/:\d{10}\r\n/g, ":<time>\r\n").replace(/:1\d\d\r\n/g, ":1xx\r\n");
    expect(shape(engineLatest.raw)).toBe(shape(redisLatest.raw));
    expect(shape(engineLatest.raw)).toBe("*1\r\n*4\r\n$7\r\ncommand\r\n:<time>\r\n:1xx\r\n:1xx\r\n");
    const [redisHistory, engineHistory] = await diff.both(["LATENCY", "HISTORY", "command"]);
    expect(shape(engineHistory.raw)).toBe(shape(redisHistory.raw));
    const [redisGraph, engineGraph] = await diff.both(["LATENCY", "GRAPH", "command"]);
    const graphShape = (raw: string) => raw.replace(/\d+ ms/g, "N ms").replace(/\n\ds\n/g, "\nNs\n");
    expect(graphShape(engineGraph.raw)).toBe(graphShape(redisGraph.raw));
    const [redisDoctor, engineDoctor] = await diff.both(["LATENCY", "DOCTOR"]);
    const doctorShape = (raw: string) => raw.replace(/\d+/g, "N");
    expect(doctorShape(engineDoctor.raw)).toBe(doctorShape(redisDoctor.raw));
    await diff.check([
      ["LATENCY", "HISTORY", "nosuch"],
      ["LATENCY", "RESET", "command", "nosuch"],
      ["LATENCY", "LATEST"],
      ["LATENCY", "DOCTOR"],
      ["CONFIG", "SET", "latency-monitor-threshold", "0"],
      ["LATENCY", "DOCTOR"],
    ]);
  });

  it("SWAPDB swaps keyspaces, validates indexes and breaks WATCH", async () => {
    await diff.check([
      ["SWAPDB", "0", "16"],
      ["SWAPDB", "a", "1"],
      ["SWAPDB", "0", "b"],
      ["SWAPDB", "0", "-1"],
      ["SWAPDB", "1", "1"],
      ["SWAPDB", "1"],
      ["DEBUG", "POPULATE", "5"],
      ["SELECT", "1"],
      ["DEBUG", "POPULATE", "2", "one"],
      ["SELECT", "0"],
      ["SWAPDB", "0", "1"],
      ["DBSIZE"],
      ["INFO", "keyspace"],
      ["SELECT", "1"],
      ["DBSIZE"],
      ["SELECT", "0"],
    ]);
    const [redisWatcher, engineWatcher] = await diff.connectPair();
    const steps = [["WATCH", "one:0"], ["MULTI"], ["PING"]];
    for (const argv of steps) expect((await engineWatcher.call(...argv)).raw).toBe((await redisWatcher.call(...argv)).raw);
    await diff.check([["SWAPDB", "0", "1"]]);
    expect((await engineWatcher.call("EXEC")).raw).toBe((await redisWatcher.call("EXEC")).raw);
  });

  it("SWAPDB wakes clients blocked on keys that exist after the swap", async () => {
    const [redisBlocked, engineBlocked] = await diff.connectPair();
    for (const client of [redisBlocked, engineBlocked]) await client.call("SELECT", "1");
    const pending = [redisBlocked.call("BLPOP", "jobs", "0"), engineBlocked.call("BLPOP", "jobs", "0")];
    await new Promise((resolve) => setTimeout(resolve, 50));
    await diff.check([["RPUSH", "jobs", "first", "second"], ["SWAPDB", "0", "1"], ["SELECT", "1"], ["LRANGE", "jobs", "0", "-1"], ["SELECT", "0"]]);
    const [expected, actual] = await Promise.all(pending);
    expect(actual!.raw).toBe(expected!.raw);
    expect(actual!.raw).toBe("*2\r\n$4\r\njobs\r\n$5\r\nfirst\r\n");
  });

  it("DEBUG OBJECT, SLEEP, SET-ACTIVE-EXPIRE and errors", async () => {
    await diff.check([
      ["DEBUG", "OBJECT", "missing"],
      ["DEBUG", "SLEEP", "0"],
      ["DEBUG", "SET-ACTIVE-EXPIRE", "0"],
      ["DEBUG", "SET-ACTIVE-EXPIRE", "1"],
      ["DEBUG", "NOSUCHSUB"],
      ["DEBUG"],
      ["DEBUG", "POPULATE", "3", "p", "20"],
    ]);
    await diff.check([["RPUSH", "list", "a", "b", "c"], ["SET", "number", "12345"], ["HSET", "hash", "f", "v"]]);
    for (const key of ["p:1", "number", "list", "hash"]) {
      const [redis, engine] = await diff.both(["DEBUG", "OBJECT", key]);
      const shape = (reply: RawReply) =>
        reply.raw.replace(/0x[0-9a-f]+/, "0x").replace(/lru:\d+/, "lru:9").replace(/lru_seconds_idle:\d+/, "idle:9").replace(/(serializedlength|ql_uncompressed_size):\d+/g, "$1:9");
      expect(shape(engine), key).toBe(shape(redis));
    }
    const [redis, engine] = await diff.both(["DEBUG", "OBJECT", "p:1"]);
    expect(engine.raw.replace(/0x[0-9a-f]+|lru:\d+/g, "")).toBe(redis.raw.replace(/0x[0-9a-f]+|lru:\d+/g, ""));
  });
});

describe("server commands with the debug command disabled", () => {
  const diff = useDifferential();

  it("DEBUG is refused exactly like Redis's default configuration", async () => {
    await diff.check([["DEBUG", "SLEEP", "0"], ["DEBUG", "OBJECT", "x"]]);
  });
});

describe("server commands in-process", () => {
  it("INFO section selection follows default/all/everything", () => {
    expect([...selectSections([])]).toEqual(["server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "errorstats", "cluster", "keyspace"]);
    expect(selectSections(["all"]).has("commandstats")).toBe(true);
    expect(selectSections(["EVERYTHING"]).has("latencystats")).toBe(true);
    expect([...selectSections(["Cpu", "cpu"])]).toEqual(["cpu"]);
  });

  it("TIME reads the engine clock; stats and keyspace come from the engine", async () => {
    const clock = new VirtualClock(Date.UTC(2030, 0, 1) + 123.456);
    const engine = new Engine({ clock, config: { "enable-debug-command": "yes" } });
    const client = engine.connect();
    expect(await client.call("TIME")).toEqual([String(Date.UTC(2030, 0, 1) / 1000), "123456"]);
    await client.call("DEBUG", "POPULATE", "3");
    const info = (await client.call("INFO", "keyspace", "stats")) as { text: string };
    expect(info.text).toContain("db0:keys=3,expires=0,avg_ttl=0\r\n");
    // Like Redis, INFO counts the commands before itself.
    expect(info.text).toMatch(/total_commands_processed:2\r\n/);
    engine.close();
  });

  it("SHUTDOWN calls the host's hook; without one it reports an error", async () => {
    const engine = new Engine();
    const client = engine.connect();
    expect(await client.call("SHUTDOWN")).toEqual({ message: "ERR Errors trying to SHUTDOWN. Check logs." });
    let stopped = false;
    engine.onShutdown = () => (stopped = true);
    const pending = client.call("SHUTDOWN", "NOSAVE");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(true);
    void pending;
    engine.close();
  });

  it("CONFIG REWRITE updates the config file in place and appends changed parameters", async () => {
    const directory = mkdtempSync(join(tmpdir(), "engine-config-"));
    const file = join(directory, "redis.conf");
    writeFileSync(file, "# my config\nport 6390\nmaxmemory 100mb\n\nhz 10\n");
    const engine = new Engine({ config: { port: "6390", maxmemory: "100mb", hz: "10" } });
    engine.configFile = file;
    const client = engine.connect();
    await client.call("CONFIG", "SET", "maxmemory", "200mb", "maxmemory-policy", "allkeys-lru", "requirepass", "two words");
    expect(await client.call("CONFIG", "REWRITE")).toEqual({ value: "OK" });
    const rewritten = readFileSync(file, "utf8");
    expect(rewritten).toBe(
      '# my config\nport 6390\nmaxmemory 209715200\n\nhz 10\n# Generated by CONFIG REWRITE\nrequirepass "two words"\nmaxmemory-policy allkeys-lru\n',
    );
    expect(await client.call("CONFIG", "REWRITE")).toEqual({ value: "OK" });
    expect(readFileSync(file, "utf8")).toBe(rewritten);
    engine.close();
  });
});

describe("server commands: seeded random sequences against redis-server", () => {
  const diff = useDifferential({ engine: { config: { "enable-debug-command": "yes" } }, redisArgs: ["--enable-debug-command", "yes"] });

  it("random DBSIZE/SELECT/SWAPDB/FLUSHDB/POPULATE/CONFIG/INFO keyspace sequences match", async () => {
    const seed = 0x5e7e7;
    const random = seededRandom(seed);
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const db = () => pick(["0", "1", "2", "15", "16", "x"]);
    const generators: (() => string[])[] = [
      () => ["DBSIZE"],
      () => ["SELECT", db()],
      () => ["SWAPDB", db(), db()],
      () => ["FLUSHDB", ...pick([[], ["ASYNC"], ["SYNC"], ["BAD"]])],
      () => ["FLUSHALL", ...pick([[], ["SYNC"]])],
      () => ["DEBUG", "POPULATE", pick(["0", "3", "10", "-1"]), ...pick([[], ["a"], ["b"]])],
      () => ["CONFIG", "SET", pick(["hz", "maxmemory", "slowlog-max-len", "timeout"]), pick(["0", "10", "100", "1kb", "bad", "-1"])],
      () => ["CONFIG", "GET", pick(["hz", "maxmemory", "slowlog-max-len", "timeout"])],
      () => ["INFO", "keyspace"],
      () => ["ROLE"],
      () => ["ECHO", pick(["a", "", "\x00\xff"])],
    ];
    const [redis, engine] = await diff.connectPair();
    for (let i = 0; i < 300; i++) {
      const argv = pick(generators)();
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(actual.raw, `seed ${seed} step ${i}: ${JSON.stringify(argv)}`).toBe(expected.raw);
    }
    for (const client of [redis, engine]) await client.call("CONFIG", "SET", "hz", "10", "maxmemory", "0", "slowlog-max-len", "128", "timeout", "0");
  });
});
