/** Generic key commands: DEL, EXISTS, KEYS, SCAN, RENAME, COPY, OBJECT, EXPIRE/TTL, SORT, ... (Redis's "generic" group). */
import type { Database } from "../database";
import type { Engine } from "../engine";
import { errors, fail } from "../errors";
import { RedisObject } from "../object";
import { OK, type Reply, SimpleString } from "../protocol/reply";
import { isSharedInteger, toBinaryString } from "../structures/string-value";
import { buildList, cloneObject, elementsOf, objectEncoding, prepareForSort, readHashField } from "../types";
import { globMatch } from "../util/glob";
import { lfuDecayedCounter } from "../util/lfu";
import { INT64_RANGE, parseInt64 } from "../util/numbers";
import { helpReply, integerArg, isToken, scanCursorArg, scanOptionsArg } from "./args";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

/** The command time in whole milliseconds, as Redis's mstime-based expiry arithmetic uses. */
export function commandNow(engine: Engine): number {
  return Math.floor(engine.now());
}

/**
 * Deletes a key as a command's write (WATCH signal, "del" event); false if it did not exist.
 * An expired key counts as missing, unless `evenIfExpired` (writes that, in Redis, delete
 * their destination without looking it up first).
 */
export function deleteKeyNow(ctx: CommandContext, db: Database, key: string, evenIfExpired = false): boolean {
  if (!(evenIfExpired ? db.deleteEvenIfExpired(key) : db.delete(key))) return false;
  db.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("g", "del", key, db.id);
  return true;
}

/** Types whose arrival under a key can serve a blocked BLPOP/BZPOPMIN/XREAD. */
function signalIfBlockable(engine: Engine, db: Database, key: string, object: RedisObject): void {
  if (object.type === "list" || object.type === "zset" || object.type === "stream") engine.signalKeyAsReady(db, key);
}

/** A lookup that counts a keyspace hit or miss but leaves the access time alone (EXISTS, TYPE, TTL). */
function lookupNoTouch(engine: Engine, db: Database, key: string): RedisObject | undefined {
  const object = db.peek(key);
  if (object === undefined) {
    engine.stats.keyspaceMisses++;
    engine.onKeyMiss(db, key);
  } else engine.stats.keyspaceHits++;
  return object;
}

/** A database index argument (COPY DB, MOVE): an int, then a valid index. */
function databaseArg(engine: Engine, text: string): Database {
  const index = integerArg(text);
  if (index < -(2 ** 31) || index >= 2 ** 31) return fail("ERR value is out of range, value must between -2147483648 and 2147483647");
  const db = engine.databases[index];
  if (db === undefined) return fail("ERR DB index is out of range");
  return db;
}

const SAME_OBJECT = "ERR source and destination objects are the same";

// ---- deleting and inspecting keys ----------------------------------------------------------

function del(ctx: CommandContext, argv: string[]): Reply {
  let deleted = 0;
  for (let i = 1; i < argv.length; i++) if (deleteKeyNow(ctx, ctx.client.db, argv[i]!)) deleted++;
  return deleted;
}

function exists({ engine, client }: CommandContext, argv: string[]): Reply {
  let count = 0;
  for (let i = 1; i < argv.length; i++) if (lookupNoTouch(engine, client.db, argv[i]!) !== undefined) count++;
  return count;
}

function type({ engine, client }: CommandContext, argv: string[]): Reply {
  return new SimpleString(lookupNoTouch(engine, client.db, argv[1]!)?.type ?? "none");
}

function touch({ client }: CommandContext, argv: string[]): Reply {
  let count = 0;
  for (let i = 1; i < argv.length; i++) if (client.db.lookupRead(argv[i]!) !== undefined) count++;
  return count;
}

/** True when the key is past its expiry time (not yet reclaimed). */
function isLogicallyExpired(engine: Engine, db: Database, key: string): boolean {
  const at = db.getExpire(key);
  return at !== undefined && at <= engine.now();
}

function keys({ engine, client }: CommandContext, argv: string[]): Reply {
  const pattern = argv[1]!;
  const matchAll = pattern === "*";
  const found: string[] = [];
  for (const key of client.db.dict.keysIterator()) {
    if ((matchAll || globMatch(pattern, key)) && !isLogicallyExpired(engine, client.db, key)) found.push(key);
  }
  return found;
}

function scan({ client }: CommandContext, argv: string[]): Reply {
  const cursor = scanCursorArg(argv[1]!);
  const { pattern, count, type: wantedType } = scanOptionsArg(argv, 2, true);
  const db = client.db;
  const visited: string[] = [];
  const visit = (key: string) => visited.push(key);
  // Redis keeps stepping until it has COUNT keys or has visited 10×COUNT buckets, so a
  // sparse table still answers with about COUNT keys per call.
  let next = cursor;
  for (let budget = count * 10; ; ) {
    const step = Math.max(1, Math.min(count - visited.length, budget));
    next = db.dict.scan(next, step, visit);
    budget -= step;
    if (next === 0 || visited.length >= count || budget <= 0) break;
  }
  // Filter after the scan step: expired keys are deleted on the way, which would move slots.
  const found: string[] = [];
  for (const key of visited) {
    if (pattern !== undefined && !globMatch(pattern, key)) continue;
    const object = db.peek(key);
    if (object === undefined) continue;
    if (wantedType !== undefined && object.type !== wantedType.toLowerCase()) continue;
    found.push(key);
  }
  return [String(next), found];
}

function randomkey({ engine, client }: CommandContext): Reply {
  return client.db.randomKey(engine.random) ?? null;
}

// ---- renaming, copying, moving ---------------------------------------------------------------

function renameGeneric(ctx: CommandContext, argv: string[], onlyIfFree: boolean): Reply {
  const db = ctx.client.db;
  const source = argv[1]!;
  const target = argv[2]!;
  const object = db.lookupWrite(source);
  if (object === undefined) return fail(errors.noSuchKey);
  if (source === target) return onlyIfFree ? 0 : OK;
  const expireAt = db.getExpire(source);
  if (db.lookupWrite(target) !== undefined) {
    if (onlyIfFree) return 0;
    db.delete(target);
  }
  db.set(target, object);
  if (expireAt !== undefined) db.setExpire(target, expireAt);
  db.delete(source);
  db.signalModified(source);
  db.signalModified(target);
  ctx.engine.notifyKeyspaceEvent("g", "rename_from", source, db.id);
  ctx.engine.notifyKeyspaceEvent("g", "rename_to", target, db.id);
  signalIfBlockable(ctx.engine, db, target, object);
  return onlyIfFree ? 1 : OK;
}

function rename(ctx: CommandContext, argv: string[]): Reply {
  return renameGeneric(ctx, argv, false);
}

function renamenx(ctx: CommandContext, argv: string[]): Reply {
  return renameGeneric(ctx, argv, true);
}

function copy(ctx: CommandContext, argv: string[]): Reply {
  const source = ctx.client.db;
  let target = source;
  let replace = false;
  for (let i = 3; i < argv.length; i++) {
    if (isToken(argv[i], "REPLACE")) replace = true;
    else if (isToken(argv[i], "DB") && i + 1 < argv.length) target = databaseArg(ctx.engine, argv[++i]!);
    else return fail(errors.syntax);
  }
  const key = argv[1]!;
  const newKey = argv[2]!;
  if (source === target && key === newKey) return fail(SAME_OBJECT);
  const object = source.lookupRead(key);
  if (object === undefined) return 0;
  const expireAt = source.getExpire(key);
  if (target.lookupWrite(newKey) !== undefined) {
    if (!replace) return 0;
    target.delete(newKey);
  }
  const duplicate = cloneObject(object);
  target.set(newKey, duplicate);
  if (expireAt !== undefined) target.setExpire(newKey, expireAt);
  target.signalModified(newKey);
  ctx.engine.notifyKeyspaceEvent("g", "copy_to", newKey, target.id);
  signalIfBlockable(ctx.engine, target, newKey, duplicate);
  return 1;
}

function move(ctx: CommandContext, argv: string[]): Reply {
  const source = ctx.client.db;
  const target = databaseArg(ctx.engine, argv[2]!);
  if (source === target) return fail(SAME_OBJECT);
  const key = argv[1]!;
  const object = source.lookupWrite(key);
  if (object === undefined) return 0;
  const expireAt = source.getExpire(key);
  if (target.lookupWrite(key) !== undefined) return 0;
  target.set(key, object);
  if (expireAt !== undefined) target.setExpire(key, expireAt);
  source.delete(key);
  source.signalModified(key);
  target.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("g", "move_from", key, source.id);
  ctx.engine.notifyKeyspaceEvent("g", "move_to", key, target.id);
  signalIfBlockable(ctx.engine, target, key, object);
  return 1;
}

// ---- OBJECT --------------------------------------------------------------------------------

const OBJECT_HELP = [
  "ENCODING <key>",
  "    Return the kind of internal representation used in order to store the value",
  "    associated with a <key>.",
  "FREQ <key>",
  "    Return the access frequency index of the <key>. The returned integer is",
  "    proportional to the logarithm of the recent access frequency of the key.",
  "IDLETIME <key>",
  "    Return the idle time of the <key>, that is the approximated number of",
  "    seconds elapsed since the last access to the key.",
  "REFCOUNT <key>",
  "    Return the number of references of the value associated with the specified",
  "    <key>.",
];

const POLICY_SWITCH_NOTE = "Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";

function usesLfu(engine: Engine): boolean {
  return engine.config.get("maxmemory-policy").endsWith("-lfu");
}

function objectHelp(): Reply {
  return helpReply("OBJECT", OBJECT_HELP);
}

function objectEncodingCommand({ client }: CommandContext, argv: string[]): Reply {
  const object = client.db.peek(argv[2]!);
  return object === undefined ? null : objectEncoding(object);
}

function objectIdletime({ engine, client }: CommandContext, argv: string[]): Reply {
  const object = client.db.peek(argv[2]!);
  if (object === undefined) return null;
  if (usesLfu(engine)) return fail(`ERR An LFU maxmemory policy is selected, idle time not tracked. ${POLICY_SWITCH_NOTE}`);
  // Redis's LRU clock ticks in whole seconds.
  return Math.max(0, Math.floor(engine.now() / 1000) - Math.floor(object.lru / 1000));
}

function objectFreq({ engine, client }: CommandContext, argv: string[]): Reply {
  const object = client.db.peek(argv[2]!);
  if (object === undefined) return null;
  if (!usesLfu(engine)) return fail(`ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${POLICY_SWITCH_NOTE}`);
  return lfuDecayedCounter(object.lru, engine.now(), engine.config.getNumber("lfu-decay-time"));
}

function objectRefcount({ engine, client }: CommandContext, argv: string[]): Reply {
  const object = client.db.peek(argv[2]!);
  if (object === undefined) return null;
  // Shared integers are disabled when maxmemory is set with an LRU/LFU policy.
  const policy = engine.config.get("maxmemory-policy");
  const sharingAllowed = engine.config.getNumber("maxmemory") === 0 || !(policy.endsWith("-lru") || policy.endsWith("-lfu"));
  return object.type === "string" && isSharedInteger(object as RedisObject<"string">, sharingAllowed) ? 2_147_483_647 : 1;
}

// ---- expiry --------------------------------------------------------------------------------

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

function expireFlagsArg(argv: string[]): number {
  let flags = 0;
  for (let i = 3; i < argv.length; i++) {
    const option = argv[i]!.toUpperCase();
    if (option === "NX") flags |= EXPIRE_NX;
    else if (option === "XX") flags |= EXPIRE_XX;
    else if (option === "GT") flags |= EXPIRE_GT;
    else if (option === "LT") flags |= EXPIRE_LT;
    else return fail(`ERR Unsupported option ${argv[i]}`);
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) {
    return fail("ERR NX and XX, GT or LT options at the same time are not compatible");
  }
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) return fail("ERR GT and LT options at the same time are not compatible");
  return flags;
}

/** Below this magnitude ×1000 plus a timestamp stays an exact JS number. */
const SAFE_EXPIRE_INPUT = 2 ** 40;

/** base + value (×1000 for seconds) in ms, or "invalid expire time" where int64 would overflow. */
function expiryTime(value: number | bigint, base: number, seconds: boolean, command: string): number {
  if (typeof value === "number" && Math.abs(value) < SAFE_EXPIRE_INPUT) return base + (seconds ? value * 1000 : value);
  let at = BigInt(value);
  if (seconds) {
    if (at > INT64_RANGE.max / 1000n || at < INT64_RANGE.min / 1000n) return fail(errors.invalidExpire(command));
    at *= 1000n;
  }
  if (at > INT64_RANGE.max - BigInt(base)) return fail(errors.invalidExpire(command));
  return Number(at + BigInt(base));
}

/** EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT: `relative` adds the command time, `seconds` scales by 1000. */
function expireGeneric(ctx: CommandContext, argv: string[], relative: boolean, seconds: boolean, command: string): Reply {
  const flags = expireFlagsArg(argv);
  const parsed = parseInt64(argv[2]!);
  if (parsed === undefined) return fail(errors.notInteger);
  const now = commandNow(ctx.engine);
  const when = expiryTime(parsed, relative ? now : 0, seconds, command);
  const db = ctx.client.db;
  const key = argv[1]!;
  if (db.lookupWrite(key) === undefined) return 0;
  if (flags) {
    const current = db.getExpire(key);
    if (flags & EXPIRE_NX && current !== undefined) return 0;
    if (flags & EXPIRE_XX && current === undefined) return 0;
    // No expiry counts as an infinite one: never beaten by GT, always by LT.
    if (flags & EXPIRE_GT && (current === undefined || when <= current)) return 0;
    if (flags & EXPIRE_LT && current !== undefined && when >= current) return 0;
  }
  if (when <= now) {
    deleteKeyNow(ctx, db, key);
    return 1;
  }
  db.setExpire(key, when);
  db.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("g", "expire", key, db.id);
  return 1;
}

function expire(ctx: CommandContext, argv: string[]): Reply {
  return expireGeneric(ctx, argv, true, true, "expire");
}

function pexpire(ctx: CommandContext, argv: string[]): Reply {
  return expireGeneric(ctx, argv, true, false, "pexpire");
}

function expireat(ctx: CommandContext, argv: string[]): Reply {
  return expireGeneric(ctx, argv, false, true, "expireat");
}

function pexpireat(ctx: CommandContext, argv: string[]): Reply {
  return expireGeneric(ctx, argv, false, false, "pexpireat");
}

function persist(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const key = argv[1]!;
  if (db.lookupWrite(key) === undefined || !db.removeExpire(key)) return 0;
  db.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("g", "persist", key, db.id);
  return 1;
}

/** TTL, PTTL, EXPIRETIME, PEXPIRETIME: -2 for a missing key, -1 without expiry. */
function ttlGeneric({ engine, client }: CommandContext, key: string, inMs: boolean, absolute: boolean): Reply {
  if (lookupNoTouch(engine, client.db, key) === undefined) return -2;
  const at = client.db.getExpire(key);
  if (at === undefined) return -1;
  const ttl = Math.max(0, absolute ? at : at - commandNow(engine));
  return inMs ? ttl : Math.floor((ttl + 500) / 1000);
}

function ttl(ctx: CommandContext, argv: string[]): Reply {
  return ttlGeneric(ctx, argv[1]!, false, false);
}

function pttl(ctx: CommandContext, argv: string[]): Reply {
  return ttlGeneric(ctx, argv[1]!, true, false);
}

function expiretime(ctx: CommandContext, argv: string[]): Reply {
  return ttlGeneric(ctx, argv[1]!, false, true);
}

function pexpiretime(ctx: CommandContext, argv: string[]): Reply {
  return ttlGeneric(ctx, argv[1]!, true, true);
}

// ---- SORT ----------------------------------------------------------------------------------

/**
 * The value a SORT BY/GET pattern designates for one element: `#` is the element itself,
 * the first `*` is replaced by the element, and `key->field` reads a hash field. Missing keys,
 * wrong types and patterns without `*` give null.
 */
function lookupByPattern(db: Database, pattern: string, element: string): string | null {
  if (pattern === "#") return element;
  const star = pattern.indexOf("*");
  if (star < 0) return null;
  const arrow = pattern.indexOf("->", star + 1);
  const hasField = arrow >= 0 && arrow + 2 < pattern.length;
  const keyPattern = hasField ? pattern.slice(0, arrow) : pattern;
  const key = keyPattern.slice(0, star) + element + keyPattern.slice(star + 1);
  const object = db.lookupRead(key);
  if (object === undefined) return null;
  if (hasField) return object.type === "hash" ? (readHashField(object.value as never, pattern.slice(arrow + 2)) ?? null) : null;
  return object.type === "string" ? toBinaryString((object as RedisObject<"string">).value) : null;
}

const FLOAT_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_TEXT = /^[+-]?(?:inf|infinity)$/i;
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * A sort weight parsed like Redis's strtod call: leading spaces skipped, the whole text
 * consumed, no NaN, no overflow or underflow (glibc reports subnormals as ERANGE). An empty
 * string reads as 0. Undefined when invalid.
 */
function sortWeight(text: string): number | undefined {
  if (text === "") return 0;
  const trimmed = text.replace(/^[ \t\n\v\f\r]+/, "");
  if (INFINITY_TEXT.test(trimmed)) return trimmed[0] === "-" ? -Infinity : Infinity;
  if (!FLOAT_TEXT.test(trimmed)) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return undefined;
  if (value !== 0 && Math.abs(value) < MIN_NORMAL) return undefined;
  if (value === 0 && /[1-9]/.test(trimmed.replace(/[eE].*$/, ""))) return undefined;
  return value;
}

function compareBinary(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface SortItem {
  element: string;
  weight: number;
  /** ALPHA BY: the external value compared, null when its key is missing. */
  byValue: string | null;
}

/** SORT's key positions: the sorted key and, for STORE, the last destination given. */
function sortKeys(argv: string[]): number[] {
  let store: number | undefined;
  for (let i = 2; i < argv.length; i++) {
    if (isToken(argv[i], "LIMIT")) i += 2;
    else if (isToken(argv[i], "GET") || isToken(argv[i], "BY")) i += 1;
    else if (isToken(argv[i], "STORE") && i + 1 < argv.length) store = ++i;
  }
  return store === undefined ? [1] : [1, store];
}

function sortGeneric(ctx: CommandContext, argv: string[], readOnly: boolean): Reply {
  const db = ctx.client.db;
  let descending = false;
  let alpha = false;
  let limitStart = 0;
  let limitCount = -1;
  let sortBy: string | undefined;
  let dontSort = false;
  let storeKey: string | undefined;
  const getPatterns: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const option = argv[i]!.toUpperCase();
    const remaining = argv.length - i - 1;
    if (option === "ASC") descending = false;
    else if (option === "DESC") descending = true;
    else if (option === "ALPHA") alpha = true;
    else if (option === "LIMIT" && remaining >= 2) {
      limitStart = integerArg(argv[i + 1]!);
      limitCount = integerArg(argv[i + 2]!);
      i += 2;
    } else if (option === "STORE" && !readOnly && remaining >= 1) storeKey = argv[++i];
    else if (option === "BY" && remaining >= 1) {
      sortBy = argv[++i]!;
      // A pattern without '*' designates no per-element key: nothing to sort by.
      dontSort = !sortBy.includes("*");
    } else if (option === "GET" && remaining >= 1) getPatterns.push(argv[++i]!);
    else return fail(errors.syntax);
  }
  const sorted = db.lookupRead(argv[1]!);
  if (sorted !== undefined && sorted.type !== "list" && sorted.type !== "set" && sorted.type !== "zset") return fail(errors.wrongType);
  if (sorted !== undefined) prepareForSort(sorted);
  const sortedType = sorted?.type ?? "list";
  // Unsorted set output would differ between replicas and scripts: Redis sorts it then.
  if (dontSort && sortedType === "set" && (storeKey !== undefined || ctx.client.name === "__lua")) {
    dontSort = false;
    alpha = true;
    sortBy = undefined;
  }
  let elements = sorted === undefined ? [] : elementsOf(sorted);
  const length = elements.length;
  let start = Math.min(Math.max(limitStart, 0), length);
  const count = Math.min(Math.max(limitCount, -1), length);
  let end = count < 0 ? length - 1 : start + count - 1;
  if (start >= length) {
    start = length - 1;
    end = length - 2;
  }
  if (end >= length) end = length - 1;

  let items: SortItem[];
  if (dontSort && sortedType !== "set") {
    // Lists and sorted sets keep their own order (reversed by DESC); LIMIT picks the range.
    if (descending) elements = elements.slice().reverse();
    items = end >= start ? elements.slice(start, end + 1).map((element) => ({ element, weight: 0, byValue: null })) : [];
    end -= start;
    start = 0;
  } else {
    items = elements.map((element) => ({ element, weight: 0, byValue: null }));
  }
  if (!dontSort) {
    let badWeight = false;
    for (const item of items) {
      const byValue = sortBy === undefined ? item.element : lookupByPattern(db, sortBy, item.element);
      if (byValue === null) continue;
      if (alpha) {
        if (sortBy !== undefined) item.byValue = byValue;
      } else {
        const weight = sortWeight(byValue);
        if (weight === undefined) badWeight = true;
        else item.weight = weight;
      }
    }
    if (badWeight) return fail("ERR One or more scores can't be converted into double");
    const direction = descending ? -1 : 1;
    let compare: (a: SortItem, b: SortItem) => number;
    if (!alpha) compare = (a, b) => (a.weight - b.weight || compareBinary(a.element, b.element)) * direction;
    else if (sortBy !== undefined) {
      compare = (a, b) => {
        if (a.byValue === null || b.byValue === null) return (a.byValue === b.byValue ? 0 : a.byValue === null ? -1 : 1) * direction;
        return compareBinary(a.byValue, b.byValue) * direction;
      };
    } else compare = (a, b) => compareBinary(a.element, b.element) * direction;
    items.sort(compare);
  }

  const output: (string | null)[] = [];
  for (let j = start; j <= end; j++) {
    const element = items[j]!.element;
    if (getPatterns.length === 0) output.push(element);
    for (const pattern of getPatterns) output.push(lookupByPattern(db, pattern, element));
  }
  if (storeKey === undefined) return output;
  if (output.length > 0) {
    const list = new RedisObject("list", buildList(output.map((value) => value ?? "")));
    db.lookupWrite(storeKey);
    db.set(storeKey, list);
    db.signalModified(storeKey);
    ctx.engine.notifyKeyspaceEvent("l", "sortstore", storeKey, db.id);
    ctx.engine.signalKeyAsReady(db, storeKey);
  } else {
    deleteKeyNow(ctx, db, storeKey, true);
  }
  return output.length;
}

function sort(ctx: CommandContext, argv: string[]): Reply {
  return sortGeneric(ctx, argv, false);
}

function sortRo(ctx: CommandContext, argv: string[]): Reply {
  return sortGeneric(ctx, argv, true);
}

export const commands: CommandSpec[] = [
  defineCommand("del", {
    arity: -2,
    flags: "write",
    keys: [1, -1, 1],
    acl: "keyspace write slow",
    group: "generic",
    since: "1.0.0",
    summary: "Removes keys.",
    complexity: "O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).",
    tips: "request_policy:multi_shard response_policy:agg_sum",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: del,
  }),
  defineCommand("unlink", {
    arity: -2,
    flags: "write fast",
    keys: [1, -1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "4.0.0",
    summary: "Removes keys, freeing their memory in the background in Redis.",
    complexity: "O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.",
    tips: "request_policy:multi_shard response_policy:agg_sum",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: del,
  }),
  defineCommand("exists", {
    arity: -2,
    flags: "readonly fast",
    keys: [1, -1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "1.0.0",
    summary: "Counts how many of the given keys exist.",
    complexity: "O(N) where N is the number of keys to check.",
    tips: "request_policy:multi_shard response_policy:agg_sum",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: exists,
  }),
  defineCommand("type", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "1.0.0",
    summary: "Returns the type of the value stored under a key.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: type,
  }),
  defineCommand("keys", {
    arity: 2,
    flags: "readonly",
    acl: "keyspace read slow dangerous",
    group: "generic",
    since: "1.0.0",
    summary: "Returns every key matching a glob pattern.",
    complexity: "O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.",
    tips: "request_policy:all_shards nondeterministic_output_order",
    arguments: [{ name: "pattern", type: "pattern" }],
    handler: keys,
  }),
  defineCommand("scan", {
    arity: -2,
    flags: "readonly",
    acl: "keyspace read slow",
    group: "generic",
    since: "2.8.0",
    summary: "Iterates over the keys of the database with a cursor.",
    complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.",
    tips: "nondeterministic_output request_policy:special",
    arguments: [{ name: "cursor", type: "integer" }, { name: "pattern", type: "pattern", token: "MATCH", optional: true }, { name: "count", type: "integer", token: "COUNT", optional: true }, { name: "type", type: "string", token: "TYPE", optional: true }],
    handler: scan,
  }),
  defineCommand("randomkey", {
    arity: 1,
    flags: "readonly",
    acl: "keyspace read slow",
    group: "generic",
    since: "1.0.0",
    summary: "Returns a key picked at random.",
    complexity: "O(1)",
    tips: "request_policy:all_shards nondeterministic_output",
    handler: randomkey,
  }),
  defineCommand("rename", {
    arity: 3,
    flags: "write",
    keys: [1, 2, 1],
    acl: "keyspace write slow",
    group: "generic",
    since: "1.0.0",
    summary: "Gives a key a new name, replacing any key with that name.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "newkey", type: "key" }],
    handler: rename,
  }),
  defineCommand("renamenx", {
    arity: 3,
    flags: "write fast",
    keys: [1, 2, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "1.0.0",
    summary: "Gives a key a new name, only if that name is free.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "newkey", type: "key" }],
    handler: renamenx,
  }),
  defineCommand("copy", {
    arity: -3,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "keyspace write slow",
    group: "generic",
    since: "6.2.0",
    summary: "Duplicates a key's value under another name, possibly in another database.",
    complexity: "O(N) worst case for collections, where N is the number of nested items. O(1) for string values.",
    arguments: [{ name: "source", type: "key" }, { name: "destination", type: "key" }, { name: "destination-db", type: "integer", token: "DB", optional: true }, { name: "replace", type: "pure-token", token: "REPLACE", optional: true }],
    handler: copy,
  }),
  defineCommand("move", {
    arity: 3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "1.0.0",
    summary: "Moves a key to another database.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "db", type: "integer" }],
    handler: move,
  }),
  defineCommand("touch", {
    arity: -2,
    flags: "readonly fast",
    keys: [1, -1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "3.2.1",
    summary: "Refreshes the last access time of keys and counts those that exist.",
    complexity: "O(N) where N is the number of keys that will be touched.",
    tips: "request_policy:multi_shard response_policy:agg_sum",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: touch,
  }),
  defineCommand("object", {
    arity: -2,
    acl: "slow",
    group: "generic",
    since: "2.2.3",
    summary: "Container for commands that inspect how values are stored.",
    complexity: "Depends on subcommand.",
    subcommands: {
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "keyspace slow",
        since: "6.2.0",
        summary: "Lists the OBJECT subcommands.",
        complexity: "O(1)",
        handler: objectHelp,
      },
      encoding: {
        arity: 3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "keyspace read slow",
        since: "2.2.3",
        summary: "Returns the internal representation of a key's value.",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        arguments: [{ name: "key", type: "key" }],
        handler: objectEncodingCommand,
      },
      idletime: {
        arity: 3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "keyspace read slow",
        since: "2.2.3",
        summary: "Returns the seconds since a key was last accessed.",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        arguments: [{ name: "key", type: "key" }],
        handler: objectIdletime,
      },
      freq: {
        arity: 3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "keyspace read slow",
        since: "4.0.0",
        summary: "Returns a key's logarithmic access frequency counter.",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        arguments: [{ name: "key", type: "key" }],
        handler: objectFreq,
      },
      refcount: {
        arity: 3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "keyspace read slow",
        since: "2.2.3",
        summary: "Returns how many references a key's value has.",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        arguments: [{ name: "key", type: "key" }],
        handler: objectRefcount,
      },
    },
  }),
  defineCommand("expire", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "1.0.0",
    summary: "Sets a key's time to live in seconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "seconds", type: "integer" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }, { name: "gt", type: "pure-token", token: "GT" }, { name: "lt", type: "pure-token", token: "LT" }] }],
    handler: expire,
  }),
  defineCommand("pexpire", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "2.6.0",
    summary: "Sets a key's time to live in milliseconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "milliseconds", type: "integer" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }, { name: "gt", type: "pure-token", token: "GT" }, { name: "lt", type: "pure-token", token: "LT" }] }],
    handler: pexpire,
  }),
  defineCommand("expireat", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "1.2.0",
    summary: "Sets a key's expiry as a Unix time in seconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "unix-time-seconds", type: "unix-time" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }, { name: "gt", type: "pure-token", token: "GT" }, { name: "lt", type: "pure-token", token: "LT" }] }],
    handler: expireat,
  }),
  defineCommand("pexpireat", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "2.6.0",
    summary: "Sets a key's expiry as a Unix time in milliseconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "unix-time-milliseconds", type: "unix-time" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }, { name: "gt", type: "pure-token", token: "GT" }, { name: "lt", type: "pure-token", token: "LT" }] }],
    handler: pexpireat,
  }),
  defineCommand("persist", {
    arity: 2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "keyspace write fast",
    group: "generic",
    since: "2.2.0",
    summary: "Removes a key's expiry.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: persist,
  }),
  defineCommand("ttl", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "1.0.0",
    summary: "Returns a key's remaining time to live in seconds.",
    complexity: "O(1)",
    tips: "nondeterministic_output",
    arguments: [{ name: "key", type: "key" }],
    handler: ttl,
  }),
  defineCommand("pttl", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "2.6.0",
    summary: "Returns a key's remaining time to live in milliseconds.",
    complexity: "O(1)",
    tips: "nondeterministic_output",
    arguments: [{ name: "key", type: "key" }],
    handler: pttl,
  }),
  defineCommand("expiretime", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "7.0.0",
    summary: "Returns a key's expiry as a Unix time in seconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: expiretime,
  }),
  defineCommand("pexpiretime", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "keyspace read fast",
    group: "generic",
    since: "7.0.0",
    summary: "Returns a key's expiry as a Unix time in milliseconds.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: pexpiretime,
  }),
  defineCommand("sort", {
    arity: -2,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    acl: "write set sortedset list slow dangerous",
    group: "generic",
    since: "1.0.0",
    summary: "Sorts a list, set or sorted set, optionally by or with external keys, and may store the result.",
    complexity: "O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).",
    arguments: [{ name: "key", type: "key" }, { name: "pattern", type: "pattern", token: "BY", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }, { name: "pattern", type: "pattern", token: "GET", optional: true, multiple: true }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "sorting", type: "pure-token", token: "ALPHA", optional: true }, { name: "destination", type: "key", token: "STORE", optional: true }],
    getKeys: sortKeys,
    handler: sort,
  }),
  defineCommand("sort_ro", {
    arity: -2,
    flags: "readonly movablekeys",
    keys: [1, 1, 1],
    acl: "read set sortedset list slow dangerous",
    group: "generic",
    since: "7.0.0",
    summary: "Sorts a list, set or sorted set, optionally by or with external keys (read-only).",
    complexity: "O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).",
    arguments: [{ name: "key", type: "key" }, { name: "pattern", type: "pattern", token: "BY", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }, { name: "pattern", type: "pattern", token: "GET", optional: true, multiple: true }, { name: "order", type: "oneof", optional: true, arguments: [{ name: "asc", type: "pure-token", token: "ASC" }, { name: "desc", type: "pure-token", token: "DESC" }] }, { name: "sorting", type: "pure-token", token: "ALPHA", optional: true }],
    handler: sortRo,
  }),
];
