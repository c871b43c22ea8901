import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock";
import { Engine } from "../engine";
import { checkCommandMetadata, collectNotifications } from "../testing/command-checks";
import { seededRandom, type StepInput, useDifferential } from "../testing/differential";
import type { RespClient } from "../testing/resp-client";
import { commands as bitmapCommands } from "./bitmaps";
import { commands } from "./keys";
import { commands as stringCommands } from "./strings";

/** A fixed far-future deadline (2100-01-01), so absolute expiry replies are deterministic. */
const FUTURE_MS = 4102444800000;

async function scanAll(client: RespClient, options: string[]): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  let calls = 0;
  do {
    const reply = await client.call("SCAN", cursor, ...options);
    if (reply.value.type !== "array") throw new Error(`SCAN replied ${reply.raw}`);
    const [next, batch] = reply.value.items;
    cursor = (next as { value: string }).value;
    for (const item of (batch as { items: { value: string }[] }).items) found.push(item.value);
    if (++calls > 10_000) throw new Error("SCAN never finished");
  } while (cursor !== "0");
  return found;
}

describe("generic key commands against redis-server", () => {
  const diff = useDifferential();

  it("DEL, UNLINK, EXISTS, TYPE and TOUCH", async () => {
    await diff.check([
      ["MSET", "a", "1", "b", "2", "c", "3", "bin\x00\xff", "v"],
      ["SADD", "s", "m"],
      ["HSET", "h", "f", "v"],
      ["EXISTS", "a", "a", "missing", "b", "bin\x00\xff"],
      ["TYPE", "a"],
      ["TYPE", "s"],
      ["TYPE", "h"],
      ["TYPE", "missing"],
      ["TOUCH", "a", "s", "missing", "a"],
      ["DEL", "a", "a", "missing"],
      ["UNLINK", "b", "s", "h"],
      ["EXISTS", "a", "b", "s", "h"],
      ["DEL", "bin\x00\xff"],
      ["DEL"],
      ["EXISTS"],
      ["TYPE"],
      ["TYPE", "a", "b"],
      ["TOUCH"],
    ]);
  });

  it("KEYS with glob patterns", async () => {
    await diff.check([["MSET", "hello", "1", "hallo", "2", "hxllo", "3", "hllo", "4", "heeeello", "5", "h[a]llo", "6", "x*y", "7", "", "8"]]);
    for (const pattern of ["*", "h?llo", "h*llo", "h[ae]llo", "h[^e]llo", "h[a-b]llo", "h\\[a\\]llo", "x\\*y", "nomatch", "", "h[", "*[", "H*"]) {
      await diff.check([{ argv: ["KEYS", pattern], unordered: true }]);
    }
    await diff.check([["KEYS"], ["KEYS", "a", "b"]]);
  });

  it("KEYS, SCAN, EXISTS and RANDOMKEY skip expired keys", async () => {
    await diff.check([["SET", "live", "1"], ["SET", "dead", "1", "PX", "1"], ["SET", "dead2", "1", "PX", "1"]]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await diff.check([{ argv: ["KEYS", "*"], unordered: true }, ["RANDOMKEY"], ["EXISTS", "dead"]]);
    expect((await scanAll(diff.engine(), [])).sort()).toEqual(["live"]);
  });

  it("SCAN iterates everything with MATCH, COUNT and TYPE, and rejects bad arguments", async () => {
    const steps: StepInput[] = [];
    for (let i = 0; i < 300; i++) steps.push(["SET", `key:${i}`, "v"]);
    for (let i = 0; i < 40; i++) steps.push(["SADD", `set:${i}`, "m"]);
    for (let i = 0; i < 40; i++) steps.push(["HSET", `hash:${i}`, "f", "v"]);
    await diff.check(steps);
    await diff.check([["DEL", "key:7", "key:8", "set:3"]]);
    for (const options of [[], ["COUNT", "1"], ["COUNT", "1000"], ["MATCH", "key:1*"], ["MATCH", "*:3?"], ["TYPE", "set"], ["TYPE", "HASH"], ["TYPE", "string", "MATCH", "*9", "COUNT", "7"], ["TYPE", "nosuchtype"], ["MATCH", "*"]]) {
      const expected = await scanAll(diff.redis(), options);
      const actual = await scanAll(diff.engine(), options);
      expect(actual.sort(), options.join(" ")).toEqual(expected.sort());
    }
    // A sparse keyspace still answers with COUNT keys per call; a small one in a single call.
    for (let i = 0; i < 300; i += 3) await diff.check([["DEL", `key:${i}`, `key:${i + 1}`]]);
    const firstPage = await diff.engine().call("SCAN", "0", "COUNT", "20");
    expect((firstPage.value as { items: { items: unknown[] }[] }).items[1]!.items.length).toBeGreaterThanOrEqual(20);
    await diff.check([["FLUSHALL"], ["MSET", "a", "1", "b", "2", "c", "3"], ["DEL", "b"]]);
    const [redisPage, enginePage] = await diff.both(["SCAN", "0"]);
    const page = (reply: typeof redisPage) => {
      const [cursor, keys] = (reply.value as unknown as { items: [{ value: string }, { items: { value: string }[] }] }).items;
      return [cursor.value, keys.items.map((key) => key.value).sort()];
    };
    expect(page(enginePage)).toEqual(page(redisPage));
    await diff.check([
      ["SCAN", "x"],
      ["SCAN", " 0"],
      ["SCAN", "0 "],
      ["SCAN", "18446744073709551616"],
      ["SCAN", "0", "COUNT", "0"],
      ["SCAN", "0", "COUNT", "-1"],
      ["SCAN", "0", "COUNT", "x"],
      ["SCAN", "0", "COUNT"],
      ["SCAN", "0", "MATCH"],
      ["SCAN", "0", "BOGUS", "x"],
      ["SCAN"],
    ]);
  });

  it("RANDOMKEY on empty and single-key databases", async () => {
    await diff.check([["RANDOMKEY"], ["SET", "only", "1"], ["RANDOMKEY"], ["RANDOMKEY", "x"]]);
  });

  it("RENAME and RENAMENX carry values and TTLs over", async () => {
    await diff.check([
      ["SET", "a", "1"],
      ["PEXPIREAT", "a", String(FUTURE_MS)],
      ["RENAME", "a", "b"],
      ["EXISTS", "a"],
      ["GET", "b"],
      ["PEXPIRETIME", "b"],
      ["RENAME", "b", "b"],
      ["RENAMENX", "b", "b"],
      ["RENAME", "missing", "x"],
      ["RENAMENX", "missing", "x"],
      ["RENAME", "missing", "missing"],
      ["SET", "c", "3"],
      ["RENAMENX", "b", "c"],
      ["GET", "c"],
      ["RENAME", "b", "c"],
      ["GET", "c"],
      ["PEXPIRETIME", "c"],
      ["SADD", "s", "x"],
      ["SET", "plain", "p", "EX", "100"],
      ["RENAME", "s", "plain"],
      ["TYPE", "plain"],
      ["TTL", "plain"],
      ["SMEMBERS", "plain"],
      ["RENAMENX", "plain", "fresh"],
      ["TYPE", "fresh"],
      ["RENAME", "a"],
    ]);
  });

  it("COPY duplicates every type, with DB and REPLACE, independently of the original", async () => {
    await diff.check([
      ["SET", "str", "value"],
      ["PEXPIREAT", "str", String(FUTURE_MS)],
      ["COPY", "str", "str2"],
      ["GET", "str2"],
      ["PEXPIRETIME", "str2"],
      ["COPY", "str", "str2"],
      ["SET", "other", "o"],
      ["COPY", "other", "str2", "REPLACE"],
      ["GET", "str2"],
      ["TTL", "str2"],
      ["COPY", "str", "str", "DB", "1"],
      ["SELECT", "1"],
      ["GET", "str"],
      ["PEXPIRETIME", "str"],
      ["SELECT", "0"],
      ["COPY", "str", "str"],
      ["COPY", "str", "str", "DB", "0"],
      ["COPY", "missing", "x"],
      ["COPY", "str", "x", "DB", "16"],
      ["COPY", "str", "x", "DB", "-1"],
      ["COPY", "str", "x", "DB", "abc"],
      ["COPY", "str", "x", "DB", "4294967296"],
      ["COPY", "str", "x", "DB"],
      ["COPY", "str", "x", "BOGUS"],
      ["COPY", "str", "x", "REPLACE", "REPLACE", "DB", "2", "DB", "3"],
      ["SELECT", "3"],
      ["GET", "x"],
      ["SELECT", "0"],
      ["SADD", "set", "a", "b", "1"],
      ["COPY", "set", "set2"],
      ["SADD", "set", "c"],
      ["SREM", "set2", "a"],
      { argv: ["SMEMBERS", "set"], unordered: true },
      { argv: ["SMEMBERS", "set2"], unordered: true },
      ["SADD", "ints", "1", "2", "3"],
      ["COPY", "ints", "ints2"],
      ["OBJECT", "ENCODING", "ints2"],
      ["HSET", "hash", "f", "v", "g", "w"],
      ["COPY", "hash", "hash2"],
      ["HSET", "hash", "f", "changed"],
      ["HGETALL", "hash2"],
      ["OBJECT", "ENCODING", "hash2"],
      ["COPY", "x"],
    ]);
  });

  it("MOVE between databases", async () => {
    await diff.check([
      ["SET", "k", "v"],
      ["PEXPIREAT", "k", String(FUTURE_MS)],
      ["MOVE", "k", "1"],
      ["EXISTS", "k"],
      ["SELECT", "1"],
      ["GET", "k"],
      ["PEXPIRETIME", "k"],
      ["SET", "k2", "db1"],
      ["SELECT", "0"],
      ["SET", "k2", "db0"],
      ["MOVE", "k2", "1"],
      ["GET", "k2"],
      ["MOVE", "missing", "1"],
      ["MOVE", "k2", "0"],
      ["MOVE", "k2", "16"],
      ["MOVE", "k2", "-1"],
      ["MOVE", "k2", "x"],
      ["MOVE", "missing", "0"],
      ["MOVE", "k2"],
    ]);
  });

  it("OBJECT subcommands and their errors", async () => {
    await diff.check([
      ["SET", "k", "hello"],
      ["OBJECT", "ENCODING", "k"],
      ["OBJECT", "encoding", "missing"],
      ["OBJECT", "IDLETIME", "k"],
      ["OBJECT", "IDLETIME", "missing"],
      ["OBJECT", "REFCOUNT", "k"],
      ["OBJECT", "REFCOUNT", "missing"],
      ["OBJECT", "FREQ", "k"],
      ["OBJECT", "FREQ", "missing"],
      ["OBJECT", "HELP"],
      ["OBJECT", "help", "extra"],
      ["OBJECT", "BOGUS"],
      ["OBJECT", "BOGUS", "k"],
      ["OBJECT", "ENCODING"],
      ["OBJECT", "ENCODING", "k", "extra"],
      ["OBJECT"],
      ["CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"],
      ["OBJECT", "IDLETIME", "k"],
      ["CONFIG", "SET", "lfu-log-factor", "0"],
      ["CONFIG", "SET", "lfu-decay-time", "0"],
      ["SET", "counted", "x"],
      ["OBJECT", "FREQ", "counted"],
      ["GET", "counted"],
      ["GET", "counted"],
      ["EXISTS", "counted"],
      ["GET", "counted"],
      ["OBJECT", "FREQ", "counted"],
      ["CONFIG", "SET", "lfu-log-factor", "10"],
      ["CONFIG", "SET", "lfu-decay-time", "1"],
      ["CONFIG", "SET", "maxmemory-policy", "noeviction"],
    ]);
  });

  it("EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT with NX, XX, GT and LT", async () => {
    const options = [[], ["NX"], ["XX"], ["GT"], ["LT"], ["nx"], ["XX", "GT"], ["XX", "LT"], ["GT", "GT"]];
    const states: StepInput[][] = [[], [["SET", "k", "v"]], [["SET", "k", "v"], ["PEXPIREAT", "k", String(FUTURE_MS)]]];
    const deadlines = [String(FUTURE_MS - 1000), String(FUTURE_MS), String(FUTURE_MS + 1000)];
    for (const state of states) {
      for (const option of options) {
        for (const deadline of deadlines) {
          await diff.check([["DEL", "k"], ...state, ["PEXPIREAT", "k", deadline, ...option], ["PEXPIRETIME", "k"], ["EXPIRETIME", "k"]]);
          await diff.check([["DEL", "k"], ...state, ["EXPIREAT", "k", deadline.slice(0, -3), ...option], ["PEXPIRETIME", "k"]]);
        }
        await diff.check([["DEL", "k"], ...state, ["EXPIRE", "k", "100", ...option], ["TTL", "k"], ["EXISTS", "k"]]);
        await diff.check([["DEL", "k"], ...state, ["PEXPIRE", "k", "100000", ...option], ["TTL", "k"]]);
        await diff.check([["DEL", "k"], ...state, ["EXPIRE", "k", "-1", ...option], ["EXISTS", "k"]]);
      }
    }
  });

  it("expiry errors: incompatible options, bad numbers and overflow", async () => {
    await diff.check([
      ["SET", "k", "v"],
      ["EXPIRE", "k", "10", "NX", "XX"],
      ["EXPIRE", "k", "10", "NX", "GT"],
      ["EXPIRE", "k", "10", "LT", "NX"],
      ["EXPIRE", "k", "10", "GT", "LT"],
      ["EXPIRE", "k", "10", "BOGUS"],
      ["EXPIRE", "k", "abc", "NX", "XX"],
      ["EXPIRE", "k", "abc", "BOGUS"],
      ["EXPIRE", "k", "abc"],
      ["EXPIRE", "k", "1.5"],
      ["EXPIRE", "missing", "10", "GT", "LT"],
      ["EXPIRE", "k", "9223372036854775807"],
      ["EXPIRE", "k", "9223372036854776"],
      ["EXPIRE", "k", "-9223372036854776"],
      ["EXPIRE", "k", "9223372036854775"],
      ["PEXPIRE", "k", "9223372036854775807"],
      ["PEXPIRE", "k", "-9223372036854775808"],
      ["EXISTS", "k"],
      ["SET", "k", "v"],
      ["EXPIREAT", "k", "9223372036854775"],
      ["PEXPIREAT", "k", "9223372036854775807", "GT"],
      ["EXPIREAT", "k", "-9223372036854775"],
      ["EXISTS", "k"],
      ["SET", "k", "v"],
      ["PEXPIREAT", "k", "0"],
      ["EXISTS", "k"],
      ["SET", "k", "v"],
      ["EXPIRE", "k", "0"],
      ["EXISTS", "k"],
      ["EXPIRE", "k"],
      ["PEXPIREAT"],
    ]);
  });

  it("PERSIST, TTL, PTTL, EXPIRETIME and PEXPIRETIME", async () => {
    await diff.check([
      ["TTL", "missing"],
      ["PTTL", "missing"],
      ["EXPIRETIME", "missing"],
      ["PEXPIRETIME", "missing"],
      ["SET", "k", "v"],
      ["TTL", "k"],
      ["PTTL", "k"],
      ["EXPIRETIME", "k"],
      ["PEXPIRETIME", "k"],
      ["PERSIST", "k"],
      ["PERSIST", "missing"],
      ["PEXPIREAT", "k", String(FUTURE_MS + 499)],
      ["EXPIRETIME", "k"],
      ["PEXPIREAT", "k", String(FUTURE_MS + 500)],
      ["EXPIRETIME", "k"],
      ["PEXPIRETIME", "k"],
      ["EXPIRE", "k", "100"],
      ["TTL", "k"],
      ["PERSIST", "k"],
      ["TTL", "k"],
      ["PERSIST", "k"],
      ["TTL"],
      ["PERSIST", "a", "b"],
    ]);
  });

  it("SORT sets numerically and alphabetically, with BY, GET, LIMIT and errors", async () => {
    await diff.check([
      ["SADD", "nums", "3", "1", "2", "10", "-5", "2.5", "1e2"],
      ["SORT", "nums"],
      ["SORT", "nums", "DESC"],
      ["SORT", "nums", "ALPHA"],
      ["SORT", "nums", "ALPHA", "DESC", "LIMIT", "1", "3"],
      ["SORT", "nums", "LIMIT", "0", "0"],
      ["SORT", "nums", "LIMIT", "-5", "2"],
      ["SORT", "nums", "LIMIT", "2", "-1"],
      ["SORT", "nums", "LIMIT", "100", "10"],
      ["SORT", "nums", "LIMIT", "1", "100"],
      ["SORT", "nums", "LIMIT", "x", "1"],
      ["SORT", "nums", "LIMIT", "1"],
      ["SORT", "nums", "BOGUS"],
      ["SORT", "nums", "STORE"],
      ["SADD", "words", "banana", "apple", "cherry", "\x00zero", "\xffhigh", "Apple"],
      ["SORT", "words"],
      ["SORT", "words", "ALPHA"],
      ["SORT", "words", "ALPHA", "DESC"],
      ["MSET", "w_apple", "3", "w_banana", "1", "w_cherry", "2", "w_Apple", "abc"],
      ["SORT", "words", "BY", "w_*"],
      ["MSET", "w_Apple", "0", "w_\x00zero", "-1", "w_\xffhigh", "5"],
      ["SORT", "words", "BY", "w_*"],
      ["SORT", "words", "BY", "w_*", "DESC", "GET", "#", "GET", "w_*", "GET", "missing_*"],
      ["SORT", "words", "BY", "w_*", "ALPHA"],
      ["SORT", "words", "BY", "w_*", "ALPHA", "DESC", "GET", "#"],
      ["HSET", "h_apple", "weight", "9", "name", "APPLE"],
      ["HSET", "h_banana", "weight", "8", "name", "BANANA"],
      ["HSET", "h_cherry", "weight", "7"],
      ["SADD", "fruit", "apple", "banana", "cherry"],
      ["SORT", "fruit", "BY", "h_*->weight", "GET", "h_*->name", "GET", "#", "GET", "h_*->weight"],
      ["SORT", "fruit", "BY", "w_*->weight", "GET", "w_*"],
      { argv: ["SORT", "fruit", "BY", "nosort", "GET", "h_*->name", "LIMIT", "0", "10"], unordered: true },
      ["SORT", "fruit", "ALPHA", "GET", "h_*", "GET", "fixedkey", "GET", "h_apple->name"],
      ["SORT", "fruit", "BY", "h_*->name", "ALPHA"],
      ["SORT", "missing"],
      ["SORT", "missing", "BY", "x_*", "GET", "#"],
      ["SET", "str", "x"],
      ["SORT", "str"],
      ["SORT", "str", "BOGUS"],
      ["HSET", "hash", "f", "v"],
      ["SORT", "hash"],
      ["SORT_RO", "nums", "DESC", "LIMIT", "0", "2"],
      ["SORT_RO", "nums", "STORE", "dest"],
      ["SORT_RO", "words", "BY", "w_*", "GET", "#", "GET", "w_*"],
      ["SADD", "bad", "1", "x"],
      ["SORT", "bad"],
      ["SORT", "bad", "ALPHA"],
      ["SADD", "weird", "a", "b", "c"],
      ["MSET", "ww_a", "  5", "ww_b", "", "ww_c", "inf"],
      ["SORT", "weird", "BY", "ww_*"],
      ["MSET", "ww_a", "1e400"],
      ["SORT", "weird", "BY", "ww_*"],
      ["MSET", "ww_a", "nan"],
      ["SORT", "weird", "BY", "ww_*"],
      ["MSET", "ww_a", "5 "],
      ["SORT", "weird", "BY", "ww_*"],
      ["SORT"],
    ]);
  });

  it("SORT lists and sorted sets: native order with BY nosort, DESC, LIMIT, GET and STORE", async () => {
    await diff.check([
      ["RPUSH", "list", "3", "1", "2", "10", "-1", "2"],
      ["SORT", "list"],
      ["SORT", "list", "DESC"],
      ["SORT", "list", "ALPHA"],
      ["SORT", "list", "BY", "nosort"],
      ["SORT", "list", "BY", "nosort", "DESC"],
      ["SORT", "list", "BY", "nosort", "LIMIT", "1", "3"],
      ["SORT", "list", "BY", "nosort", "DESC", "LIMIT", "1", "3"],
      ["SORT", "list", "BY", "nosort", "LIMIT", "10", "3"],
      ["SORT", "list", "BY", "constant", "GET", "#", "GET", "w_*"],
      ["MSET", "w_3", "30", "w_1", "100", "w_2", "5"],
      ["SORT", "list", "BY", "w_*", "GET", "#", "GET", "w_*"],
      ["SORT", "list", "BY", "w_*", "LIMIT", "0", "2", "STORE", "dest"],
      ["LRANGE", "dest", "0", "-1"],
      ["OBJECT", "ENCODING", "dest"],
      ["SORT", "list", "GET", "w_*", "GET", "#", "STORE", "dest"],
      ["LRANGE", "dest", "0", "-1"],
      ["SET", "dest", "x", "EX", "100"],
      ["SORT", "list", "STORE", "dest"],
      ["TTL", "dest"],
      ["SORT", "list", "LIMIT", "100", "1", "STORE", "dest"],
      ["EXISTS", "dest"],
      ["ZADD", "zset", "3", "c", "1", "a", "2", "b", "2", "bb", "-5", "z"],
      ["SORT", "zset", "ALPHA"],
      ["SORT", "zset", "BY", "nosort"],
      ["SORT", "zset", "BY", "nosort", "DESC"],
      ["SORT", "zset", "BY", "nosort", "LIMIT", "1", "2"],
      ["SORT", "zset", "BY", "nosort", "DESC", "LIMIT", "1", "2"],
      ["SORT", "zset", "BY", "nosort", "LIMIT", "-1", "-1"],
      ["SORT", "zset", "BY", "nosort", "LIMIT", "4", "10", "GET", "#"],
      ["SORT", "zset"],
      ["OBJECT", "ENCODING", "zset"],
      ["ZADD", "small", "1", "a"],
      ["SORT_RO", "small", "BY", "nosort"],
      ["OBJECT", "ENCODING", "small"],
      ["SADD", "set", "b", "a", "c"],
      ["SORT", "set", "BY", "nosort", "STORE", "dest"],
      ["LRANGE", "dest", "0", "-1"],
      ["SORT_RO", "list", "BY", "nosort", "DESC", "LIMIT", "0", "2"],
      ["SADD", "mixed", "10", "2", "b", "a"],
      ["EVAL", "return redis.call('sort', KEYS[1], 'by', 'nosort')", "1", "mixed"],
    ]);
  });

  it("COPY of lists and sorted sets is deep; RENAME and MOVE of lists wake blocked clients", async () => {
    await diff.check([
      ["RPUSH", "list", "a", "b", "c"],
      ["COPY", "list", "list2"],
      ["RPUSH", "list", "d"],
      ["LPOP", "list2"],
      ["LRANGE", "list", "0", "-1"],
      ["LRANGE", "list2", "0", "-1"],
      ["OBJECT", "ENCODING", "list2"],
      ["ZADD", "zset", "1", "a", "2", "b"],
      ["COPY", "zset", "zset2", "DB", "1"],
      ["ZADD", "zset", "5", "a"],
      ["SELECT", "1"],
      ["ZRANGE", "zset2", "0", "-1", "WITHSCORES"],
      ["OBJECT", "ENCODING", "zset2"],
      ["SELECT", "0"],
    ]);
    const [redisWaiter, engineWaiter] = await diff.connectPair();
    const waiting = [redisWaiter.call("BLPOP", "target", "5"), engineWaiter.call("BLPOP", "target", "5")];
    await new Promise((resolve) => setTimeout(resolve, 50));
    await diff.check([["RPUSH", "source", "x"], ["RENAME", "source", "target"]]);
    const [redisReply, engineReply] = await Promise.all(waiting);
    expect(engineReply!.raw).toBe(redisReply!.raw);
  });

  it("keyspace notifications name every generic write like Redis", async () => {
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEA"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [
        ["SET", "a", "1"],
        ["EXPIRE", "a", "100"],
        ["PEXPIRE", "a", "200000", "GT"],
        ["PEXPIRE", "a", "1", "GT"],
        ["PERSIST", "a"],
        ["PERSIST", "a"],
        ["RENAME", "a", "b"],
        ["RENAMENX", "b", "b"],
        ["COPY", "b", "c"],
        ["COPY", "b", "c", "DB", "2", "REPLACE"],
        ["MOVE", "c", "1"],
        ["EXPIREAT", "b", "1"],
        ["SET", "d", "1"],
        ["DEL", "d", "missing"],
        ["SET", "e", "1"],
        ["UNLINK", "e"],
        ["SADD", "s", "1"],
        ["SORT", "s", "STORE", "e"],
        ["SET", "e", "x"],
        ["SORT", "missing", "STORE", "e"],
        ["TOUCH", "s"],
      ]);
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(20);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });

  it("command metadata matches COMMAND INFO", async () => {
    await checkCommandMetadata(diff, [...commands, ...commands.flatMap((spec) => [...(spec.subcommands?.values() ?? [])])]);
  });

  it("COMMAND DOCS group, since and complexity match Redis for the key, string and bitmap groups", async () => {
    const specs = [...commands, ...stringCommands, ...bitmapCommands];
    for (const spec of [...specs, ...specs.flatMap((container) => [...(container.subcommands?.values() ?? [])])]) {
      const name = spec.container ? `${spec.container}|${spec.name}` : spec.name;
      const reply = await diff.redis().call("COMMAND", "DOCS", name);
      const [, docs] = (reply.value as unknown as { items: [unknown, { items: { value?: string }[] }] }).items;
      const fields = new Map<string, string | undefined>();
      for (let i = 0; i + 1 < docs.items.length; i += 2) fields.set(docs.items[i]!.value!, docs.items[i + 1]!.value);
      expect({ group: spec.group, since: spec.since, complexity: spec.complexity }, name).toEqual({
        group: fields.get("group"),
        since: fields.get("since"),
        complexity: fields.get("complexity"),
      });
    }
  });

  it("COMMAND GETKEYS finds the keys of these commands like Redis", async () => {
    await diff.check([
      ["COMMAND", "GETKEYS", "SORT", "k", "BY", "w_*", "LIMIT", "0", "1", "GET", "#", "STORE", "d1", "STORE", "d2"],
      ["COMMAND", "GETKEYS", "SORT_RO", "k", "GET", "x_*"],
      ["COMMAND", "GETKEYS", "MSET", "a", "1", "b", "2"],
      ["COMMAND", "GETKEYS", "BITOP", "AND", "d", "a", "b"],
      ["COMMAND", "GETKEYS", "COPY", "a", "b", "DB", "3"],
      ["COMMAND", "GETKEYS", "RENAME", "a", "b"],
      ["COMMAND", "GETKEYS", "LCS", "a", "b", "IDX"],
      ["COMMAND", "GETKEYS", "OBJECT", "ENCODING", "k"],
      ["COMMAND", "GETKEYS", "SET", "k", "v", "EX", "10"],
      ["COMMAND", "GETKEYS", "DEL", "a", "b", "c"],
    ]);
  });

  it("random generic command sequences match Redis", async () => {
    for (const seed of [21, 22, 23]) {
      const random = seededRandom(seed);
      const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
      const keys = ["a", "b", "c", "d"];
      const deadline = () => String(FUTURE_MS + Math.floor(random() * 5) * 1000);
      const generators: (() => StepInput)[] = [
        () => ["SET", pick(keys), pick(["1", "two", "3"])],
        () => ["SADD", pick(keys), pick(["1", "2", "x"])],
        () => ["DEL", pick(keys), pick(keys)],
        () => ["EXISTS", pick(keys), pick(keys)],
        () => ["TYPE", pick(keys)],
        () => ["RENAME", pick(keys), pick(keys)],
        () => ["RENAMENX", pick(keys), pick(keys)],
        () => ["COPY", pick(keys), pick(keys), ...pick([[], ["REPLACE"], ["DB", "1"]])],
        () => ["MOVE", pick(keys), "1"],
        () => ["PEXPIREAT", pick(keys), deadline(), ...pick([[], ["NX"], ["XX"], ["GT"], ["LT"]])],
        () => ["PEXPIRETIME", pick(keys)],
        () => ["PERSIST", pick(keys)],
        () => ["OBJECT", "ENCODING", pick(keys)],
        () => ({ argv: ["KEYS", "*"], unordered: true }),
        () => ["SORT", pick(keys), ...pick([[], ["ALPHA"], ["DESC", "LIMIT", "0", "1"], ["BY", "nosort", "GET", "#"]])],
        () => ["SELECT", pick(["0", "1"])],
      ];
      const steps = Array.from({ length: 300 }, () => pick(generators)());
      try {
        await diff.check(steps);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
      await diff.check([["SELECT", "0"], ["FLUSHALL"]]);
    }
  });
});

describe("expiry on a virtual clock", () => {
  it("the active expiry cycle reclaims keys nobody reads", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const client = engine.connect();
    for (let i = 0; i < 1000; i++) await client.call("SET", `k${i}`, "v", "PX", "100");
    await client.call("SET", "persistent", "v");
    expect(await client.call("DBSIZE")).toBe(1001);
    clock.advance(5000);
    expect(await client.call("DBSIZE")).toBe(1);
    expect(engine.stats.expiredKeys).toBe(1000);
    engine.close();
  });

  it("OBJECT IDLETIME counts from the last access; EXISTS, TYPE, TTL and OBJECT do not touch", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const client = engine.connect();
    await client.call("SET", "k", "v");
    clock.advance(10_000);
    for (const command of [["EXISTS", "k"], ["TYPE", "k"], ["TTL", "k"], ["OBJECT", "ENCODING", "k"], ["SCAN", "0"]]) await client.call(...command);
    expect(await client.call("OBJECT", "IDLETIME", "k")).toBe(10);
    await client.call("GET", "k");
    expect(await client.call("OBJECT", "IDLETIME", "k")).toBe(0);
    clock.advance(3_000);
    await client.call("TOUCH", "k");
    expect(await client.call("OBJECT", "IDLETIME", "k")).toBe(0);
    engine.close();
  });

  it("an expired key disappears on access when the cycle has not run", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    engine.activeExpireEnabled = false;
    const client = engine.connect();
    await client.call("SET", "k", "v", "PX", "100");
    await client.call("SET", "other", "v", "EX", "1");
    clock.advance(150);
    expect(await client.call("DBSIZE")).toBe(2);
    expect(await client.call("GET", "k")).toBe(null);
    expect(await client.call("DBSIZE")).toBe(1);
    expect(await client.call("TTL", "other")).toBe(1);
    expect(await client.call("PTTL", "other")).toBe(850);
    expect(engine.stats.expiredKeys).toBe(1);
    engine.close();
  });
});
