/** Set commands: SADD, SPOP, SINTER, SUNIONSTORE, SSCAN, ... (Redis's "set" group). */
import type { Database } from "../database";
import { errors, fail } from "../errors";
import { RedisObject } from "../object";
import { ErrorReply, type Reply, SetReply } from "../protocol/reply";
import { SetValue } from "../structures/set";
import { registerElementsReader, registerEncoding, registerTypeCloner } from "../types";
import { globMatch } from "../util/glob";
import { parseInt64 } from "../util/numbers";
import {
  deleteIfEmpty,
  isToken,
  numkeysKeyPositions,
  readTyped,
  scanCursorArg,
  scanOptionsArg,
  signedCountArg,
  writeTyped,
} from "./args";
import { type ArgumentDoc, type CommandContext, type CommandSpec, defineCommand } from "./spec";

function maxIntsetEntries({ engine }: CommandContext): number {
  return engine.config.getNumber("set-max-intset-entries");
}

function announce({ engine, client }: CommandContext, event: string, key: string): void {
  client.db.signalModified(key);
  engine.notifyKeyspaceEvent("s", event, key, client.db.id);
}

/** A non-negative count argument; Redis answers `message` for non-integers and negatives alike. */
function positiveCountArg(text: string, message: string): number {
  const value = parseInt64(text);
  if (value === undefined || value < 0) fail(`ERR ${message}`);
  return Number(value);
}

function sadd(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  const set = writeTyped(db, key, "set")?.value ?? db.create(key, "set", new SetValue()).value;
  const max = maxIntsetEntries(ctx);
  let added = 0;
  for (let i = 2; i < argv.length; i++) if (set.add(argv[i]!, max)) added++;
  if (added > 0) announce(ctx, "sadd", key);
  return added;
}

function srem(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const set = writeTyped(ctx.client.db, key, "set")?.value;
  if (!set) return 0;
  let removed = 0;
  for (let i = 2; i < argv.length && set.size > 0; i++) if (set.delete(argv[i]!)) removed++;
  if (removed > 0) {
    announce(ctx, "srem", key);
    deleteIfEmpty(ctx, key, set.size);
  }
  return removed;
}

function sismember({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "set")?.value.has(argv[2]!) ? 1 : 0;
}

function smismember({ client }: CommandContext, argv: string[]): Reply {
  const set = readTyped(client.db, argv[1]!, "set")?.value;
  const replies: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) replies[i - 2] = set?.has(argv[i]!) ? 1 : 0;
  return replies;
}

function scard({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "set")?.value.size ?? 0;
}

function spop(ctx: CommandContext, argv: string[]): Reply {
  if (argv.length > 3) return errors.syntax;
  if (argv.length === 3) return spopWithCount(ctx, argv);
  const key = argv[1]!;
  const set = writeTyped(ctx.client.db, key, "set")?.value;
  if (!set) return null;
  const member = set.popRandom(ctx.engine.random)!;
  announce(ctx, "spop", key);
  deleteIfEmpty(ctx, key, set.size);
  return member;
}

function spopWithCount(ctx: CommandContext, argv: string[]): Reply {
  const count = positiveCountArg(argv[2]!, "value is out of range, must be positive");
  const key = argv[1]!;
  const set = writeTyped(ctx.client.db, key, "set")?.value;
  if (!set || count === 0) return new SetReply([]);
  announce(ctx, "spop", key);
  if (count >= set.size) {
    // Redis answers this case with its SUNION code, whose read counts one more keyspace hit.
    ctx.client.db.lookupRead(key);
    const members = [...set];
    deleteIfEmpty(ctx, key, 0);
    return new SetReply(members);
  }
  return new SetReply(set.popRandomMany(count, ctx.engine.random));
}

function srandmember({ engine, client }: CommandContext, argv: string[]): Reply {
  if (argv.length > 3) return errors.syntax;
  if (argv.length === 2) return readTyped(client.db, argv[1]!, "set")?.value.randomMember(engine.random) ?? null;
  const count = signedCountArg(argv[2]!);
  const set = readTyped(client.db, argv[1]!, "set")?.value;
  if (!set || count === 0) return [];
  if (count < 0) {
    const members = new Array<string>(-count);
    for (let i = 0; i < -count; i++) members[i] = set.randomMember(engine.random)!;
    return members;
  }
  if (count >= set.size) return [...set];
  return set.randomDistinct(count, engine.random);
}

function smove(ctx: CommandContext, argv: string[]): Reply {
  const [, source, destination, member] = argv as [string, string, string, string];
  const db = ctx.client.db;
  const sourceObject = db.lookupWrite(source);
  const destinationObject = db.lookupWrite(destination);
  if (!sourceObject) return 0;
  if (sourceObject.type !== "set" || (destinationObject && destinationObject.type !== "set")) return errors.wrongType;
  const sourceSet = (sourceObject as RedisObject<"set">).value;
  if (sourceObject === destinationObject) return sourceSet.has(member) ? 1 : 0;
  if (!sourceSet.delete(member)) return 0;
  announce(ctx, "srem", source);
  deleteIfEmpty(ctx, source, sourceSet.size);
  const destinationSet = destinationObject ? (destinationObject as RedisObject<"set">).value : db.create(destination, "set", new SetValue()).value;
  if (destinationSet.add(member, maxIntsetEntries(ctx))) announce(ctx, "sadd", destination);
  return 1;
}

/** The sets at `keys` (undefined for missing keys), WRONGTYPE if any holds another type. */
function lookupSets(db: Database, keys: string[]): (SetValue | undefined)[] {
  return keys.map((key) => readTyped(db, key, "set")?.value);
}

/**
 * Stores a computed set at `destination` (replacing whatever was there, TTL included), or
 * deletes `destination` when the result is empty. Replies with the stored cardinality.
 */
function storeResult(ctx: CommandContext, destination: string, result: SetValue, event: string): Reply {
  const db = ctx.client.db;
  if (result.size > 0) {
    db.set(destination, new RedisObject("set", result));
    announce(ctx, event, destination);
  } else if (db.delete(destination)) {
    db.signalModified(destination);
    ctx.engine.notifyKeyspaceEvent("g", "del", destination, db.id);
  }
  return result.size;
}

/** Members common to all sets, in the iteration order of the smallest one (as Redis). */
function intersect(sets: SetValue[], limit: number): string[] {
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size) as [SetValue, ...SetValue[]];
  const members: string[] = [];
  for (const member of smallest) {
    if (others.every((set) => set.has(member))) {
      members.push(member);
      if (members.length === limit) break;
    }
  }
  return members;
}

/** Intersection of the sets at `keys`, or undefined if one is missing (the result is empty). */
function intersectKeys(db: Database, keys: string[], limit = 0): string[] | undefined {
  const sets = lookupSets(db, keys);
  if (sets.some((set) => set === undefined)) return undefined;
  return intersect(sets as SetValue[], limit);
}

function sinter({ client }: CommandContext, argv: string[]): Reply {
  return new SetReply(intersectKeys(client.db, argv.slice(1)) ?? []);
}

function sinterstore(ctx: CommandContext, argv: string[]): Reply {
  const members = intersectKeys(ctx.client.db, argv.slice(2)) ?? [];
  const result = new SetValue();
  const max = maxIntsetEntries(ctx);
  for (const member of members) result.add(member, max);
  return storeResult(ctx, argv[1]!, result, "sinterstore");
}

function sintercard({ client }: CommandContext, argv: string[]): Reply {
  const numKeys = positiveCountArg(argv[1]!, "numkeys should be greater than 0");
  if (numKeys === 0) return new ErrorReply("ERR numkeys should be greater than 0");
  if (numKeys > argv.length - 2) return new ErrorReply("ERR Number of keys can't be greater than number of args");
  let limit = 0;
  for (let i = 2 + numKeys; i < argv.length; i += 2) {
    if (isToken(argv[i], "LIMIT") && i + 1 < argv.length) limit = positiveCountArg(argv[i + 1]!, "LIMIT can't be negative");
    else return errors.syntax;
  }
  return intersectKeys(client.db, argv.slice(2, 2 + numKeys), limit)?.length ?? 0;
}

/** The union of the sets (missing keys count as empty), built as Redis builds its result set. */
function union(sets: (SetValue | undefined)[], max: number): SetValue {
  const result = new SetValue();
  for (const set of sets) if (set) for (const member of set) result.add(member, max);
  return result;
}

/**
 * The first set minus all the others. Like Redis, picks the cheaper of "check each member of
 * the first set against the others" and "copy the first set, then remove the others".
 */
function difference(sets: (SetValue | undefined)[], max: number): SetValue {
  const result = new SetValue();
  const [first, ...others] = sets;
  if (!first) return result;
  const present = others.filter((set): set is SetValue => set !== undefined);
  const checkEachCost = (first.size * (present.length + 1)) / 2;
  const removeOthersCost = present.reduce((sum, set) => sum + set.size, first.size);
  if (checkEachCost <= removeOthersCost) {
    for (const member of first) if (!present.some((set) => set.has(member))) result.add(member, max);
    return result;
  }
  for (const member of first) result.add(member, max);
  for (const set of present) {
    for (const member of set) if (result.delete(member) && result.size === 0) return result;
  }
  return result;
}

function sunion(ctx: CommandContext, argv: string[]): Reply {
  return new SetReply([...union(lookupSets(ctx.client.db, argv.slice(1)), maxIntsetEntries(ctx))]);
}

function sunionstore(ctx: CommandContext, argv: string[]): Reply {
  const result = union(lookupSets(ctx.client.db, argv.slice(2)), maxIntsetEntries(ctx));
  return storeResult(ctx, argv[1]!, result, "sunionstore");
}

function sdiff(ctx: CommandContext, argv: string[]): Reply {
  return new SetReply([...difference(lookupSets(ctx.client.db, argv.slice(1)), maxIntsetEntries(ctx))]);
}

function sdiffstore(ctx: CommandContext, argv: string[]): Reply {
  const result = difference(lookupSets(ctx.client.db, argv.slice(2)), maxIntsetEntries(ctx));
  return storeResult(ctx, argv[1]!, result, "sdiffstore");
}

function sscan({ client }: CommandContext, argv: string[]): Reply {
  const cursor = scanCursorArg(argv[2]!);
  const set = readTyped(client.db, argv[1]!, "set")?.value;
  if (!set) return ["0", []];
  const { pattern, count } = scanOptionsArg(argv, 3, false);
  const members: string[] = [];
  const next = set.scan(cursor, count, (member) => {
    if (pattern === undefined || globMatch(pattern, member)) members.push(member);
  });
  return [String(next), members];
}

registerTypeCloner("set", (set) => set.clone());
registerEncoding("set", (set) => set.encoding);
registerElementsReader("set", (set) => [...set]);

const key: ArgumentDoc = { name: "key", type: "key" };
const keys: ArgumentDoc = { name: "key", type: "key", multiple: true };
const destination: ArgumentDoc = { name: "destination", type: "key" };
const member: ArgumentDoc = { name: "member", type: "string" };
const members: ArgumentDoc = { name: "member", type: "string", multiple: true };
const optionalCount: ArgumentDoc = { name: "count", type: "integer", optional: true };

type KeyRange = [number, number, number];
const oneKey: KeyRange = [1, 1, 1];
const allKeys: KeyRange = [1, -1, 1];
const readFast = { flags: "readonly fast", acl: "read set fast", keys: oneKey, group: "set" };
const readSlow = { flags: "readonly", acl: "read set slow", keys: oneKey, group: "set" };
const writeFast = { flags: "write fast", acl: "write set fast", keys: oneKey, group: "set" };
const store = { flags: "write denyoom", acl: "write set slow", keys: allKeys, group: "set", arguments: [destination, keys] };

const INTERSECTION_COMPLEXITY = "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.";
const ALL_MEMBERS_COMPLEXITY = "O(N) where N is the total number of elements in all given sets.";

export const commands: CommandSpec[] = [
  defineCommand("sadd", {
    ...writeFast,
    flags: "write denyoom fast",
    arity: -3,
    since: "1.0.0",
    summary: "Adds members to a set, creating the set if needed.",
    complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
    arguments: [key, members],
    handler: sadd,
  }),
  defineCommand("srem", {
    ...writeFast,
    arity: -3,
    since: "1.0.0",
    summary: "Removes members from a set, and the set itself once it is empty.",
    complexity: "O(N) where N is the number of members to be removed.",
    arguments: [key, members],
    handler: srem,
  }),
  defineCommand("smembers", {
    ...readSlow,
    arity: 2,
    since: "1.0.0",
    summary: "Lists every member of a set.",
    complexity: "O(N) where N is the set cardinality.",
    tips: "nondeterministic_output_order",
    arguments: [key],
    handler: sinter,
  }),
  defineCommand("sismember", {
    ...readFast,
    arity: 3,
    since: "1.0.0",
    summary: "Tells whether a value is a member of a set.",
    complexity: "O(1)",
    arguments: [key, member],
    handler: sismember,
  }),
  defineCommand("smismember", {
    ...readFast,
    arity: -3,
    since: "6.2.0",
    summary: "Tells, for each of several values, whether it is a member of a set.",
    complexity: "O(N) where N is the number of elements being checked for membership",
    arguments: [key, members],
    handler: smismember,
  }),
  defineCommand("scard", {
    ...readFast,
    arity: 2,
    since: "1.0.0",
    summary: "Counts the members of a set.",
    complexity: "O(1)",
    arguments: [key],
    handler: scard,
  }),
  defineCommand("spop", {
    ...writeFast,
    arity: -2,
    since: "1.0.0",
    summary: "Removes and returns one or more random members of a set.",
    complexity: "Without the count argument O(1), otherwise O(N) where N is the value of the passed count.",
    tips: "nondeterministic_output",
    arguments: [key, optionalCount],
    handler: spop,
  }),
  defineCommand("srandmember", {
    ...readSlow,
    arity: -2,
    since: "1.0.0",
    summary: "Returns random members of a set without removing them; a negative count allows repeats.",
    complexity: "Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.",
    tips: "nondeterministic_output",
    arguments: [key, optionalCount],
    handler: srandmember,
  }),
  defineCommand("smove", {
    ...writeFast,
    keys: [1, 2, 1],
    arity: 4,
    since: "1.0.0",
    summary: "Moves a member from one set to another.",
    complexity: "O(1)",
    arguments: [
      { name: "source", type: "key" },
      { name: "destination", type: "key" },
      member,
    ],
    handler: smove,
  }),
  defineCommand("sinter", {
    ...readSlow,
    keys: allKeys,
    arity: -2,
    since: "1.0.0",
    summary: "Returns the members present in every given set.",
    complexity: INTERSECTION_COMPLEXITY,
    tips: "nondeterministic_output_order",
    arguments: [keys],
    handler: sinter,
  }),
  defineCommand("sintercard", {
    ...readSlow,
    flags: "readonly movablekeys",
    keys: undefined,
    arity: -3,
    since: "7.0.0",
    summary: "Counts the members present in every given set, optionally stopping at a limit.",
    complexity: INTERSECTION_COMPLEXITY,
    arguments: [
      { name: "numkeys", type: "integer" },
      keys,
      { name: "limit", type: "integer", token: "LIMIT", optional: true },
    ],
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    handler: sintercard,
  }),
  defineCommand("sinterstore", {
    ...store,
    arity: -3,
    since: "1.0.0",
    summary: "Stores the intersection of sets in a key.",
    complexity: INTERSECTION_COMPLEXITY,
    handler: sinterstore,
  }),
  defineCommand("sunion", {
    ...readSlow,
    keys: allKeys,
    arity: -2,
    since: "1.0.0",
    summary: "Returns the members present in any of the given sets.",
    complexity: ALL_MEMBERS_COMPLEXITY,
    tips: "nondeterministic_output_order",
    arguments: [keys],
    handler: sunion,
  }),
  defineCommand("sunionstore", {
    ...store,
    arity: -3,
    since: "1.0.0",
    summary: "Stores the union of sets in a key.",
    complexity: ALL_MEMBERS_COMPLEXITY,
    handler: sunionstore,
  }),
  defineCommand("sdiff", {
    ...readSlow,
    keys: allKeys,
    arity: -2,
    since: "1.0.0",
    summary: "Returns the members of the first set that are in none of the others.",
    complexity: ALL_MEMBERS_COMPLEXITY,
    tips: "nondeterministic_output_order",
    arguments: [keys],
    handler: sdiff,
  }),
  defineCommand("sdiffstore", {
    ...store,
    arity: -3,
    since: "1.0.0",
    summary: "Stores the difference of the first set and the others in a key.",
    complexity: ALL_MEMBERS_COMPLEXITY,
    handler: sdiffstore,
  }),
  defineCommand("sscan", {
    ...readSlow,
    arity: -3,
    since: "2.8.0",
    summary: "Iterates over the members of a set with a cursor.",
    complexity:
      "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..",
    tips: "nondeterministic_output",
    arguments: [
      key,
      { name: "cursor", type: "integer" },
      { name: "pattern", type: "pattern", token: "MATCH", optional: true },
      { name: "count", type: "integer", token: "COUNT", optional: true },
    ],
    handler: sscan,
  }),
];
