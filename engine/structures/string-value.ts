/**
 * String values: a binary JS string (cheap, immutable) until something mutates the value in
 * place (SETRANGE, SETBIT, BITFIELD, APPEND onto bytes), after which it is a Buffer the engine
 * owns, with spare capacity so repeated growth is amortised O(1) like Redis's sds.
 *
 * Also decides what OBJECT ENCODING reports, following Redis: values stored through
 * tryObjectEncoding (SET, MSET, GETSET, APPEND to a new key...) are "int" when they are the
 * canonical text of an int64, else "embstr" up to 44 bytes, else "raw"; INCRBYFLOAT results
 * skip the integer check; anything modified in place is "raw".
 */
import { RedisObject } from "../object";
import { isCanonicalInt64 } from "../util/numbers";

export type StringValue = string | Buffer;

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
const EMBSTR_SIZE_LIMIT = 44;
/** Redis shares the integers 0..9999 between keys (OBJ_SHARED_INTEGERS). */
const SHARED_INTEGERS = 10_000;
/**
 * APPEND keeps short values as JS strings; longer ones move to a growable Buffer, because a
 * string built by repeated concatenation is re-flattened (copied whole) by the next range read.
 */
const APPEND_AS_STRING_LIMIT = 4096;
/** Past this size growth adds a fixed amount instead of doubling (SDS_MAX_PREALLOC). */
const MAX_PREALLOC = 1024 * 1024;

/** Backing stores allocated here: only these may be grown in place beyond a Buffer's length. */
const ownedStores = new WeakSet<ArrayBufferLike>();
/** Strings created without the integer check (INCRBYFLOAT), still "embstr" if they look like ints. */
const notIntEncoded = new WeakSet<RedisObject>();
/** Integer strings duplicated by COPY: Redis gives the copy its own object, never a shared one. */
const unshared = new WeakSet<RedisObject>();

/** A string object as SET stores it (Redis's tryObjectEncoding). */
export function newStringObject(value: string): RedisObject<"string"> {
  return new RedisObject("string", value);
}

/** A string object as createStringObject makes it: never "int" (INCRBYFLOAT's result). */
export function newUnencodedStringObject(value: string): RedisObject<"string"> {
  const object = new RedisObject("string", value);
  if (value.length <= 20) notIntEncoded.add(object);
  return object;
}

/** A string object Redis creates as a plain sds (SETBIT/SETRANGE on a new key, BITOP results). */
export function newRawStringObject(value: StringValue): RedisObject<"string"> {
  const object = new RedisObject("string", value);
  object.forceRaw = true;
  return object;
}

export function stringEncoding(object: RedisObject<"string">): "int" | "embstr" | "raw" {
  const value = object.value;
  if (object.forceRaw || typeof value !== "string") return "raw";
  if (value.length <= 20 && !notIntEncoded.has(object) && isCanonicalInt64(value)) return "int";
  return value.length <= EMBSTR_SIZE_LIMIT ? "embstr" : "raw";
}

/**
 * Whether Redis would hold this value as one of its shared integer objects (OBJECT REFCOUNT
 * then reports INT_MAX). Sharing is off when maxmemory is set with an LRU/LFU policy.
 */
export function isSharedInteger(object: RedisObject<"string">, sharingAllowed: boolean): boolean {
  if (!sharingAllowed || unshared.has(object) || stringEncoding(object) !== "int") return false;
  const value = Number(object.value);
  return value >= 0 && value < SHARED_INTEGERS;
}

export function cloneStringObject(object: RedisObject<"string">): RedisObject<"string"> {
  const value = object.value;
  const clone = new RedisObject("string", typeof value === "string" ? value : value.latin1Slice(0, value.length));
  clone.forceRaw = object.forceRaw;
  if (notIntEncoded.has(object)) notIntEncoded.add(clone);
  unshared.add(clone);
  return clone;
}

/** The value as a binary string (replies, comparisons); copies a Buffer's bytes. */
export function toBinaryString(value: StringValue): string {
  return typeof value === "string" ? value : value.latin1Slice(0, value.length);
}

/** Bytes start..end-1 as a binary string. */
export function sliceBinary(value: StringValue, start: number, end: number): string {
  return typeof value === "string" ? value.slice(start, end) : value.latin1Slice(start, end);
}

/** Read-only bytes start..end-1 for scans (BITCOUNT, BITPOS, BITOP): a view of a Buffer, a copy of a string's range. */
export function bytesOf(value: StringValue, start = 0, end = value.length): Uint8Array {
  return typeof value === "string" ? Buffer.from(value.slice(start, end), "latin1") : value.subarray(start, end);
}

/** The byte at `index`, 0 past the end (the zero padding bit operations assume). */
export function byteAt(value: StringValue, index: number): number {
  if (index >= value.length) return 0;
  return typeof value === "string" ? value.charCodeAt(index) : value[index]!;
}

/**
 * Makes the object's value an owned, writable Buffer at least `length` bytes long (new bytes
 * are zero) and marks the object raw. Amortised O(1) when called repeatedly.
 */
export function writableBytes(object: RedisObject<"string">, length: number): Buffer {
  object.forceRaw = true;
  const value = object.value;
  if (typeof value !== "string" && ownedStores.has(value.buffer) && value.byteOffset === 0) {
    if (length <= value.length) return value;
    if (length <= value.buffer.byteLength) {
      const grown = Buffer.from(value.buffer, 0, length);
      object.value = grown;
      return grown;
    }
  }
  const current = value.length;
  const capacity = Math.max(length, current) < MAX_PREALLOC ? Math.max(length, current) * 2 : Math.max(length, current) + MAX_PREALLOC;
  const store = new ArrayBuffer(Math.max(capacity, 16));
  ownedStores.add(store);
  const bytes = Buffer.from(store, 0, Math.max(length, current));
  if (typeof value === "string") bytes.write(value, 0, current, "latin1");
  else value.copy(bytes, 0, 0, current);
  object.value = bytes;
  return bytes;
}

/** Appends bytes in place (APPEND); returns the new length. */
export function appendBytes(object: RedisObject<"string">, suffix: string): number {
  const value = object.value;
  object.forceRaw = true;
  if (typeof value === "string" && value.length + suffix.length <= APPEND_AS_STRING_LIMIT) {
    object.value = value + suffix;
    return object.value.length;
  }
  const start = value.length;
  const bytes = writableBytes(object, start + suffix.length);
  bytes.write(suffix, start, suffix.length, "latin1");
  return bytes.length;
}

/** Writes `data` at `offset` (SETRANGE), zero-padding any gap; returns the new length. */
export function writeBytes(object: RedisObject<"string">, offset: number, data: string): number {
  const bytes = writableBytes(object, Math.max(object.value.length, offset + data.length));
  bytes.write(data, offset, data.length, "latin1");
  return bytes.length;
}
