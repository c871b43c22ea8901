/** ioredis against the engine over TCP: pipelines, MULTI/EXEC, WATCH, pub/sub and Lua scripts. */
import Redis from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../engine";
import { type EngineServer, listen } from "../server";

type TokenBucketClient = Redis & {
  tokenBucket(key: string, capacity: number, ratePerSecond: number, nowMs: number, requested: number): Promise<[number, number]>;
};

describe("ioredis against the engine", () => {
  let engine: Engine;
  let server: EngineServer;
  const clients: Redis[] = [];
  const connect = (): Redis => {
    const client = new Redis({ port: server.port!, host: "127.0.0.1", maxRetriesPerRequest: 0, enableOfflineQueue: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    engine = new Engine();
    server = await listen(engine, { port: 0 });
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server.close();
    engine.close();
  });

  beforeEach(async () => {
    await connect().flushall();
  });

  it("runs pipelines", async () => {
    const redis = connect();
    const results = await redis.pipeline().set("a", "1").incr("a").get("a").hset("h", "f", "v").hgetall("h").exec();
    expect(results).toEqual([
      [null, "OK"],
      [null, 2],
      [null, "2"],
      [null, 1],
      [null, { f: "v" }],
    ]);
  });

  it("runs multi().exec() with runtime errors in place", async () => {
    const redis = connect();
    expect(await redis.multi().set("k", "v").incr("counter").incr("counter").get("k").exec()).toEqual([
      [null, "OK"],
      [null, 1],
      [null, 2],
      [null, "v"],
    ]);
    const results = await redis.multi().set("s", "text").incr("s").get("s").exec();
    expect(results![0]).toEqual([null, "OK"]);
    expect(String(results![1]![0])).toContain("ERR value is not an integer or out of range");
    expect(results![2]).toEqual([null, "text"]);
  });

  it("discards a transaction with queueing errors (EXECABORT)", async () => {
    const redis = connect();
    await expect(redis.multi().set("x", "1").call("nosuchcommand").exec()).rejects.toThrow(/EXECABORT/);
    expect(await redis.get("x")).toBeNull();
  });

  it("fails a transaction whose watched key another client changed", async () => {
    const redis = connect();
    const other = connect();
    await redis.set("balance", "100");
    await redis.watch("balance");
    await other.set("balance", "50");
    expect(await redis.multi().set("balance", "0").exec()).toBeNull();
    expect(await redis.get("balance")).toBe("50");
    await redis.watch("balance");
    expect(await redis.multi().decrby("balance", 10).exec()).toEqual([[null, 40]]);
  });

  it("delivers channel and pattern messages to a subscriber connection", async () => {
    const subscriber = connect();
    const publisher = connect();
    const received: string[] = [];
    const allArrived = new Promise<void>((resolve) => {
      subscriber.on("message", (channel: string, message: string) => {
        received.push(`message ${channel} ${message}`);
        if (received.length === 2) resolve();
      });
      subscriber.on("pmessage", (pattern: string, channel: string, message: string) => {
        received.push(`pmessage ${pattern} ${channel} ${message}`);
        if (received.length === 2) resolve();
      });
    });
    expect(await subscriber.subscribe("news", "sport")).toBe(2);
    expect(await subscriber.psubscribe("n*")).toBe(3);
    expect(await publisher.publish("news", "hello")).toBe(2);
    expect(await publisher.publish("weather", "rain")).toBe(0);
    expect(await publisher.pubsub("NUMSUB", "news", "weather")).toEqual(["news", 1, "weather", 0]);
    await allArrived;
    expect(received.sort()).toEqual(["message news hello", "pmessage n* news hello"]);
    // ioredis cannot match the replies of a bare (P)UNSUBSCRIBE (with Redis too): name them.
    expect(await subscriber.punsubscribe("n*")).toBe(2);
    expect(await subscriber.unsubscribe("news", "sport")).toBe(0);
    expect(await subscriber.ping()).toBe("PONG");
  });

  it("runs Lua scripts defined with defineCommand (EVALSHA with EVAL fallback)", async () => {
    const redis = connect() as TokenBucketClient;
    redis.defineCommand("tokenBucket", {
      numberOfKeys: 1,
      lua: `
        local capacity, rate, now, requested = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local bucket = redis.call('hmget', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(bucket[1]) or capacity
        local ts = tonumber(bucket[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
        local allowed = 0
        if tokens >= requested then tokens = tokens - requested allowed = 1 end
        redis.call('hset', KEYS[1], 'tokens', tokens, 'ts', now)
        return { allowed, math.floor(tokens) }
      `,
    });
    const now = 1_700_000_000_000;
    expect(await redis.tokenBucket("bucket", 2, 1, now, 1)).toEqual([1, 1]);
    expect(await redis.tokenBucket("bucket", 2, 1, now, 1)).toEqual([1, 0]);
    expect(await redis.tokenBucket("bucket", 2, 1, now, 1)).toEqual([0, 0]);
    expect(await redis.tokenBucket("bucket", 2, 1, now + 1000, 1)).toEqual([1, 0]);
    // After SCRIPT FLUSH ioredis gets NOSCRIPT for EVALSHA and falls back to EVAL.
    await redis.script("FLUSH");
    expect(await redis.tokenBucket("other", 5, 1, now, 2)).toEqual([1, 3]);
    await expect(redis.eval("return redis.call('incr', KEYS[1])", 1, "bucket")).rejects.toThrow(/WRONGTYPE/);
  });
});
