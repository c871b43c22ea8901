/**
 * Memory accounting: what each key would cost in Redis 7.0 with jemalloc, and the used-memory
 * figure that INFO, MEMORY STATS and maxmemory eviction work from.
 *
 * The model follows Redis's objectComputeSize (MEMORY USAGE): allocations are rounded up to
 * jemalloc's size classes, a key costs its sds plus a dictEntry, and values cost their robj plus
 * their encoding's structures:
 * - strings: int = the robj alone; embstr = one block (robj + sdshdr8 + bytes); raw = robj + sds;
 * - listpacks (small hashes and sorted sets) and intsets: the exact blob size;
 * - hashtables, skiplists and quicklists: fixed headers plus the average of the first
 *   `samples` elements (0 = all) times the element count, as Redis extrapolates.
 * Lists are quicklists of 8 KB listpack nodes (list-max-listpack-size -2).
 *
 * The engine keeps a running total per database (Database.memory) from these estimates, taken
 * when a key is written, so used memory moves with every write at O(samples) cost.
 */
import type { Engine } from "./engine";
import type { RedisObject } from "./object";
import type { HashValue } from "./structures/hash";
import type { SetValue } from "./structures/set";
import type { SortedSet } from "./structures/zset";
import type { Deque } from "./structures/deque";
import type { Stream } from "./structures/stream";
import { stringEncoding } from "./structures/string-value";
import { formatDouble17g } from "./util/numbers";

/** Samples Redis's MEMORY USAGE uses by default (OBJ_COMPUTE_SIZE_DEF_SAMPLES). */
export const DEFAULT_SAMPLES = 5;

/** used_memory of a fresh redis-server 7.0 (used_memory_startup). */
export const STARTUP_MEMORY = 876_072;
/** What one idle connection adds to used_memory (its query and reply buffers, client struct). */
export const CLIENT_MEMORY = 22_272;

const ROBJ = 16;
const DICT_ENTRY = 24;
const DICT = 56;
const QUICKLIST = 40;
const QUICKLIST_NODE = 40;
const ZSET = 16;
const ZSKIPLIST = 32;
const QUICKLIST_NODE_BYTES = 8192;
const LISTPACK_HEADER = 6;
const STREAM = 96;
const RAX = 24;
const STREAM_ID = 16;
/** What streamRadixTreeMemoryUsage charges per rax node: the header plus 30 words. */
const RAX_NODE = 4 + 8 * 30;
/** A stream's newest listpack is allocated at stream-node-max-bytes up front. */
const STREAM_NODE_PREALLOC = 4096;
const CONSUMER_GROUP = 80;
const CONSUMER = 64;
/** streamNACK: delivery time, count and consumer pointer. */
const PENDING_ENTRY = 24;
/** Longest string Redis stores embedded in its robj (OBJ_ENCODING_EMBSTR_SIZE_LIMIT). */
const EMBSTR_LIMIT = 44;

/** The jemalloc size class an allocation of `bytes` is served from (16-byte quantum). */
export function allocSize(bytes: number): number {
  if (bytes <= 8) return 8;
  if (bytes <= 128) return (bytes + 15) & ~15;
  // Above 128 bytes every doubling is split into four classes.
  const step = 2 ** (Math.floor(Math.log2(bytes - 1)) - 2);
  return Math.ceil(bytes / step) * step;
}

/** Allocation of an sds string of `length` bytes: smallest header type that fits, plus the NUL. */
export function sdsSize(length: number): number {
  const header = length < 32 ? 1 : length < 256 ? 3 : length < 65_536 ? 5 : 9;
  return allocSize(header + length + 1);
}

/** Bytes one element takes in a listpack: encoding + data + back-length. */
export function listpackEntrySize(element: string): number {
  const length = element.length;
  let size: number;
  const integer = length > 0 && length <= 20 ? listpackInteger(element) : undefined;
  if (integer !== undefined) {
    size = integer >= 0 && integer <= 127 ? 1 : integer >= -4096 && integer <= 4095 ? 2 : integer >= -32768 && integer <= 32767 ? 3 : integer >= -8388608 && integer <= 8388607 ? 4 : integer >= -2147483648 && integer <= 2147483647 ? 5 : 9;
  } else {
    size = (length < 64 ? 1 : length < 4096 ? 2 : 5) + length;
  }
  return size + (size <= 127 ? 1 : size < 16383 ? 2 : size < 2097151 ? 3 : size < 268435455 ? 4 : 5);
}

/** The integer a listpack would store `text` as (canonical decimal within int64), if any. */
function listpackInteger(text: string): number | undefined {
  const first = text.charCodeAt(0);
  if (first !== 45 && (first < 48 || first > 57)) return undefined;
  if (!/^(0|-?[1-9]\d*)$/.test(text)) return undefined;
  const value = Number(text);
  // Beyond int64 Redis keeps the text; within it the exact width only matters up to 9 bytes.
  return Math.abs(value) <= 9.2e18 ? value : undefined;
}

/** Buckets Redis's dict has for `size` entries (power of two, at least 4). */
function dictSlots(size: number): number {
  if (size === 0) return 0;
  return size <= 4 ? 4 : 2 ** Math.ceil(Math.log2(size));
}

/** Estimates the value of a type this file does not know (streams...); registered by its group. */
export type MemoryEstimator = (value: never, samples: number) => number;
const estimators = new Map<string, MemoryEstimator>();

export function registerMemoryEstimator(type: string, estimate: MemoryEstimator): void {
  estimators.set(type, estimate);
}

/** Average of `measure` over the first `samples` items (all when 0), times `count`. */
function extrapolate<T>(items: Iterable<T>, count: number, samples: number, measure: (item: T) => number): number {
  if (count === 0) return 0;
  let total = 0;
  let taken = 0;
  for (const item of items) {
    total += measure(item);
    if (++taken === samples) break;
  }
  return taken === 0 ? 0 : (total / taken) * count;
}

function stringValueSize(object: RedisObject<"string">): number {
  const value = object.value;
  const length = value.length;
  if (!object.forceRaw && typeof value === "string") {
    // Only short values starting like a number can be int-encoded; skip the check otherwise (hot path).
    const first = value.charCodeAt(0);
    if (length <= 20 && ((first >= 48 && first <= 57) || first === 45) && stringEncoding(object) === "int") return ROBJ;
    if (length <= EMBSTR_LIMIT) return allocSize(ROBJ + 3 + length + 1);
  }
  return ROBJ + sdsSize(length);
}

function listSize(list: Deque<string>, samples: number): number {
  const count = list.length;
  if (count === 0) return ROBJ + QUICKLIST;
  // Elements spread over the list stand in for the whole when sampling.
  const taken = samples === 0 || samples >= count ? count : samples;
  let sampled = 0;
  for (let i = 0; i < taken; i++) sampled += listpackEntrySize(list.at(Math.floor((i * count) / taken))!);
  const bytes = (sampled / taken) * count;
  const nodes = Math.max(1, Math.ceil(bytes / (QUICKLIST_NODE_BYTES - LISTPACK_HEADER - 1)));
  return ROBJ + QUICKLIST + nodes * (QUICKLIST_NODE + allocSize(LISTPACK_HEADER + 1 + bytes / nodes));
}

function setSize(set: SetValue, samples: number): number {
  const count = set.size;
  if (set.encoding === "intset") {
    let width = 2;
    for (const member of set.values()) {
      const value = Number(member);
      if (value < -2147483648 || value > 2147483647) {
        width = 8;
        break;
      }
      if (value < -32768 || value > 32767) width = 4;
    }
    return ROBJ + allocSize(8 + count * width);
  }
  return ROBJ + DICT + dictSlots(count) * 8 + extrapolate(set.values(), count, samples, (member) => DICT_ENTRY + sdsSize(member.length));
}

function hashSize(hash: HashValue, samples: number): number {
  const count = hash.size;
  if (hash.encoding === "listpack") {
    let bytes = LISTPACK_HEADER + 1;
    for (const [field, value] of hash.entries()) bytes += listpackEntrySize(field) + listpackEntrySize(value);
    return ROBJ + allocSize(bytes);
  }
  return (
    ROBJ +
    DICT +
    dictSlots(count) * 8 +
    extrapolate(hash.entries(), count, samples, ([field, value]) => DICT_ENTRY + sdsSize(field.length) + sdsSize(value.length))
  );
}

function sortedSetSize(zset: SortedSet, samples: number): number {
  const count = zset.size;
  if (zset.encoding === "listpack") {
    let bytes = LISTPACK_HEADER + 1;
    for (let node = zset.list.head; node !== null; node = node.next) {
      bytes += listpackEntrySize(node.member) + listpackEntrySize(formatDouble17g(node.score));
    }
    return ROBJ + allocSize(bytes);
  }
  const header = allocSize(24 + 16 * 32);
  const nodes: number[] = [];
  for (let node = zset.list.head; node !== null && (samples === 0 || nodes.length < samples); node = node.next) {
    nodes.push(sdsSize(node.member.length) + DICT_ENTRY + allocSize(24 + 16 * node.forward.length));
  }
  const perNode = nodes.length === 0 ? 0 : nodes.reduce((sum, size) => sum + size, 0) / nodes.length;
  return ROBJ + ZSET + ZSKIPLIST + DICT + dictSlots(count) * 8 + header + perNode * count;
}

/**
 * Redis's stream estimate: its radix tree (Redis charges 30 words per rax node, about two rax
 * nodes per listpack), the first `samples` listpacks averaged for all but the last, the last
 * one at its preallocated size, and the consumer groups' PELs.
 */
function streamSize(stream: Stream, samples: number): number {
  const nodes = stream.nodes;
  const count = nodes.length;
  let size = ROBJ + STREAM + RAX + count * STREAM_ID + 2 * count * RAX_NODE;
  if (count > 0) {
    const taken = samples === 0 ? count : Math.min(samples, count);
    let sampled = 0;
    for (let i = 0; i < taken; i++) sampled += allocSize(nodes[i]!.bytes);
    const last = allocSize(Math.max(nodes[count - 1]!.bytes, STREAM_NODE_PREALLOC));
    size += count <= taken ? sampled - allocSize(nodes[count - 1]!.bytes) + last : (sampled / taken) * (count - 1) + last;
  }
  for (const group of stream.groups.values()) {
    size += CONSUMER_GROUP + RAX + group.pending.size * (STREAM_ID + PENDING_ENTRY);
    for (const consumer of group.consumers.values()) size += CONSUMER + sdsSize(consumer.name.length) + RAX + consumer.pending.size * STREAM_ID;
  }
  return Math.round(size);
}

/** What the value of `object` costs, sampling `samples` elements of big collections (0 = all). */
export function valueMemory(object: RedisObject, samples = DEFAULT_SAMPLES): number {
  switch (object.type) {
    case "string":
      return stringValueSize(object as RedisObject<"string">);
    case "list":
      return listSize(object.value as Deque<string>, samples);
    case "set":
      return setSize(object.value as SetValue, samples);
    case "hash":
      return hashSize(object.value as HashValue, samples);
    case "zset":
      return sortedSetSize(object.value as SortedSet, samples);
    case "stream":
      return streamSize(object.value as Stream, samples);
    default: {
      const estimate = estimators.get(object.type);
      return estimate ? estimate(object.value as never, samples) : ROBJ + 64;
    }
  }
}

/** MEMORY USAGE: the key's sds, its dictEntry and its value, rounded to whole bytes. */
export function keyMemory(key: string, object: RedisObject, samples = DEFAULT_SAMPLES): number {
  return Math.round(sdsSize(key.length) + DICT_ENTRY + valueMemory(object, samples));
}

/** The parts of used_memory, as MEMORY STATS breaks them down. */
export interface MemoryBreakdown {
  used: number;
  startup: number;
  clients: number;
  /** Per database: main and expires hashtable overhead (buckets and expiry entries). */
  databases: { id: number; main: number; expires: number }[];
  overhead: number;
  dataset: number;
  keys: number;
}

/** Hashtable overhead of a database's main and expires dicts. */
function databaseOverhead(size: number, volatileCount: number): [main: number, expires: number] {
  return [dictSlots(size) * 8, dictSlots(volatileCount) * 8 + volatileCount * DICT_ENTRY];
}

/** used_memory: startup baseline + clients + every database's keys and hashtables. O(databases). */
export function usedMemory(engine: Engine): number {
  let used = STARTUP_MEMORY + engine.clients.size * CLIENT_MEMORY;
  for (const db of engine.databases) {
    if (db.size === 0) continue;
    const [main, expires] = databaseOverhead(db.size, db.expires.size);
    used += db.memory + main + expires;
  }
  return Math.round(used);
}

export function memoryBreakdown(engine: Engine): MemoryBreakdown {
  const clients = engine.clients.size * CLIENT_MEMORY;
  const databases: MemoryBreakdown["databases"] = [];
  let overhead = STARTUP_MEMORY + clients;
  let dataset = 0;
  let keys = 0;
  for (const db of engine.databases) {
    if (db.size === 0) continue;
    const [main, expires] = databaseOverhead(db.size, db.expires.size);
    databases.push({ id: db.id, main, expires });
    overhead += main + expires;
    dataset += db.memory;
    keys += db.size;
  }
  dataset = Math.round(dataset);
  return { used: overhead + dataset, startup: STARTUP_MEMORY, clients, databases, overhead, dataset, keys };
}

/** Tracks used_memory_peak; call whenever used memory is read or may have grown. */
export function notePeak(engine: Engine, used: number): number {
  const peak = Math.max(peaks.get(engine) ?? 0, used);
  peaks.set(engine, peak);
  return peak;
}

const peaks = new WeakMap<Engine, number>();
