import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../engine";
import { type EngineServer, listen } from "../server";
import { checkCommandMetadata, collectNotifications } from "../testing/command-checks";
import { seededRandom, useDifferential } from "../testing/differential";
import { commands } from "./memory";

const run = promisify(execFile);

describe("MEMORY against redis-server", () => {
  const diff = useDifferential();

  it("has Redis's metadata for every subcommand", async () => {
    await checkCommandMetadata(diff, [...commands[0]!.subcommands!.values()]);
  });

  it("answers USAGE, HELP, PURGE and argument errors like Redis", async () => {
    await diff.check([
      ["SET", "foo", "bar"],
      ["MEMORY", "USAGE", "foo"],
      ["memory", "usage", "foo", "samples", "3"],
      ["MEMORY", "USAGE", "foo", "SAMPLES", "0"],
      ["MEMORY", "USAGE", "foo", "SAMPLES"],
      ["MEMORY", "USAGE", "foo", "SAMPLES", "x"],
      ["MEMORY", "USAGE", "foo", "SAMPLES", "-1"],
      ["MEMORY", "USAGE", "foo", "SAMPLES", "99999999999999999999"],
      ["MEMORY", "USAGE", "foo", "SAMPLES", "5", "SAMPLES", "2"],
      ["MEMORY", "USAGE", "foo", "bar"],
      ["MEMORY", "USAGE", "missing"],
      ["MEMORY", "USAGE", "missing", "SAMPLES", "x"],
      ["MEMORY", "USAGE"],
      ["MEMORY"],
      ["MEMORY", "HELP"],
      ["MEMORY", "HELP", "x"],
      ["MEMORY", "PURGE"],
      ["MEMORY", "STATS", "x"],
      ["MEMORY", "DOCTOR", "x"],
      ["MEMORY", "nosuch"],
      ["SET", "bin\x00\xff", "\x00\xff"],
      ["MEMORY", "USAGE", "bin\x00\xff"],
    ]);
  });

  it("MEMORY DOCTOR on a small instance says what Redis says", async () => {
    await diff.check([["MEMORY", "DOCTOR"]]);
  });

  it("MEMORY STATS has Redis's fields in Redis's order", async () => {
    await diff.check([["SET", "k", "v"], ["SET", "t", "v", "EX", "100"]]);
    const [expected, actual] = await diff.both(["MEMORY", "STATS"]);
    const names = (reply: typeof expected) =>
      (reply.value as { items: { type: string; value?: string }[] }).items.filter((_, index) => index % 2 === 0).map((item) => item.value);
    expect(names(actual)).toEqual(names(expected));
  });

  it("CONFIG SET notify-keyspace-events canonicalises the classes as CONFIG GET shows them", async () => {
    for (const flags of ["KEA", "Kgxm", "g$lshzxetdKE", "nmAKE", "ntzsg$", "dexlh", "EKKEg", "m", "xE", "gq", "A!", ""]) {
      await diff.check([
        ["CONFIG", "SET", "notify-keyspace-events", flags],
        ["CONFIG", "GET", "notify-keyspace-events"],
      ]);
    }
  });

  it("announces keymiss on read misses and new on key creation", async () => {
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEg$lshzxetmn"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [
        ["GET", "missing"],
        ["MGET", "a", "b"],
        ["SET", "s", "v"],
        ["SET", "s", "w"],
        ["GET", "s"],
        ["LPUSH", "l", "x"],
        ["LPUSH", "l", "y"],
        ["LRANGE", "nolist", "0", "-1"],
        ["SADD", "set", "m"],
        ["SMEMBERS", "noset"],
        ["HSET", "h", "f", "v"],
        ["HGET", "noh", "f"],
        ["ZADD", "z", "1", "m"],
        ["ZSCORE", "noz", "m"],
        ["INCR", "counter"],
        ["APPEND", "appended", "x"],
        ["STRLEN", "nostring"],
        ["RENAME", "s", "renamed"],
        ["COPY", "renamed", "copied"],
        ["SUNIONSTORE", "union", "set"],
        ["GETDEL", "counter"],
        ["GETDEL", "counter"],
        ["DEL", "l"],
      ]);
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(20);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });

  it("a seeded random mix of writes and misses gives the same notifications", async () => {
    const seed = 4242;
    const random = seededRandom(seed);
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ["a", "b", "c", "d"];
    const steps: string[][] = [];
    for (let i = 0; i < 200; i++) {
      const key = pick(keys);
      steps.push(
        pick([
          ["GET", key],
          ["SET", key, String(i)],
          ["DEL", key],
          ["INCR", key],
          ["EXISTS", key],
          ["GETRANGE", key, "0", "1"],
          ["STRLEN", key],
          ["SETNX", key, "x"],
          ["MSET", key, "1", pick(keys), "2"],
          ["MGET", key, pick(keys)],
        ]),
      );
    }
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEg$mn"]]);
    try {
      const [expected, actual] = await collectNotifications(
        diff,
        steps.map((argv) => argv),
      );
      expect(actual, `seed ${seed}`).toEqual(expected);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });
});

describe("maxmemory against redis-server (limit of 1 byte)", () => {
  const diff = useDifferential({ engine: { config: { maxmemory: "1" } }, redisArgs: ["--maxmemory", "1"] });

  it("gives the OOM error for denyoom commands, in MULTI, at EXEC and in scripts", async () => {
    await diff.check([
      ["SET", "k", "v"],
      ["GET", "k"],
      ["INCR", "n"],
      ["LPUSH", "l", "x"],
      ["DEL", "k"],
      ["EXISTS", "k"],
      ["PING"],
      ["MULTI"],
      ["SET", "k", "v"],
      ["GET", "k"],
      ["EXEC"],
      ["MULTI"],
      ["DISCARD"],
      ["EVAL", "return redis.call('set', KEYS[1], 'v')", "1", "k"],
      ["EVAL", "return redis.pcall('set', KEYS[1], 'v')", "1", "k"],
      ["EVAL", "return redis.call('get', KEYS[1])", "1", "k"],
      ["EVAL", "redis.call('del', KEYS[1]); return redis.call('set', KEYS[1], 'v')", "1", "k"],
      ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"],
      ["SET", "k", "v"],
      ["CONFIG", "SET", "maxmemory-policy", "noeviction"],
    ]);
  });

  it("EXEC of a transaction queued before memory ran out is refused as a whole", async () => {
    await diff.check([
      ["CONFIG", "SET", "maxmemory", "0"],
      ["MULTI"],
      ["SET", "k", "v"],
      ["GET", "k"],
      ["CONFIG", "SET", "maxmemory", "1"],
      ["EXEC"],
      ["MULTI"],
      ["GET", "k"],
      ["CONFIG", "SET", "maxmemory", "0"],
      ["EXEC"],
      ["CONFIG", "SET", "maxmemory", "1"],
      ["GET", "k"],
    ]);
  });

  it("evicts everything under allkeys-lru, announcing each key as evicted", async () => {
    await diff.check([["CONFIG", "SET", "maxmemory", "0"]]);
    for (let i = 0; i < 20; i++) await diff.check([["SET", `key:${i}`, "v".repeat(100)]]);
    await diff.check([
      ["CONFIG", "SET", "notify-keyspace-events", "KEe"],
      ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"],
    ]);
    try {
      const [expected, actual] = await collectNotifications(diff, [["CONFIG", "SET", "maxmemory", "1"], ["DBSIZE"], ["SET", "k", "v"]]);
      expect([...actual].sort()).toEqual([...expected].sort());
      expect(expected.length).toBe(40);
      const [redisInfo, engineInfo] = await diff.both(["INFO", "stats"]);
      const evicted = (reply: typeof redisInfo) => /evicted_keys:(\d+)/.exec((reply.value as { value: string }).value)![1];
      expect(evicted(engineInfo)).toBe(evicted(redisInfo));
    } finally {
      await diff.check([
        ["CONFIG", "SET", "notify-keyspace-events", ""],
        ["CONFIG", "SET", "maxmemory-policy", "noeviction"],
        ["CONFIG", "SET", "maxmemory", "1"],
      ]);
    }
  });
});

describe("redis-cli --bigkeys, --memkeys and --hotkeys against the engine", () => {
  let engine: Engine;
  let server: EngineServer;

  beforeAll(async () => {
    engine = new Engine({ config: { "maxmemory-policy": "allkeys-lfu" } });
    server = await listen(engine, { port: 0 });
    const client = engine.connect();
    await client.call("SET", "small", "x");
    await client.call("SET", "big-string", "x".repeat(5000));
    await client.call("RPUSH", "list", ...Array.from({ length: 50 }, (_, i) => `item${i}`));
    await client.call("SADD", "set", "a", "b", "c");
    await client.call("HSET", "hash", "f1", "v1", "f2", "v2");
    await client.call("ZADD", "zset", "1", "a", "2", "b");
    for (let i = 0; i < 200; i++) await client.call("GET", "small");
    client.close();
  });

  afterAll(async () => {
    await server.close();
    engine.close();
  });

  const cli = async (option: string) => (await run("redis-cli", ["-p", String(server.port), option], { timeout: 10_000 })).stdout;

  it("--bigkeys finds the biggest key of each type", async () => {
    const output = await cli("--bigkeys");
    expect(output).toMatch(/Biggest string found '"?big-string"?' has 5000 bytes/);
    expect(output).toMatch(/Biggest\s+list found '"?list"?' has 50 items/);
    expect(output).toMatch(/Biggest\s+hash found '"?hash"?' has 2 fields/);
    expect(output).toMatch(/Biggest\s+zset found '"?zset"?' has 2 members/);
    expect(output).toMatch(/Biggest\s+set found '"?set"?' has 3 members/);
    expect(output).toMatch(/Sampled 6 keys in the keyspace/);
  });

  it("--memkeys reports memory usage per type", async () => {
    const output = await cli("--memkeys");
    expect(output).toMatch(/Biggest string found '"?big-string"?' has 5\d\d\d bytes/);
    expect(output).toMatch(/Biggest\s+list found '"?list"?' has \d+ bytes/);
  });

  it("--hotkeys ranks keys by LFU counter", async () => {
    const output = await cli("--hotkeys");
    expect(output).toMatch(/hot key found with counter: \d+\s+keyname: "?small"?/);
    expect(output).not.toMatch(/Error/);
  });
});
