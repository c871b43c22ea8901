/** Hash commands: HSET, HGET, HINCRBY, HRANDFIELD, HSCAN, ... (Redis's "hash" group). */
import type { Engine } from "../engine";
import { errors } from "../errors";
import { ErrorReply, MapReply, OK, type Reply } from "../protocol/reply";
import { type HashLimits, HashValue } from "../structures/hash";
import { globMatch } from "../util/glob";
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from "../util/long-double";
import { registerEncoding, registerHashFieldReader, registerTypeCloner } from "../types";
import { INT64_RANGE, parseInt64 } from "../util/numbers";
import { deleteIfEmpty, isToken, readTyped, scanCursorArg, scanOptionsArg, signedCountArg, writeTyped } from "./args";
import { type ArgumentDoc, type CommandContext, type CommandSpec, defineCommand } from "./spec";

/** With WITHVALUES Redis refuses counts past ±LONG_MAX/2 (the reply length would overflow). */
const MAX_COUNT_WITH_VALUES = (2n ** 63n - 1n) / 2n;
const LONG_DOUBLE_ZERO = parseLongDouble("0")!;

function hashLimits(engine: Engine): HashLimits {
  return {
    maxListpackEntries: engine.config.getNumber("hash-max-listpack-entries"),
    maxListpackValue: engine.config.getNumber("hash-max-listpack-value"),
  };
}

/** The hash at `key` for a write, created empty when missing (it is filled right after). */
function hashForWrite({ client }: CommandContext, key: string): HashValue {
  const object = writeTyped(client.db, key, "hash");
  return object ? object.value : client.db.create(key, "hash", new HashValue()).value;
}

function announce({ engine, client }: CommandContext, event: string, key: string): void {
  client.db.signalModified(key);
  engine.notifyKeyspaceEvent("h", event, key, client.db.id);
}

/** HSET and HMSET: set field/value pairs; the reply is the count of new fields (or OK). */
function setPairs(ctx: CommandContext, argv: string[]): number {
  const key = argv[1]!;
  const hash = hashForWrite(ctx, key);
  const limits = hashLimits(ctx.engine);
  let added = 0;
  for (let i = 2; i < argv.length; i += 2) if (hash.set(argv[i]!, argv[i + 1]!, limits)) added++;
  announce(ctx, "hset", key);
  return added;
}

function hset(ctx: CommandContext, argv: string[]): Reply {
  if (argv.length % 2 === 1) return errors.wrongArity("hset");
  return setPairs(ctx, argv);
}

function hmset(ctx: CommandContext, argv: string[]): Reply {
  if (argv.length % 2 === 1) return errors.wrongArity("hmset");
  setPairs(ctx, argv);
  return OK;
}

function hsetnx(ctx: CommandContext, argv: string[]): Reply {
  const [, key, field, value] = argv as [string, string, string, string];
  const hash = hashForWrite(ctx, key);
  if (hash.has(field)) return 0;
  hash.set(field, value, hashLimits(ctx.engine));
  announce(ctx, "hset", key);
  return 1;
}

function hget({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "hash")?.value.get(argv[2]!) ?? null;
}

function hmget({ client }: CommandContext, argv: string[]): Reply {
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  const values: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) values[i - 2] = hash?.get(argv[i]!) ?? null;
  return values;
}

function hdel(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const hash = writeTyped(ctx.client.db, key, "hash")?.value;
  if (!hash) return 0;
  let deleted = 0;
  for (let i = 2; i < argv.length && hash.size > 0; i++) if (hash.delete(argv[i]!)) deleted++;
  if (deleted > 0) {
    announce(ctx, "hdel", key);
    deleteIfEmpty(ctx, key, hash.size);
  }
  return deleted;
}

function hlen({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "hash")?.value.size ?? 0;
}

function hstrlen({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "hash")?.value.get(argv[2]!)?.length ?? 0;
}

function hexists({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "hash")?.value.has(argv[2]!) ? 1 : 0;
}

function hkeys({ client }: CommandContext, argv: string[]): Reply {
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  return hash ? [...hash.keys()] : [];
}

function hvals({ client }: CommandContext, argv: string[]): Reply {
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  const values: Reply[] = [];
  if (hash) for (const [, value] of hash) values.push(value);
  return values;
}

function hgetall({ client }: CommandContext, argv: string[]): Reply {
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  const entries: Reply[] = [];
  if (hash) for (const [field, value] of hash) entries.push(field, value);
  return new MapReply(entries);
}

function hincrby(ctx: CommandContext, argv: string[]): Reply {
  const [, key, field, incrementText] = argv as [string, string, string, string];
  const increment = parseInt64(incrementText);
  if (increment === undefined) return errors.notInteger;
  const hash = hashForWrite(ctx, key);
  const current = hash.get(field);
  const base = current === undefined ? 0 : parseInt64(current);
  if (base === undefined) return new ErrorReply("ERR hash value is not an integer");
  let result: number | bigint;
  const quick = typeof base === "number" && typeof increment === "number" ? base + increment : Number.NaN;
  if (Number.isSafeInteger(quick)) {
    result = quick;
  } else {
    const exact = BigInt(base) + BigInt(increment);
    if (exact < INT64_RANGE.min || exact > INT64_RANGE.max) return errors.overflow;
    result = exact;
  }
  hash.set(field, String(result), hashLimits(ctx.engine));
  announce(ctx, "hincrby", key);
  return result;
}

function hincrbyfloat(ctx: CommandContext, argv: string[]): Reply {
  const [, key, field, incrementText] = argv as [string, string, string, string];
  const increment = parseLongDouble(incrementText);
  if (increment === undefined) return errors.notFloat;
  if (increment.infinite) return new ErrorReply("ERR value is NaN or Infinity");
  const hash = hashForWrite(ctx, key);
  const currentText = hash.get(field);
  const current = currentText === undefined ? LONG_DOUBLE_ZERO : parseLongDouble(currentText);
  if (current === undefined) return new ErrorReply("ERR hash value is not a float");
  const result = current.infinite ? current : addLongDouble(current, increment);
  if (result.infinite) return new ErrorReply("ERR increment would produce NaN or Infinity");
  const text = formatLongDoubleHuman(result);
  hash.set(field, text, hashLimits(ctx.engine));
  announce(ctx, "hincrbyfloat", key);
  return text;
}

function hrandfield(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  if (argv.length === 2) {
    const hash = readTyped(client.db, argv[1]!, "hash")?.value;
    return hash ? hash.randomField(engine.random)! : null;
  }
  const count = signedCountArg(argv[2]!);
  if (argv.length > 4 || (argv.length === 4 && !isToken(argv[3], "WITHVALUES"))) return errors.syntax;
  const withValues = argv.length === 4;
  if (withValues && (BigInt(argv[2]!) > MAX_COUNT_WITH_VALUES || BigInt(argv[2]!) < -MAX_COUNT_WITH_VALUES)) {
    return new ErrorReply("ERR value is out of range");
  }
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  if (!hash || count === 0) return [];
  const fields = randomFields(hash, count, engine.random);
  const reply: Reply[] = [];
  for (const field of fields) {
    if (!withValues) reply.push(field);
    else if (client.protocol === 3) reply.push([field, hash.get(field)!]);
    else reply.push(field, hash.get(field)!);
  }
  return reply;
}

/** HRANDFIELD's fields: repeats allowed for a negative count, else distinct (all when count ≥ size). */
function randomFields(hash: HashValue, count: number, random: () => number): string[] {
  if (count < 0) {
    const fields = new Array<string>(-count);
    for (let i = 0; i < -count; i++) fields[i] = hash.randomField(random)!;
    return fields;
  }
  return count >= hash.size ? [...hash.keys()] : hash.randomDistinct(count, random);
}

function hscan({ client }: CommandContext, argv: string[]): Reply {
  const cursor = scanCursorArg(argv[2]!);
  const hash = readTyped(client.db, argv[1]!, "hash")?.value;
  if (!hash) return ["0", []];
  const { pattern, count } = scanOptionsArg(argv, 3, false);
  const items: string[] = [];
  const next = hash.scan(cursor, count, (field, value) => {
    if (pattern === undefined || globMatch(pattern, field)) items.push(field, value);
  });
  return [String(next), items];
}

registerTypeCloner("hash", (hash) => hash.clone());
registerEncoding("hash", (hash) => hash.encoding);
registerHashFieldReader((hash, field) => hash.get(field));

const key: ArgumentDoc = { name: "key", type: "key" };
const field: ArgumentDoc = { name: "field", type: "string" };
const fields: ArgumentDoc = { name: "field", type: "string", multiple: true };
const fieldValues: ArgumentDoc = {
  name: "field_value",
  type: "block",
  multiple: true,
  arguments: [field, { name: "value", type: "string" }],
};
const scanArguments: ArgumentDoc[] = [
  key,
  { name: "cursor", type: "integer" },
  { name: "pattern", type: "pattern", token: "MATCH", optional: true },
  { name: "count", type: "integer", token: "COUNT", optional: true },
];

const readFast = { flags: "readonly fast", acl: "read hash fast", keys: [1, 1, 1] as [number, number, number], group: "hash" };
const readSlow = { flags: "readonly", acl: "read hash slow", keys: [1, 1, 1] as [number, number, number], group: "hash" };
const writeFast = { flags: "write denyoom fast", acl: "write hash fast", keys: [1, 1, 1] as [number, number, number], group: "hash" };

export const commands: CommandSpec[] = [
  defineCommand("hset", {
    ...writeFast,
    arity: -4,
    since: "2.0.0",
    summary: "Sets one or more fields of a hash, creating the hash if needed.",
    complexity:
      "O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.",
    arguments: [key, fieldValues],
    handler: hset,
  }),
  defineCommand("hsetnx", {
    ...writeFast,
    arity: 4,
    since: "2.0.0",
    summary: "Sets a hash field only when that field is not set yet.",
    complexity: "O(1)",
    arguments: [key, field, { name: "value", type: "string" }],
    handler: hsetnx,
  }),
  defineCommand("hget", {
    ...readFast,
    arity: 3,
    since: "2.0.0",
    summary: "Returns the value stored in one field of a hash.",
    complexity: "O(1)",
    arguments: [key, field],
    handler: hget,
  }),
  defineCommand("hmset", {
    ...writeFast,
    arity: -4,
    since: "2.0.0",
    summary: "Sets several hash fields at once (deprecated: HSET does the same).",
    complexity: "O(N) where N is the number of fields being set.",
    arguments: [key, fieldValues],
    handler: hmset,
  }),
  defineCommand("hmget", {
    ...readFast,
    arity: -3,
    since: "2.0.0",
    summary: "Returns the values of several hash fields, nil for missing ones.",
    complexity: "O(N) where N is the number of fields being requested.",
    arguments: [key, fields],
    handler: hmget,
  }),
  defineCommand("hdel", {
    ...writeFast,
    flags: "write fast",
    arity: -3,
    since: "2.0.0",
    summary: "Removes fields from a hash, and the hash itself once it is empty.",
    complexity: "O(N) where N is the number of fields to be removed.",
    arguments: [key, fields],
    handler: hdel,
  }),
  defineCommand("hlen", {
    ...readFast,
    arity: 2,
    since: "2.0.0",
    summary: "Counts the fields of a hash.",
    complexity: "O(1)",
    arguments: [key],
    handler: hlen,
  }),
  defineCommand("hstrlen", {
    ...readFast,
    arity: 3,
    since: "3.2.0",
    summary: "Returns the byte length of a hash field's value.",
    complexity: "O(1)",
    arguments: [key, field],
    handler: hstrlen,
  }),
  defineCommand("hexists", {
    ...readFast,
    arity: 3,
    since: "2.0.0",
    summary: "Tells whether a hash has a given field.",
    complexity: "O(1)",
    arguments: [key, field],
    handler: hexists,
  }),
  defineCommand("hkeys", {
    ...readSlow,
    arity: 2,
    since: "2.0.0",
    summary: "Lists the field names of a hash.",
    complexity: "O(N) where N is the size of the hash.",
    tips: "nondeterministic_output_order",
    arguments: [key],
    handler: hkeys,
  }),
  defineCommand("hvals", {
    ...readSlow,
    arity: 2,
    since: "2.0.0",
    summary: "Lists the values of a hash.",
    complexity: "O(N) where N is the size of the hash.",
    tips: "nondeterministic_output_order",
    arguments: [key],
    handler: hvals,
  }),
  defineCommand("hgetall", {
    ...readSlow,
    arity: 2,
    since: "2.0.0",
    summary: "Returns every field of a hash with its value.",
    complexity: "O(N) where N is the size of the hash.",
    tips: "nondeterministic_output_order",
    arguments: [key],
    handler: hgetall,
  }),
  defineCommand("hincrby", {
    ...writeFast,
    arity: 4,
    since: "2.0.0",
    summary: "Adds an integer to the number stored in a hash field.",
    complexity: "O(1)",
    arguments: [key, field, { name: "increment", type: "integer" }],
    handler: hincrby,
  }),
  defineCommand("hincrbyfloat", {
    ...writeFast,
    arity: 4,
    since: "2.6.0",
    summary: "Adds a floating point number to the number stored in a hash field.",
    complexity: "O(1)",
    arguments: [key, field, { name: "increment", type: "double" }],
    handler: hincrbyfloat,
  }),
  defineCommand("hrandfield", {
    ...readSlow,
    arity: -2,
    since: "6.2.0",
    summary: "Picks random fields of a hash, optionally with their values.",
    complexity: "O(N) where N is the number of fields returned",
    tips: "nondeterministic_output",
    arguments: [
      key,
      {
        name: "options",
        type: "block",
        optional: true,
        arguments: [
          { name: "count", type: "integer" },
          { name: "withvalues", type: "pure-token", token: "WITHVALUES", optional: true },
        ],
      },
    ],
    handler: hrandfield,
  }),
  defineCommand("hscan", {
    ...readSlow,
    arity: -3,
    since: "2.8.0",
    summary: "Iterates over the fields and values of a hash with a cursor.",
    complexity:
      "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..",
    tips: "nondeterministic_output",
    arguments: scanArguments,
    handler: hscan,
  }),
];
