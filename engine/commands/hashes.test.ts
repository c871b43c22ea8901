import { describe, expect, it } from "vitest";
import { checkCommandMetadata, checkEncoding, collectNotifications, expireOnBoth, fullScan } from "../testing/command-checks";
import { type StepInput, seededRandom, useDifferential } from "../testing/differential";
import type { RespValue } from "../testing/resp-client";
import { commands } from "./hashes";

const LONG = "x".repeat(65);
const EDGE = "y".repeat(64);
const BINARY = "bin\x00ary\xff\r\n";

function fieldPairs(count: number, prefix = "f"): string[] {
  return Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]).flat();
}

function items(value: RespValue): RespValue[] {
  if (!("items" in value)) throw new Error(`expected an aggregate, got ${JSON.stringify(value)}`);
  return value.items;
}

describe("hash commands against redis-server", () => {
  const diff = useDifferential();

  it("set, get and delete fields, with binary data and errors", async () => {
    await diff.check([
      ["HSET", "h", "a", "1", "b", "2"],
      ["HSET", "h", "a", "10", "c", "3"],
      ["HSET", "h", BINARY, BINARY],
      ["HSET", "h", "", ""],
      ["HGET", "h", "a"],
      ["HGET", "h", BINARY],
      ["HGET", "h", ""],
      ["HGET", "h", "missing"],
      ["HGET", "nokey", "a"],
      ["HMGET", "h", "a", "missing", BINARY, "c"],
      ["HMGET", "nokey", "a", "b"],
      ["HLEN", "h"],
      ["HLEN", "nokey"],
      ["HSTRLEN", "h", BINARY],
      ["HSTRLEN", "h", "a"],
      ["HSTRLEN", "h", "missing"],
      ["HSTRLEN", "nokey", "a"],
      ["HEXISTS", "h", "c"],
      ["HEXISTS", "h", "missing"],
      ["HEXISTS", "nokey", "a"],
      ["HKEYS", "h"],
      ["HVALS", "h"],
      ["HGETALL", "h"],
      ["HKEYS", "nokey"],
      ["HVALS", "nokey"],
      ["HGETALL", "nokey"],
      ["HDEL", "h", "a", "a", "missing"],
      ["HDEL", "nokey", "a"],
      ["HGETALL", "h"],
      ["HSETNX", "h", "b", "new"],
      ["HSETNX", "h", "d", "new"],
      ["HSETNX", "fresh", "f", "v"],
      ["HGETALL", "h"],
      ["HGETALL", "fresh"],
      ["HMSET", "h", "e", "5", "b", "20"],
      ["HGETALL", "h"],
      ["HDEL", "h", "b", "c", BINARY, "", "d", "e", "missing"],
      ["HLEN", "h"],
      ["HGETALL", "h"],
      ["HSET", "h", "a"],
      ["HSET", "h", "a", "1", "b"],
      ["HMSET", "h", "a", "1", "b"],
      ["HMSET", "h", "a"],
      ["HSETNX", "h", "a"],
      ["HGET", "h"],
      ["HMGET", "h"],
      ["HDEL", "h"],
      ["HLEN"],
      ["HSTRLEN", "h"],
      ["HEXISTS", "h", "a", "b"],
      ["HKEYS", "h", "x"],
      ["HGETALL"],
      ["HINCRBY", "h", "a"],
      ["HINCRBYFLOAT", "h", "a", "1", "2"],
      ["HRANDFIELD"],
      ["HSCAN", "h"],
    ]);
  });

  it("answers WRONGTYPE for every command on a key of another type", async () => {
    await diff.check([
      ["SADD", "s", "member"],
      ["HSET", "s", "a", "1"],
      ["HSETNX", "s", "a", "1"],
      ["HMSET", "s", "a", "1"],
      ["HGET", "s", "a"],
      ["HMGET", "s", "a"],
      ["HDEL", "s", "a"],
      ["HLEN", "s"],
      ["HSTRLEN", "s", "a"],
      ["HEXISTS", "s", "a"],
      ["HKEYS", "s"],
      ["HVALS", "s"],
      ["HGETALL", "s"],
      ["HINCRBY", "s", "a", "1"],
      ["HINCRBY", "s", "a", "x"],
      ["HINCRBYFLOAT", "s", "a", "1"],
      ["HINCRBYFLOAT", "s", "a", "x"],
      ["HRANDFIELD", "s"],
      ["HRANDFIELD", "s", "2"],
      ["HRANDFIELD", "s", "x"],
      ["HSCAN", "s", "0"],
      ["HSCAN", "s", "x"],
      ["HSCAN", "s", "0", "COUNT", "0"],
      ["SMEMBERS", "s"],
    ]);
  });

  it("HINCRBY: int64 bounds, overflow and non-integer values", async () => {
    await diff.check([
      ["HINCRBY", "h", "n", "5"],
      ["HINCRBY", "h", "n", "-7"],
      ["HINCRBY", "h", "n", "0"],
      ["HINCRBY", "h", "max", "9223372036854775807"],
      ["HINCRBY", "h", "max", "1"],
      ["HINCRBY", "h", "max", "-9223372036854775808"],
      ["HINCRBY", "h", "min", "-9223372036854775808"],
      ["HINCRBY", "h", "min", "-1"],
      ["HINCRBY", "h", "min", "9223372036854775807"],
      ["HINCRBY", "h", "big", "9007199254740993"],
      ["HINCRBY", "h", "big", "9007199254740993"],
      ["HINCRBY", "h", "n", "9223372036854775808"],
      ["HINCRBY", "h", "n", "1.5"],
      ["HINCRBY", "h", "n", " 1"],
      ["HINCRBY", "h", "n", "+1"],
      ["HINCRBY", "h", "n", "01"],
      ["HINCRBY", "h", "n", ""],
      ["HSET", "h", "text", "abc", "padded", "007", "float", "1.5", "space", " 1", "neg0", "-0", "huge", "99999999999999999999"],
      ["HINCRBY", "h", "text", "1"],
      ["HINCRBY", "h", "padded", "1"],
      ["HINCRBY", "h", "float", "1"],
      ["HINCRBY", "h", "space", "1"],
      ["HINCRBY", "h", "neg0", "1"],
      ["HINCRBY", "h", "huge", "1"],
      ["HINCRBY", "new", "f", "-3"],
      ["HGETALL", "h"],
      ["HGETALL", "new"],
    ]);
  });

  it("HINCRBYFLOAT: long double arithmetic and formatting, errors", async () => {
    const steps: StepInput[] = [];
    const increments = [
      "0.1", "0.1", "0.1", "-0.3", "1e20", "0.5", "-1e20", "3.14159265358979323846264338327950288", "1E3", "1.", ".5", "+.5e+1",
      "0x1.8p1", "0X.8P-1", "1e-400", "-0", "123456789012345678901234567890", "-1.5e-5", "7", "1e308", "1e308",
    ];
    for (const increment of increments) steps.push(["HINCRBYFLOAT", "h", "x", increment]);
    for (const bad of ["", " 1", "1 ", ".", "0x", "1e", "abc", "nan", "-nan", "1e-5000", "1e5000"]) steps.push(["HINCRBYFLOAT", "h", "x", bad]);
    steps.push(
      ["HINCRBYFLOAT", "h", "x", "inf"],
      ["HINCRBYFLOAT", "h", "x", "-INFINITY"],
      ["HINCRBYFLOAT", "h", "big", "1e4932"],
      ["HINCRBYFLOAT", "h", "big", "1e4932"],
      ["HINCRBYFLOAT", "h", "tiny", "1e-4940"],
      ["HINCRBYFLOAT", "h", "tiny", "1e-20"],
      ["HINCRBYFLOAT", "h", "negzero", "-0.00000000000000000001"],
      ["HINCRBYFLOAT", "h", "p", "9007199254740993"],
      ["HINCRBYFLOAT", "h", "p", "1"],
      ["HSET", "h", "text", "abc", "int", "10", "padded", "007", "exp", "5.0e3", "hex", "0x10", "space", " 2", "inf", "inf", "long", "1".repeat(70)],
      ["HINCRBYFLOAT", "h", "text", "1"],
      ["HINCRBYFLOAT", "h", "int", "0.25"],
      ["HINCRBYFLOAT", "h", "padded", "1"],
      ["HINCRBYFLOAT", "h", "exp", "1"],
      ["HINCRBYFLOAT", "h", "hex", "1"],
      ["HINCRBYFLOAT", "h", "space", "1"],
      ["HINCRBYFLOAT", "h", "inf", "1"],
      ["HINCRBYFLOAT", "h", "long", "1"],
      ["HINCRBY", "h", "int", "1"],
      ["HINCRBYFLOAT", "h", "x", "abc"],
      // Long values made it a hashtable: field order is unspecified.
      { argv: ["HGETALL", "h"], unordered: "pairs" },
    );
    await diff.check(steps);
  });

  it("HINCRBYFLOAT matches Redis on random decimal, exponent and hex increments (seeded)", async () => {
    const seed = 99;
    const random = seededRandom(seed);
    const digits = (count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
    const upTo = (max: number): number => 1 + Math.floor(random() * max);
    const forms = [
      () => `${digits(upTo(5))}.${digits(upTo(20))}`,
      () => digits(upTo(25)),
      () => `0.${digits(upTo(30))}`,
      () => `${digits(upTo(3))}e${random() < 0.5 ? "-" : ""}${Math.floor(random() * 40)}`,
      () => `0x${digits(upTo(6)).replace(/9/g, "f")}p${Math.floor(random() * 80) - 40}`,
    ];
    const steps: StepInput[] = [];
    for (let i = 0; i < 400; i++) {
      const field = `f${i % 10}`;
      if (i % 7 === 0) steps.push(["HDEL", "h", field]);
      steps.push(["HINCRBYFLOAT", "h", field, `${random() < 0.3 ? "-" : ""}${forms[Math.floor(random() * forms.length)]!()}`]);
    }
    await diff.check(steps).catch((error: Error) => {
      throw new Error(`seed ${seed}: ${error.message}`);
    });
  });

  it("HRANDFIELD: argument errors, whole-hash answers and RESP2 shapes", async () => {
    await diff.check([
      ["HRANDFIELD", "nokey"],
      ["HRANDFIELD", "nokey", "3"],
      ["HRANDFIELD", "nokey", "-3", "WITHVALUES"],
      ["HRANDFIELD", "nokey", "x"],
      ["HRANDFIELD", "nokey", "1", "foo"],
      ["HSET", "h", "a", "1", "b", "2", "c", "3"],
      ["HRANDFIELD", "h", "0"],
      ["HRANDFIELD", "h", "0", "WITHVALUES"],
      ["HRANDFIELD", "h", "3"],
      ["HRANDFIELD", "h", "100", "withvalues"],
      ["HRANDFIELD", "h", "9223372036854775807", "WITHVALUES"],
      ["HRANDFIELD", "h", "-9223372036854775808"],
      ["HRANDFIELD", "h", "-9223372036854775807", "WITHVALUES"],
      ["HRANDFIELD", "h", "-4611686018427387904", "WITHVALUES"],
      ["HRANDFIELD", "h", "4611686018427387904", "WITHVALUES"],
      ["HRANDFIELD", "h", "4611686018427387903", "WITHVALUES"],
      ["HRANDFIELD", "nokey", "4611686018427387904", "WITHVALUES"],
      ["HRANDFIELD", "h", "9223372036854775808"],
      ["HRANDFIELD", "h", "1", "WITHVALUES", "x"],
      ["HRANDFIELD", "h", "1", "WITHSCORES"],
      ["HRANDFIELD", "h", "abc", "WITHVALUES"],
    ]);
    for (const [count, withValues] of [["2", false], ["-5", false], ["2", true], ["-5", true], ["-1", true]] as const) {
      const argv = ["HRANDFIELD", "h", count, ...(withValues ? ["WITHVALUES"] : [])];
      const [expected, actual] = await diff.both(argv);
      const expectedItems = items(expected.value);
      expect(items(actual.value).length, argv.join(" ")).toBe(expectedItems.length);
      const fields = items(actual.value).filter((_, i) => !withValues || i % 2 === 0);
      for (const field of fields) expect(["a", "b", "c"]).toContain((field as { value: string }).value);
      if (withValues) {
        for (let i = 0; i < items(actual.value).length; i += 2) {
          const [field, value] = items(actual.value).slice(i, i + 2) as { value: string }[];
          expect(value!.value).toBe({ a: "1", b: "2", c: "3" }[field!.value]);
        }
      }
      if (Number(count) > 0) expect(new Set(fields.map((field) => JSON.stringify(field))).size).toBe(fields.length);
    }
    const [, single] = await diff.both(["HRANDFIELD", "h"]);
    expect(["$1\r\na\r\n", "$1\r\nb\r\n", "$1\r\nc\r\n"]).toContain(single.raw);
  });

  it("HRANDFIELD picks distinct fields from large hashes and repeats for negative counts", async () => {
    await diff.check([["HSET", "big", ...fieldPairs(300)], ["HSET", "huge", ...fieldPairs(700)]]);
    await checkEncoding(diff, "huge", "hashtable");
    for (const [key, count] of [["big", "10"], ["big", "150"], ["big", "299"], ["big", "300"], ["big", "-500"], ["huge", "10"], ["huge", "400"], ["huge", "-50"], ["huge", "700"]]) {
      const [expected, actual] = await diff.both(["HRANDFIELD", key!, count!]);
      const fields = items(actual.value).map((item) => (item as { value: string }).value);
      expect(fields.length, count).toBe(items(expected.value).length);
      if (Number(count) > 0) expect(new Set(fields).size, count).toBe(fields.length);
      for (const field of fields) expect(field).toMatch(/^f\d+$/);
    }
  });

  it("speaks RESP3: maps, pairs, nulls", async () => {
    await diff.both(["HELLO", "3"]);
    await diff.check([
      ["HSET", "h", "a", "1", "b", "2"],
      ["HGETALL", "h"],
      ["HGETALL", "nokey"],
      ["HRANDFIELD", "nokey"],
      ["HRANDFIELD", "nokey", "2", "WITHVALUES"],
      ["HRANDFIELD", "h", "5", "WITHVALUES"],
      ["HRANDFIELD", "h", "2"],
      ["HMGET", "h", "a", "zz"],
      ["HGET", "h", "zz"],
      ["HINCRBYFLOAT", "h", "a", "1.5"],
      ["HSCAN", "h", "0"],
    ]);
    const [expected, actual] = await diff.both(["HRANDFIELD", "h", "-3", "WITHVALUES"]);
    expect(items(actual.value).length).toBe(items(expected.value).length);
    for (const pair of items(actual.value)) expect(pair.type).toBe("array");
    await diff.both(["HELLO", "2"]);
  });

  it("HSCAN: listpack hashes come back whole; cursor and option errors", async () => {
    await diff.check([
      ["HSCAN", "nokey", "0"],
      ["HSCAN", "nokey", "0", "COUNT", "0"],
      ["HSCAN", "nokey", "abc"],
      ["HSET", "h", "alpha", "1", "beta", "2", "gamma", "3", "al", "4", BINARY, "5"],
      ["HSCAN", "h", "0"],
      ["HSCAN", "h", "7"],
      ["HSCAN", "h", "-1"],
      ["HSCAN", "h", ""],
      ["HSCAN", "h", "+0"],
      ["HSCAN", "h", "18446744073709551615"],
      ["HSCAN", "h", "18446744073709551616"],
      ["HSCAN", "h", " 0"],
      ["HSCAN", "h", "0x1"],
      ["HSCAN", "h", "-"],
      ["HSCAN", "h", "0", "MATCH", "al*"],
      ["HSCAN", "h", "0", "match", "*a"],
      ["HSCAN", "h", "0", "MATCH", "*"],
      ["HSCAN", "h", "0", "MATCH", "nothing"],
      ["HSCAN", "h", "0", "COUNT", "1"],
      ["HSCAN", "h", "0", "COUNT", "1", "MATCH", "b*", "COUNT", "100"],
      ["HSCAN", "h", "0", "COUNT", "0"],
      ["HSCAN", "h", "0", "COUNT", "-1"],
      ["HSCAN", "h", "0", "COUNT", "x"],
      ["HSCAN", "h", "0", "COUNT"],
      ["HSCAN", "h", "0", "MATCH"],
      ["HSCAN", "h", "0", "TYPE", "hash"],
      ["HSCAN", "h", "0", "NOVALUES"],
    ]);
  });

  it("HSCAN pages through hashtable hashes and visits every field", async () => {
    await diff.check([["HSET", "big", ...fieldPairs(600)]]);
    await checkEncoding(diff, "big", "hashtable");
    for (const options of [[], ["COUNT", "7"], ["MATCH", "f1*", "COUNT", "50"]]) {
      const [expected, actual] = await Promise.all([fullScan(diff.redis(), "HSCAN", "big", options), fullScan(diff.engine(), "HSCAN", "big", options)]);
      expect(actual.calls, options.join(" ")).toBeGreaterThan(1);
      expect(new Set(actual.items)).toEqual(new Set(expected.items));
    }
  });

  it("switches from listpack to hashtable at Redis's thresholds, one way", async () => {
    // Without a config file redis-server 7.0 defaults hash-max-listpack-entries to 512.
    const pairs = fieldPairs(512);
    await diff.check([["HSET", "full", ...pairs], ["HGETALL", "full"], ["HKEYS", "full"], ["HVALS", "full"]]);
    await checkEncoding(diff, "full", "listpack");
    await diff.check([["HSET", "full", "extra", "v"]]);
    await checkEncoding(diff, "full", "hashtable");
    await diff.check([["HDEL", "full", "extra", ...pairs.filter((_, i) => i % 2 === 0).slice(1)], ["HGETALL", "full"]]);
    await checkEncoding(diff, "full", "hashtable");

    const cases: [string, StepInput[], string][] = [
      ["edge-value", [["HSET", "k", "f", EDGE]], "listpack"],
      ["long-value", [["HSET", "k", "f", LONG]], "hashtable"],
      ["long-field", [["HSET", "k", LONG, "v"]], "hashtable"],
      ["hmset-long", [["HMSET", "k", "a", "1", "b", LONG]], "hashtable"],
      ["hsetnx-long", [["HSETNX", "k", "f", LONG]], "hashtable"],
      ["hsetnx-existing", [["HSET", "k", "f", "v"], ["HSETNX", "k", "f", LONG]], "listpack"],
      ["hincrby-long-field", [["HINCRBY", "k", LONG, "1"]], "hashtable"],
      ["hincrbyfloat-long-field", [["HINCRBYFLOAT", "k", LONG, "1.5"]], "hashtable"],
      ["hincrbyfloat-long-result", [["HINCRBYFLOAT", "k", "f", "1e70"]], "hashtable"],
    ];
    for (const [name, steps, encoding] of cases) {
      await diff.check([...steps, { argv: ["HGETALL", "k"], unordered: encoding === "hashtable" && "pairs" }]);
      await checkEncoding(diff, "k", encoding, name);
      await diff.check([["HDEL", "k", "f", LONG, "a", "b"]]);
    }
  });

  it("works with the generic commands: TYPE, COPY, SORT ... BY/GET hash fields", async () => {
    await diff.check([
      ["HSET", "h", "b", "2", "a", "1", "c", "3"],
      ["TYPE", "h"],
      ["COPY", "h", "copy"],
      ["HSET", "h", "a", "changed"],
      ["HGETALL", "copy"],
      ["HGETALL", "h"],
      ["HSET", "big", ...fieldPairs(600)],
      ["COPY", "big", "bigcopy"],
      ["HDEL", "big", "f1"],
      ["HLEN", "bigcopy"],
      ["HGET", "bigcopy", "f1"],
      ["SADD", "ids", "1", "2", "3"],
      ["HSET", "weight_1", "w", "30", "name", "one"],
      ["HSET", "weight_2", "w", "10", "name", "two"],
      ["HSET", "weight_3", "w", "20"],
      ["SORT", "ids", "BY", "weight_*->w", "GET", "#", "GET", "weight_*->name"],
      ["SORT", "ids", "BY", "weight_*->missing", "GET", "weight_*->w"],
    ]);
    await checkEncoding(diff, "copy", "listpack");
    await checkEncoding(diff, "bigcopy", "hashtable");
  });

  it("follows CONFIG SET hash-max-listpack-entries/-value", async () => {
    try {
      await diff.check([
        ["CONFIG", "SET", "hash-max-listpack-entries", "2"],
        ["CONFIG", "SET", "hash-max-listpack-value", "3"],
        ["HSET", "k", "a", "1", "b", "2"],
        ["HSET", "v", "a", "123"],
      ]);
      await checkEncoding(diff, "k", "listpack");
      await checkEncoding(diff, "v", "listpack");
      await diff.check([["HSET", "k", "c", "3"], ["HSET", "v", "a", "1234"], { argv: ["HGETALL", "k"], unordered: "pairs" }]);
      await checkEncoding(diff, "k", "hashtable");
      await checkEncoding(diff, "v", "hashtable");
    } finally {
      await diff.both(["CONFIG", "SET", "hash-max-listpack-entries", "512"]);
      await diff.both(["CONFIG", "SET", "hash-max-listpack-value", "64"]);
    }
  });

  it("invalidates WATCH only on real changes, as Redis does", async () => {
    await diff.check([
      ["HSET", "h", "a", "1"],
      ["WATCH", "h"],
      ["HSETNX", "h", "a", "2"],
      ["HDEL", "h", "missing"],
      ["HINCRBY", "h", "a", "x"],
      ["MULTI"],
      ["HGET", "h", "a"],
      ["EXEC"],
      ["WATCH", "h"],
      ["HSET", "h", "a", "1"],
      ["MULTI"],
      ["HGET", "h", "a"],
      ["EXEC"],
    ]);
  });

  it("treats expired hashes as missing", async () => {
    await diff.check([["HSET", "h", "a", "1"], ["HSET", "h2", "a", "1"]]);
    await expireOnBoth(diff, "h");
    await expireOnBoth(diff, "h2");
    await diff.check([
      ["HGET", "h", "a"],
      ["HLEN", "h"],
      ["HGETALL", "h"],
      ["HSETNX", "h2", "a", "2"],
      ["HGETALL", "h2"],
      ["HEXISTS", "h", "a"],
    ]);
  });

  it("matches Redis's random-sequence replies (seeded)", async () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
      const keys = ["h1", "h2", "s"];
      const fields = ["a", "b", "c", "d", BINARY, ""];
      const values = ["1", "-7", "2.5", "abc", "9223372036854775806", "0x10", EDGE];
      const commandsToRun: StepInput[] = [["SADD", "s", "m"]];
      for (let i = 0; i < 250; i++) {
        const key = pick(keys);
        const field = pick(fields);
        switch (pick(["hset", "hsetnx", "hget", "hmget", "hdel", "hlen", "hstrlen", "hexists", "hgetall", "hincrby", "hincrbyfloat", "hrandfield", "hscan", "hkeys"])) {
          case "hset": commandsToRun.push(["HSET", key, field, pick(values), pick(fields), pick(values)]); break;
          case "hsetnx": commandsToRun.push(["HSETNX", key, field, pick(values)]); break;
          case "hget": commandsToRun.push(["HGET", key, field]); break;
          case "hmget": commandsToRun.push(["HMGET", key, field, pick(fields)]); break;
          case "hdel": commandsToRun.push(["HDEL", key, field, pick(fields)]); break;
          case "hlen": commandsToRun.push(["HLEN", key]); break;
          case "hstrlen": commandsToRun.push(["HSTRLEN", key, field]); break;
          case "hexists": commandsToRun.push(["HEXISTS", key, field]); break;
          case "hgetall": commandsToRun.push(["HGETALL", key]); break;
          case "hincrby": commandsToRun.push(["HINCRBY", key, field, pick(["1", "-3", "9223372036854775807", "x"])]); break;
          case "hincrbyfloat": commandsToRun.push(["HINCRBYFLOAT", key, field, pick(["0.1", "-2.5", "1e3", "x", "inf"])]); break;
          case "hrandfield": commandsToRun.push(["HRANDFIELD", key, pick(["6", "100"]), ...(random() < 0.5 ? ["WITHVALUES"] : [])]); break;
          case "hscan": commandsToRun.push(["HSCAN", key, "0", "MATCH", pick(["*", "a*", "?"])]); break;
          case "hkeys": commandsToRun.push(["HKEYS", key]); break;
        }
      }
      await diff.check([["FLUSHALL"], ...commandsToRun]).catch((error: Error) => {
        throw new Error(`seed ${seed}: ${error.message}`);
      });
    }
  });

  it("declares the metadata Redis reports in COMMAND INFO", async () => {
    await checkCommandMetadata(diff, commands);
  });
});

describe("hash keyspace notifications against redis-server", () => {
  const diff = useDifferential({ engine: { config: { "notify-keyspace-events": "KEA" } }, redisArgs: ["--notify-keyspace-events", "KEA"] });

  it("publishes Redis's events for each write", async () => {
    const [redisEvents, engineEvents] = await collectNotifications(diff, [
      ["HSET", "h", "a", "1", "b", "2"],
      ["HSET", "h", "a", "1"],
      ["HMSET", "h", "c", "3"],
      ["HSETNX", "h", "a", "x"],
      ["HSETNX", "h", "d", "4"],
      ["HINCRBY", "h", "n", "2"],
      ["HINCRBY", "h", "a", "x"],
      ["HINCRBYFLOAT", "h", "f", "2.5"],
      ["HINCRBYFLOAT", "h", "a", "inf"],
      ["HDEL", "h", "zz"],
      ["HDEL", "h", "a", "b"],
      ["HDEL", "h", "c", "d", "n", "f"],
      ["HGET", "h", "a"],
    ]);
    expect(engineEvents).toEqual(redisEvents);
  });

  it("files each event under Redis's class letter", async () => {
    try {
      for (const classes of ["Kg", "Eh", "KEA"]) {
        await diff.check([["FLUSHALL"], ["CONFIG", "SET", "notify-keyspace-events", classes]]);
        const [redisEvents, engineEvents] = await collectNotifications(diff, [
      ["HSET", "h", "a", "1"],
      ["HINCRBY", "h", "n", "1"],
      ["HINCRBYFLOAT", "h", "n", "1.5"],
      ["HDEL", "h", "a", "n"],
    ]);
        expect(engineEvents, classes).toEqual(redisEvents);
      }
    } finally {
      await diff.both(["CONFIG", "SET", "notify-keyspace-events", "KEA"]);
    }
  });
});
