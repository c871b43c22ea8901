import { describe, expect, it } from "vitest";
import { Engine } from "../engine";
import { VirtualClock } from "../clock";
import { NULL_ARRAY, OK } from "../protocol/reply";
import { encodeCommand, seededRandom, useDifferential } from "../testing/differential";
import type { RespClient } from "../testing/resp-client";

describe("transactions against redis-server", () => {
  const diff = useDifferential();

  it("queues, executes and discards like Redis", async () => {
    await diff.check([
      ["EXEC"],
      ["DISCARD"],
      ["MULTI"],
      ["HSET", "h", "f", "1"],
      ["HINCRBY", "h", "f", "5"],
      ["HGET", "h", "f"],
      ["UNWATCH"],
      ["EXEC"],
      ["MULTI"],
      ["EXEC"],
      ["MULTI"],
      ["HSET", "h", "g", "bin\x00ary\xff"],
      ["DISCARD"],
      ["HGET", "h", "g"],
      ["EXEC"],
    ]);
  });

  it("rejects nested MULTI and WATCH inside MULTI without aborting the transaction", async () => {
    await diff.check([["MULTI"], ["MULTI"], ["WATCH", "k"], ["PING"], ["EXEC"]]);
  });

  it("aborts EXEC after queueing errors, and returns runtime errors in place", async () => {
    await diff.check([
      ["MULTI"],
      ["HSET", "h", "f", "v"],
      ["NOSUCHCOMMAND", "x"],
      ["HGET", "h"],
      ["EXEC"],
      ["HGET", "h", "f"],
      ["SADD", "s", "m"],
      ["MULTI"],
      ["HSET", "s", "f", "v"],
      ["HINCRBY", "h2", "f", "notanumber"],
      ["HSET", "h", "f", "after"],
      ["SADD", "s", "m2"],
      ["EXEC"],
      ["HGET", "h", "f"],
      ["SCARD", "s"],
      ["MULTI"],
      ["EXEC", "extra"],
      ["EXEC"],
    ]);
  });

  it("fails EXEC with a null array when another client writes a watched key", async () => {
    const [redisOther, engineOther] = await diff.connectPair();
    await diff.check([["HSET", "w", "f", "1"], ["WATCH", "w", "unrelated"], ["MULTI"], ["HSET", "w", "f", "2"]]);
    await both(redisOther, engineOther, ["HSET", "w", "f", "other"]);
    await diff.check([["EXEC"], ["HGET", "w", "f"]]);
    // After a failed EXEC nothing is watched any more.
    await diff.check([["MULTI"], ["HSET", "w", "f", "3"], ["EXEC"], ["HGET", "w", "f"]]);
  });

  it("is invalidated by the client's own write, by FLUSHALL of an existing key, but not by UNWATCH'd keys", async () => {
    await diff.check([
      ["HSET", "w", "f", "1"],
      ["WATCH", "w"],
      ["HSET", "w", "f", "mine"],
      ["MULTI"],
      ["PING"],
      ["EXEC"],
      ["WATCH", "w"],
      ["UNWATCH"],
      ["HSET", "w", "f", "x"],
      ["MULTI"],
      ["PING"],
      ["EXEC"],
      ["WATCH", "w"],
      ["FLUSHALL"],
      ["MULTI"],
      ["PING"],
      ["EXEC"],
      ["WATCH", "missing"],
      ["FLUSHDB"],
      ["MULTI"],
      ["PING"],
      ["EXEC"],
      ["WATCH", "w"],
      ["MULTI"],
      ["HSET", "w", "f", "y"],
      ["DISCARD"],
      ["HSET", "w", "f", "z"],
      ["MULTI"],
      ["PING"],
      ["EXEC"],
    ]);
  });

  it("does not block inside EXEC and keeps the subscribed replies in order", async () => {
    await diff.check([["MULTI"], ["SMEMBERS", "nothing"], ["SPOP", "nothing"], ["EXEC"]]);
  });

  it("answers RESP3 clients with RESP3 nulls and aggregates", async () => {
    const [redis, engine] = await diff.connectPair();
    for (const client of [redis, engine]) await client.call("HELLO", "3");
    const [redisOther, engineOther] = await diff.connectPair();
    const steps: [string, string[]][] = [
      ["main", ["HSET", "k", "f", "1"]],
      ["main", ["WATCH", "k"]],
      ["other", ["HSET", "k", "f", "2"]],
      ["main", ["MULTI"]],
      ["main", ["HGETALL", "k"]],
      ["main", ["EXEC"]],
      ["main", ["MULTI"]],
      ["main", ["HGETALL", "k"]],
      ["main", ["HGET", "k", "nope"]],
      ["main", ["EXEC"]],
    ];
    for (const [who, argv] of steps) {
      const [expected, actual] = who === "main" ? [await redis.call(...argv), await engine.call(...argv)] : [await redisOther.call(...argv), await engineOther.call(...argv)];
      expect(actual.raw, `${who}: ${argv.join(" ")}`).toBe(expected.raw);
    }
  });

  it("frames EXEC like Redis when a queued command sends several replies", async () => {
    const [redis, engine] = await diff.connectPair();
    const request = [["MULTI"], ["SUBSCRIBE", "a", "b"], ["PING"], ["EXEC"], ["PING", "after"]].map(encodeCommand).join("");
    // Six parsed replies: +OK, +QUEUED x2, *2 (taking the two subscribe arrays), pong, pong.
    const [expected, actual] = [await redis.sendRaw(request, 6), await engine.sendRaw(request, 6)];
    expect(actual.map((reply) => reply.raw).join("")).toBe(expected.map((reply) => reply.raw).join(""));
  });

  it("runs a seeded random mix of transactions from two clients like Redis", async () => {
    const seed = 20261122;
    const random = seededRandom(seed);
    const [redisOther, engineOther] = await diff.connectPair();
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ["a", "b", "c"];
    const commands = (): string[] =>
      pick([
        () => ["MULTI"],
        () => ["EXEC"],
        () => ["DISCARD"],
        () => ["WATCH", pick(keys), pick(keys)],
        () => ["UNWATCH"],
        () => ["HSET", pick(keys), pick(["f", "g"]), String(Math.floor(random() * 10))],
        () => ["HINCRBY", pick(keys), "f", pick(["1", "-2", "x"])],
        () => ["HGET", pick(keys), "f"],
        () => ["SADD", pick(keys), "m"],
        () => ["DEL", pick(keys)],
        () => ["HGET", pick(keys)],
        () => ["PING"],
      ])();
    for (let step = 0; step < 300; step++) {
      const argv = commands();
      const useOther = random() < 0.3;
      const [expected, actual] = useOther
        ? [await redisOther.call(...argv), await engineOther.call(...argv)]
        : await diff.both(argv);
      expect(actual.raw, `seed ${seed} step ${step} ${useOther ? "other" : "main"}: ${argv.join(" ")}`).toBe(expected.raw);
    }
  });
});

async function both(redis: RespClient, engine: RespClient, argv: string[]): Promise<void> {
  const [expected, actual] = [await redis.call(...argv), await engine.call(...argv)];
  expect(actual.raw, argv.join(" ")).toBe(expected.raw);
}

describe("transactions in-process", () => {
  it("fails EXEC when a watched key expires between WATCH and EXEC, with time frozen during EXEC", async () => {
    const clock = new VirtualClock(1_000_000);
    const engine = new Engine({ clock });
    const client = engine.connect();
    await client.call("HSET", "k", "f", "v");
    engine.databases[0]!.setExpire("k", clock.now() + 1000);
    expect(await client.call("WATCH", "k")).toBe(OK);
    clock.advance(2000);
    await client.call("MULTI");
    await client.call("PING");
    expect(await client.call("EXEC")).toBe(NULL_ARRAY);

    // A key already expired when watched does not break the transaction when it is removed.
    await client.call("HSET", "k2", "f", "v");
    engine.databases[0]!.setExpire("k2", clock.now() - 1);
    await client.call("WATCH", "k2");
    await client.call("MULTI");
    await client.call("HGET", "k2", "f");
    expect(await client.call("EXEC")).toEqual([null]);
    engine.close();
  });
});
