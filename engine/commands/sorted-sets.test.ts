import { describe, expect, it } from "vitest";
import { checkCommandMetadata, checkEncoding, collectNotifications, expireOnBoth, fullScan } from "../testing/command-checks";
import { expectSame, seededRandom, sendOnNewPair, useDifferential } from "../testing/differential";
import type { RespValue } from "../testing/resp-client";
import { commands } from "./sorted-sets";

function items(value: RespValue): RespValue[] {
  if ("items" in value) return value.items;
  throw new Error(`expected an aggregate, got ${JSON.stringify(value)}`);
}

const range = (n: number, prefix = "m") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("sorted-set commands against redis-server", () => {
  const diff = useDifferential();

  it("ZADD with every flag combination and error", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c"],
      ["ZADD", "z", "1", "a"],
      ["ZADD", "z", "CH", "5", "a", "2", "b", "4", "d"],
      ["ZADD", "z", "NX", "9", "a", "9", "e"],
      ["ZADD", "z", "XX", "9", "a", "9", "f"],
      ["ZADD", "z", "XX", "CH", "10", "a", "9", "f"],
      ["ZADD", "z", "GT", "CH", "1", "a", "11", "b"],
      ["ZADD", "z", "LT", "CH", "1", "a", "11", "c", "0", "g"],
      ["ZADD", "z", "XX", "GT", "CH", "100", "a", "100", "new"],
      ["ZADD", "z", "INCR", "2.5", "a"],
      ["ZADD", "z", "INCR", "NX", "1", "a"],
      ["ZADD", "z", "INCR", "XX", "1", "missing"],
      ["ZADD", "z", "INCR", "GT", "-1", "a"],
      ["ZADD", "z", "INCR", "LT", "-1", "a"],
      ["ZADD", "z", "nx", "incr", "1", "fresh"],
      ["ZADD", "z", "NX", "XX", "1", "a"],
      ["ZADD", "z", "GT", "LT", "1", "a"],
      ["ZADD", "z", "GT", "NX", "1", "a"],
      ["ZADD", "z", "LT", "NX", "1", "a"],
      ["ZADD", "z", "INCR", "1", "a", "2", "b"],
      ["ZADD", "z", "NX", "XX", "INCR", "1", "a", "2", "b"],
      ["ZADD", "z", "1", "a", "2"],
      ["ZADD", "z", "x", "a"],
      ["ZADD", "z", "nan", "a"],
      ["ZADD", "z", "1", "a", "bad", "b"],
      ["ZADD", "z", "NX"],
      ["ZADD", "z", "NX", "CH", "1"],
      ["ZADD", "z", "1"],
      ["ZADD", "z"],
      ["ZADD", "z", "0x10", "hex", "1e400", "big"],
      ["ZADD", "z", "1e-400", "tiny"],
      ["ZADD", "z", " 1", "space"],
      ["ZADD", "z", "1 ", "space"],
      ["ZADD", "z", "1\x00", "nul"],
      ["ZADD", "z", "", "empty"],
      ["ZADD", "z", "+inf", "top", "-inf", "bottom", "-infinity", "bottom2", "1e-310", "denormal", ".5", "half", "5.", "five", "+3", "plus"],
      ["ZADD", "z", "-0", "negzero", "0.1", "tenth", "1.7976931348623157e308", "max", "123456789012345678", "long"],
      ["ZRANGE", "z", "0", "-1", "WITHSCORES"],
      ["ZADD", "z", "INCR", "-inf", "top"],
      ["ZADD", "z", "INCR", "1", "top"],
      ["ZINCRBY", "z", "inf", "bottom"],
      ["ZINCRBY", "z", "1", "top"],
      ["ZINCRBY", "z", "0.1", "tenth"],
      ["ZINCRBY", "z", "-0.1", "tenth"],
      ["ZINCRBY", "z", "x", "a"],
      ["ZINCRBY", "newkey", "3", "m"],
      ["ZINCRBY", "z", "1"],
      ["ZADD", "missing", "XX", "1", "a"],
      ["ZADD", "missing", "XX", "INCR", "1", "a"],
      ["EXISTS", "missing"],
      ["ZADD", "bin", "1", "\x00\xff", "1", "\x00", "1", "\xff", "1", ""],
      ["ZRANGE", "bin", "0", "-1", "WITHSCORES"],
      ["SET", "s", "v"],
      ["ZADD", "s", "1", "a"],
      ["ZADD", "s", "x", "a"],
      ["ZINCRBY", "s", "1", "a"],
      ["ZADD", "s", "XX", "1", "a"],
    ]);
  });

  it("scores are formatted like Redis in RESP2 and RESP3", async () => {
    const steps = [
      ["ZADD", "z", "0.1", "a", "1e100", "b", "-1.5e-10", "c", "3", "d", "inf", "e", "-0", "f", "2.5", "g", "7", "h", "8", "i", "9", "j"],
      ["ZADD", "one", "1.5", "only"],
      ["ZRANGE", "z", "0", "-1", "WITHSCORES"],
      ["ZSCORE", "z", "a"],
      ["ZSCORE", "z", "e"],
      ["ZMSCORE", "z", "a", "nope", "f"],
      ["ZINCRBY", "z", "1", "d"],
      ["ZADD", "z", "INCR", "1", "d"],
      ["ZRANGEBYSCORE", "z", "-inf", "+inf", "WITHSCORES", "LIMIT", "1", "3"],
      ["ZREVRANGE", "z", "0", "2", "WITHSCORES"],
      ["ZUNION", "1", "z", "WITHSCORES"],
      ["ZINTER", "1", "z"],
      ["ZRANDMEMBER", "one", "-2", "WITHSCORES"],
      ["ZRANDMEMBER", "one", "2", "WITHSCORES"],
      ["ZPOPMIN", "z"],
      ["ZPOPMIN", "z", "2"],
      ["ZPOPMAX", "z", "1"],
      ["ZMPOP", "1", "z", "MAX", "COUNT", "2"],
      ["BZPOPMIN", "z", "0"],
      ["BZMPOP", "0", "1", "z", "MIN"],
      ["ZSCAN", "z", "0"],
      ["ZRANK", "z", "g"],
    ];
    await diff.check(steps);
    const [redis3, engine3] = await diff.connectPair();
    for (const client of [redis3, engine3]) expect((await client.call("HELLO", "3")).value.type).toBe("map");
    await diff.check([["FLUSHALL"]]);
    for (const argv of steps) {
      const expected = await redis3.call(...argv);
      const actual = await engine3.call(...argv);
      expect(actual.raw, `RESP3 ${argv.join(" ")}`).toBe(expected.raw);
    }
  });

  it("ZCARD, ZCOUNT, ZLEXCOUNT, ZSCORE, ZMSCORE, ZRANK and ZREVRANK", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "2", "c", "3", "d", "5", "e"],
      ["ZCARD", "z"],
      ["ZCARD", "missing"],
      ["ZCOUNT", "z", "-inf", "+inf"],
      ["ZCOUNT", "z", "2", "3"],
      ["ZCOUNT", "z", "(2", "3"],
      ["ZCOUNT", "z", "(2", "(3"],
      ["ZCOUNT", "z", "3", "2"],
      ["ZCOUNT", "z", "(2", "2"],
      ["ZCOUNT", "z", "x", "2"],
      ["ZCOUNT", "z", "", "("],
      ["ZCOUNT", "z", "( 1", "inf"],
      ["ZCOUNT", "z", "0x1", "1e400"],
      ["ZCOUNT", "z", "nan", "1"],
      ["ZCOUNT", "missing", "x", "1"],
      ["ZCOUNT", "missing", "0", "1"],
      ["ZADD", "lex", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e", "0", "\xff", "0", ""],
      ["ZLEXCOUNT", "lex", "-", "+"],
      ["ZLEXCOUNT", "lex", "[b", "[d"],
      ["ZLEXCOUNT", "lex", "(b", "(d"],
      ["ZLEXCOUNT", "lex", "[", "(b"],
      ["ZLEXCOUNT", "lex", "(", "+"],
      ["ZLEXCOUNT", "lex", "+", "-"],
      ["ZLEXCOUNT", "lex", "-", "-"],
      ["ZLEXCOUNT", "lex", "+", "+"],
      ["ZLEXCOUNT", "lex", "[d", "[b"],
      ["ZLEXCOUNT", "lex", "[c", "(c"],
      ["ZLEXCOUNT", "lex", "b", "d"],
      ["ZLEXCOUNT", "lex", "-a", "+"],
      ["ZLEXCOUNT", "missing", "b", "d"],
      ["ZSCORE", "z", "a"],
      ["ZSCORE", "z", "nope"],
      ["ZSCORE", "missing", "a"],
      ["ZMSCORE", "z", "a", "nope", "e"],
      ["ZMSCORE", "missing", "a", "b"],
      ["ZMSCORE", "z"],
      ["ZRANK", "z", "a"],
      ["ZRANK", "z", "c"],
      ["ZRANK", "z", "nope"],
      ["ZREVRANK", "z", "a"],
      ["ZREVRANK", "z", "e"],
      ["ZREVRANK", "missing", "e"],
      ["ZRANK", "z", "a", "WITHSCORE"],
      ["SET", "s", "v"],
      ["ZCARD", "s"],
      ["ZCOUNT", "s", "0", "1"],
      ["ZCOUNT", "s", "x", "1"],
      ["ZLEXCOUNT", "s", "-", "+"],
      ["ZSCORE", "s", "a"],
      ["ZMSCORE", "s", "a"],
      ["ZRANK", "s", "a"],
    ]);
  });

  it("ZRANGE in all its forms, with Redis's syntax errors", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "5", "f"],
      ["ZRANGE", "z", "0", "-1"],
      ["ZRANGE", "z", "1", "3", "WITHSCORES"],
      ["ZRANGE", "z", "-2", "-1", "withscores"],
      ["ZRANGE", "z", "3", "1"],
      ["ZRANGE", "z", "10", "20"],
      ["ZRANGE", "z", "-100", "100"],
      ["ZRANGE", "z", "0", "-1", "REV"],
      ["ZRANGE", "z", "0", "1", "REV", "WITHSCORES"],
      ["ZRANGE", "z", "(1", "5", "BYSCORE"],
      ["ZRANGE", "z", "5", "(1", "BYSCORE", "REV"],
      ["ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "1", "2"],
      ["ZRANGE", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "1", "2", "WITHSCORES"],
      ["ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "0", "-1"],
      ["ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "-1", "2"],
      ["ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "6", "2"],
      ["ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "5", "0"],
      ["ZRANGE", "z", "[b", "(e", "BYLEX"],
      ["ZRANGE", "z", "+", "-", "BYLEX", "REV", "LIMIT", "1", "2"],
      ["ZRANGE", "z", "0", "-1", "LIMIT", "0", "-1"],
      ["ZRANGE", "z", "0", "-1", "LIMIT", "0", "1"],
      ["ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES"],
      ["ZRANGE", "z", "0", "-1", "BYSCORE", "BYLEX"],
      ["ZRANGE", "z", "0", "-1", "REV", "REV"],
      ["ZRANGE", "z", "0", "-1", "LIMIT", "0"],
      ["ZRANGE", "z", "0", "-1", "BYSCORE", "LIMIT", "x", "1"],
      ["ZRANGE", "z", "0", "-1", "FOO"],
      ["ZRANGE", "z", "a", "b"],
      ["ZRANGE", "z", "a", "b", "BYSCORE"],
      ["ZRANGE", "z", "a", "b", "BYLEX"],
      ["ZRANGE", "missing", "0", "-1"],
      ["ZRANGE", "missing", "a", "-1"],
      ["ZRANGE", "z", "0"],
      ["ZREVRANGE", "z", "0", "2"],
      ["ZREVRANGE", "z", "0", "2", "WITHSCORES"],
      ["ZREVRANGE", "z", "0", "2", "BYSCORE"],
      ["ZREVRANGE", "z", "0", "2", "REV"],
      ["ZRANGEBYSCORE", "z", "2", "4"],
      ["ZRANGEBYSCORE", "z", "(2", "(5", "WITHSCORES"],
      ["ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "2", "2"],
      ["ZRANGEBYSCORE", "z", "-inf", "inf", "REV"],
      ["ZRANGEBYSCORE", "z", "-inf", "inf", "BYSCORE"],
      ["ZRANGEBYSCORE", "z", "x", "inf"],
      ["ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "1"],
      ["ZREVRANGEBYSCORE", "z", "4", "2"],
      ["ZREVRANGEBYSCORE", "z", "+inf", "-inf", "WITHSCORES", "LIMIT", "1", "1"],
      ["ZREVRANGEBYSCORE", "z", "2", "4"],
      ["ZRANGEBYLEX", "z", "-", "+"],
      ["ZRANGEBYLEX", "z", "[b", "[d", "LIMIT", "1", "5"],
      ["ZRANGEBYLEX", "z", "-", "+", "WITHSCORES"],
      ["ZRANGEBYLEX", "z", "b", "d"],
      ["ZREVRANGEBYLEX", "z", "+", "-"],
      ["ZREVRANGEBYLEX", "z", "(d", "[b", "LIMIT", "0", "1"],
      ["SET", "s", "v"],
      ["ZRANGE", "s", "0", "-1"],
      ["ZRANGE", "s", "x", "-1"],
      ["ZRANGEBYSCORE", "s", "0", "1"],
    ]);
  });

  it("ZRANGESTORE", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c"],
      ["ZRANGESTORE", "dst", "z", "0", "1"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZRANGESTORE", "dst", "z", "(1", "+inf", "BYSCORE", "LIMIT", "0", "1"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZRANGESTORE", "dst", "z", "[c", "-", "BYLEX", "REV"],
      ["ZRANGE", "dst", "0", "-1"],
      ["ZRANGESTORE", "dst", "z", "0", "-1", "WITHSCORES"],
      ["ZRANGESTORE", "dst", "z", "5", "10"],
      ["EXISTS", "dst"],
      ["ZRANGESTORE", "dst", "missing", "0", "-1"],
      ["SET", "str", "v"],
      ["EXPIRE", "str", "100"],
      ["ZRANGESTORE", "str", "z", "0", "0"],
      ["TYPE", "str"],
      ["TTL", "str"],
      ["ZRANGESTORE", "dst", "str", "0", "0"],
      ["ZRANGESTORE", "dst", "z", "0"],
    ]);
  });

  it("ZREM and the ZREMRANGEBY commands", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f", "7", "g"],
      ["ZREM", "z", "a", "nope", "a"],
      ["ZREM", "missing", "a"],
      ["ZREMRANGEBYRANK", "z", "0", "0"],
      ["ZREMRANGEBYRANK", "z", "-1", "-1"],
      ["ZREMRANGEBYRANK", "z", "5", "1"],
      ["ZREMRANGEBYRANK", "z", "x", "1"],
      ["ZREMRANGEBYRANK", "missing", "x", "1"],
      ["ZREMRANGEBYSCORE", "z", "(3", "4"],
      ["ZREMRANGEBYSCORE", "z", "10", "20"],
      ["ZREMRANGEBYSCORE", "z", "x", "20"],
      ["ZRANGE", "z", "0", "-1"],
      ["ZADD", "z", "0", "p", "0", "q", "0", "r"],
      ["ZREMRANGEBYLEX", "z", "[p", "(r"],
      ["ZREMRANGEBYLEX", "z", "p", "(r"],
      ["ZRANGE", "z", "0", "-1", "WITHSCORES"],
      ["ZREMRANGEBYRANK", "z", "0", "-1"],
      ["EXISTS", "z"],
      ["ZADD", "z", "1", "a"],
      ["ZREM", "z", "a"],
      ["EXISTS", "z"],
      ["ZADD", "z", "1", "a", "2", "b"],
      ["ZREMRANGEBYSCORE", "z", "-inf", "+inf"],
      ["EXISTS", "z"],
      ["SET", "s", "v"],
      ["ZREM", "s", "a"],
      ["ZREMRANGEBYRANK", "s", "0", "1"],
      ["ZREMRANGEBYSCORE", "s", "x", "1"],
      ["ZREMRANGEBYLEX", "s", "-", "+"],
      ["ZREM", "s"],
    ]);
  });

  it("ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD", async () => {
    await diff.check([
      ["ZADD", "z1", "1", "a", "2", "b", "3", "c"],
      ["ZADD", "z2", "10", "b", "20", "c", "30", "d"],
      ["SADD", "set", "a", "d", "x"],
      ["ZUNION", "2", "z1", "z2"],
      ["ZUNION", "2", "z1", "z2", "WITHSCORES"],
      ["ZUNION", "3", "z1", "z2", "set", "WITHSCORES", "AGGREGATE", "MAX"],
      ["ZUNION", "2", "z1", "z2", "WEIGHTS", "2", "0.5", "WITHSCORES"],
      ["ZUNION", "2", "z1", "z2", "WEIGHTS", "inf", "-inf", "WITHSCORES"],
      ["ZUNION", "2", "z1", "z2", "WEIGHTS", "0", "1", "AGGREGATE", "min", "WITHSCORES"],
      ["ZUNION", "2", "z1", "missing", "WITHSCORES"],
      ["ZINTER", "2", "z1", "z2", "WITHSCORES"],
      ["ZINTER", "2", "z1", "set", "WITHSCORES"],
      ["ZINTER", "2", "z1", "z1", "WITHSCORES", "AGGREGATE", "SUM"],
      ["ZINTER", "2", "z1", "missing"],
      ["ZINTER", "3", "z1", "z2", "set", "WITHSCORES"],
      ["ZDIFF", "2", "z1", "z2"],
      ["ZDIFF", "2", "z1", "z2", "WITHSCORES"],
      ["ZDIFF", "2", "z1", "set", "WITHSCORES"],
      ["ZDIFF", "1", "missing"],
      ["ZDIFF", "2", "z1", "z2", "WEIGHTS", "1", "1"],
      ["ZDIFF", "2", "z1", "z2", "AGGREGATE", "MIN"],
      ["ZUNIONSTORE", "dst", "2", "z1", "z2"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZINTERSTORE", "dst", "2", "z1", "z2", "WEIGHTS", "1", "2"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZDIFFSTORE", "dst", "2", "z1", "z2"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZINTERSTORE", "dst", "2", "z1", "missing"],
      ["EXISTS", "dst"],
      ["ZUNIONSTORE", "set", "1", "set"],
      ["TYPE", "set"],
      ["ZRANGE", "set", "0", "-1", "WITHSCORES"],
      ["ZUNIONSTORE", "dst", "1", "z1", "WITHSCORES"],
      ["ZUNION", "0", "z1"],
      ["ZUNIONSTORE", "dst", "0", "z1"],
      ["ZINTER", "-1", "z1"],
      ["ZINTER", "x", "z1"],
      ["ZUNION", "3", "z1", "z2"],
      ["ZUNION", "2", "z1", "z2", "WEIGHTS", "1"],
      ["ZUNION", "2", "z1", "z2", "WEIGHTS", "1", "x"],
      ["ZUNION", "2", "z1", "z2", "AGGREGATE", "AVG"],
      ["ZUNION", "2", "z1", "z2", "AGGREGATE"],
      ["ZUNION", "2", "z1", "z2", "FOO"],
      ["SET", "str", "v"],
      ["ZUNION", "2", "z1", "str"],
      ["ZUNION", "2", "z1", "str", "WEIGHTS", "x"],
      ["ZINTERSTORE", "dst", "1", "str"],
      ["ZINTERCARD", "2", "z1", "z2"],
      ["ZINTERCARD", "2", "z1", "z2", "LIMIT", "1"],
      ["ZINTERCARD", "2", "z1", "z2", "LIMIT", "0"],
      ["ZINTERCARD", "2", "z1", "set"],
      ["SADD", "tiny", "a"],
      ["ZINTERCARD", "2", "z1", "tiny"],
      ["ZINTERCARD", "2", "z1", "tiny", "LIMIT", "1"],
      ["ZINTER", "2", "z1", "tiny", "WITHSCORES", "WEIGHTS", "2", "3"],
      ["ZINTERCARD", "1", "missing"],
      ["ZINTERCARD", "2", "z1", "z2", "LIMIT", "-1"],
      ["ZINTERCARD", "2", "z1", "z2", "LIMIT", "x"],
      ["ZINTERCARD", "2", "z1", "z2", "WEIGHTS", "1", "1"],
      ["ZINTERCARD", "2", "z1", "z2", "WITHSCORES"],
      ["ZINTERCARD", "0", "z1"],
      ["ZINTERCARD", "3", "z1", "z2"],
      ["ZINTERCARD", "x", "z1"],
      ["ZINTERCARD", "2", "z1", "str"],
      ["ZADD", "f1", "0.1", "m"],
      ["ZADD", "f2", "0.2", "m"],
      ["ZADD", "f3", "0.3", "m", "1", "n"],
      ["ZUNION", "3", "f3", "f1", "f2", "WITHSCORES"],
      ["ZADD", "inf", "inf", "m", "-inf", "n"],
      ["ZINTER", "2", "f3", "inf", "WEIGHTS", "1", "0", "AGGREGATE", "MIN", "WITHSCORES"],
      ["ZINTER", "2", "f3", "inf", "WEIGHTS", "1", "0", "AGGREGATE", "MAX", "WITHSCORES"],
      ["ZINTER", "2", "f3", "inf", "WEIGHTS", "1", "0", "WITHSCORES"],
      ["ZINTER", "2", "inf", "f3", "WEIGHTS", "0", "1", "AGGREGATE", "MAX", "WITHSCORES"],
      ["ZUNION", "2", "f3", "inf", "WEIGHTS", "1", "0", "AGGREGATE", "MIN", "WITHSCORES"],
      ["ZUNION", "2", "inf", "inf", "WITHSCORES"],
      ["ZINTERSTORE", "dst", "2", "inf", "inf", "WEIGHTS", "1", "-1"],
      ["ZRANGE", "dst", "0", "-1", "WITHSCORES"],
      ["ZINTER", "3", "f3", "f2", "f1", "WITHSCORES"],
    ]);
  });

  it("ZPOPMIN, ZPOPMAX and ZMPOP", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d"],
      ["ZPOPMIN", "z"],
      ["ZPOPMAX", "z"],
      ["ZPOPMIN", "z", "0"],
      ["ZPOPMIN", "z", "5"],
      ["EXISTS", "z"],
      ["ZPOPMIN", "z"],
      ["ZPOPMAX", "z", "2"],
      ["ZPOPMIN", "z", "-1"],
      ["ZPOPMIN", "z", "x"],
      ["ZPOPMIN", "z", "1", "2"],
      ["ZADD", "z", "1", "a", "2", "b", "3", "c"],
      ["ZMPOP", "2", "missing", "z", "MIN"],
      ["ZMPOP", "2", "missing", "z", "MAX", "COUNT", "5"],
      ["ZMPOP", "1", "z", "MIN"],
      ["ZMPOP", "0", "z", "MIN"],
      ["ZMPOP", "1", "z", "MIDDLE"],
      ["ZMPOP", "2", "z", "MIN"],
      ["ZMPOP", "1", "z", "MIN", "COUNT", "0"],
      ["ZMPOP", "1", "z", "MIN", "COUNT", "-1"],
      ["ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"],
      ["ZMPOP", "1", "z", "MIN", "LIMIT", "1"],
      ["SET", "s", "v"],
      ["ZPOPMIN", "s"],
      ["ZPOPMIN", "s", "0"],
      ["ZMPOP", "2", "s", "z", "MIN"],
      ["ZADD", "z", "1", "a"],
      ["ZMPOP", "2", "z", "s", "MIN"],
    ]);
  });

  it("blocking pops answer at once when possible and time out inside MULTI", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c"],
      ["BZPOPMIN", "missing", "z", "0"],
      ["BZPOPMAX", "z", "0"],
      ["BZMPOP", "0", "2", "missing", "z", "MAX", "COUNT", "10"],
      ["BZPOPMIN", "z", "-1"],
      ["BZPOPMIN", "z", "x"],
      ["BZMPOP", "x", "1", "z", "MIN"],
      ["BZMPOP", "0", "1", "z", "UP"],
      ["SET", "s", "v"],
      ["BZPOPMIN", "s", "0"],
      ["BZMPOP", "0", "1", "s", "MIN"],
      ["MULTI"],
      ["BZPOPMIN", "missing", "0"],
      ["BZPOPMAX", "missing", "0"],
      ["BZMPOP", "0", "1", "missing", "MIN"],
      ["EXEC"],
    ]);
  });

  it("blocked pops are served by ZADD, in order, and time out with a null array", async () => {
    const first = await sendOnNewPair(diff, ["BZPOPMIN", "z1", "z2", "0"]);
    const second = await sendOnNewPair(diff, ["BZPOPMAX", "z2", "0"]);
    const third = await sendOnNewPair(diff, ["BZMPOP", "0", "1", "z2", "MIN", "COUNT", "2"]);
    await diff.check([["ZADD", "z2", "1", "a", "2", "b", "3", "c", "4", "d"]]);
    await expectSame(first, "BZPOPMIN served");
    await expectSame(second, "BZPOPMAX served");
    await expectSame(third, "BZMPOP served");
    await diff.check([["EXISTS", "z2"]]);
    const stored = await sendOnNewPair(diff, ["BZPOPMAX", "dst", "0"]);
    await diff.check([["ZADD", "src", "5", "x", "6", "y"], ["ZUNIONSTORE", "dst", "1", "src"]]);
    await expectSame(stored, "served by ZUNIONSTORE");
    await expectSame(await sendOnNewPair(diff, ["BZPOPMIN", "none", "0.05"]), "BZPOPMIN timeout");
    await expectSame(await sendOnNewPair(diff, ["BZMPOP", "0.05", "1", "none", "MAX"]), "BZMPOP timeout");
  });

  it("encodings follow zset-max-listpack-entries/value, one way", async () => {
    await diff.check([["ZADD", "small", "1", "a"], ["ZADD", "big", ...range(129).flatMap((m, i) => [String(i), m])]]);
    await checkEncoding(diff, "small", "listpack");
    await checkEncoding(diff, "big", "skiplist");
    await diff.check([["ZADD", "long", "1", "x".repeat(65)], ["ZADD", "edge", "1", "y".repeat(64)]]);
    await checkEncoding(diff, "long", "skiplist");
    await checkEncoding(diff, "edge", "listpack");
    await diff.check([["ZADD", "edge", "2", "z".repeat(65)], ["ZREM", "edge", "z".repeat(65)], ["ZREMRANGEBYRANK", "big", "0", "100"]]);
    await checkEncoding(diff, "edge", "skiplist");
    await checkEncoding(diff, "big", "skiplist");
    await diff.check([["ZUNIONSTORE", "u", "1", "big"], ["ZRANGESTORE", "r", "long", "0", "-1"], ["ZINTERSTORE", "i", "1", "long"]]);
    await checkEncoding(diff, "u", "listpack");
    await checkEncoding(diff, "r", "skiplist");
    await checkEncoding(diff, "i", "skiplist");
    await diff.check([["CONFIG", "SET", "zset-max-listpack-entries", "2"], ["ZADD", "cfg", "1", "a", "2", "b"]]);
    try {
      await checkEncoding(diff, "cfg", "listpack");
      await diff.check([["ZADD", "cfg", "3", "c"]]);
      await checkEncoding(diff, "cfg", "skiplist");
      await diff.check([["OBJECT", "ENCODING", "cfg"], ["COPY", "cfg", "cfg2"], ["OBJECT", "ENCODING", "cfg2"], ["ZRANGE", "cfg2", "0", "-1"]]);
    } finally {
      await diff.check([["CONFIG", "SET", "zset-max-listpack-entries", "128"]]);
    }
  });

  it("ZRANDMEMBER", async () => {
    await diff.check([
      ["ZADD", "z", "1", "a", "2", "b", "3", "c"],
      { argv: ["ZRANDMEMBER", "z", "3"], unordered: true },
      { argv: ["ZRANDMEMBER", "z", "10", "WITHSCORES"], unordered: "pairs" },
      ["ZRANDMEMBER", "z", "0"],
      ["ZRANDMEMBER", "missing"],
      ["ZRANDMEMBER", "missing", "5"],
      ["ZRANDMEMBER", "missing", "-5", "WITHSCORES"],
      ["ZRANDMEMBER", "z", "x"],
      ["ZRANDMEMBER", "z", "1", "FOO"],
      ["ZRANDMEMBER", "z", "1", "WITHSCORES", "x"],
      ["ZRANDMEMBER", "z", "-9223372036854775808"],
      ["ZRANDMEMBER", "z", "9223372036854775807", "WITHSCORES"],
      { argv: ["ZRANDMEMBER", "z", "10000000000000000", "WITHSCORES"], unordered: "pairs" },
      { argv: ["ZRANDMEMBER", "z", "4611686018427387903", "WITHSCORES"], unordered: "pairs" },
      ["ZRANDMEMBER", "z", "4611686018427387904", "WITHSCORES"],
      ["ZRANDMEMBER", "z", "-4611686018427387904", "WITHSCORES"],
      ["ZRANDMEMBER", "missing", "x"],
      ["SET", "s", "v"],
      ["ZRANDMEMBER", "s"],
      ["ZRANDMEMBER", "s", "1"],
    ]);
    await diff.check([["ZADD", "big", ...range(200).flatMap((m, i) => [String(i), m])]]);
    const members = new Set(range(200));
    for (const argv of [["ZRANDMEMBER", "big"], ["ZRANDMEMBER", "big", "5"], ["ZRANDMEMBER", "big", "-300"], ["ZRANDMEMBER", "big", "150", "WITHSCORES"], ["ZRANDMEMBER", "z", "-5", "WITHSCORES"]]) {
      const [expected, actual] = await diff.both(argv);
      expect(actual.value.type, argv.join(" ")).toBe(expected.value.type);
      if (actual.value.type === "bulk") {
        expect(members.has(actual.value.value)).toBe(true);
        continue;
      }
      const got = items(actual.value).map((item) => ("value" in item ? item.value : ""));
      expect(got.length, argv.join(" ")).toBe(items(expected.value).length);
      const names = argv.includes("WITHSCORES") ? got.filter((_, i) => i % 2 === 0) : got;
      if (argv[1] === "big") for (const name of names) expect(members.has(name), name).toBe(true);
      if (Number(argv[2]) > 0) expect(new Set(names).size, `distinct ${argv.join(" ")}`).toBe(names.length);
      if (argv.includes("WITHSCORES")) for (let i = 0; i < got.length; i += 2) expect(got[i + 1]).toBe(argv[1] === "big" ? String(Number(got[i]!.slice(1))) : { a: "1", b: "2", c: "3" }[got[i]!]);
    }
  });

  it("ZSCAN over listpack and skiplist sets", async () => {
    await diff.check([
      ["ZADD", "small", "1", "a", "2.5", "b", "0.1", "c", "inf", "d"],
      ["ZSCAN", "small", "0"],
      ["ZSCAN", "small", "0", "MATCH", "[ab]", "COUNT", "1"],
      ["ZSCAN", "small", "0", "COUNT", "0"],
      ["ZSCAN", "small", "x"],
      ["ZSCAN", "small", "0", "FOO", "1"],
      ["ZSCAN", "small", "0", "TYPE", "string"],
      ["ZSCAN", "missing", "0"],
      ["ZSCAN", "missing", "0", "COUNT", "0"],
      ["SET", "s", "v"],
      ["ZSCAN", "s", "0"],
    ]);
    await diff.check([["ZADD", "big", ...range(300).flatMap((m, i) => [String(i / 10), m])]]);
    for (const options of [[], ["COUNT", "7"], ["MATCH", "m1*", "COUNT", "50"]]) {
      const expected = await fullScan(diff.redis(), "ZSCAN", "big", options);
      const actual = await fullScan(diff.engine(), "ZSCAN", "big", options);
      expect(new Set(actual.items), options.join(" ")).toEqual(new Set(expected.items));
      expect(actual.items.length).toBe(new Set(actual.items).size);
    }
  });

  it("ignores expired keys", async () => {
    await diff.check([["ZADD", "z", "1", "a"]]);
    await expireOnBoth(diff, "z");
    await diff.check([["ZCARD", "z"], ["ZADD", "z", "XX", "1", "a"], ["ZSCORE", "z", "a"], ["ZADD", "z", "2", "b"], ["ZRANGE", "z", "0", "-1", "WITHSCORES"]]);
  });

  it("announces keyspace events like Redis", async () => {
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEA"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [
        ["ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"],
        ["ZADD", "z", "1", "a"],
        ["ZADD", "z", "NX", "9", "a"],
        ["ZADD", "z", "INCR", "1", "a"],
        ["ZINCRBY", "z", "1", "b"],
        ["ZREM", "z", "nope"],
        ["ZREM", "z", "a"],
        ["ZREMRANGEBYRANK", "z", "0", "0"],
        ["ZREMRANGEBYSCORE", "z", "100", "200"],
        ["ZREMRANGEBYSCORE", "z", "3", "3"],
        ["ZADD", "z", "0", "x", "0", "y"],
        ["ZREMRANGEBYLEX", "z", "[x", "[x"],
        ["ZPOPMIN", "z"],
        ["ZPOPMAX", "z", "1"],
        ["ZMPOP", "1", "z", "MIN", "COUNT", "10"],
        ["ZADD", "a", "1", "m"],
        ["ZUNIONSTORE", "u", "1", "a"],
        ["ZINTERSTORE", "u", "1", "a"],
        ["ZDIFFSTORE", "u", "1", "a"],
        ["ZRANGESTORE", "u", "a", "0", "-1"],
        ["ZINTERSTORE", "u", "2", "a", "nothing"],
        ["ZRANGESTORE", "u", "a", "5", "6"],
        ["ZPOPMIN", "a", "5"],
      ]);
      expect(actual).toEqual(expected);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });

  it("has Redis's command metadata", async () => {
    await checkCommandMetadata(diff, commands);
    await diff.check([
      ["COMMAND", "GETKEYS", "ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2"],
      ["COMMAND", "GETKEYS", "ZINTER", "2", "a", "b"],
      ["COMMAND", "GETKEYS", "ZDIFF", "1", "a", "WITHSCORES"],
      ["COMMAND", "GETKEYS", "ZINTERCARD", "2", "a", "b", "LIMIT", "1"],
      ["COMMAND", "GETKEYS", "ZMPOP", "2", "a", "b", "MIN"],
      ["COMMAND", "GETKEYS", "BZMPOP", "1", "2", "a", "b", "MAX"],
      ["COMMAND", "GETKEYS", "BZPOPMIN", "a", "b", "0"],
      ["COMMAND", "GETKEYS", "ZRANGESTORE", "d", "s", "0", "1"],
    ]);
  });

  it("matches Redis over a seeded random mix on skiplist-encoded sets", async () => {
    const seed = 31337;
    const random = seededRandom(seed);
    const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
    const members = range(300);
    const score = () => pick(["0", "1", "1.5", "-2", "inf", "-inf", "0.1", String(Math.floor(random() * 100))]);
    const bound = () => pick(["-inf", "+inf", "0", "(1", "1.5", "2", "50", "(50"]);
    const index = () => String(Math.floor(random() * 400) - 200);
    const generators: (() => string[])[] = [
      () => ["ZADD", "z", ...Array.from({ length: 10 }, () => [score(), pick(members)]).flat()],
      // Lex ranges are only well defined when all scores are equal.
      () => ["ZADD", "lex", "0", pick(members)],
      () => ["ZINCRBY", "z", score(), pick(members)],
      () => ["ZREM", "z", pick(members), pick(members)],
      () => ["ZRANGE", "z", index(), index(), ...pick([[], ["REV"], ["WITHSCORES"]])],
      () => ["ZRANGE", "z", bound(), bound(), "BYSCORE", ...pick([[], ["LIMIT", "3", "5"], ["WITHSCORES"]])],
      () => ["ZRANGE", "z", bound(), bound(), "BYSCORE", "REV", "LIMIT", String(Math.floor(random() * 10)), "4"],
      () => ["ZRANGE", "lex", pick(["-", "[m1", "(m2", "[m5"]), pick(["+", "[m3", "(m9"]), "BYLEX", ...pick([[], ["LIMIT", "2", "3"]])],
      () => ["ZLEXCOUNT", "lex", pick(["-", "[m1", "(m2"]), pick(["+", "[m3", "(m9"])],
      () => ["ZREMRANGEBYLEX", "lex", pick(["[m1", "(m2"]), pick(["[m15", "(m19"])],
      () => ["ZCOUNT", "z", bound(), bound()],
      () => ["ZRANK", "z", pick(members)],
      () => ["ZREVRANK", "z", pick(members)],
      () => ["ZREMRANGEBYRANK", "z", index(), index()],
      () => ["ZREMRANGEBYSCORE", "z", bound(), bound()],
      () => ["ZPOPMIN", "z", pick(["1", "3"])],
      () => ["ZPOPMAX", "z"],
      () => ["ZUNIONSTORE", "u", "2", "z", "lex", "WEIGHTS", "2", "1"],
      () => ["ZINTERSTORE", "u", "2", "z", "u"],
      () => ["ZRANGE", "u", "0", "-1", "WITHSCORES"],
      () => ["OBJECT", "ENCODING", pick(["z", "u", "lex"])],
    ];
    for (let i = 0; i < 800; i++) {
      const step = pick(generators)();
      const [expected, actual] = await diff.both(step);
      expect(actual.raw, `seed ${seed}, step ${i}: ${step.join(" ")}`).toBe(expected.raw);
    }
  });

  it("matches Redis over a seeded random mix of sorted-set commands", async () => {
    const seed = 777013;
    const random = seededRandom(seed);
    const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
    const keys = ["a", "b", "c"];
    const members = ["m1", "m2", "m3", "m4", "\x00", "\xff", ""];
    const score = () => pick(["0", "1", "1.5", "-2", "inf", "-inf", "3", "0.1"]);
    const bound = () => pick(["-inf", "+inf", "0", "(1", "1.5", "(3", "2"]);
    const lex = () => pick(["-", "+", "[m2", "(m3", "[", "(\xff"]);
    const index = () => String(Math.floor(random() * 9) - 4);
    const generators: (() => string[])[] = [
      () => ["ZADD", pick(keys), ...pick([[], ["NX"], ["XX"], ["GT", "CH"], ["LT"], ["CH"]]), score(), pick(members), score(), pick(members)],
      () => ["ZADD", pick(keys), "INCR", score(), pick(members)],
      () => ["ZINCRBY", pick(keys), score(), pick(members)],
      () => ["ZREM", pick(keys), pick(members), pick(members)],
      () => ["ZRANGE", pick(keys), index(), index(), ...pick([[], ["REV"], ["WITHSCORES"]])],
      () => ["ZRANGE", pick(keys), bound(), bound(), "BYSCORE", ...pick([[], ["REV"], ["LIMIT", "1", "2"], ["WITHSCORES"]])],
      () => ["ZRANGE", pick(keys), lex(), lex(), "BYLEX", ...pick([[], ["REV"], ["LIMIT", "0", "2"]])],
      () => ["ZCOUNT", pick(keys), bound(), bound()],
      () => ["ZLEXCOUNT", pick(keys), lex(), lex()],
      () => ["ZRANK", pick(keys), pick(members)],
      () => ["ZREVRANK", pick(keys), pick(members)],
      () => ["ZSCORE", pick(keys), pick(members)],
      () => ["ZREMRANGEBYRANK", pick(keys), index(), index()],
      () => ["ZREMRANGEBYSCORE", pick(keys), bound(), bound()],
      () => ["ZREMRANGEBYLEX", pick(keys), lex(), lex()],
      () => ["ZPOPMIN", pick(keys), pick(["1", "2"])],
      () => ["ZPOPMAX", pick(keys)],
      () => ["ZMPOP", "2", pick(keys), pick(keys), pick(["MIN", "MAX"]), "COUNT", "2"],
      () => ["ZUNIONSTORE", pick(keys), "2", pick(keys), pick(keys), "AGGREGATE", pick(["SUM", "MIN", "MAX"])],
      () => ["ZINTER", "2", pick(keys), pick(keys), "WITHSCORES"],
      () => ["ZDIFF", "2", pick(keys), pick(keys), "WITHSCORES"],
      () => ["ZRANGESTORE", pick(keys), pick(keys), index(), index()],
      () => ["ZCARD", pick(keys)],
    ];
    for (let i = 0; i < 500; i++) {
      const step = pick(generators)();
      const [expected, actual] = await diff.both(step);
      expect(actual.raw, `seed ${seed}: ${step.map((arg) => JSON.stringify(arg)).join(" ")}`).toBe(expected.raw);
    }
    for (const key of keys) await diff.check([["ZRANGE", key, "0", "-1", "WITHSCORES"]]);
  });
});
