import { describe, expect, it } from "vitest";
import { checkCommandMetadata, checkEncoding, collectNotifications, expireOnBoth } from "../testing/command-checks";
import { expectSame, seededRandom, sendOnNewPair, useDifferential } from "../testing/differential";
import { commands } from "./lists";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("list commands against redis-server", () => {
  const diff = useDifferential();

  it("LPUSH, RPUSH, the X variants, LLEN and LRANGE", async () => {
    await diff.check([
      ["LPUSH", "l", "a", "b", "c"],
      ["RPUSH", "l", "d", "e"],
      ["LRANGE", "l", "0", "-1"],
      ["LPUSHX", "l", "x", "y"],
      ["RPUSHX", "l", "z"],
      ["LPUSHX", "missing", "x"],
      ["RPUSHX", "missing", "x"],
      ["EXISTS", "missing"],
      ["LLEN", "l"],
      ["LLEN", "missing"],
      ["LRANGE", "l", "2", "4"],
      ["LRANGE", "l", "-3", "-1"],
      ["LRANGE", "l", "-100", "100"],
      ["LRANGE", "l", "5", "2"],
      ["LRANGE", "l", "100", "200"],
      ["LRANGE", "l", "0", "-100"],
      ["LRANGE", "l", "x", "1"],
      ["LRANGE", "l", "0", "1.5"],
      ["LRANGE", "missing", "0", "-1"],
      ["LRANGE", "missing", "a", "-1"],
      ["LRANGE", "l", "-9223372036854775808", "9223372036854775807"],
      ["LRANGE", "l", "0", "9223372036854775808"],
      ["RPUSH", "bin", "\x00\xff", "", "a\r\nb"],
      ["LRANGE", "bin", "0", "-1"],
      ["LPUSH", "l"],
      ["RPUSH"],
      ["LLEN", "l", "x"],
      ["SET", "s", "v"],
      ["LPUSH", "s", "x"],
      ["RPUSHX", "s", "x"],
      ["LLEN", "s"],
      ["LRANGE", "s", "0", "1"],
      ["LRANGE", "s", "x", "1"],
      ["TYPE", "l"],
    ]);
  });

  it("LPOP and RPOP with and without COUNT, reply shapes included", async () => {
    await diff.check([
      ["RPUSH", "l", "a", "b", "c", "d", "e"],
      ["LPOP", "l"],
      ["RPOP", "l"],
      ["LPOP", "l", "2"],
      ["RPOP", "l", "0"],
      ["RPOP", "l", "10"],
      ["EXISTS", "l"],
      ["LPOP", "l"],
      ["LPOP", "l", "1"],
      ["LPOP", "l", "0"],
      ["RPOP", "l", "-1"],
      ["RPOP", "l", "x"],
      ["LPOP", "l", "1", "2"],
      ["RPUSH", "l", "a", "b", "c"],
      ["RPOP", "l", "2"],
      ["LPOP", "l", "-1"],
      ["LPOP", "l", "1.5"],
      ["SET", "s", "v"],
      ["LPOP", "s"],
      ["RPOP", "s", "0"],
      ["RPOP", "s", "-1"],
    ]);
  });

  it("LINDEX, LSET, LINSERT, LREM and LTRIM", async () => {
    await diff.check([
      ["RPUSH", "l", "a", "b", "a", "c", "a", "d"],
      ["LINDEX", "l", "0"],
      ["LINDEX", "l", "-1"],
      ["LINDEX", "l", "-6"],
      ["LINDEX", "l", "-7"],
      ["LINDEX", "l", "6"],
      ["LINDEX", "l", "x"],
      ["LINDEX", "missing", "x"],
      ["LINDEX", "missing", "0"],
      ["LSET", "l", "1", "B"],
      ["LSET", "l", "-1", "D"],
      ["LSET", "l", "6", "x"],
      ["LSET", "l", "-7", "x"],
      ["LSET", "l", "x", "x"],
      ["LSET", "missing", "0", "x"],
      ["LSET", "missing", "x", "x"],
      ["LINSERT", "l", "BEFORE", "a", "pre"],
      ["LINSERT", "l", "after", "D", "post"],
      ["LINSERT", "l", "AFTER", "nothere", "x"],
      ["LINSERT", "l", "middle", "a", "x"],
      ["LINSERT", "missing", "BEFORE", "a", "x"],
      ["LINSERT", "missing", "sideways", "a", "x"],
      ["LRANGE", "l", "0", "-1"],
      ["LREM", "l", "1", "a"],
      ["LREM", "l", "-1", "a"],
      ["LRANGE", "l", "0", "-1"],
      ["RPUSH", "l", "a", "a", "a"],
      ["LREM", "l", "0", "a"],
      ["LREM", "l", "0", "nothere"],
      ["LREM", "l", "x", "a"],
      ["LREM", "missing", "1", "a"],
      ["LRANGE", "l", "0", "-1"],
      ["LTRIM", "l", "1", "-2"],
      ["LRANGE", "l", "0", "-1"],
      ["LTRIM", "l", "0", "100"],
      ["LTRIM", "l", "-100", "1"],
      ["LRANGE", "l", "0", "-1"],
      ["LTRIM", "l", "x", "1"],
      ["LTRIM", "missing", "0", "1"],
      ["LTRIM", "l", "5", "1"],
      ["EXISTS", "l"],
      ["RPUSH", "one", "x"],
      ["LREM", "one", "1", "x"],
      ["EXISTS", "one"],
      ["SET", "s", "v"],
      ["LINDEX", "s", "x"],
      ["LSET", "s", "x", "y"],
      ["LINSERT", "s", "BEFORE", "a", "b"],
      ["LREM", "s", "x", "a"],
      ["LTRIM", "s", "0", "1"],
    ]);
  });

  it("LPOS with RANK, COUNT and MAXLEN", async () => {
    await diff.check([
      ["RPUSH", "l", "a", "b", "c", "a", "b", "c", "a"],
      ["LPOS", "l", "a"],
      ["LPOS", "l", "c"],
      ["LPOS", "l", "zz"],
      ["LPOS", "l", "a", "RANK", "2"],
      ["LPOS", "l", "a", "RANK", "-1"],
      ["LPOS", "l", "a", "RANK", "-2"],
      ["LPOS", "l", "a", "RANK", "4"],
      ["LPOS", "l", "a", "COUNT", "0"],
      ["LPOS", "l", "a", "COUNT", "2"],
      ["LPOS", "l", "a", "COUNT", "0", "RANK", "-1"],
      ["LPOS", "l", "a", "COUNT", "0", "RANK", "2"],
      ["LPOS", "l", "zz", "COUNT", "2"],
      ["LPOS", "l", "a", "MAXLEN", "3"],
      ["LPOS", "l", "a", "MAXLEN", "3", "RANK", "2"],
      ["LPOS", "l", "a", "MAXLEN", "1", "RANK", "-1", "COUNT", "0"],
      ["LPOS", "l", "a", "MAXLEN", "0", "COUNT", "0"],
      ["LPOS", "l", "a", "RANK", "0"],
      ["LPOS", "l", "a", "RANK", "x"],
      ["LPOS", "l", "a", "RANK", "-9223372036854775808"],
      ["LPOS", "l", "a", "COUNT", "-1"],
      ["LPOS", "l", "a", "COUNT", "x"],
      ["LPOS", "l", "a", "MAXLEN", "-1"],
      ["LPOS", "l", "a", "MAXLEN", "y"],
      ["LPOS", "l", "a", "RANK"],
      ["LPOS", "l", "a", "FOO", "1"],
      ["LPOS", "missing", "a"],
      ["LPOS", "missing", "a", "COUNT", "1"],
      ["LPOS", "missing", "a", "RANK", "0"],
      ["SET", "s", "v"],
      ["LPOS", "s", "a"],
      ["LPOS", "s", "a", "COUNT", "-1"],
    ]);
  });

  it("LMOVE, RPOPLPUSH and LMPOP", async () => {
    await diff.check([
      ["RPUSH", "src", "a", "b", "c", "d"],
      ["LMOVE", "src", "dst", "LEFT", "RIGHT"],
      ["LMOVE", "src", "dst", "right", "left"],
      ["LMOVE", "src", "src", "LEFT", "RIGHT"],
      ["LRANGE", "src", "0", "-1"],
      ["LRANGE", "dst", "0", "-1"],
      ["RPOPLPUSH", "src", "dst"],
      ["RPOPLPUSH", "src", "dst"],
      ["EXISTS", "src"],
      ["RPOPLPUSH", "src", "dst"],
      ["LMOVE", "src", "dst", "LEFT", "LEFT"],
      ["LMOVE", "src", "dst", "UP", "LEFT"],
      ["LMOVE", "dst", "dst", "LEFT", "DOWN"],
      ["RPUSH", "single", "x"],
      ["LMOVE", "single", "single", "LEFT", "RIGHT"],
      ["LRANGE", "single", "0", "-1"],
      ["SET", "s", "v"],
      ["LMOVE", "dst", "s", "LEFT", "LEFT"],
      ["LMOVE", "s", "dst", "LEFT", "LEFT"],
      ["RPOPLPUSH", "dst", "s"],
      ["LRANGE", "dst", "0", "-1"],
      ["LMPOP", "2", "nothing", "dst", "LEFT"],
      ["LMPOP", "2", "nothing", "dst", "RIGHT", "COUNT", "2"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT", "100"],
      ["LMPOP", "1", "dst", "LEFT"],
      ["LMPOP", "0", "dst", "LEFT"],
      ["LMPOP", "-1", "dst", "LEFT"],
      ["LMPOP", "x", "dst", "LEFT"],
      ["LMPOP", "2", "dst", "LEFT"],
      ["LMPOP", "1", "dst", "MIDDLE"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT", "0"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT", "-2"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT", "x"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT", "1", "COUNT", "2"],
      ["LMPOP", "1", "dst", "LEFT", "COUNT"],
      ["LMPOP", "1", "dst", "LEFT", "extra"],
      ["LMPOP", "1", "s", "LEFT"],
      ["RPUSH", "l2", "x"],
      ["LMPOP", "2", "l2", "s", "LEFT"],
      ["LMPOP", "2", "s", "l2", "LEFT"],
      ["LMPOP", "99999999999999999999", "l2", "LEFT"],
    ]);
  });

  it("the blocking commands answer at once when data is there, or as a timeout inside MULTI", async () => {
    await diff.check([
      ["RPUSH", "l", "a", "b", "c"],
      ["BLPOP", "missing", "l", "0"],
      ["BRPOP", "l", "missing", "0"],
      ["BLMOVE", "l", "d", "LEFT", "RIGHT", "0"],
      ["BRPOPLPUSH", "d", "l", "0"],
      ["BLMPOP", "0", "2", "missing", "l", "RIGHT", "COUNT", "5"],
      ["BLPOP", "l", "-1"],
      ["BLPOP", "l", "abc"],
      ["BLPOP", "l", "inf"],
      ["BLPOP", "l", "nan"],
      ["BLPOP", "l", " 1"],
      ["BLPOP", "l", "1e400"],
      ["BLPOP", "l", "1e5000"],
      ["BLPOP", "l", "9223372036854775807"],
      ["BLPOP", "l", "0x1p-1"],
      ["BLMOVE", "l", "d", "LEFT", "RIGHT", "-0.5"],
      ["BLMOVE", "l", "d", "LEFT", "NOWHERE", "x"],
      ["BRPOPLPUSH", "l", "d", "x"],
      ["BLMPOP", "x", "1", "l", "LEFT"],
      ["BLMPOP", "0", "0", "l", "LEFT"],
      ["BLMPOP", "-1", "1", "l", "LEFT", "COUNT", "0"],
      ["SET", "s", "v"],
      ["BLPOP", "missing", "s", "0"],
      ["BLMOVE", "s", "d", "LEFT", "RIGHT", "0"],
      ["BLMPOP", "0", "1", "s", "LEFT"],
      ["BLPOP"],
      ["BLPOP", "l"],
      ["MULTI"],
      ["BLPOP", "missing", "0"],
      ["BRPOP", "missing", "0"],
      ["BLMOVE", "missing", "d", "LEFT", "RIGHT", "0"],
      ["BRPOPLPUSH", "missing", "d", "0"],
      ["BLMPOP", "0", "1", "missing", "LEFT"],
      ["BLPOP", "d", "0"],
      ["EXEC"],
    ]);
  });

  it("a blocked BLPOP is served by a later push, which keeps the remainder", async () => {
    const pending = await sendOnNewPair(diff, ["BLPOP", "l1", "l2", "0"]);
    await diff.check([["RPUSH", "l2", "a", "b", "c"]]);
    await expectSame(pending, "BLPOP served from l2");
    await diff.check([["LRANGE", "l2", "0", "-1"]]);
    const brpop = await sendOnNewPair(diff, ["BRPOP", "l1", "5"]);
    await diff.check([["LPUSH", "l1", "x", "y"]]);
    await expectSame(brpop, "BRPOP served");
    await diff.check([["LRANGE", "l1", "0", "-1"]]);
  });

  it("several blocked clients are served first come, first served", async () => {
    const first = await sendOnNewPair(diff, ["BLPOP", "q", "0"]);
    const second = await sendOnNewPair(diff, ["BRPOP", "q", "0"]);
    const third = await sendOnNewPair(diff, ["BLMPOP", "0", "1", "q", "LEFT", "COUNT", "2"]);
    await diff.check([["RPUSH", "q", "1", "2"]]);
    await expectSame(first, "first waiter");
    await expectSame(second, "second waiter");
    await diff.check([["EXISTS", "q"], ["RPUSH", "q", "3", "4", "5"]]);
    await expectSame(third, "third waiter");
    await diff.check([["LRANGE", "q", "0", "-1"]]);
  });

  it("timeouts reply with a null array, fractional seconds included", async () => {
    await expectSame(await sendOnNewPair(diff, ["BLPOP", "none", "0.05"]), "BLPOP timeout");
    await expectSame(await sendOnNewPair(diff, ["BRPOP", "none", "other", "0.05"]), "BRPOP timeout");
    await expectSame(await sendOnNewPair(diff, ["BLMOVE", "none", "d", "LEFT", "LEFT", "0.05"]), "BLMOVE timeout");
    await expectSame(await sendOnNewPair(diff, ["BRPOPLPUSH", "none", "d", "0.05"]), "BRPOPLPUSH timeout");
    await expectSame(await sendOnNewPair(diff, ["BLMPOP", "0.05", "1", "none", "RIGHT"]), "BLMPOP timeout");
    await diff.check([["EXISTS", "d"]]);
    // Longer than setTimeout's 2^31-1 ms limit: must keep waiting, not time out at once.
    const longWait = await sendOnNewPair(diff, ["BLPOP", "later", "3000000"]);
    await sleep(60);
    await diff.check([["RPUSH", "later", "x"]]);
    await expectSame(longWait, "BLPOP with a 34-day timeout");
    // Redis rounds the timeout up to whole milliseconds: 0.0001 s waits 1 ms, -0.0001 s becomes
    // 0, which means forever.
    await expectSame(await sendOnNewPair(diff, ["BLPOP", "forever", "0.0001"]), "BLPOP with a sub-millisecond timeout");
    await expectSame(await sendOnNewPair(diff, ["BLPOP", "forever", "1e-400"]), "BLPOP with a timeout below the double range");
    const forever = await sendOnNewPair(diff, ["BLPOP", "forever", "-0.0001"]);
    await sleep(60);
    await diff.check([["RPUSH", "forever", "x"]]);
    await expectSame(forever, "BLPOP with a timeout rounding up to 0");
  });

  it("BLMOVE chains: serving one client can wake another blocked on the destination", async () => {
    const mover = await sendOnNewPair(diff, ["BLMOVE", "a", "b", "LEFT", "RIGHT", "0"]);
    const popper = await sendOnNewPair(diff, ["BLPOP", "b", "0"]);
    await diff.check([["RPUSH", "a", "x", "y"]]);
    await expectSame(mover, "BLMOVE served");
    await expectSame(popper, "BLPOP woken by the move");
    await diff.check([["LRANGE", "a", "0", "-1"], ["EXISTS", "b"]]);
    const wrongType = await sendOnNewPair(diff, ["BRPOPLPUSH", "c", "s", "0"]);
    await diff.check([["SET", "s", "string"], ["RPUSH", "c", "v"]]);
    await expectSame(wrongType, "BRPOPLPUSH into a string");
    await diff.check([["LRANGE", "c", "0", "-1"]]);
  });

  it("a client blocked on several keys is served from the key that got data first", async () => {
    const waiter = await sendOnNewPair(diff, ["BLPOP", "k1", "k2", "0"]);
    await diff.check([["MULTI"], ["RPUSH", "k2", "second"], ["RPUSH", "k1", "first"], ["EXEC"]]);
    await expectSame(waiter, "served from k2");
    // A key of another type does not serve a blocked list pop (Redis 7.0 keeps waiting).
    const stillWaiting = await sendOnNewPair(diff, ["BLPOP", "k3", "0"]);
    await diff.check([["SET", "k3", "v"], ["DEL", "k3"], ["RPUSH", "k3", "now"]]);
    await expectSame(stillWaiting, "served once k3 holds a list");
  });

  it("blocking is per database, and a served client's pop is announced after the push", async () => {
    const [redis, engine] = await diff.connectPair();
    for (const client of [redis, engine]) await client.call("SELECT", "1");
    const waiter = { replies: Promise.all([redis.call("BLMOVE", "k", "moved", "RIGHT", "LEFT", "0"), engine.call("BLMOVE", "k", "moved", "RIGHT", "LEFT", "0")]) };
    await sleep(40);
    await diff.check([["RPUSH", "k", "db0"], ["SELECT", "1"], ["CONFIG", "SET", "notify-keyspace-events", "KEA"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [["RPUSH", "k", "a", "b"]]);
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(2);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
    await expectSame(waiter, "served in db 1");
    await diff.check([["LRANGE", "k", "0", "-1"], ["LRANGE", "moved", "0", "-1"], ["SELECT", "0"], ["LRANGE", "k", "0", "-1"]]);
  });

  it("announces keyspace events like Redis", async () => {
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEA"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [
        ["RPUSH", "l", "a", "b", "c", "d"],
        ["LPUSH", "l", "z"],
        ["LPUSHX", "l", "y"],
        ["RPUSHX", "nolist", "y"],
        ["LPOP", "l"],
        ["RPOP", "l", "2"],
        ["LSET", "l", "0", "q"],
        ["LINSERT", "l", "BEFORE", "q", "p"],
        ["LINSERT", "l", "BEFORE", "nothere", "p"],
        ["LREM", "l", "0", "nothere"],
        ["LREM", "l", "1", "p"],
        ["LTRIM", "l", "0", "-1"],
        ["LMOVE", "l", "m", "LEFT", "RIGHT"],
        ["RPOPLPUSH", "l", "m"],
        ["LMPOP", "1", "m", "LEFT", "COUNT", "1"],
        ["LTRIM", "m", "1", "0"],
        ["RPUSH", "t", "x"],
        ["LPOP", "t", "5"],
      ]);
      expect(actual).toEqual(expected);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });

  it("reports the quicklist encoding, ignores expired keys, and copies lists independently", async () => {
    await diff.check([["RPUSH", "l", "a"], ["RPUSH", "big", ...Array.from({ length: 300 }, (_, i) => `e${i}`)]]);
    await checkEncoding(diff, "l", "quicklist");
    await checkEncoding(diff, "big", "quicklist");
    await diff.check([["OBJECT", "ENCODING", "big"], ["LINDEX", "big", "150"], ["LINDEX", "big", "-150"]]);
    await expireOnBoth(diff, "l");
    await diff.check([["LLEN", "l"], ["LPUSHX", "l", "x"], ["RPUSH", "l", "fresh"], ["LRANGE", "l", "0", "-1"]]);
    await diff.check([["COPY", "big", "copy"], ["LPOP", "copy", "299"], ["LLEN", "big"], ["LRANGE", "copy", "0", "-1"]]);
  });

  it("replies with RESP3 nulls where RESP2 has null arrays and null bulks", async () => {
    const [redis3, engine3] = await diff.connectPair();
    for (const client of [redis3, engine3]) expect((await client.call("HELLO", "3")).value.type).toBe("map");
    const steps = [
      ["LPOP", "missing"],
      ["LPOP", "missing", "2"],
      ["RPUSH", "l", "a", "b"],
      ["LPOP", "l", "0"],
      ["LPOS", "l", "zz"],
      ["LPOS", "missing", "zz", "COUNT", "0"],
      ["LINDEX", "l", "5"],
      ["LMPOP", "1", "missing", "LEFT"],
      ["LMOVE", "missing", "l", "LEFT", "LEFT"],
      ["MULTI"],
      ["BLPOP", "missing", "0"],
      ["BLMOVE", "missing", "l", "LEFT", "LEFT", "0"],
      ["BLMPOP", "0", "1", "missing", "LEFT"],
      ["EXEC"],
      ["BLPOP", "missing", "0.01"],
      ["BRPOPLPUSH", "missing", "l", "0.01"],
    ];
    for (const argv of steps) {
      const expected = await redis3.call(...argv);
      const actual = await engine3.call(...argv);
      expect(actual.raw, `RESP3 ${argv.join(" ")}`).toBe(expected.raw);
    }
  });

  it("has Redis's command metadata", async () => {
    await checkCommandMetadata(diff, commands);
    await diff.check([
      ["COMMAND", "GETKEYS", "LMPOP", "2", "a", "b", "LEFT"],
      ["COMMAND", "GETKEYS", "LMPOP", "3", "a", "b", "LEFT"],
      ["COMMAND", "GETKEYS", "BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "3"],
      ["COMMAND", "GETKEYS", "BLPOP", "a", "b", "c", "0"],
      ["COMMAND", "GETKEYS", "BLMOVE", "a", "b", "LEFT", "RIGHT", "0"],
      ["COMMAND", "GETKEYS", "RPOPLPUSH", "a", "b"],
    ]);
  });

  it("matches Redis over a seeded random mix of list commands", async () => {
    const seed = 20260722;
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ["a", "b", "c"];
    const values = ["x", "y", "z", "\x00", "\xff", ""];
    const index = () => String(Math.floor(random() * 9) - 4);
    const generators: (() => string[])[] = [
      () => ["LPUSH", pick(keys), pick(values), pick(values)],
      () => ["RPUSH", pick(keys), pick(values)],
      () => ["LPUSHX", pick(keys), pick(values)],
      () => ["RPUSHX", pick(keys), pick(values)],
      () => ["LPOP", pick(keys), ...(random() < 0.5 ? [] : [String(Math.floor(random() * 4))])],
      () => ["RPOP", pick(keys), ...(random() < 0.5 ? [] : [String(Math.floor(random() * 4))])],
      () => ["LINDEX", pick(keys), index()],
      () => ["LSET", pick(keys), index(), pick(values)],
      () => ["LRANGE", pick(keys), index(), index()],
      () => ["LTRIM", pick(keys), index(), index()],
      () => ["LREM", pick(keys), index(), pick(values)],
      () => ["LINSERT", pick(keys), pick(["BEFORE", "AFTER"]), pick(values), pick(values)],
      () => ["LPOS", pick(keys), pick(values), "RANK", pick(["1", "2", "-1"]), "COUNT", pick(["0", "1", "2"])],
      () => ["LMOVE", pick(keys), pick(keys), pick(["LEFT", "RIGHT"]), pick(["LEFT", "RIGHT"])],
      () => ["LMPOP", "2", pick(keys), pick(keys), pick(["LEFT", "RIGHT"]), "COUNT", String(1 + Math.floor(random() * 3))],
      () => ["BLPOP", pick(keys), pick(keys), "0.01"],
      () => ["LLEN", pick(keys)],
    ];
    const steps: string[][] = [];
    for (let i = 0; i < 400; i++) steps.push(pick(generators)());
    for (const step of steps) {
      const [expected, actual] = await diff.both(step);
      expect(actual.raw, `seed ${seed}: ${step.map((arg) => JSON.stringify(arg)).join(" ")}`).toBe(expected.raw);
    }
    for (const key of keys) await diff.check([["LRANGE", key, "0", "-1"]]);
  });
});
