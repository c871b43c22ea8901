import { describe, expect, it } from "vitest";
import { encodeCommand, seededRandom, useDifferential } from "../testing/differential";
import type { RespClient } from "../testing/resp-client";

/**
 * Sends commands followed by a PING and returns everything received up to the PING's answer,
 * pushes included, as one string: pub/sub commands answer with a varying number of replies.
 */
async function exchange(client: RespClient, commands: string[][]): Promise<string> {
  const request = [...commands, ["PING", "sync"]].map(encodeCommand).join("");
  const replies = await client.sendRaw(request, 1 + commands.length);
  return replies.map((reply) => reply.raw).join("");
}

/** Everything a client has received without asking (messages), in order. */
function takeUnsolicited(client: RespClient): string {
  return client.unsolicited.splice(0).map((reply) => reply.raw).join("");
}

describe("pub/sub against redis-server", () => {
  const diff = useDifferential();

  async function compare(pair: [RespClient, RespClient], label: string, commands: string[][]): Promise<void> {
    // In RESP2 messages are plain arrays that may be taken for replies; joining what arrived
    // before, during and after the exchange keeps the stream's order either way.
    const run = async (client: RespClient) => takeUnsolicited(client) + (await exchange(client, commands)) + takeUnsolicited(client);
    const [redis, engine] = pair;
    expect(await run(engine), label).toBe(await run(redis));
  }

  it("confirms each (un)subscription with the running count, RESP2", async () => {
    const pair = await diff.connectPair();
    // Multi-reply commands are sent one per exchange: RESP2 replies are plain arrays, so the
    // PING sentinel counts them only when each command has exactly one reply before it.
    await compare(pair, "unsubscribe with nothing", [["UNSUBSCRIBE"]]);
    await compare(pair, "punsubscribe with nothing", [["PUNSUBSCRIBE"]]);
    await compare(pair, "sunsubscribe with nothing", [["SUNSUBSCRIBE"]]);
    await compare(pair, "subscribe one", [["SUBSCRIBE", "a"]]);
    await compare(pair, "context", [["HGET", "h", "f"], ["SUBSCRIBE", "a"], ["PSUBSCRIBE", "p*"], ["SSUBSCRIBE", "s1"]]);
    await compare(pair, "unsubscribe a", [["UNSUBSCRIBE", "a"], ["UNSUBSCRIBE", "never"], ["PUNSUBSCRIBE"], ["SUNSUBSCRIBE"]]);
    await compare(pair, "no args", [["SUBSCRIBE"], ["PSUBSCRIBE"], ["HGET", "h", "f"]]);
    await compare(pair, "inside MULTI", [["MULTI"], ["SSUBSCRIBE", "x"], ["UNSUBSCRIBE"], ["PUBLISH", "x", "y"], ["EXEC"]]);
  });

  it("confirms several channels in one command, RESP2 and RESP3", async () => {
    for (const protocol of ["2", "3"]) {
      const [redis, engine] = await diff.connectPair();
      await redis.call("HELLO", protocol);
      await engine.call("HELLO", protocol);
      for (const argv of [
        ["SUBSCRIBE", "a", "b", "a"],
        ["PSUBSCRIBE", "x*", "y?"],
        ["SSUBSCRIBE", "s1", "s2"],
        ["UNSUBSCRIBE", "b", "zz"],
        ["PUNSUBSCRIBE", "x*"],
        ["SUNSUBSCRIBE", "s2"],
      ]) {
        // Each confirmation is one array (RESP2) or one push (RESP3); read them one by one.
        const count = argv.length - 1;
        const expected = await readConfirmations(redis, argv, count, protocol);
        const actual = await readConfirmations(engine, argv, count, protocol);
        expect(actual, `RESP${protocol} ${argv.join(" ")}`).toBe(expected);
      }
    }
  });

  it("delivers messages to channel, pattern and shard subscribers", async () => {
    const subscriber = await diff.connectPair();
    const publisher = await diff.connectPair();
    await compare(subscriber, "subscribe", [["SUBSCRIBE", "news"]]);
    await compare(subscriber, "psubscribe", [["PSUBSCRIBE", "n*"]]);
    await compare(subscriber, "ssubscribe", [["SSUBSCRIBE", "shard"]]);
    await compare(publisher, "publish", [
      ["PUBLISH", "news", "hello\x00\xff"],
      ["PUBLISH", "nothing", "x"],
      ["PUBLISH", "other", "x"],
      ["SPUBLISH", "shard", "sharded"],
      ["SPUBLISH", "news", "not to plain subscribers"],
    ]);
    await compare(subscriber, "received", []);
    await compare(publisher, "introspection", [
      ["PUBSUB", "NUMSUB", "news", "nothing", "shard"],
      ["PUBSUB", "NUMSUB"],
      ["PUBSUB", "NUMPAT"],
      ["PUBSUB", "CHANNELS", "n*"],
      ["PUBSUB", "CHANNELS", "x*"],
      ["PUBSUB", "SHARDCHANNELS"],
      ["PUBSUB", "SHARDCHANNELS", "s*"],
      ["PUBSUB", "SHARDNUMSUB", "shard", "news"],
      ["PUBSUB", "CHANNELS", "a", "b"],
      ["PUBSUB", "SHARDCHANNELS", "a", "b"],
      ["PUBSUB", "NUMPAT", "x"],
      ["PUBSUB", "NOSUCH"],
      ["PUBSUB"],
      ["PUBSUB", "HELP"],
      ["PUBLISH", "a"],
    ]);
  });

  it("lets a RESP3 client run commands while subscribed and receive its own messages first", async () => {
    const pair = await diff.connectPair();
    const [redis, engine] = pair;
    await redis.call("HELLO", "3");
    await engine.call("HELLO", "3");
    for (const client of pair) await client.sendRaw(encodeCommand(["SUBSCRIBE", "me"]) + encodeCommand(["PING"]), 1);
    expect(takeUnsolicited(engine)).toBe(takeUnsolicited(redis));
    await compare(pair, "commands while subscribed", [["HGET", "h", "f"], ["PUBLISH", "me", "self"], ["PUBSUB", "NUMSUB", "me"], ["PING"]]);
    await compare(pair, "transactions while subscribed", [["MULTI"], ["PUBLISH", "other", "in multi"], ["EXEC"]]);
    await compare(pair, "own message inside EXEC", [["MULTI"], ["PUBLISH", "me", "in multi"], ["PING"], ["EXEC"]]);
  });

  it("forgets a closed subscriber", async () => {
    const [redis, engine] = await diff.connectPair();
    for (const client of [redis, engine]) {
      await exchange(client, [["SUBSCRIBE", "gone"], ["PSUBSCRIBE", "g*"]]);
      client.close();
    }
    for (let i = 0; i < 50 && diff.engineInstance().channels.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await diff.check([["PUBLISH", "gone", "x"], ["PUBSUB", "NUMPAT"]]);
  });

  it("matches Redis on a seeded random mix of subscriptions and publishes", async () => {
    const seed = 424242;
    const random = seededRandom(seed);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const clients = [await diff.connectPair(), await diff.connectPair(), await diff.connectPair()];
    const channels = ["c1", "c2", "d1"];
    const patterns = ["c*", "?1", "d[12]"];
    for (let step = 0; step < 200; step++) {
      const argv = pick([
        () => ["SUBSCRIBE", pick(channels)],
        () => ["UNSUBSCRIBE", pick(channels)],
        () => ["PSUBSCRIBE", pick(patterns)],
        () => ["PUNSUBSCRIBE", pick(patterns)],
        () => ["SSUBSCRIBE", pick(channels)],
        () => ["SUNSUBSCRIBE", pick(channels)],
        () => ["PUBLISH", pick(channels), `m${step}`],
        () => ["SPUBLISH", pick(channels), `s${step}`],
        () => ["PUBSUB", "NUMSUB", ...channels],
        () => ["PUBSUB", "NUMPAT"],
      ])();
      const which = Math.floor(random() * clients.length);
      await compare(clients[which]!, `seed ${seed} step ${step} client ${which}: ${argv.join(" ")}`, [argv]);
      for (const [index, pair] of clients.entries()) {
        await compare(pair, `seed ${seed} step ${step} deliveries to client ${index}`, []);
      }
    }
  });
});

/** Sends one subscribe-family command and reads its `count` confirmations (plus a PING). */
async function readConfirmations(client: RespClient, argv: string[], count: number, protocol: string): Promise<string> {
  if (protocol === "3") {
    await client.sendRaw(encodeCommand(argv) + encodeCommand(["PING"]), 1);
    return takeUnsolicited(client);
  }
  const replies = await client.sendRaw(encodeCommand(argv), count);
  return replies.map((reply) => reply.raw).join("");
}
