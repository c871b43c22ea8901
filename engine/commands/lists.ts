/**
 * List commands (Redis's t_list.c): pushes and pops at both ends, index access, ranges, LPOS,
 * LMOVE and the blocking variants BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and BLMPOP.
 */
import { errors, fail } from "../errors";
import { NULL_ARRAY, ErrorReply, OK, type Reply } from "../protocol/reply";
import type { RedisObject } from "../object";
import { ListValue } from "../structures/list";
import { INT64_RANGE, parseInt64 } from "../util/numbers";
import { registerListBuilder } from "../types";
import { deleteIfEmpty, integerArg, isToken, multiPopArgs, numkeysKeyPositions, readTyped, timeoutArg, writeTyped } from "./args";
import { type CommandContext, type CommandSpec, type HandlerResult, defineCommand } from "./spec";

registerListBuilder((items) => ListValue.from(items));

type End = "left" | "right";

/** LEFT/RIGHT (BEFORE/AFTER have their own parser); a syntax error otherwise. */
function endArg(text: string): End {
  if (isToken(text, "LEFT")) return "left";
  if (isToken(text, "RIGHT")) return "right";
  fail(errors.syntax);
}

/** A count that must be >= 0, with one message for junk and negatives alike (getPositiveLong). */
function nonNegativeArg(text: string, message: string): number {
  const error = new ErrorReply(message);
  const value = integerArg(text, error);
  if (value < 0) fail(error);
  return value;
}

function push(list: ListValue, end: End, element: string): void {
  if (end === "left") list.pushFront(element);
  else list.pushBack(element);
}

function pop(list: ListValue, end: End): string {
  return (end === "left" ? list.popFront() : list.popBack())!;
}

/** Pops up to `count` elements, in pop order. */
function popMany(list: ListValue, end: End, count: number): string[] {
  const popped: string[] = new Array(Math.min(count, list.length));
  for (let i = 0; i < popped.length; i++) popped[i] = pop(list, end);
  return popped;
}

/** Announces elements popped from `end` and deletes the key if the list is now empty. */
function elementsRemoved(ctx: CommandContext, key: string, end: End, list: ListValue): void {
  const { engine, client } = ctx;
  engine.notifyKeyspaceEvent("l", end === "left" ? "lpop" : "rpop", key, client.db.id);
  deleteIfEmpty(ctx, key, list.length);
  client.db.signalModified(key);
}

/** The list under `key`, created empty (and announced to blocked clients) if missing. */
function listForPush(ctx: CommandContext, key: string): ListValue {
  const db = ctx.client.db;
  const existing = writeTyped(db, key, "list");
  if (existing) return existing.value;
  const created = db.create(key, "list", new ListValue());
  ctx.engine.signalKeyAsReady(db, key);
  return created.value;
}

// ---- pushes -------------------------------------------------------------------------------

function pushGeneric(ctx: CommandContext, argv: string[], end: End, onlyExisting: boolean): Reply {
  const { engine, client } = ctx;
  const key = argv[1]!;
  if (onlyExisting && !writeTyped(client.db, key, "list")) return 0;
  const list = listForPush(ctx, key);
  for (let i = 2; i < argv.length; i++) push(list, end, argv[i]!);
  client.db.signalModified(key);
  engine.notifyKeyspaceEvent("l", end === "left" ? "lpush" : "rpush", key, client.db.id);
  return list.length;
}

const lpushCommand = (ctx: CommandContext, argv: string[]) => pushGeneric(ctx, argv, "left", false);
const rpushCommand = (ctx: CommandContext, argv: string[]) => pushGeneric(ctx, argv, "right", false);
const lpushxCommand = (ctx: CommandContext, argv: string[]) => pushGeneric(ctx, argv, "left", true);
const rpushxCommand = (ctx: CommandContext, argv: string[]) => pushGeneric(ctx, argv, "right", true);

function linsertCommand(ctx: CommandContext, argv: string[]): Reply {
  const [, key, position, pivot, element] = argv as [string, string, string, string, string];
  let after: boolean;
  if (isToken(position, "AFTER")) after = true;
  else if (isToken(position, "BEFORE")) after = false;
  else return errors.syntax;
  const object = writeTyped(ctx.client.db, key, "list");
  if (!object) return 0;
  const list = object.value;
  let index = -1;
  for (let i = 0; i < list.length; i++) {
    if (list.at(i) === pivot) {
      index = i;
      break;
    }
  }
  if (index < 0) return -1;
  list.insertAt(after ? index + 1 : index, element);
  ctx.client.db.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("l", "linsert", key, ctx.client.db.id);
  return list.length;
}

// ---- pops ---------------------------------------------------------------------------------

function popGeneric(ctx: CommandContext, argv: string[], end: End): Reply {
  if (argv.length > 3) return errors.wrongArity(argv[0]!.toLowerCase());
  const hasCount = argv.length === 3;
  const count = hasCount ? nonNegativeArg(argv[2]!, "ERR value is out of range, must be positive") : 0;
  const key = argv[1]!;
  const object = writeTyped(ctx.client.db, key, "list");
  if (!object) return hasCount ? NULL_ARRAY : null;
  if (hasCount && count === 0) return [];
  const list = object.value;
  let reply: Reply;
  if (!hasCount) {
    reply = pop(list, end);
  } else {
    reply = popMany(list, end, count);
  }
  elementsRemoved(ctx, key, end, list);
  return reply;
}

const lpopCommand = (ctx: CommandContext, argv: string[]) => popGeneric(ctx, argv, "left");
const rpopCommand = (ctx: CommandContext, argv: string[]) => popGeneric(ctx, argv, "right");

/** Pops up to `count` elements of a non-empty list: the [key, [elements]] reply of LMPOP. */
function popRangeWithKey(ctx: CommandContext, key: string, list: ListValue, end: End, count: number): Reply {
  const popped = popMany(list, end, count);
  elementsRemoved(ctx, key, end, list);
  return [key, popped];
}

/**
 * BLPOP/BRPOP/BLMPOP/LMPOP over `keys`: serves the first non-empty list; undefined when every
 * list is empty. `count` undefined means the [key, element] reply of BLPOP/BRPOP.
 */
function popFirstNonEmpty(ctx: CommandContext, keys: string[], end: End, count: number | undefined): Reply | undefined {
  for (const key of keys) {
    const object = writeTyped(ctx.client.db, key, "list");
    if (!object) continue;
    return popFromList(ctx, key, object.value, end, count);
  }
  return undefined;
}

function popFromList(ctx: CommandContext, key: string, list: ListValue, end: End, count: number | undefined): Reply {
  if (count !== undefined) return popRangeWithKey(ctx, key, list, end, count);
  const element = pop(list, end);
  elementsRemoved(ctx, key, end, list);
  return [key, element];
}

/** Retry of a blocked pop: Redis 7.0 serves it only from the key that became ready, if it holds a list. */
function popFromReadyKey(ctx: CommandContext, readyKey: string, end: End, count: number | undefined): Reply | undefined {
  const object = ctx.client.db.lookupWrite(readyKey);
  if (object?.type !== "list") return undefined;
  return popFromList(ctx, readyKey, (object as RedisObject<"list">).value, end, count);
}

function blockingPop(ctx: CommandContext, argv: string[], keys: string[], end: End, timeoutText: string, count: number | undefined): HandlerResult {
  const timeout = timeoutArg(timeoutText);
  const served = popFirstNonEmpty(ctx, keys, end, count);
  if (served !== undefined) return served;
  if (ctx.nonBlocking) return NULL_ARRAY;
  return ctx.engine.block(ctx, ctx.client.currentCommand!, argv, keys, timeout,
    (readyKey) => popFromReadyKey(ctx, readyKey, end, count), () => NULL_ARRAY);
}

const blpopCommand = (ctx: CommandContext, argv: string[]) => blockingPop(ctx, argv, argv.slice(1, -1), "left", argv[argv.length - 1]!, undefined);
const brpopCommand = (ctx: CommandContext, argv: string[]) => blockingPop(ctx, argv, argv.slice(1, -1), "right", argv[argv.length - 1]!, undefined);

/** LMPOP/BLMPOP: numkeys key [key ...] LEFT|RIGHT [COUNT count], numkeys at `numkeysIndex`. */
function mpopGeneric(ctx: CommandContext, argv: string[], numkeysIndex: number, blocking: boolean): HandlerResult {
  const { keys, fromFirstEnd, count } = multiPopArgs(argv, numkeysIndex, ["LEFT", "RIGHT"]);
  const end = fromFirstEnd ? "left" : "right";
  if (blocking) return blockingPop(ctx, argv, keys, end, argv[1]!, count);
  return popFirstNonEmpty(ctx, keys, end, count) ?? NULL_ARRAY;
}

const lmpopCommand = (ctx: CommandContext, argv: string[]) => mpopGeneric(ctx, argv, 1, false);
const blmpopCommand = (ctx: CommandContext, argv: string[]) => mpopGeneric(ctx, argv, 2, true);

// ---- moves --------------------------------------------------------------------------------

/** Moves one element from a non-empty `source` list to `destination`; replies with it. */
function moveElement(ctx: CommandContext, source: string, list: ListValue, destination: string, from: End, to: End): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  // Type-check the destination before anything changes, as Redis does.
  writeTyped(db, destination, "list");
  const element = pop(list, from);
  const target = listForPush(ctx, destination);
  db.signalModified(destination);
  push(target, to, element);
  engine.notifyKeyspaceEvent("l", to === "left" ? "lpush" : "rpush", destination, db.id);
  elementsRemoved(ctx, source, from, list);
  return element;
}

function lmoveGeneric(ctx: CommandContext, source: string, destination: string, from: End, to: End): Reply {
  const object = writeTyped(ctx.client.db, source, "list");
  if (!object) return null;
  return moveElement(ctx, source, object.value, destination, from, to);
}

function blmoveGeneric(ctx: CommandContext, argv: string[], from: End, to: End, timeout: number): HandlerResult {
  const [, source, destination] = argv as [string, string, string];
  const object = writeTyped(ctx.client.db, source, "list");
  if (object) return moveElement(ctx, source, object.value, destination, from, to);
  if (ctx.nonBlocking) return null;
  const retry = (): Reply | undefined => {
    const ready = ctx.client.db.lookupWrite(source);
    if (ready?.type !== "list") return undefined;
    return moveElement(ctx, source, (ready as RedisObject<"list">).value, destination, from, to);
  };
  return ctx.engine.block(ctx, ctx.client.currentCommand!, argv, [source], timeout, retry, () => NULL_ARRAY);
}

function lmoveCommand(ctx: CommandContext, argv: string[]): Reply {
  const from = endArg(argv[3]!);
  const to = endArg(argv[4]!);
  return lmoveGeneric(ctx, argv[1]!, argv[2]!, from, to);
}

function rpoplpushCommand(ctx: CommandContext, argv: string[]): Reply {
  return lmoveGeneric(ctx, argv[1]!, argv[2]!, "right", "left");
}

function blmoveCommand(ctx: CommandContext, argv: string[]): HandlerResult {
  const from = endArg(argv[3]!);
  const to = endArg(argv[4]!);
  return blmoveGeneric(ctx, argv, from, to, timeoutArg(argv[5]!));
}

function brpoplpushCommand(ctx: CommandContext, argv: string[]): HandlerResult {
  return blmoveGeneric(ctx, argv, "right", "left", timeoutArg(argv[3]!));
}

// ---- reads and in-place edits -------------------------------------------------------------

function llenCommand({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "list")?.value.length ?? 0;
}

function lindexCommand({ client }: CommandContext, argv: string[]): Reply {
  const object = readTyped(client.db, argv[1]!, "list");
  if (!object) return null;
  const index = integerArg(argv[2]!);
  const list = object.value;
  return list.at(index < 0 ? list.length + index : index) ?? null;
}

function lsetCommand(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const key = argv[1]!;
  const object = writeTyped(client.db, key, "list");
  if (!object) return errors.noSuchKey;
  const index = integerArg(argv[2]!);
  const list = object.value;
  const position = index < 0 ? list.length + index : index;
  if (position < 0 || position >= list.length) return errors.outOfRange;
  list.set(position, argv[3]!);
  client.db.signalModified(key);
  engine.notifyKeyspaceEvent("l", "lset", key, client.db.id);
  return OK;
}

/** Clamps a start/stop pair like Redis; undefined when the range is empty. */
function clampRange(start: number, stop: number, length: number): [number, number] | undefined {
  if (start < 0) start = length + start;
  if (stop < 0) stop = length + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= length) return undefined;
  return [start, Math.min(stop, length - 1)];
}

function lrangeCommand({ client }: CommandContext, argv: string[]): Reply {
  const start = integerArg(argv[2]!);
  const stop = integerArg(argv[3]!);
  const object = readTyped(client.db, argv[1]!, "list");
  if (!object) return [];
  const range = clampRange(start, stop, object.value.length);
  return range ? object.value.slice(range[0], range[1]) : [];
}

function ltrimCommand(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const key = argv[1]!;
  const start = integerArg(argv[2]!);
  const stop = integerArg(argv[3]!);
  const object = writeTyped(client.db, key, "list");
  if (!object) return OK;
  const list = object.value;
  const range = clampRange(start, stop, list.length);
  if (range) list.trim(range[0], list.length - range[1] - 1);
  else list.clear();
  engine.notifyKeyspaceEvent("l", "ltrim", key, client.db.id);
  deleteIfEmpty(ctx, key, list.length);
  client.db.signalModified(key);
  return OK;
}

function lremCommand(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const key = argv[1]!;
  const count = integerArg(argv[2]!);
  const element = argv[3]!;
  const object = writeTyped(client.db, key, "list");
  if (!object) return 0;
  const list = object.value;
  const removed = list.removeWhere((value) => value === element, Math.abs(count), count < 0);
  if (removed > 0) engine.notifyKeyspaceEvent("l", "lrem", key, client.db.id);
  deleteIfEmpty(ctx, key, list.length);
  if (removed > 0) client.db.signalModified(key);
  return removed;
}

function lposCommand({ client }: CommandContext, argv: string[]): Reply {
  const element = argv[2]!;
  let rank = 1;
  let count = -1;
  let maxlen = 0;
  for (let i = 3; i < argv.length; i++) {
    const hasValue = i + 1 < argv.length;
    if (hasValue && isToken(argv[i], "RANK")) {
      const text = argv[++i]!;
      // Redis negates LONG_MIN into itself, which then behaves like RANK -1.
      rank = parseInt64(text) === INT64_RANGE.min ? -1 : integerArg(text);
      if (rank === 0) {
        return new ErrorReply(
          "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
        );
      }
    } else if (hasValue && isToken(argv[i], "COUNT")) {
      count = nonNegativeArg(argv[++i]!, "ERR COUNT can't be negative");
    } else if (hasValue && isToken(argv[i], "MAXLEN")) {
      maxlen = nonNegativeArg(argv[++i]!, "ERR MAXLEN can't be negative");
    } else {
      return errors.syntax;
    }
  }
  const fromTail = rank < 0;
  if (fromTail) rank = -rank;
  const object = readTyped(client.db, argv[1]!, "list");
  if (!object) return count !== -1 ? [] : null;
  const list = object.value;
  const length = list.length;
  const limit = maxlen === 0 ? length : Math.min(maxlen, length);
  const positions: number[] = [];
  let matches = 0;
  for (let scanned = 0; scanned < limit; scanned++) {
    const index = fromTail ? length - 1 - scanned : scanned;
    if (list.at(index) !== element) continue;
    matches++;
    if (matches < rank) continue;
    if (count === -1) return index;
    positions.push(index);
    if (count !== 0 && positions.length >= count) break;
  }
  return count === -1 ? null : positions;
}

export const commands: CommandSpec[] = [
  defineCommand("lpush", {
    arity: -3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "1.0.0",
    summary: "Inserts elements at the head of a list, creating it if needed.",
    complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string", multiple: true }],
    handler: lpushCommand,
  }),
  defineCommand("rpush", {
    arity: -3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "1.0.0",
    summary: "Appends elements at the tail of a list, creating it if needed.",
    complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string", multiple: true }],
    handler: rpushCommand,
  }),
  defineCommand("lpushx", {
    arity: -3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "2.2.0",
    summary: "Inserts elements at the head of a list, only when the list already exists.",
    complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string", multiple: true }],
    handler: lpushxCommand,
  }),
  defineCommand("rpushx", {
    arity: -3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "2.2.0",
    summary: "Appends elements at the tail of a list, only when the list already exists.",
    complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string", multiple: true }],
    handler: rpushxCommand,
  }),
  defineCommand("lpop", {
    arity: -2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "1.0.0",
    summary: "Removes and returns one or more elements from the head of a list.",
    complexity: "O(N) where N is the number of elements returned",
    arguments: [{ name: "key", type: "key" }, { name: "count", type: "integer", optional: true }],
    handler: lpopCommand,
  }),
  defineCommand("rpop", {
    arity: -2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write list fast",
    group: "list",
    since: "1.0.0",
    summary: "Removes and returns one or more elements from the tail of a list.",
    complexity: "O(N) where N is the number of elements returned",
    arguments: [{ name: "key", type: "key" }, { name: "count", type: "integer", optional: true }],
    handler: rpopCommand,
  }),
  defineCommand("llen", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read list fast",
    group: "list",
    since: "1.0.0",
    summary: "Returns the number of elements in a list.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: llenCommand,
  }),
  defineCommand("lindex", {
    arity: 3,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read list slow",
    group: "list",
    since: "1.0.0",
    summary: "Returns the element at a position of a list.",
    complexity: "O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).",
    arguments: [{ name: "key", type: "key" }, { name: "index", type: "integer" }],
    handler: lindexCommand,
  }),
  defineCommand("lset", {
    arity: 4,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write list slow",
    group: "list",
    since: "1.0.0",
    summary: "Replaces the element at a position of a list.",
    complexity: "O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).",
    arguments: [{ name: "key", type: "key" }, { name: "index", type: "integer" }, { name: "element", type: "string" }],
    handler: lsetCommand,
  }),
  defineCommand("lrange", {
    arity: 4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read list slow",
    group: "list",
    since: "1.0.0",
    summary: "Returns a slice of a list by index range.",
    complexity: "O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "stop", type: "integer" }],
    handler: lrangeCommand,
  }),
  defineCommand("ltrim", {
    arity: 4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write list slow",
    group: "list",
    since: "1.0.0",
    summary: "Keeps only an index range of a list and drops the rest.",
    complexity: "O(N) where N is the number of elements to be removed by the operation.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "stop", type: "integer" }],
    handler: ltrimCommand,
  }),
  defineCommand("lrem", {
    arity: 4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write list slow",
    group: "list",
    since: "1.0.0",
    summary: "Removes occurrences of an element from a list.",
    complexity: "O(N+M) where N is the length of the list and M is the number of elements removed.",
    arguments: [{ name: "key", type: "key" }, { name: "count", type: "integer" }, { name: "element", type: "string" }],
    handler: lremCommand,
  }),
  defineCommand("linsert", {
    arity: 5,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write list slow",
    group: "list",
    since: "2.2.0",
    summary: "Inserts an element before or after a pivot element of a list.",
    complexity: "O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).",
    arguments: [{ name: "key", type: "key" }, { name: "where", type: "oneof", arguments: [{ name: "before", type: "pure-token", token: "BEFORE" }, { name: "after", type: "pure-token", token: "AFTER" }] }, { name: "pivot", type: "string" }, { name: "element", type: "string" }],
    handler: linsertCommand,
  }),
  defineCommand("lpos", {
    arity: -3,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read list slow",
    group: "list",
    since: "6.0.6",
    summary: "Finds the positions of elements equal to a value in a list.",
    complexity: "O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string" }, { name: "rank", type: "integer", token: "RANK", optional: true }, { name: "num-matches", type: "integer", token: "COUNT", optional: true }, { name: "len", type: "integer", token: "MAXLEN", optional: true }],
    handler: lposCommand,
  }),
  defineCommand("lmove", {
    arity: 5,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "write list slow",
    group: "list",
    since: "6.2.0",
    summary: "Pops an element from one end of a list and pushes it onto an end of another.",
    complexity: "O(1)",
    arguments: [{ name: "source", type: "key" }, { name: "destination", type: "key" }, { name: "wherefrom", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }, { name: "whereto", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }],
    handler: lmoveCommand,
  }),
  defineCommand("rpoplpush", {
    arity: 3,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "write list slow",
    group: "list",
    since: "1.2.0",
    summary: "Pops the tail of a list and pushes it onto the head of another (deprecated form of LMOVE).",
    complexity: "O(1)",
    arguments: [{ name: "source", type: "key" }, { name: "destination", type: "key" }],
    handler: rpoplpushCommand,
  }),
  defineCommand("lmpop", {
    arity: -4,
    flags: "write movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "write list slow",
    group: "list",
    since: "7.0.0",
    summary: "Pops one or more elements from the first non-empty list among several keys.",
    complexity: "O(N+M) where N is the number of provided keys and M is the number of elements returned.",
    arguments: [{ name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "where", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: lmpopCommand,
  }),
  defineCommand("blpop", {
    arity: -3,
    flags: "write noscript blocking",
    keys: [1, -2, 1],
    acl: "write list slow blocking",
    group: "list",
    since: "2.0.0",
    summary: "Pops the head of the first non-empty list, waiting for one if all are empty.",
    complexity: "O(N) where N is the number of provided keys.",
    arguments: [{ name: "key", type: "key", multiple: true }, { name: "timeout", type: "double" }],
    handler: blpopCommand,
  }),
  defineCommand("brpop", {
    arity: -3,
    flags: "write noscript blocking",
    keys: [1, -2, 1],
    acl: "write list slow blocking",
    group: "list",
    since: "2.0.0",
    summary: "Pops the tail of the first non-empty list, waiting for one if all are empty.",
    complexity: "O(N) where N is the number of provided keys.",
    arguments: [{ name: "key", type: "key", multiple: true }, { name: "timeout", type: "double" }],
    handler: brpopCommand,
  }),
  defineCommand("blmove", {
    arity: 6,
    flags: "write denyoom noscript blocking",
    keys: [1, 2, 1],
    acl: "write list slow blocking",
    group: "list",
    since: "6.2.0",
    summary: "Moves an element between lists like LMOVE, waiting while the source is empty.",
    complexity: "O(1)",
    arguments: [{ name: "source", type: "key" }, { name: "destination", type: "key" }, { name: "wherefrom", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }, { name: "whereto", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }, { name: "timeout", type: "double" }],
    handler: blmoveCommand,
  }),
  defineCommand("brpoplpush", {
    arity: 4,
    flags: "write denyoom noscript blocking",
    keys: [1, 2, 1],
    acl: "write list slow blocking",
    group: "list",
    since: "2.2.0",
    summary: "Blocking variant of RPOPLPUSH (deprecated form of BLMOVE).",
    complexity: "O(1)",
    arguments: [{ name: "source", type: "key" }, { name: "destination", type: "key" }, { name: "timeout", type: "double" }],
    handler: brpoplpushCommand,
  }),
  defineCommand("blmpop", {
    arity: -5,
    flags: "write blocking movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 2),
    acl: "write list slow blocking",
    group: "list",
    since: "7.0.0",
    summary: "Pops elements from the first non-empty list among several keys, waiting if all are empty.",
    complexity: "O(N+M) where N is the number of provided keys and M is the number of elements returned.",
    arguments: [{ name: "timeout", type: "double" }, { name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "where", type: "oneof", arguments: [{ name: "left", type: "pure-token", token: "LEFT" }, { name: "right", type: "pure-token", token: "RIGHT" }] }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: blmpopCommand,
  }),
];
