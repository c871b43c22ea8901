/**
 * Per-type hooks: how generic commands (COPY, OBJECT ENCODING, SORT, ...) handle values whose
 * structures are owned by other command groups, without importing those groups.
 *
 * A group registers its hooks once, at module load, next to its commands. For example in
 * lists.ts:
 *
 *   registerTypeCloner("list", (list) => list.clone());          // COPY: a deep, independent copy
 *   registerEncoding("list", (list) => list.encoding);           // OBJECT ENCODING (optional if
 *                                                                //   the value has `encoding`)
 *   registerElementsReader("list", (list) => list.toArray());    // SORT: elements in their order
 *   registerListBuilder((items) => ListValue.from(items));       // SORT ... STORE
 *
 * and in hashes.ts `registerHashFieldReader((hash, field) => hash.get(field))` for SORT's
 * `BY weight_*->field` / `GET data_*->field`. Strings are handled here directly.
 *
 * Without a registered hook these conventions are used: `value.clone()` for COPY,
 * `value.encoding` for OBJECT ENCODING, `value.get(field)` for hash fields, and iterating the
 * value (strings, in order) for the elements of lists and sets. Sorted sets must register an
 * elements reader, lists a builder. registerSortPreparation covers SORT's one side effect.
 */
import { RedisObject, type ObjectType } from "./object";
import { cloneStringObject, stringEncoding } from "./structures/string-value";

type ValueOf<T extends ObjectType> = RedisObject<T>["value"];

const cloners = new Map<ObjectType, (value: never) => unknown>();
const encodings = new Map<ObjectType, (value: never) => string>();
const elementReaders = new Map<ObjectType, (value: never) => string[]>();
let hashFieldReader: ((hash: ValueOf<"hash">, field: string) => string | undefined) | undefined;
let listBuilder: ((items: string[]) => ValueOf<"list">) | undefined;
const sortPreparations = new Map<ObjectType, (value: never) => void>();

/** COPY's deep copy of a value of `type`; the copy must share nothing mutable with the original. */
export function registerTypeCloner<T extends ObjectType>(type: T, clone: (value: ValueOf<T>) => ValueOf<T>): void {
  cloners.set(type, clone as (value: never) => unknown);
}

/** OBJECT ENCODING's answer for a value of `type` ("listpack", "quicklist", "intset", ...). */
export function registerEncoding<T extends ObjectType>(type: T, encoding: (value: ValueOf<T>) => string): void {
  encodings.set(type, encoding as (value: never) => string);
}

/**
 * The elements of a list (head to tail), set (any order) or sorted set (ascending score,
 * then member) as an array, for SORT.
 */
export function registerElementsReader<T extends ObjectType>(type: T, read: (value: ValueOf<T>) => string[]): void {
  elementReaders.set(type, read as (value: never) => string[]);
}

/** Reads one field of a hash value (undefined when absent), for SORT's `->field` patterns. */
export function registerHashFieldReader(read: (hash: ValueOf<"hash">, field: string) => string | undefined): void {
  hashFieldReader = read;
}

/** Builds a list value holding `items` head to tail, for SORT ... STORE. */
export function registerListBuilder(build: (items: string[]) => ValueOf<"list">): void {
  listBuilder = build;
}

/**
 * Runs before SORT reads a value. Redis 7.0 converts a listpack sorted set to a skiplist for
 * good there (OBJECT ENCODING then says "skiplist"). Without a hook, a sorted set whose value
 * has an `encoding` field gets it set to "skiplist".
 */
export function registerSortPreparation<T extends ObjectType>(type: T, prepare: (value: ValueOf<T>) => void): void {
  sortPreparations.set(type, prepare as (value: never) => void);
}

function missingHook(what: string, type: string): never {
  throw new Error(`no ${what} registered for type ${type} (see engine/types.ts)`);
}

/** A deep copy of an object, with the same type and encoding. */
export function cloneObject(object: RedisObject): RedisObject {
  if (object.type === "string") return cloneStringObject(object as RedisObject<"string">);
  const clone = cloners.get(object.type);
  if (clone) return new RedisObject(object.type, clone(object.value as never) as never);
  const own = object.value as { clone?: () => unknown };
  if (typeof own.clone !== "function") missingHook("cloner", object.type);
  return new RedisObject(object.type, own.clone() as never);
}

/** The name OBJECT ENCODING reports: a registered hook, else the value's own `encoding`. */
export function objectEncoding(object: RedisObject): string {
  if (object.type === "string") return stringEncoding(object as RedisObject<"string">);
  const encoding = encodings.get(object.type);
  if (encoding) return encoding(object.value as never);
  const own = (object.value as { encoding?: unknown } | null)?.encoding;
  return typeof own === "string" ? own : missingHook("encoding", object.type);
}

/** A list's, set's or sorted set's elements, as registerElementsReader describes. */
export function elementsOf(object: RedisObject): string[] {
  const read = elementReaders.get(object.type);
  if (read) return read(object.value as never);
  const value = object.value as Iterable<string>;
  if ((object.type !== "list" && object.type !== "set") || typeof value[Symbol.iterator] !== "function") {
    missingHook("elements reader", object.type);
  }
  return [...value];
}

export function prepareForSort(object: RedisObject): void {
  const prepare = sortPreparations.get(object.type);
  if (prepare) return prepare(object.value as never);
  const value = object.value as { encoding?: unknown };
  if (object.type === "zset" && typeof value.encoding === "string") value.encoding = "skiplist";
}

export function readHashField(hash: ValueOf<"hash">, field: string): string | undefined {
  if (hashFieldReader) return hashFieldReader(hash, field);
  const own = hash as { get?: (field: string) => string | undefined };
  if (typeof own.get !== "function") missingHook("field reader", "hash");
  return own.get(field);
}

export function buildList(items: string[]): ValueOf<"list"> {
  return (listBuilder ?? missingHook("builder", "list"))(items);
}
