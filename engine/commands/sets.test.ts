import { describe, expect, it } from "vitest";
import { checkCommandMetadata, checkEncoding, collectNotifications, expireOnBoth, fullScan } from "../testing/command-checks";
import { type StepInput, seededRandom, useDifferential } from "../testing/differential";
import type { RespValue } from "../testing/resp-client";
import { commands } from "./sets";

const BINARY = "bin\x00ary\xff\r\n";

function range(from: number, count: number, prefix = ""): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);
}

function texts(value: RespValue): string[] {
  if (!("items" in value)) throw new Error(`expected an aggregate, got ${JSON.stringify(value)}`);
  return value.items.map((item) => ("value" in item ? item.value : JSON.stringify(item)));
}

/** Hashtable-encoded results have no specified order: compare them as collections. */
function unordered(...argv: string[]): StepInput {
  return { argv, unordered: true };
}

describe("set commands against redis-server", () => {
  const diff = useDifferential();

  it("add, remove and query members, with binary data and arity errors", async () => {
    await diff.check([
      ["SADD", "s", "3", "1", "2", "1", "-5", "10"],
      ["SADD", "s", "2", "7"],
      ["SMEMBERS", "s"],
      ["SCARD", "s"],
      ["SISMEMBER", "s", "7"],
      ["SISMEMBER", "s", "8"],
      ["SISMEMBER", "s", "x"],
      ["SMISMEMBER", "s", "1", "x", "10", "-5", "05"],
      ["SREM", "s", "1", "1", "x", "100"],
      ["SMEMBERS", "s"],
      ["SADD", "b", BINARY, "", "plain"],
      unordered("SMEMBERS", "b"),
      ["SISMEMBER", "b", BINARY],
      ["SISMEMBER", "b", ""],
      ["SREM", "b", BINARY, "", "plain"],
      ["SMEMBERS", "b"],
      ["SCARD", "b"],
      ["SMEMBERS", "nokey"],
      ["SCARD", "nokey"],
      ["SISMEMBER", "nokey", "a"],
      ["SMISMEMBER", "nokey", "a", "b"],
      ["SREM", "nokey", "a"],
      ["SADD", "s"],
      ["SREM", "s"],
      ["SMEMBERS"],
      ["SMEMBERS", "s", "t"],
      ["SISMEMBER", "s"],
      ["SMISMEMBER", "s"],
      ["SCARD", "s", "t"],
      ["SPOP"],
      ["SRANDMEMBER"],
      ["SMOVE", "a", "b"],
      ["SINTER"],
      ["SINTERSTORE", "d"],
      ["SINTERCARD", "1"],
      ["SUNION"],
      ["SUNIONSTORE", "d"],
      ["SDIFF"],
      ["SDIFFSTORE", "d"],
      ["SSCAN", "s"],
    ]);
  });

  it("answers WRONGTYPE on keys of another type", async () => {
    await diff.check([
      ["HSET", "h", "f", "v"],
      ["SADD", "s", "1"],
      ["SADD", "h", "a"],
      ["SREM", "h", "a"],
      ["SMEMBERS", "h"],
      ["SISMEMBER", "h", "a"],
      ["SMISMEMBER", "h", "a"],
      ["SCARD", "h"],
      ["SPOP", "h"],
      ["SPOP", "h", "2"],
      ["SPOP", "h", "-2"],
      ["SRANDMEMBER", "h"],
      ["SRANDMEMBER", "h", "2"],
      ["SMOVE", "h", "s", "a"],
      ["SMOVE", "s", "h", "1"],
      ["SMOVE", "nokey", "h", "1"],
      ["SMOVE", "s", "h", "zz"],
      ["SINTER", "s", "h"],
      ["SINTER", "nokey", "h"],
      ["SINTERCARD", "2", "nokey", "h"],
      ["SINTERSTORE", "d", "s", "h"],
      ["SUNION", "s", "h"],
      ["SUNIONSTORE", "d", "h"],
      ["SDIFF", "s", "h"],
      ["SDIFF", "nokey", "h"],
      ["SDIFFSTORE", "d", "s", "h"],
      ["SSCAN", "h", "0"],
      ["SSCAN", "h", "x"],
      ["EXISTS", "d"],
      ["SMEMBERS", "s"],
    ]);
  });

  it("intersections, unions and differences, with missing keys", async () => {
    await diff.check([
      ["SADD", "a", "1", "2", "3", "4", "5"],
      ["SADD", "b", "4", "5", "6", "3"],
      ["SADD", "c", "5", "3", "100"],
      ["SADD", "w", "x", "y", "5", "3"],
      ["SINTER", "a", "b"],
      ["SINTER", "a", "b", "c"],
      ["SINTER", "a"],
      ["SINTER", "a", "a"],
      ["SINTER", "a", "nokey"],
      ["SINTER", "nokey", "a"],
      unordered("SINTER", "w", "a"),
      ["SINTER", "c", "w"],
      ["SUNION", "a", "b", "c"],
      ["SUNION", "a", "nokey"],
      ["SUNION", "nokey", "nokey2"],
      unordered("SUNION", "a", "w"),
      ["SDIFF", "a", "b"],
      ["SDIFF", "a", "b", "c"],
      ["SDIFF", "a", "a"],
      ["SDIFF", "a", "nokey"],
      ["SDIFF", "nokey", "a"],
      unordered("SDIFF", "w", "a"),
      ["SDIFF", "a", "w"],
      ["SINTERCARD", "2", "a", "b"],
      ["SINTERCARD", "3", "a", "b", "c"],
      ["SINTERCARD", "2", "a", "b", "LIMIT", "1"],
      ["SINTERCARD", "2", "a", "b", "limit", "0"],
      ["SINTERCARD", "2", "a", "b", "LIMIT", "100"],
      ["SINTERCARD", "2", "a", "nokey"],
      ["SINTERCARD", "1", "a", "LIMIT", "2", "LIMIT", "3"],
      ["SINTERCARD", "0", "a"],
      ["SINTERCARD", "-1", "a"],
      ["SINTERCARD", "x", "a"],
      ["SINTERCARD", "3", "a", "b"],
      ["SINTERCARD", "1", "a", "LIMIT", "-1"],
      ["SINTERCARD", "1", "a", "LIMIT", "x"],
      ["SINTERCARD", "1", "a", "LIMIT"],
      ["SINTERCARD", "1", "a", "b"],
      ["SINTERCARD", "1", "a", "WITHSCORES", "1"],
    ]);
  });

  it("store commands write, overwrite or delete the destination", async () => {
    await diff.check([
      ["SADD", "a", "1", "2", "3"],
      ["SADD", "b", "2", "3", "4"],
      ["SADD", "w", "x", "2"],
      ["SINTERSTORE", "d", "a", "b"],
      ["SMEMBERS", "d"],
      ["SUNIONSTORE", "d", "a", "b"],
      ["SMEMBERS", "d"],
      ["SDIFFSTORE", "d", "a", "b"],
      ["SMEMBERS", "d"],
      ["SUNIONSTORE", "d", "a", "w"],
      unordered("SMEMBERS", "d"),
      ["SINTERSTORE", "d", "a", "nokey"],
      ["EXISTS", "d"],
      ["SUNIONSTORE", "d", "a"],
      ["SDIFFSTORE", "d", "a", "a"],
      ["EXISTS", "d"],
      ["SUNIONSTORE", "d", "nokey"],
      ["SINTERSTORE", "d", "nokey"],
      ["SET", "str", "value"],
      ["EXPIRE", "str", "100"],
      ["SINTERSTORE", "str", "a", "b"],
      ["TYPE", "str"],
      ["TTL", "str"],
      ["SMEMBERS", "str"],
      ["SET", "str", "value"],
      ["SDIFFSTORE", "str", "a", "a"],
      ["EXISTS", "str"],
      ["SUNIONSTORE", "a", "a", "b"],
      ["SMEMBERS", "a"],
      ["SINTERSTORE", "a", "a", "w"],
      ["SMEMBERS", "a"],
      ["SDIFFSTORE", "b", "b", "a"],
      ["SMEMBERS", "b"],
    ]);
  });

  it("SMOVE between sets, onto itself and onto missing keys", async () => {
    await diff.check([
      ["SADD", "src", "1", "2", "a"],
      ["SADD", "ints", "5"],
      ["SMOVE", "src", "dst", "1"],
      ["SMOVE", "src", "dst", "1"],
      ["SMOVE", "src", "dst", "nope"],
      ["SMOVE", "nokey", "dst", "1"],
      ["SMOVE", "src", "src", "2"],
      ["SMOVE", "src", "src", "nope"],
      ["SMOVE", "src", "ints", "a"],
      ["SMOVE", "src", "ints", "2"],
      ["EXISTS", "src"],
      unordered("SMEMBERS", "ints"),
      ["SMEMBERS", "dst"],
      ["SADD", "x", "1"],
      ["SMOVE", "x", "dst", "1"],
      ["EXISTS", "x"],
      ["SMEMBERS", "dst"],
    ]);
  });

  it("SPOP and SRANDMEMBER: errors and deterministic answers", async () => {
    await diff.check([
      ["SPOP", "nokey"],
      ["SPOP", "nokey", "0"],
      ["SPOP", "nokey", "3"],
      ["SPOP", "nokey", "-1"],
      ["SPOP", "nokey", "x"],
      ["SPOP", "nokey", "1", "2"],
      ["SRANDMEMBER", "nokey"],
      ["SRANDMEMBER", "nokey", "3"],
      ["SRANDMEMBER", "nokey", "-3"],
      ["SRANDMEMBER", "nokey", "x"],
      ["SRANDMEMBER", "nokey", "-9223372036854775808"],
      ["SRANDMEMBER", "nokey", "9223372036854775808"],
      ["SRANDMEMBER", "nokey", "1", "2"],
      ["SADD", "s", "30", "10", "20"],
      ["SRANDMEMBER", "s", "0"],
      ["SRANDMEMBER", "s", "3"],
      ["SRANDMEMBER", "s", "9223372036854775807"],
      ["SPOP", "s", "0"],
      ["SPOP", "s", "-1"],
      ["SPOP", "s", "3"],
      ["EXISTS", "s"],
      ["SADD", "s", "30", "10", "20"],
      ["SPOP", "s", "9223372036854775807"],
      ["EXISTS", "s"],
      ["SADD", "one", "only"],
      ["SPOP", "one"],
      ["EXISTS", "one"],
      ["SADD", "one", "only"],
      ["SRANDMEMBER", "one"],
      ["SRANDMEMBER", "one", "-3"],
    ]);
  });

  it("SPOP and SRANDMEMBER pick valid members in the right numbers", async () => {
    for (const [encoding, members] of [["intset", range(0, 100)], ["hashtable", range(0, 600, "m")]] as const) {
      await diff.check([["FLUSHALL"], ["SADD", "s", ...members], ["SADD", "t", ...members]]);
      await checkEncoding(diff, "s", encoding);
      const all = new Set<string>(members);
      for (const count of ["1", "10", "40", "99", "-5", "-300"]) {
        const [expected, actual] = await diff.both(["SRANDMEMBER", "s", count]);
        const picked = texts(actual.value);
        expect(picked.length, `${encoding} SRANDMEMBER ${count}`).toBe(texts(expected.value).length);
        for (const member of picked) expect(all.has(member)).toBe(true);
        if (Number(count) > 0) expect(new Set(picked).size).toBe(picked.length);
      }
      const [, single] = await diff.both(["SRANDMEMBER", "s"]);
      expect(all.has("value" in single.value ? single.value.value : "")).toBe(true);
      const popped: string[] = [];
      for (const count of ["1", "7", "30", "50"]) {
        const [expected, actual] = await diff.both(["SPOP", "t", count]);
        expect(actual.value.type).toBe(expected.value.type);
        expect(texts(actual.value).length, `${encoding} SPOP ${count}`).toBe(texts(expected.value).length);
        popped.push(...texts(actual.value));
      }
      const [, one] = await diff.both(["SPOP", "t"]);
      popped.push("value" in one.value ? one.value.value : "");
      const [, rest] = await diff.both(["SMEMBERS", "t"]);
      expect(new Set(popped).size).toBe(popped.length);
      expect(new Set([...popped, ...texts(rest.value)])).toEqual(all);
      await diff.check([["SCARD", "t"]]);
    }
  });

  it("speaks RESP3: sets for member lists, arrays for SRANDMEMBER", async () => {
    await diff.both(["HELLO", "3"]);
    await diff.check([
      ["SADD", "s", "1", "2", "3"],
      ["SMEMBERS", "s"],
      ["SMEMBERS", "nokey"],
      ["SINTER", "s", "nokey"],
      ["SUNION", "s", "nokey"],
      ["SDIFF", "s", "nokey"],
      ["SRANDMEMBER", "s", "5"],
      ["SRANDMEMBER", "nokey", "5"],
      ["SRANDMEMBER", "nokey"],
      ["SPOP", "nokey"],
      ["SPOP", "nokey", "2"],
      ["SPOP", "s", "0"],
      ["SMISMEMBER", "s", "1", "9"],
      ["SSCAN", "s", "0"],
      ["SPOP", "s", "5"],
    ]);
    await diff.both(["HELLO", "2"]);
  });

  it("SSCAN: intsets come back whole, hashtables page; option errors", async () => {
    await diff.check([
      ["SSCAN", "nokey", "0"],
      ["SSCAN", "nokey", "0", "COUNT", "0"],
      ["SSCAN", "nokey", "x"],
      ["SADD", "s", ...range(0, 300)],
      ["SSCAN", "s", "0"],
      ["SSCAN", "s", "123"],
      ["SSCAN", "s", "0", "MATCH", "1?"],
      ["SSCAN", "s", "0", "MATCH", "*9", "COUNT", "1"],
      ["SSCAN", "s", "0", "COUNT", "0"],
      ["SSCAN", "s", "0", "COUNT", "x"],
      ["SSCAN", "s", "0", "MATCH"],
      ["SSCAN", "s", "0", "TYPE", "set"],
      ["SSCAN", "s", "-1"],
      ["SSCAN", "s", " 1"],
    ]);
    await diff.check([["SADD", "big", ...range(0, 700, "m")]]);
    for (const options of [[], ["COUNT", "13"], ["MATCH", "m1*", "COUNT", "100"]]) {
      const [expected, actual] = await Promise.all([fullScan(diff.redis(), "SSCAN", "big", options), fullScan(diff.engine(), "SSCAN", "big", options)]);
      expect(actual.calls, options.join(" ")).toBeGreaterThan(1);
      expect(new Set(actual.items)).toEqual(new Set(expected.items));
    }
  });

  it("uses intset and hashtable encodings as Redis does, one way", async () => {
    const cases: [string, StepInput[], string][] = [
      ["ints", [["SADD", "k", "1", "-9223372036854775808", "9223372036854775807", "0"]], "intset"],
      ["text", [["SADD", "k", "1", "a"]], "hashtable"],
      ["first-text", [["SADD", "k", "a"]], "hashtable"],
      ["out-of-range", [["SADD", "k", "9223372036854775808"]], "hashtable"],
      ["leading-zero", [["SADD", "k", "01"]], "hashtable"],
      ["minus-zero", [["SADD", "k", "-0"]], "hashtable"],
      ["plus", [["SADD", "k", "+1"]], "hashtable"],
      ["space", [["SADD", "k", " 1"]], "hashtable"],
      ["max-entries", [["SADD", "k", ...range(0, 512)]], "intset"],
      ["over-max", [["SADD", "k", ...range(0, 513)]], "hashtable"],
      ["grown", [["SADD", "k", ...range(0, 512)], ["SADD", "k", "1000"]], "hashtable"],
      ["shrunk", [["SADD", "k", "1", "a"], ["SREM", "k", "a"]], "hashtable"],
      ["smove-in-text", [["SADD", "k", "1"], ["SADD", "src", "t"], ["SMOVE", "src", "k", "t"]], "hashtable"],
      ["smove-new", [["SADD", "src", "7", "t"], ["SMOVE", "src", "k", "7"]], "intset"],
      ["union-store", [["SADD", "x", "5", "a"], ["SADD", "y", "a"], ["SDIFFSTORE", "k", "x", "y"]], "intset"],
      ["inter-store", [["SADD", "x", "5", "a"], ["SADD", "y", "a", "5"], ["SINTERSTORE", "k", "x", "y"]], "hashtable"],
    ];
    for (const [name, steps, encoding] of cases) {
      await diff.check([["FLUSHALL"], ...steps, unordered("SMEMBERS", "k")]);
      await checkEncoding(diff, "k", encoding, name);
      if (encoding === "intset") await diff.check([["SMEMBERS", "k"], ["SSCAN", "k", "0"], ["SRANDMEMBER", "k", "1000"]]);
    }
  });

  it("works with the generic commands: TYPE, COPY, SORT", async () => {
    await diff.check([
      ["SADD", "s", "3", "10", "-2", "7"],
      ["TYPE", "s"],
      ["COPY", "s", "copy"],
      ["SREM", "s", "3"],
      ["SMEMBERS", "copy"],
      ["SORT", "copy"],
      ["SORT", "copy", "DESC", "LIMIT", "1", "2"],
      ["SADD", "words", "pear", "apple", "fig"],
      ["COPY", "words", "wordcopy"],
      ["SADD", "words", "kiwi"],
      unordered("SMEMBERS", "wordcopy"),
      ["SORT", "wordcopy", "ALPHA"],
      ["SORT", "words"],
      ["SORT", "words", "ALPHA", "STORE", "sorted"],
      ["LRANGE", "sorted", "0", "-1"],
    ]);
    await checkEncoding(diff, "copy", "intset");
    await checkEncoding(diff, "wordcopy", "hashtable");
  });

  it("invalidates WATCH only on real changes, as Redis does", async () => {
    await diff.check([
      ["SADD", "s", "1"],
      ["WATCH", "s", "d"],
      ["SADD", "s", "1"],
      ["SREM", "s", "9"],
      ["SMOVE", "s", "s", "1"],
      ["SMOVE", "s", "t", "9"],
      ["SINTERSTORE", "d", "s", "nokey"],
      ["SPOP", "nokey"],
      ["MULTI"],
      ["SCARD", "s"],
      ["EXEC"],
      ["WATCH", "s"],
      ["SADD", "s", "2"],
      ["MULTI"],
      ["SCARD", "s"],
      ["EXEC"],
      ["WATCH", "d"],
      ["SUNIONSTORE", "d", "s"],
      ["MULTI"],
      ["SCARD", "d"],
      ["EXEC"],
    ]);
  });

  it("treats expired sets as missing", async () => {
    await diff.check([["SADD", "s", "1", "2"], ["SADD", "t", "2", "3"], ["SADD", "u", "9"]]);
    await expireOnBoth(diff, "s");
    await expireOnBoth(diff, "u");
    await diff.check([
      ["SMEMBERS", "s"],
      ["SCARD", "s"],
      ["SINTER", "t", "s"],
      ["SUNION", "t", "s"],
      ["SMOVE", "u", "t", "9"],
      ["SMOVE", "t", "s", "2"],
      ["SMEMBERS", "s"],
      ["SMEMBERS", "t"],
    ]);
  });

  it("matches Redis's random-sequence replies (seeded)", async () => {
    for (const seed of [11, 12, 13]) {
      const random = seededRandom(seed);
      const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
      // Integer members only keep every set an intset, whose order Redis specifies.
      const keys = ["s1", "s2", "s3", "h"];
      const members = ["1", "2", "3", "-4", "50", "9223372036854775807"];
      const steps: StepInput[] = [["FLUSHALL"], ["HSET", "h", "f", "v"]];
      for (let i = 0; i < 250; i++) {
        const key = pick(keys);
        const other = pick(keys);
        switch (pick(["sadd", "srem", "smembers", "sismember", "smismember", "scard", "smove", "sinter", "sintercard", "sinterstore", "sunion", "sunionstore", "sdiff", "sdiffstore", "sscan", "srandmember", "spop"])) {
          case "sadd": steps.push(["SADD", key, pick(members), pick(members)]); break;
          case "srem": steps.push(["SREM", key, pick(members), pick(members)]); break;
          case "smembers": steps.push(["SMEMBERS", key]); break;
          case "sismember": steps.push(["SISMEMBER", key, pick(members)]); break;
          case "smismember": steps.push(["SMISMEMBER", key, pick(members), pick(members)]); break;
          case "scard": steps.push(["SCARD", key]); break;
          case "smove": steps.push(["SMOVE", key, other, pick(members)]); break;
          case "sinter": steps.push(["SINTER", key, other]); break;
          case "sintercard": steps.push(["SINTERCARD", "2", key, other, "LIMIT", pick(["0", "1", "2"])]); break;
          case "sinterstore": steps.push(["SINTERSTORE", pick(keys), key, other]); break;
          case "sunion": steps.push(["SUNION", key, other]); break;
          case "sunionstore": steps.push(["SUNIONSTORE", pick(keys), key, other]); break;
          case "sdiff": steps.push(["SDIFF", key, other]); break;
          case "sdiffstore": steps.push(["SDIFFSTORE", pick(keys), key, other]); break;
          case "sscan": steps.push(["SSCAN", key, "0", "MATCH", pick(["*", "-*", "?"])]); break;
          case "srandmember": steps.push(["SRANDMEMBER", key, "100"]); break;
          case "spop": steps.push(["SPOP", key, "100"]); break;
        }
      }
      await diff.check(steps).catch((error: Error) => {
        throw new Error(`seed ${seed}: ${error.message}`);
      });
    }
  });

  it("matches Redis's random-sequence replies with text members (seeded, unordered)", async () => {
    for (const seed of [21, 22]) {
      const random = seededRandom(seed);
      const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
      const keys = ["s1", "s2", "s3"];
      const members = ["1", "2", "a", "b", BINARY, ""];
      const steps: StepInput[] = [["FLUSHALL"]];
      for (let i = 0; i < 200; i++) {
        const key = pick(keys);
        const other = pick(keys);
        switch (pick(["sadd", "sadd", "srem", "smembers", "smismember", "scard", "smove", "sinter", "sintercard", "sinterstore", "sunion", "sunionstore", "sdiff", "sdiffstore", "srandmember", "spop", "sscan"])) {
          case "sadd": steps.push(["SADD", key, pick(members), pick(members)]); break;
          case "srem": steps.push(["SREM", key, pick(members)]); break;
          case "smembers": steps.push(unordered("SMEMBERS", key)); break;
          case "smismember": steps.push(["SMISMEMBER", key, pick(members), pick(members)]); break;
          case "scard": steps.push(["SCARD", key]); break;
          case "smove": steps.push(["SMOVE", key, other, pick(members)]); break;
          case "sinter": steps.push(unordered("SINTER", key, other)); break;
          case "sintercard": steps.push(["SINTERCARD", "2", key, other]); break;
          case "sinterstore": steps.push(["SINTERSTORE", pick(keys), key, other]); break;
          case "sunion": steps.push(unordered("SUNION", key, other)); break;
          case "sunionstore": steps.push(["SUNIONSTORE", pick(keys), key, other]); break;
          case "sdiff": steps.push(unordered("SDIFF", key, other)); break;
          case "sdiffstore": steps.push(["SDIFFSTORE", pick(keys), key, other]); break;
          case "srandmember": steps.push(unordered("SRANDMEMBER", key, "10")); break;
          case "spop": steps.push(unordered("SPOP", key, "10")); break;
          case "sscan": steps.push(["SSCAN", key, "0", "MATCH", "a*"]); break;
        }
      }
      await diff.check(steps).catch((error: Error) => {
        throw new Error(`seed ${seed}: ${error.message}`);
      });
    }
  });

  it("follows CONFIG SET set-max-intset-entries", async () => {
    try {
      await diff.check([["CONFIG", "SET", "set-max-intset-entries", "3"], ["SADD", "k", "1", "2", "3"]]);
      await checkEncoding(diff, "k", "intset");
      await diff.check([["SADD", "k", "4"], unordered("SMEMBERS", "k")]);
      await checkEncoding(diff, "k", "hashtable");
      await diff.check([["CONFIG", "SET", "set-max-intset-entries", "0"], ["SADD", "z", "1"]]);
      await checkEncoding(diff, "z", "hashtable");
    } finally {
      await diff.both(["CONFIG", "SET", "set-max-intset-entries", "512"]);
    }
  });

  it("declares the metadata Redis reports in COMMAND INFO, and key positions", async () => {
    await checkCommandMetadata(diff, commands);
    await diff.check([
      ["COMMAND", "GETKEYS", "SINTERCARD", "2", "a", "b", "LIMIT", "1"],
      ["COMMAND", "GETKEYS", "SINTERCARD", "1", "a"],
      ["COMMAND", "GETKEYS", "SMOVE", "src", "dst", "m"],
      ["COMMAND", "GETKEYS", "SINTERSTORE", "d", "a", "b", "c"],
      ["COMMAND", "GETKEYS", "SUNION", "a", "b"],
    ]);
  });
});

describe("set keyspace notifications against redis-server", () => {
  const diff = useDifferential({ engine: { config: { "notify-keyspace-events": "KEA" } }, redisArgs: ["--notify-keyspace-events", "KEA"] });

  it("publishes Redis's events for each write", async () => {
    const [redisEvents, engineEvents] = await collectNotifications(diff, [
      ["SADD", "s", "1", "2", "3"],
      ["SADD", "s", "1"],
      ["SREM", "s", "9"],
      ["SREM", "s", "1"],
      ["SMOVE", "s", "t", "2"],
      ["SMOVE", "s", "t", "2"],
      ["SMOVE", "s", "t", "3"],
      ["SADD", "u", "3"],
      ["SMOVE", "u", "t", "3"],
      ["SADD", "t", "4"],
      { argv: ["SPOP", "t"], randomReply: true },
      ["SPOP", "t", "0"],
      { argv: ["SPOP", "t", "5"], randomReply: true },
      ["SADD", "a", "1", "2", "3", "4"],
      ["SADD", "b", "3", "4", "5"],
      { argv: ["SPOP", "a", "1"], randomReply: true },
      ["SADD", "a", "1", "2", "3", "4"],
      ["SINTERSTORE", "d", "a", "b"],
      ["SUNIONSTORE", "d", "a", "b"],
      ["SDIFFSTORE", "d", "a", "b"],
      ["SDIFFSTORE", "d", "a", "a"],
      ["SDIFFSTORE", "d", "a", "a"],
      ["SINTERSTORE", "d", "a", "nokey"],
      ["SADD", "d", "1"],
      ["SINTERSTORE", "d", "a", "nokey"],
      ["SREM", "b", "3", "4", "5"],
    ]);
    expect(engineEvents).toEqual(redisEvents);
  });

  it("files each event under Redis's class letter", async () => {
    try {
      for (const classes of ["Kg", "Es", "KEA"]) {
        await diff.check([["FLUSHALL"], ["CONFIG", "SET", "notify-keyspace-events", classes]]);
        const [redisEvents, engineEvents] = await collectNotifications(diff, [
      ["SADD", "s", "1", "2"],
      ["SMOVE", "s", "t", "1"],
      ["SREM", "s", "2"],
      ["SADD", "a", "1"],
      ["SUNIONSTORE", "d", "a", "t"],
      ["SINTERSTORE", "d", "a", "nokey"],
      ["SPOP", "t", "5"],
    ]);
        expect(engineEvents, classes).toEqual(redisEvents);
      }
    } finally {
      await diff.both(["CONFIG", "SET", "notify-keyspace-events", "KEA"]);
    }
  });
});
