/** String commands: GET, SET and its variants, counters, ranges, LCS (Redis's "string" group). */
import type { Database } from "../database";
import { errors, fail } from "../errors";
import type { RedisObject } from "../object";
import { MapReply, OK, type Reply } from "../protocol/reply";
import {
  appendBytes,
  newStringObject,
  newUnencodedStringObject,
  sliceBinary,
  toBinaryString,
  writeBytes,
} from "../structures/string-value";
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from "../util/long-double";
import { INT64_RANGE, parseInt64 } from "../util/numbers";
import { integerArg, readTyped, writeTyped } from "./args";
import { commandNow, deleteKeyNow } from "./keys";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

// ---- SET/GETEX options ---------------------------------------------------------------------

const NX = 1;
const XX = 2;
const GET = 4;
const KEEPTTL = 8;
const PERSIST = 16;
const EX = 32;
const PX = 64;
const EXAT = 128;
const PXAT = 256;
const ANY_EXPIRY = EX | PX | EXAT | PXAT;

interface StringOptions {
  flags: number;
  /** The EX/PX/EXAT/PXAT argument, when given. */
  expire: string | undefined;
}

const NO_OPTIONS: StringOptions = { flags: 0, expire: undefined };

/**
 * Parses SET's (or GETEX's) options with Redis's exact acceptance rules: repeated options are
 * fine, conflicting ones (NX with XX, two different expiry kinds, KEEPTTL with an expiry) and
 * options of the other command are syntax errors.
 */
function parseStringOptions(argv: string[], start: number, forSet: boolean): StringOptions {
  let flags = 0;
  let expire: string | undefined;
  for (let i = start; i < argv.length; i++) {
    const option = argv[i]!.toUpperCase();
    const hasNext = i + 1 < argv.length;
    if (option === "NX" && forSet && !(flags & XX)) flags |= NX;
    else if (option === "XX" && forSet && !(flags & NX)) flags |= XX;
    else if (option === "GET" && forSet) flags |= GET;
    else if (option === "KEEPTTL" && forSet && !(flags & (PERSIST | ANY_EXPIRY))) flags |= KEEPTTL;
    else if (option === "PERSIST" && !forSet && !(flags & (KEEPTTL | ANY_EXPIRY))) flags |= PERSIST;
    else if (hasNext && (option === "EX" || option === "PX" || option === "EXAT" || option === "PXAT")) {
      const kind = option === "EX" ? EX : option === "PX" ? PX : option === "EXAT" ? EXAT : PXAT;
      if (flags & (KEEPTTL | PERSIST | (ANY_EXPIRY & ~kind))) fail(errors.syntax);
      flags |= kind;
      expire = argv[++i];
    } else fail(errors.syntax);
  }
  return { flags, expire };
}

const INT64_MAX = INT64_RANGE.max;

/**
 * The absolute expiry time (ms) an EX/PX/EXAT/PXAT argument asks for, with Redis's
 * "invalid expire time" errors for non-positive values and int64 overflow.
 */
function expiryArg(ctx: CommandContext, text: string, flags: number, command: string): number {
  const parsed = parseInt64(text);
  if (parsed === undefined) fail(errors.notInteger);
  const seconds = (flags & (EX | EXAT)) !== 0;
  const base = flags & (EX | PX) ? commandNow(ctx.engine) : 0;
  // Small positive values cannot overflow: plain number arithmetic is exact.
  if (typeof parsed === "number" && parsed > 0 && parsed < 2 ** 40) return base + (seconds ? parsed * 1000 : parsed);
  let at = BigInt(parsed);
  if (at <= 0n || (seconds && at > INT64_MAX / 1000n)) fail(errors.invalidExpire(command));
  if (seconds) at *= 1000n;
  at += BigInt(base);
  if (at > INT64_MAX) fail(errors.invalidExpire(command));
  return Number(at);
}

function notify(ctx: CommandContext, event: string, key: string): void {
  ctx.engine.notifyKeyspaceEvent("$", event, key, ctx.client.db.id);
}

function checkStringLength(ctx: CommandContext, length: number): void {
  if (length > ctx.engine.config.getNumber("proto-max-bulk-len")) {
    fail("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
  }
}

function readString(db: Database, key: string): RedisObject<"string"> | undefined {
  return readTyped(db, key, "string");
}

// ---- GET / SET family ------------------------------------------------------------------------

function get({ client }: CommandContext, argv: string[]): Reply {
  const object = readString(client.db, argv[1]!);
  return object === undefined ? null : toBinaryString(object.value);
}

/** Redis's setGenericCommand: SET, SETNX, SETEX and PSETEX. */
function setGeneric(
  ctx: CommandContext,
  options: StringOptions,
  key: string,
  value: string,
  command: string,
  okReply: Reply,
  abortReply: Reply,
): Reply {
  const db = ctx.client.db;
  const { flags } = options;
  const expireAt = options.expire === undefined ? undefined : expiryArg(ctx, options.expire, flags, command);
  let previous: Reply = null;
  if (flags & GET) {
    const old = readString(db, key);
    if (old !== undefined) previous = toBinaryString(old.value);
  }
  // As in Redis, an expired key is reclaimed (and announced) before being replaced, so
  // KEEPTTL never keeps a deadline that has passed. Only volatile keys can need that.
  if (flags & (NX | XX) || db.getExpire(key) !== undefined) {
    const found = db.lookupWrite(key) !== undefined;
    if ((flags & NX && found) || (flags & XX && !found)) return flags & GET ? previous : abortReply;
  }
  db.set(key, newStringObject(value), (flags & KEEPTTL) !== 0);
  db.signalModified(key);
  notify(ctx, "set", key);
  if (expireAt !== undefined) {
    db.setExpire(key, expireAt);
    ctx.engine.notifyKeyspaceEvent("g", "expire", key, db.id);
  }
  return flags & GET ? previous : okReply;
}

function set(ctx: CommandContext, argv: string[]): Reply {
  const options = argv.length === 3 ? NO_OPTIONS : parseStringOptions(argv, 3, true);
  return setGeneric(ctx, options, argv[1]!, argv[2]!, "set", OK, null);
}

function setnx(ctx: CommandContext, argv: string[]): Reply {
  return setGeneric(ctx, { flags: NX, expire: undefined }, argv[1]!, argv[2]!, "setnx", 1, 0);
}

function setex(ctx: CommandContext, argv: string[]): Reply {
  return setGeneric(ctx, { flags: EX, expire: argv[2] }, argv[1]!, argv[3]!, "setex", OK, null);
}

function psetex(ctx: CommandContext, argv: string[]): Reply {
  return setGeneric(ctx, { flags: PX, expire: argv[2] }, argv[1]!, argv[3]!, "psetex", OK, null);
}

function getex(ctx: CommandContext, argv: string[]): Reply {
  const { flags, expire } = parseStringOptions(argv, 2, false);
  const db = ctx.client.db;
  const key = argv[1]!;
  const object = readString(db, key);
  if (object === undefined) return null;
  const expireAt = expire === undefined ? undefined : expiryArg(ctx, expire, flags, "getex");
  const value = toBinaryString(object.value);
  if (expireAt !== undefined && flags & (EXAT | PXAT) && expireAt <= commandNow(ctx.engine)) {
    deleteKeyNow(ctx, db, key);
  } else if (expireAt !== undefined) {
    db.setExpire(key, expireAt);
    db.signalModified(key);
    ctx.engine.notifyKeyspaceEvent("g", "expire", key, db.id);
  } else if (flags & PERSIST && db.removeExpire(key)) {
    db.signalModified(key);
    ctx.engine.notifyKeyspaceEvent("g", "persist", key, db.id);
  }
  return value;
}

function getdel(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const object = readString(db, argv[1]!);
  if (object === undefined) return null;
  deleteKeyNow(ctx, db, argv[1]!);
  return toBinaryString(object.value);
}

function getset(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  const old = readString(db, key);
  db.set(key, newStringObject(argv[2]!));
  db.signalModified(key);
  notify(ctx, "set", key);
  return old === undefined ? null : toBinaryString(old.value);
}

function mget({ client }: CommandContext, argv: string[]): Reply {
  const replies: Reply[] = new Array(argv.length - 1);
  for (let i = 1; i < argv.length; i++) {
    const object = client.db.lookupRead(argv[i]!);
    replies[i - 1] = object?.type === "string" ? toBinaryString((object as RedisObject<"string">).value) : null;
  }
  return replies;
}

function msetGeneric(ctx: CommandContext, argv: string[], onlyIfNoneExists: boolean): Reply {
  if (argv.length % 2 === 0) return errors.wrongArity(onlyIfNoneExists ? "msetnx" : "mset");
  const db = ctx.client.db;
  if (onlyIfNoneExists) {
    for (let i = 1; i < argv.length; i += 2) if (db.lookupWrite(argv[i]!) !== undefined) return 0;
  }
  for (let i = 1; i < argv.length; i += 2) {
    const key = argv[i]!;
    if (!onlyIfNoneExists && db.getExpire(key) !== undefined) db.lookupWrite(key);
    db.set(key, newStringObject(argv[i + 1]!));
    db.signalModified(key);
    notify(ctx, "set", key);
  }
  return onlyIfNoneExists ? 1 : OK;
}

function mset(ctx: CommandContext, argv: string[]): Reply {
  return msetGeneric(ctx, argv, false);
}

function msetnx(ctx: CommandContext, argv: string[]): Reply {
  return msetGeneric(ctx, argv, true);
}

// ---- in-place edits ------------------------------------------------------------------------

function append(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  const suffix = argv[2]!;
  const object = writeTyped(db, key, "string");
  let length: number;
  if (object === undefined) {
    db.set(key, newStringObject(suffix));
    length = suffix.length;
  } else {
    checkStringLength(ctx, object.value.length + suffix.length);
    length = appendBytes(object, suffix);
  }
  db.signalModified(key);
  notify(ctx, "append", key);
  return length;
}

function strlen({ client }: CommandContext, argv: string[]): Reply {
  return readString(client.db, argv[1]!)?.value.length ?? 0;
}

function setrange(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  const data = argv[3]!;
  const offset = integerArg(argv[2]!);
  if (offset < 0) return fail("ERR offset is out of range");
  let object = writeTyped(db, key, "string");
  if (object === undefined) {
    if (data.length === 0) return 0;
    checkStringLength(ctx, offset + data.length);
    object = newStringObject("");
    db.set(key, object);
  } else {
    if (data.length === 0) return object.value.length;
    checkStringLength(ctx, offset + data.length);
  }
  const length = writeBytes(object, offset, data);
  db.signalModified(key);
  notify(ctx, "setrange", key);
  return length;
}

function getrange({ client }: CommandContext, argv: string[]): Reply {
  let start = integerArg(argv[2]!);
  let end = integerArg(argv[3]!);
  const object = readString(client.db, argv[1]!);
  if (object === undefined) return "";
  const length = object.value.length;
  if (start < 0 && end < 0 && start > end) return "";
  if (start < 0) start = Math.max(0, length + start);
  if (end < 0) end = Math.max(0, length + end);
  if (end >= length) end = length - 1;
  if (start > end || length === 0) return "";
  return sliceBinary(object.value, start, end + 1);
}

// ---- counters ------------------------------------------------------------------------------

/** The int64 a string holds, or "value is not an integer or out of range". */
function integerValue(object: RedisObject<"string"> | undefined): number | bigint {
  if (object === undefined) return 0;
  const value = parseInt64(toBinaryString(object.value));
  if (value === undefined) fail(errors.notInteger);
  return value;
}

function incrDecr(ctx: CommandContext, key: string, increment: number | bigint): Reply {
  const db = ctx.client.db;
  const object = writeTyped(db, key, "string");
  const current = integerValue(object);
  let result: number | bigint;
  const sum = typeof current === "number" && typeof increment === "number" ? current + increment : NaN;
  if (Number.isSafeInteger(sum)) {
    result = sum;
  } else {
    const exact = BigInt(current) + BigInt(increment);
    if (exact > INT64_RANGE.max || exact < INT64_RANGE.min) fail(errors.overflow);
    result = exact;
  }
  // An existing key keeps its TTL (Redis edits the value in place or overwrites it).
  db.set(key, newStringObject(String(result)), object !== undefined);
  db.signalModified(key);
  notify(ctx, "incrby", key);
  return result;
}

function int64Argument(text: string): number | bigint {
  const value = parseInt64(text);
  if (value === undefined) fail(errors.notInteger);
  return value;
}

function incr(ctx: CommandContext, argv: string[]): Reply {
  return incrDecr(ctx, argv[1]!, 1);
}

function decr(ctx: CommandContext, argv: string[]): Reply {
  return incrDecr(ctx, argv[1]!, -1);
}

function incrby(ctx: CommandContext, argv: string[]): Reply {
  return incrDecr(ctx, argv[1]!, int64Argument(argv[2]!));
}

function decrby(ctx: CommandContext, argv: string[]): Reply {
  const decrement = int64Argument(argv[2]!);
  if (decrement === INT64_RANGE.min) return fail("ERR decrement would overflow");
  return incrDecr(ctx, argv[1]!, -decrement);
}

function incrbyfloat(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  const object = writeTyped(db, key, "string");
  const current = object === undefined ? parseLongDouble("0") : parseLongDouble(toBinaryString(object.value));
  if (current === undefined) return fail(errors.notFloat);
  const increment = parseLongDouble(argv[2]!);
  if (increment === undefined) return fail(errors.notFloat);
  const sum = current.infinite || increment.infinite ? undefined : addLongDouble(current, increment);
  if (sum === undefined || sum.infinite) return fail("ERR increment would produce NaN or Infinity");
  const text = formatLongDoubleHuman(sum);
  db.set(key, newUnencodedStringObject(text), object !== undefined);
  db.signalModified(key);
  notify(ctx, "incrbyfloat", key);
  return text;
}

// ---- LCS -----------------------------------------------------------------------------------

function lcs(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const objectA = db.lookupRead(argv[1]!);
  const objectB = db.lookupRead(argv[2]!);
  if ((objectA && objectA.type !== "string") || (objectB && objectB.type !== "string")) {
    return fail("ERR The specified keys must contain string values");
  }
  const a = objectA ? toBinaryString((objectA as RedisObject<"string">).value) : "";
  const b = objectB ? toBinaryString((objectB as RedisObject<"string">).value) : "";
  let wantIndexes = false;
  let wantLength = false;
  let withMatchLength = false;
  let minMatchLength = 0;
  for (let i = 3; i < argv.length; i++) {
    const option = argv[i]!.toUpperCase();
    if (option === "IDX") wantIndexes = true;
    else if (option === "LEN") wantLength = true;
    else if (option === "WITHMATCHLEN") withMatchLength = true;
    else if (option === "MINMATCHLEN" && i + 1 < argv.length) minMatchLength = Math.max(0, integerArg(argv[++i]!));
    else return fail(errors.syntax);
  }
  if (wantIndexes && wantLength) return fail("ERR If you want both the length and indexes, please just use IDX.");
  if ((a.length + 1) * (b.length + 1) * 4 > ctx.engine.config.getNumber("proto-max-bulk-len")) {
    return fail("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
  }
  // table[i * width + j] = LCS length of a[0..i) and b[0..j).
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cell = i * width + j;
      if (code === b.charCodeAt(j - 1)) table[cell] = table[cell - width - 1]! + 1;
      else table[cell] = Math.max(table[cell - width]!, table[cell - 1]!);
    }
  }
  const total = table[a.length * width + b.length]!;
  if (wantLength) return total;
  // Walk back from the end as Redis does, collecting the subsequence and its matching runs.
  const chars: string[] = new Array(total);
  const matches: Reply[] = [];
  let remaining = total;
  let i = a.length;
  let j = b.length;
  let run: { aStart: number; aEnd: number; bStart: number; bEnd: number } | undefined;
  const emitRun = () => {
    const length = run!.aEnd - run!.aStart + 1;
    if (minMatchLength === 0 || length >= minMatchLength) {
      const match: Reply[] = [
        [run!.aStart, run!.aEnd],
        [run!.bStart, run!.bEnd],
      ];
      if (withMatchLength) match.push(length);
      matches.push(match);
    }
    run = undefined;
  };
  while (i > 0 && j > 0) {
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      chars[--remaining] = a[i - 1]!;
      if (run === undefined) run = { aStart: i - 1, aEnd: i - 1, bStart: j - 1, bEnd: j - 1 };
      else {
        run.aStart--;
        run.bStart--;
      }
      i--;
      j--;
      if (run.aStart === 0 || run.bStart === 0) emitRun();
    } else {
      if (table[(i - 1) * width + j]! > table[i * width + j - 1]!) i--;
      else j--;
      if (run !== undefined) emitRun();
    }
  }
  if (!wantIndexes) return chars.join("");
  return new MapReply(["matches", matches, "len", total]);
}

export const commands: CommandSpec[] = [
  defineCommand("get", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read string fast",
    group: "string",
    since: "1.0.0",
    summary: "Returns the string stored under a key.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: get,
  }),
  defineCommand("set", {
    arity: -3,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write string slow",
    group: "string",
    since: "1.0.0",
    summary: "Stores a string under a key, with optional expiry, conditions and old-value return.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }] }, { name: "get", type: "pure-token", token: "GET", optional: true }, { name: "expiration", type: "oneof", optional: true, arguments: [{ name: "seconds", type: "integer", token: "EX" }, { name: "milliseconds", type: "integer", token: "PX" }, { name: "unix-time-seconds", type: "unix-time", token: "EXAT" }, { name: "unix-time-milliseconds", type: "unix-time", token: "PXAT" }, { name: "keepttl", type: "pure-token", token: "KEEPTTL" }] }],
    handler: set,
  }),
  defineCommand("setnx", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Stores a string only when the key is absent.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }],
    handler: setnx,
  }),
  defineCommand("setex", {
    arity: 4,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write string slow",
    group: "string",
    since: "2.0.0",
    summary: "Stores a string with a time to live in seconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "seconds", type: "integer" }, { name: "value", type: "string" }],
    handler: setex,
  }),
  defineCommand("psetex", {
    arity: 4,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write string slow",
    group: "string",
    since: "2.6.0",
    summary: "Stores a string with a time to live in milliseconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "milliseconds", type: "integer" }, { name: "value", type: "string" }],
    handler: psetex,
  }),
  defineCommand("getex", {
    arity: -2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "6.2.0",
    summary: "Returns a string and optionally changes or removes its expiry.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "expiration", type: "oneof", optional: true, arguments: [{ name: "seconds", type: "integer", token: "EX" }, { name: "milliseconds", type: "integer", token: "PX" }, { name: "unix-time-seconds", type: "unix-time", token: "EXAT" }, { name: "unix-time-milliseconds", type: "unix-time", token: "PXAT" }, { name: "persist", type: "pure-token", token: "PERSIST" }] }],
    handler: getex,
  }),
  defineCommand("getdel", {
    arity: 2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "6.2.0",
    summary: "Returns a string and removes its key.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: getdel,
  }),
  defineCommand("getset", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Replaces a string and returns the previous one.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }],
    handler: getset,
  }),
  defineCommand("mget", {
    arity: -2,
    flags: "readonly fast",
    keys: [1, -1, 1],
    acl: "read string fast",
    group: "string",
    since: "1.0.0",
    summary: "Returns the strings stored under several keys.",
    complexity: "O(N) where N is the number of keys to retrieve.",
    tips: "request_policy:multi_shard",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: mget,
  }),
  defineCommand("mset", {
    arity: -3,
    flags: "write denyoom",
    keys: [1, -1, 2],
    acl: "write string slow",
    group: "string",
    since: "1.0.1",
    summary: "Stores several strings at once.",
    complexity: "O(N) where N is the number of keys to set.",
    tips: "request_policy:multi_shard response_policy:all_succeeded",
    arguments: [{ name: "key_value", type: "block", multiple: true, arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }] }],
    handler: mset,
  }),
  defineCommand("msetnx", {
    arity: -3,
    flags: "write denyoom",
    keys: [1, -1, 2],
    acl: "write string slow",
    group: "string",
    since: "1.0.1",
    summary: "Stores several strings at once, only if none of the keys exists.",
    complexity: "O(N) where N is the number of keys to set.",
    tips: "request_policy:multi_shard response_policy:agg_min",
    arguments: [{ name: "key_value", type: "block", multiple: true, arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }] }],
    handler: msetnx,
  }),
  defineCommand("append", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "2.0.0",
    summary: "Adds bytes to the end of a string, creating it if needed.",
    complexity: "O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.",
    arguments: [{ name: "key", type: "key" }, { name: "value", type: "string" }],
    handler: append,
  }),
  defineCommand("strlen", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read string fast",
    group: "string",
    since: "2.2.0",
    summary: "Returns the byte length of a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: strlen,
  }),
  defineCommand("setrange", {
    arity: 4,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write string slow",
    group: "string",
    since: "2.2.0",
    summary: "Overwrites bytes of a string from an offset, padding with zero bytes.",
    complexity: "O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.",
    arguments: [{ name: "key", type: "key" }, { name: "offset", type: "integer" }, { name: "value", type: "string" }],
    handler: setrange,
  }),
  defineCommand("getrange", {
    arity: 4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read string slow",
    group: "string",
    since: "2.4.0",
    summary: "Returns a byte range of a string.",
    complexity: "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "end", type: "integer" }],
    handler: getrange,
  }),
  defineCommand("substr", {
    arity: 4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read string slow",
    group: "string",
    since: "1.0.0",
    summary: "Returns a byte range of a string (old name of GETRANGE).",
    complexity: "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "end", type: "integer" }],
    handler: getrange,
  }),
  defineCommand("incr", {
    arity: 2,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Adds one to the integer stored in a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: incr,
  }),
  defineCommand("decr", {
    arity: 2,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Subtracts one from the integer stored in a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: decr,
  }),
  defineCommand("incrby", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Adds an integer to the integer stored in a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "increment", type: "integer" }],
    handler: incrby,
  }),
  defineCommand("decrby", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "1.0.0",
    summary: "Subtracts an integer from the integer stored in a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "decrement", type: "integer" }],
    handler: decrby,
  }),
  defineCommand("incrbyfloat", {
    arity: 3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write string fast",
    group: "string",
    since: "2.6.0",
    summary: "Adds a floating point number to the number stored in a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "increment", type: "double" }],
    handler: incrbyfloat,
  }),
  defineCommand("lcs", {
    arity: -3,
    flags: "readonly",
    keys: [1, 2, 1],
    acl: "read string slow",
    group: "string",
    since: "7.0.0",
    summary: "Computes the longest common subsequence of two strings.",
    complexity: "O(N*M) where N and M are the lengths of s1 and s2, respectively",
    arguments: [{ name: "key1", type: "key" }, { name: "key2", type: "key" }, { name: "len", type: "pure-token", token: "LEN", optional: true }, { name: "idx", type: "pure-token", token: "IDX", optional: true }, { name: "len", type: "integer", token: "MINMATCHLEN", optional: true }, { name: "withmatchlen", type: "pure-token", token: "WITHMATCHLEN", optional: true }],
    handler: lcs,
  }),
];
