/**
 * Checks shared by the collection command tests (hashes, sets, ...): OBJECT ENCODING parity,
 * expiring a key on both servers, full SCAN-family iterations, keyspace notifications and
 * COMMAND INFO metadata.
 */
import { expect } from "vitest";
import { type CommandSpec, fullName } from "../commands/spec";
import type { DifferentialContext } from "./differential";
import type { RespClient, RespValue } from "./resp-client";

function text(value: RespValue | undefined): string {
  if (value && "value" in value) return value.value;
  throw new Error(`expected a scalar, got ${JSON.stringify(value)}`);
}

function list(value: RespValue | undefined): RespValue[] {
  if (value && "items" in value) return value.items;
  throw new Error(`expected an aggregate, got ${JSON.stringify(value)}`);
}

/** Asserts OBJECT ENCODING answers `expected` on both servers, and the engine's value agrees. */
export async function checkEncoding(diff: DifferentialContext, key: string, expected: string, label = key): Promise<void> {
  const [redisReply, engineReply] = await diff.both(["OBJECT", "ENCODING", key]);
  expect(text(redisReply.value), `redis encoding of ${label}`).toBe(expected);
  expect(text(engineReply.value), `engine OBJECT ENCODING of ${label}`).toBe(expected);
  const object = diff.engineInstance().databases[0]!.peek(key);
  expect((object?.value as { encoding?: string } | undefined)?.encoding, `engine encoding of ${label}`).toBe(expected);
}

/** Gives `key` an expiry time in the past on both servers (database 0), without reading it. */
export async function expireOnBoth(diff: DifferentialContext, key: string): Promise<void> {
  // PEXPIREAT in the past deletes at once in Redis; the engine gets a past deadline directly
  // so the test does not depend on the key commands' implementation.
  await diff.redis().call("PEXPIREAT", key, "1");
  diff.engineInstance().databases[0]!.setExpire(key, 1);
}

/** Iterates a SCAN-family command to the end; items are joined "field=value" for HSCAN/ZSCAN. */
export async function fullScan(
  client: RespClient,
  command: string,
  key: string,
  options: string[],
): Promise<{ items: string[]; calls: number }> {
  const pairs = command.toUpperCase() !== "SSCAN";
  const items: string[] = [];
  let cursor = "0";
  let calls = 0;
  do {
    const reply = await client.call(command, key, cursor, ...options);
    const [next, batch] = list(reply.value);
    cursor = text(next);
    const values = list(batch).map(text);
    for (let i = 0; i < values.length; i += pairs ? 2 : 1) items.push(pairs ? `${values[i]}=${values[i + 1]}` : values[i]!);
    calls++;
    if (calls > 10_000) throw new Error(`${command} never finished`);
  } while (cursor !== "0");
  return { items, calls };
}

/** A command for collectNotifications; `randomReply` ones (SPOP k 1...) only need to succeed. */
export type NotificationStep = string[] | { argv: string[]; randomReply: true };

/**
 * Runs `steps` on both servers (replies must match) while a subscriber on each listens to all
 * keyspace and keyevent channels; returns the raw notification messages [redis, engine].
 */
export async function collectNotifications(diff: DifferentialContext, steps: NotificationStep[]): Promise<[string[], string[]]> {
  const subscribers = await diff.connectPair();
  for (const subscriber of subscribers) await subscriber.call("PSUBSCRIBE", "__key*__:*");
  for (const step of steps) {
    if (Array.isArray(step)) {
      await diff.check([step]);
    } else {
      const [expected, actual] = await diff.both(step.argv);
      expect(actual.value.type, step.argv.join(" ")).toBe(expected.value.type);
    }
  }
  const collected: [string[], string[]] = [[], []];
  for (const [index, subscriber] of subscribers.entries()) {
    // The PING reply follows every message published before it on this connection.
    await subscriber.call("PING");
    collected[index] = subscriber.unsolicited.splice(0).map((reply) => reply.raw);
  }
  return collected;
}

/** Asserts each spec's arity, flags, key positions, ACL categories and tips match COMMAND INFO. */
export async function checkCommandMetadata(diff: DifferentialContext, specs: CommandSpec[]): Promise<void> {
  for (const spec of specs) {
    const name = fullName(spec);
    const reply = await diff.redis().call("COMMAND", "INFO", name);
    const [info] = list(reply.value);
    const [, arity, flags, firstKey, lastKey, step, categories, tips] = list(info);
    expect(
      {
        arity: spec.arity,
        flags: [...spec.flags].sort(),
        keys: [spec.firstKey, spec.lastKey, spec.keyStep],
        categories: [...spec.aclCategories].sort(),
        tips: [...spec.tips].sort(),
      },
      name,
    ).toEqual({
      arity: Number(text(arity)),
      flags: list(flags).map(text).sort(),
      keys: [Number(text(firstKey)), Number(text(lastKey)), Number(text(step))],
      categories: list(categories).map(text).sort(),
      tips: list(tips).map(text).sort(),
    });
  }
}
