/**
 * Redis streams: entries ordered by ID in nodes shaped like Redis's listpack nodes (so
 * approximate trimming with `~`, which only drops whole nodes, leaves exactly as many entries as
 * Redis does), plus consumer groups with their pending entries lists.
 *
 * A stream ID (two unsigned 64-bit numbers, ms and seq) is kept as a 16-char binary string, the
 * big-endian bytes of both parts: plain string comparison then orders IDs numerically, and IDs
 * work as Map keys without allocation of wrapper objects.
 */

export type StreamId = string;

declare module "../object" {
  interface ObjectValueMap {
    stream: Stream;
  }
}

export const MIN_ID: StreamId = "\x00".repeat(16);
export const MAX_ID: StreamId = "\xff".repeat(16);
const TWO_32 = 2 ** 32;
const UINT64_MAX = 2n ** 64n - 1n;

function wordChars(value: number): string {
  const hi = Math.floor(value / TWO_32);
  const lo = value >>> 0;
  return String.fromCharCode(hi >>> 24, (hi >>> 16) & 255, (hi >>> 8) & 255, hi & 255, lo >>> 24, (lo >>> 16) & 255, (lo >>> 8) & 255, lo & 255);
}

function bigWordChars(value: bigint): string {
  let out = "";
  for (let shift = 56n; shift >= 0n; shift -= 8n) out += String.fromCharCode(Number((value >> shift) & 255n));
  return out;
}

/** An ID from two parts that are safe integers (the usual case: times in ms, small sequences). */
export function makeId(ms: number, seq: number): StreamId {
  return wordChars(ms) + wordChars(seq);
}

export function makeBigId(ms: bigint, seq: bigint): StreamId {
  return bigWordChars(ms) + bigWordChars(seq);
}

/** The 64-bit word at char `offset` (0 = ms, 8 = seq), as a number when exact, else a bigint. */
function word(id: StreamId, offset: number): number | bigint {
  const hi = ((id.charCodeAt(offset) << 24) | (id.charCodeAt(offset + 1) << 16) | (id.charCodeAt(offset + 2) << 8) | id.charCodeAt(offset + 3)) >>> 0;
  const lo = ((id.charCodeAt(offset + 4) << 24) | (id.charCodeAt(offset + 5) << 16) | (id.charCodeAt(offset + 6) << 8) | id.charCodeAt(offset + 7)) >>> 0;
  if (hi < 2 ** 21) return hi * TWO_32 + lo;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

export function idMs(id: StreamId): number | bigint {
  return word(id, 0);
}

export function idSeq(id: StreamId): number | bigint {
  return word(id, 8);
}

/** "ms-seq", as replies show IDs. */
export function formatId(id: StreamId): string {
  return `${word(id, 0)}-${word(id, 8)}`;
}

/** The next ID (seq + 1, carrying into ms), or undefined after the maximum ID. */
export function incrementId(id: StreamId): StreamId | undefined {
  if (id === MAX_ID) return undefined;
  let i = 15;
  while (id.charCodeAt(i) === 255) i--;
  return id.slice(0, i) + String.fromCharCode(id.charCodeAt(i) + 1) + "\x00".repeat(15 - i);
}

/** The previous ID, or undefined before 0-0. */
export function decrementId(id: StreamId): StreamId | undefined {
  if (id === MIN_ID) return undefined;
  let i = 15;
  while (id.charCodeAt(i) === 0) i--;
  return id.slice(0, i) + String.fromCharCode(id.charCodeAt(i) - 1) + "\xff".repeat(15 - i);
}

/** True when both IDs have the same ms part. */
export function sameMs(a: StreamId, b: StreamId): boolean {
  return a.slice(0, 8) === b.slice(0, 8);
}

/** `id` with its seq part replaced. */
export function withSeq(id: StreamId, seq: bigint): StreamId {
  return id.slice(0, 8) + bigWordChars(seq);
}

export const UINT64_MAX_BIG = UINT64_MAX;

// ---- listpack sizes -------------------------------------------------------------------------

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Bytes of a listpack element's back-length field for an element of `size` bytes. */
function backlenSize(size: number): number {
  if (size <= 127) return 1;
  if (size < 16383) return 2;
  if (size < 2097151) return 3;
  if (size < 268435455) return 4;
  return 5;
}

function integerElementSize(value: number | bigint): number {
  const v = value;
  let size: number;
  if (v >= 0 && v <= 127) size = 1;
  else if (v >= -4096 && v <= 4095) size = 2;
  else if (v >= -32768 && v <= 32767) size = 3;
  else if (v >= -8388608 && v <= 8388607) size = 4;
  else if (v >= -2147483648 && v <= 2147483647) size = 5;
  else size = 9;
  return size + backlenSize(size);
}

const INTEGER_TEXT = /^(0|-?[1-9][0-9]{0,18})$/;

/** Bytes a string takes in a listpack: strings that read as int64 are stored as integers. */
function stringElementSize(text: string): number {
  if (text.length <= 20 && INTEGER_TEXT.test(text)) {
    // Up to 15 digits a double is exact; longer ones need a bigint range check.
    if (text.length <= 15) return integerElementSize(Number(text));
    const value = BigInt(text);
    if (value >= INT64_MIN && value <= INT64_MAX) return integerElementSize(value);
  }
  const length = text.length;
  const size = length < 64 ? 1 + length : length < 4096 ? 2 + length : 5 + length;
  return size + backlenSize(size);
}

/** The difference of two ID parts as Redis stores it (a wrapped int64), for sizing. */
function partDelta(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") return a - b;
  let delta = (BigInt(a) - BigInt(b)) & UINT64_MAX;
  if (delta > INT64_MAX) delta -= 2n ** 64n;
  return delta;
}

// ---- entries and nodes --------------------------------------------------------------------

export interface StreamEntry {
  id: StreamId;
  /** field, value, field, value... */
  fields: string[];
  deleted: boolean;
}

/** Listpack header (total bytes + element count) and end marker. */
const LISTPACK_OVERHEAD = 7;

/** One listpack node: its master ID and fields, entries (deleted ones stay until the node goes). */
export class StreamNode {
  readonly entries: StreamEntry[] = [];
  live = 0;
  bytes: number;
  private readonly masterFields: string[];
  /** The master ID's parts, read once: every entry stores its ID as deltas from them. */
  private readonly masterMs: number | bigint;
  private readonly masterSeq: number | bigint;

  constructor(
    readonly masterId: StreamId,
    fields: string[],
  ) {
    this.masterMs = idMs(masterId);
    this.masterSeq = idSeq(masterId);
    this.masterFields = [];
    for (let i = 0; i < fields.length; i += 2) this.masterFields.push(fields[i]!);
    // count, deleted, number of master fields, the fields and the 0 terminator.
    let bytes = LISTPACK_OVERHEAD + 2 + 2 + integerElementSize(this.masterFields.length) + 2;
    for (const field of this.masterFields) bytes += stringElementSize(field);
    this.bytes = bytes;
  }

  private sameFields(fields: string[]): boolean {
    if (fields.length !== this.masterFields.length * 2) return false;
    for (let i = 0; i < this.masterFields.length; i++) if (fields[i * 2] !== this.masterFields[i]) return false;
    return true;
  }

  append(id: StreamId, fields: string[]): void {
    const same = this.sameFields(fields);
    const pairs = fields.length / 2;
    let bytes = 2; // flags
    bytes += integerElementSize(partDelta(idMs(id), this.masterMs));
    bytes += integerElementSize(partDelta(idSeq(id), this.masterSeq));
    if (same) {
      for (let i = 1; i < fields.length; i += 2) bytes += stringElementSize(fields[i]!);
      bytes += integerElementSize(pairs + 3);
    } else {
      bytes += integerElementSize(pairs);
      for (const item of fields) bytes += stringElementSize(item);
      bytes += integerElementSize(pairs * 2 + 4);
    }
    this.bytes += bytes;
    this.entries.push({ id, fields, deleted: false });
    this.live++;
  }

  /** Index of the first entry with ID >= id (entries.length if none). */
  lowerBound(id: StreamId): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get lastId(): StreamId {
    return this.entries[this.entries.length - 1]!.id;
  }

  clone(): StreamNode {
    const copy = new StreamNode(this.masterId, []);
    copy.masterFields.push(...this.masterFields);
    for (const entry of this.entries) copy.entries.push({ ...entry });
    copy.live = this.live;
    copy.bytes = this.bytes;
    return copy;
  }
}

export interface TrimOptions {
  strategy: "maxlen" | "minid";
  maxlen: number;
  minId: StreamId;
  approximate: boolean;
  /** Most entries to remove (0 = no limit). */
  limit: number;
}

export interface NodeLimits {
  maxEntries: number;
  maxBytes: number;
}

const LISTPACK_MAX_SIZE = 2 ** 30;

// ---- consumer groups ----------------------------------------------------------------------

/** A delivered, not yet acknowledged entry (Redis's streamNACK). */
export interface PendingEntry {
  id: StreamId;
  consumer: Consumer;
  deliveryTime: number;
  deliveryCount: number;
}

const MAP_BLOCK = 128;

/**
 * An ordered map from stream IDs to values: a sorted list of blocks of at most MAP_BLOCK keys,
 * found by binary search. Appending in ID order (the common case) is amortised O(1).
 */
export class IdMap<V> {
  private blocks: { keys: StreamId[]; values: V[] }[] = [];
  private readonly byId = new Map<StreamId, V>();

  get size(): number {
    return this.byId.size;
  }

  get(id: StreamId): V | undefined {
    return this.byId.get(id);
  }

  has(id: StreamId): boolean {
    return this.byId.has(id);
  }

  /** Index of the last block whose first key is <= id (0 if none). */
  private blockFor(id: StreamId): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blocks[mid]!.keys[0]! <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  set(id: StreamId, value: V): void {
    if (this.byId.has(id)) {
      this.byId.set(id, value);
      const block = this.blocks[this.blockFor(id)]!;
      block.values[lowerBound(block.keys, id)] = value;
      return;
    }
    this.byId.set(id, value);
    const last = this.blocks[this.blocks.length - 1];
    if (last === undefined || (last.keys[last.keys.length - 1]! < id && last.keys.length >= MAP_BLOCK)) {
      this.blocks.push({ keys: [id], values: [value] });
      return;
    }
    const index = this.blockFor(id);
    const block = this.blocks[index]!;
    const at = lowerBound(block.keys, id);
    block.keys.splice(at, 0, id);
    block.values.splice(at, 0, value);
    if (block.keys.length > MAP_BLOCK * 2) {
      const half = block.keys.length >>> 1;
      this.blocks.splice(index + 1, 0, { keys: block.keys.splice(half), values: block.values.splice(half) });
    }
  }

  delete(id: StreamId): boolean {
    if (!this.byId.delete(id)) return false;
    const index = this.blockFor(id);
    const block = this.blocks[index]!;
    const at = lowerBound(block.keys, id);
    block.keys.splice(at, 1);
    block.values.splice(at, 1);
    if (block.keys.length === 0) this.blocks.splice(index, 1);
    return true;
  }

  /** Entries with start <= id <= end in ascending order. */
  *range(start: StreamId, end: StreamId = MAX_ID): Generator<[StreamId, V]> {
    if (this.blocks.length === 0) return;
    let b = this.blockFor(start);
    let i = lowerBound(this.blocks[b]!.keys, start);
    for (; b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b]!;
      for (; i < block.keys.length; i++) {
        if (block.keys[i]! > end) return;
        yield [block.keys[i]!, block.values[i]!];
      }
    }
  }

  /** The smallest key >= id. */
  ceiling(id: StreamId): StreamId | undefined {
    if (this.blocks.length === 0) return undefined;
    let b = this.blockFor(id);
    const i = lowerBound(this.blocks[b]!.keys, id);
    if (i < this.blocks[b]!.keys.length) return this.blocks[b]!.keys[i];
    b++;
    return this.blocks[b]?.keys[0];
  }

  first(): StreamId | undefined {
    return this.blocks[0]?.keys[0];
  }

  last(): StreamId | undefined {
    const block = this.blocks[this.blocks.length - 1];
    return block?.keys[block.keys.length - 1];
  }
}

function lowerBound(keys: StreamId[], id: StreamId): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Consumer {
  readonly pending = new IdMap<PendingEntry>();

  constructor(
    readonly name: string,
    public seenTime: number,
  ) {}
}

/** Sentinel for an entries-read counter that is not known (Redis's SCG_INVALID_ENTRIES_READ). */
export const UNKNOWN_ENTRIES_READ = -1;

export class ConsumerGroup {
  readonly pending = new IdMap<PendingEntry>();
  readonly consumers = new Map<string, Consumer>();

  constructor(
    readonly name: string,
    public lastId: StreamId,
    public entriesRead: number,
  ) {}
}

// ---- the stream ---------------------------------------------------------------------------

export class Stream {
  readonly encoding = "stream";
  nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamId = MIN_ID;
  maxDeletedId: StreamId = MIN_ID;
  entriesAdded = 0;
  readonly groups = new Map<string, ConsumerGroup>();

  /** Appends an entry whose ID is known to be greater than lastId. */
  append(id: StreamId, fields: string[], limits: NodeLimits): void {
    const tail = this.nodes[this.nodes.length - 1];
    let node: StreamNode | undefined = tail;
    if (tail !== undefined) {
      const maxBytes = limits.maxBytes === 0 || limits.maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : limits.maxBytes;
      let fieldBytes = 0;
      for (const item of fields) fieldBytes += item.length;
      if (tail.bytes + fieldBytes >= maxBytes) node = undefined;
      else if (limits.maxEntries > 0 && tail.entries.length >= limits.maxEntries) node = undefined;
    }
    if (node === undefined) {
      node = new StreamNode(id, fields);
      this.nodes.push(node);
    }
    node.append(id, fields);
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
  }

  /** Index of the node that would hold `id`: the last one whose master ID is <= id (0 if none). */
  private nodeFor(id: StreamId): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.nodes[mid]!.masterId <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Live entries with start <= ID <= end, ascending; stops after `count` (0 = all). */
  *range(start: StreamId, end: StreamId): Generator<StreamEntry> {
    if (this.nodes.length === 0 || start > end) return;
    let n = this.nodeFor(start);
    let i = this.nodes[n]!.lowerBound(start);
    for (; n < this.nodes.length; n++, i = 0) {
      const entries = this.nodes[n]!.entries;
      for (; i < entries.length; i++) {
        const entry = entries[i]!;
        if (entry.id > end) return;
        if (!entry.deleted) yield entry;
      }
    }
  }

  /** Live entries with start <= ID <= end, descending. */
  *reverseRange(start: StreamId, end: StreamId): Generator<StreamEntry> {
    if (this.nodes.length === 0 || start > end) return;
    let n = this.nodeFor(end);
    const tail = this.nodes[n]!;
    // i: one past the last candidate in the current node.
    let i = tail.lowerBound(end);
    if (i < tail.entries.length && tail.entries[i]!.id === end) i++;
    for (; n >= 0; n--) {
      const entries = this.nodes[n]!.entries;
      if (i < 0) i = entries.length;
      for (i--; i >= 0; i--) {
        const entry = entries[i]!;
        if (entry.id < start) return;
        if (!entry.deleted) yield entry;
      }
    }
  }

  get(id: StreamId): StreamEntry | undefined {
    if (this.nodes.length === 0) return undefined;
    const node = this.nodes[this.nodeFor(id)]!;
    const entry = node.entries[node.lowerBound(id)];
    return entry !== undefined && entry.id === id && !entry.deleted ? entry : undefined;
  }

  firstEntry(): StreamEntry | undefined {
    return this.range(MIN_ID, MAX_ID).next().value ?? undefined;
  }

  lastEntry(): StreamEntry | undefined {
    return this.reverseRange(MIN_ID, MAX_ID).next().value ?? undefined;
  }

  /** The first live ID, 0-0 when empty (XINFO's recorded-first-entry-id). */
  firstId(): StreamId {
    return this.firstEntry()?.id ?? MIN_ID;
  }

  /** Deletes one entry (XDEL); false if it is not there. */
  delete(id: StreamId): boolean {
    if (this.nodes.length === 0) return false;
    const index = this.nodeFor(id);
    const node = this.nodes[index]!;
    const entry = node.entries[node.lowerBound(id)];
    if (entry === undefined || entry.id !== id || entry.deleted) return false;
    entry.deleted = true;
    node.live--;
    this.length--;
    if (node.live === 0) this.nodes.splice(index, 1);
    if (id > this.maxDeletedId) this.maxDeletedId = id;
    return true;
  }

  /** XTRIM / XADD's trimming, as Redis's streamTrim; returns how many entries went. */
  trim(options: TrimOptions): number {
    if (options.strategy === "maxlen" && this.length <= options.maxlen) return 0;
    let removed = 0;
    let dropNodes = 0;
    for (const node of this.nodes) {
      const wholeNode = options.strategy === "maxlen" ? this.length - node.live >= options.maxlen : node.lastId < options.minId;
      if (wholeNode) {
        // Within LIMIT only whole nodes go, and only while they fit in it.
        if (options.limit && removed + node.live > options.limit) break;
        dropNodes++;
        this.length -= node.live;
        removed += node.live;
        continue;
      }
      if (options.approximate) break;
      for (const entry of node.entries) {
        if (entry.deleted) continue;
        if (options.strategy === "maxlen" ? this.length <= options.maxlen : entry.id >= options.minId) break;
        entry.deleted = true;
        node.live--;
        this.length--;
        removed++;
      }
      break;
    }
    if (dropNodes > 0) this.nodes.splice(0, dropNodes);
    return removed;
  }

  /** Whether a deleted entry may lie within [start, end] (Redis's streamRangeHasTombstones). */
  rangeHasTombstones(start: StreamId | undefined, end: StreamId | undefined): boolean {
    if (this.length === 0 || this.maxDeletedId === MIN_ID) return false;
    if (this.firstId() > this.maxDeletedId) return false;
    return (start ?? MIN_ID) <= this.maxDeletedId && this.maxDeletedId <= (end ?? MAX_ID);
  }

  /**
   * The logical position (1-based count of entries ever added) of `id`, when it can be known
   * without scanning, else UNKNOWN_ENTRIES_READ (streamEstimateDistanceFromFirstEverEntry).
   */
  estimateEntriesRead(id: StreamId): number {
    if (this.entriesAdded === 0) return 0;
    if (this.length === 0 && id <= this.lastId) return this.entriesAdded;
    if (id === this.lastId) return this.entriesAdded;
    if (id > this.lastId) return UNKNOWN_ENTRIES_READ;
    const first = this.firstId();
    if (this.maxDeletedId === MIN_ID || this.maxDeletedId < first) {
      if (id < first) return this.entriesAdded - this.length;
      if (id === first) return this.entriesAdded - this.length + 1;
    }
    return UNKNOWN_ENTRIES_READ;
  }

  /** A group's lag, or undefined when it cannot be computed (XINFO's null). */
  lag(group: ConsumerGroup): number | undefined {
    if (this.entriesAdded === 0) return 0;
    if (group.entriesRead !== UNKNOWN_ENTRIES_READ && !this.rangeHasTombstones(group.lastId, undefined)) {
      return this.entriesAdded - group.entriesRead;
    }
    const read = this.estimateEntriesRead(group.lastId);
    return read === UNKNOWN_ENTRIES_READ ? undefined : this.entriesAdded - read;
  }

  /** Number of nodes of Redis's radix tree over the node keys: root, leaves and branch points. */
  radixTreeNodes(): number {
    const prefixes = new Set<string>([""]);
    for (let i = 0; i < this.nodes.length; i++) {
      const key = this.nodes[i]!.masterId;
      prefixes.add(key);
      const next = this.nodes[i + 1]?.masterId;
      if (next === undefined) continue;
      let common = 0;
      while (key.charCodeAt(common) === next.charCodeAt(common)) common++;
      prefixes.add(key.slice(0, common));
      prefixes.add(key.slice(0, common + 1));
      prefixes.add(next.slice(0, common + 1));
    }
    return prefixes.size;
  }

  /** A deep copy (COPY): entries, groups, consumers and pending lists. */
  clone(): Stream {
    const copy = new Stream();
    copy.nodes = this.nodes.map((node) => node.clone());
    copy.length = this.length;
    copy.lastId = this.lastId;
    copy.maxDeletedId = this.maxDeletedId;
    copy.entriesAdded = this.entriesAdded;
    for (const [name, group] of this.groups) {
      const twin = new ConsumerGroup(name, group.lastId, group.entriesRead);
      for (const [consumerName, consumer] of group.consumers) twin.consumers.set(consumerName, new Consumer(consumerName, consumer.seenTime));
      for (const [id, pending] of group.pending.range(MIN_ID)) {
        const consumer = twin.consumers.get(pending.consumer.name)!;
        const entry: PendingEntry = { ...pending, consumer };
        twin.pending.set(id, entry);
        consumer.pending.set(id, entry);
      }
      copy.groups.set(name, twin);
    }
    return copy;
  }
}
