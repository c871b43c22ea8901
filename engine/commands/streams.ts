/** Stream commands (Redis's t_stream.c): XADD, XRANGE, XREAD, consumer groups, XINFO... */
import { totalmem } from "node:os";
import type { Database } from "../database";
import type { Engine } from "../engine";
import { errors, fail } from "../errors";
import { ErrorReply, MapReply, NULL_ARRAY, OK, type Reply } from "../protocol/reply";
import {
  Consumer,
  ConsumerGroup,
  MAX_ID,
  MIN_ID,
  type NodeLimits,
  type PendingEntry,
  Stream,
  type StreamEntry,
  type StreamId,
  type TrimOptions,
  UNKNOWN_ENTRIES_READ,
  decrementId,
  formatId,
  incrementId,
  makeBigId,
  makeId,
  sameMs,
} from "../structures/stream";
import { registerEncoding, registerTypeCloner } from "../types";
import { parseInt64 } from "../util/numbers";
import { helpReply, isToken, readTyped, writeTyped } from "./args";
import { type ArgumentDoc, type CommandContext, type HandlerResult, defineCommand } from "./spec";

const INVALID_ID = new ErrorReply("ERR Invalid stream ID specified as stream command argument");
const ID_TOO_SMALL = new ErrorReply("ERR The ID specified in XADD is equal or smaller than the target stream top item");
const ID_ZERO = new ErrorReply("ERR The ID specified in XADD must be greater than 0-0");
const UINT64_MAX = 2n ** 64n - 1n;
/** XREAD ... BLOCK without COUNT serves at most this many entries per stream once woken. */
const BLOCKED_DEFAULT_COUNT = 1000;

// ---- ID arguments -------------------------------------------------------------------------

const SIMPLE_ID = /^(\d{1,15})(?:-(\d{1,15}))?$/;
const STRTOULL = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/;
const NEGATIVE_LL = /^-[1-9]\d*$/;

/** An unsigned 64-bit number read as Redis's string2ull does (strtoull, minus small negatives). */
function parseUint64(text: string): bigint | undefined {
  const match = STRTOULL.exec(text);
  if (match === null) return undefined;
  const magnitude = BigInt(match[2]!);
  if (magnitude > UINT64_MAX) return undefined;
  if (match[1] !== "-") return magnitude;
  // string2ll reads these first and rejects them as negative; strtoull wraps the rest.
  if (NEGATIVE_LL.test(text) && magnitude <= 2n ** 63n) return undefined;
  return (UINT64_MAX + 1n - magnitude) & UINT64_MAX;
}

interface ParsedId {
  id: StreamId;
  /** False for XADD's `ms-*` form. */
  seqGiven: boolean;
}

/**
 * A stream ID argument (streamGenericParseIDOrReply): `ms-seq`, `ms` (seq = missingSeq), `-`
 * and `+` unless strict, `ms-*` when allowed.
 */
function parseId(text: string, missingSeq: bigint, strict: boolean, allowSeqWildcard = false): ParsedId {
  const simple = SIMPLE_ID.exec(text);
  if (simple !== null) {
    if (simple[2] !== undefined) return { id: makeId(Number(simple[1]), Number(simple[2])), seqGiven: true };
    return { id: makeBigId(BigInt(simple[1]!), missingSeq), seqGiven: true };
  }
  if (text.length > 127) fail(INVALID_ID);
  const nul = text.indexOf("\x00");
  const buf = nul >= 0 ? text.slice(0, nul) : text;
  if (buf === "-" || buf === "+") {
    if (strict) fail(INVALID_ID);
    return { id: buf === "-" ? MIN_ID : MAX_ID, seqGiven: true };
  }
  const dash = buf.indexOf("-");
  const ms = parseUint64(dash >= 0 ? buf.slice(0, dash) : buf);
  if (ms === undefined) fail(INVALID_ID);
  if (dash < 0) return { id: makeBigId(ms, missingSeq), seqGiven: true };
  const seqText = buf.slice(dash + 1);
  if (allowSeqWildcard && seqText === "*") return { id: makeBigId(ms, 0n), seqGiven: false };
  const seq = parseUint64(seqText);
  if (seq === undefined) fail(INVALID_ID);
  return { id: makeBigId(ms, seq), seqGiven: true };
}

const strictId = (text: string): StreamId => parseId(text, 0n, true).id;

/** A range bound: an ID, `-`/`+`, or `(id` for an exclusive bound. */
function intervalId(text: string, isStart: boolean): StreamId {
  const missingSeq = isStart ? 0n : UINT64_MAX;
  if (text.length > 1 && text[0] === "(") {
    const id = parseId(text.slice(1), missingSeq, true).id;
    const moved = isStart ? incrementId(id) : decrementId(id);
    if (moved === undefined) fail(`ERR invalid ${isStart ? "start" : "end"} ID for the interval`);
    return moved;
  }
  return parseId(text, missingSeq, false).id;
}

/** A long long argument (getLongLongFromObjectOrReply), with an optional custom error. */
function longLongArg(text: string, error?: string): number {
  const value = parseInt64(text);
  if (value === undefined) fail(error === undefined ? errors.notInteger : `ERR ${error}`);
  return Number(value);
}

/** The command time in whole ms, as Redis's mstime-based stream times. */
function nowMs(engine: Engine): number {
  return Math.floor(engine.now());
}

// ---- replies ------------------------------------------------------------------------------

function entryReply(entry: StreamEntry): Reply {
  return [formatId(entry.id), entry.fields];
}

function takeEntries(source: Iterable<StreamEntry>, count: number): Reply[] {
  const out: Reply[] = [];
  if (count < 0) return out;
  for (const entry of source) {
    out.push(entryReply(entry));
    if (count > 0 && out.length >= count) break;
  }
  return out;
}

// ---- lookups ------------------------------------------------------------------------------

const limitsByEngine = new WeakMap<Engine, NodeLimits>();

/** stream-node-max-entries/-bytes, cached per engine and kept current (read on every XADD). */
function nodeLimits(engine: Engine): NodeLimits {
  let limits = limitsByEngine.get(engine);
  if (limits === undefined) {
    const read = (): NodeLimits => ({ maxEntries: engine.config.getNumber("stream-node-max-entries"), maxBytes: engine.config.getNumber("stream-node-max-bytes") });
    limits = read();
    limitsByEngine.set(engine, limits);
    const refresh = () => limitsByEngine.set(engine, read());
    engine.config.onChange("stream-node-max-entries", refresh);
    engine.config.onChange("stream-node-max-bytes", refresh);
  }
  return limits;
}

function noGroup(key: string, group: string, suffix = ""): never {
  return fail(`NOGROUP No such key '${key}' or consumer group '${group}'${suffix}`);
}

function groupOf(stream: Stream | undefined, key: string, name: string, suffix = ""): ConsumerGroup {
  const group = stream?.groups.get(name);
  if (group === undefined) noGroup(key, name, suffix);
  return group;
}

/** Finds or creates a consumer, announcing a creation; refreshes its seen time unless asked not to. */
function consumerFor(ctx: CommandContext, group: ConsumerGroup, name: string, key: string): Consumer {
  const now = nowMs(ctx.engine);
  let consumer = group.consumers.get(name);
  if (consumer === undefined) {
    consumer = new Consumer(name, now);
    group.consumers.set(name, consumer);
    ctx.engine.notifyKeyspaceEvent("t", "xgroup-createconsumer", key, ctx.client.db.id);
  }
  consumer.seenTime = now;
  return consumer;
}

function removePending(group: ConsumerGroup, pending: PendingEntry): void {
  group.pending.delete(pending.id);
  pending.consumer.pending.delete(pending.id);
}

// ---- XADD / XTRIM -------------------------------------------------------------------------

interface AddOrTrimArgs {
  trim: TrimOptions | undefined;
  noMkStream: boolean;
  /** Index of the ID (XADD), or argv.length when none was found. */
  idIndex: number;
}

/** streamParseAddOrTrimArgsOrReply: trimming options, NOMKSTREAM and (for XADD) the ID position. */
function addOrTrimArgs(engine: Engine, argv: string[], xadd: boolean): AddOrTrimArgs {
  let strategy: TrimOptions["strategy"] | undefined;
  let approximate = false;
  let maxlen = 0;
  let minId = MIN_ID;
  let limit = 0;
  let limitGiven = false;
  let noMkStream = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const moreArgs = argv.length - 1 - i;
    const option = argv[i]!;
    if (xadd && option === "*") break;
    const isMaxlen = isToken(option, "MAXLEN");
    if ((isMaxlen || isToken(option, "MINID")) && moreArgs > 0) {
      if (strategy !== undefined) fail("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
      approximate = false;
      const next = argv[i + 1]!;
      if (moreArgs >= 2 && next === "~") {
        approximate = true;
        i++;
      } else if (moreArgs >= 2 && next === "=") {
        i++;
      }
      if (isMaxlen) {
        maxlen = longLongArg(argv[i + 1]!);
        if (maxlen < 0) fail("ERR The MAXLEN argument must be >= 0.");
      } else {
        minId = strictId(argv[i + 1]!);
      }
      i++;
      strategy = isMaxlen ? "maxlen" : "minid";
    } else if (isToken(option, "LIMIT") && moreArgs > 0) {
      limit = longLongArg(argv[i + 1]!);
      if (limit < 0) fail("ERR The LIMIT argument must be >= 0.");
      limitGiven = true;
      i++;
    } else if (xadd && isToken(option, "NOMKSTREAM")) {
      noMkStream = true;
    } else if (xadd) {
      break;
    } else {
      fail(errors.syntax);
    }
  }
  if (limit && strategy === undefined) fail("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
  if (!xadd && strategy === undefined) fail("ERR syntax error, XTRIM must be called with a trimming strategy");
  if (limitGiven) {
    if (!approximate) fail("ERR syntax error, LIMIT cannot be used without the special ~ option");
  } else if (approximate) {
    limit = 100 * engine.config.getNumber("stream-node-max-entries");
    if (limit <= 0 || limit > 10000) limit = 10000;
  }
  const trim = strategy === undefined ? undefined : { strategy, maxlen, minId, approximate, limit };
  return { trim, noMkStream, idIndex: i };
}

function xadd(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  const key = argv[1]!;
  const args = addOrTrimArgs(engine, argv, true);
  let explicit: ParsedId | undefined;
  if (args.idIndex < argv.length && argv[args.idIndex] !== "*") explicit = parseId(argv[args.idIndex]!, 0n, true, true);
  const fieldCount = argv.length - args.idIndex - 1;
  if (fieldCount < 2 || fieldCount % 2 === 1) fail(errors.wrongArity("xadd"));
  if (explicit !== undefined && explicit.seqGiven && explicit.id === MIN_ID) fail(ID_ZERO);
  let object = writeTyped(db, key, "stream");
  if (object === undefined) {
    if (args.noMkStream) return null;
    object = db.create(key, "stream", new Stream());
  }
  const stream = object.value;
  if (stream.lastId === MAX_ID) fail("ERR The stream has exhausted the last possible ID, unable to add more items");
  let id: StreamId;
  if (explicit === undefined) {
    const ms = nowMs(engine);
    const candidate = makeId(ms, 0);
    id = candidate > stream.lastId && !sameMs(candidate, stream.lastId) ? candidate : incrementId(stream.lastId)!;
  } else if (explicit.seqGiven) {
    id = explicit.id;
  } else if (sameMs(explicit.id, stream.lastId)) {
    const next = incrementId(stream.lastId);
    if (next === undefined || !sameMs(next, stream.lastId)) fail(ID_TOO_SMALL);
    id = next;
  } else {
    id = explicit.id;
  }
  if (id <= stream.lastId) fail(ID_TOO_SMALL);
  stream.append(id, argv.slice(args.idIndex + 1), nodeLimits(engine));
  db.signalModified(key);
  engine.notifyKeyspaceEvent("t", "xadd", key, db.id);
  if (args.trim !== undefined && stream.trim(args.trim) > 0) engine.notifyKeyspaceEvent("t", "xtrim", key, db.id);
  engine.signalKeyAsReady(db, key);
  return formatId(id);
}

function xtrim(ctx: CommandContext, argv: string[]): Reply {
  const args = addOrTrimArgs(ctx.engine, argv, false);
  const db = ctx.client.db;
  const stream = writeTyped(db, argv[1]!, "stream")?.value;
  if (stream === undefined) return 0;
  const removed = stream.trim(args.trim!);
  if (removed > 0) {
    ctx.engine.notifyKeyspaceEvent("t", "xtrim", argv[1]!, db.id);
    db.signalModified(argv[1]!);
  }
  return removed;
}

function xdel(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  const stream = writeTyped(db, argv[1]!, "stream")?.value;
  if (stream === undefined) return 0;
  const ids = argv.slice(2).map(strictId);
  let deleted = 0;
  for (const id of ids) if (stream.delete(id)) deleted++;
  if (deleted > 0) {
    db.signalModified(argv[1]!);
    ctx.engine.notifyKeyspaceEvent("t", "xdel", argv[1]!, db.id);
  }
  return deleted;
}

function xlen({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "stream")?.value.length ?? 0;
}

// ---- XRANGE -------------------------------------------------------------------------------

function rangeCommand(ctx: CommandContext, argv: string[], reverse: boolean): Reply {
  const start = intervalId(argv[reverse ? 3 : 2]!, true);
  const end = intervalId(argv[reverse ? 2 : 3]!, false);
  let count = -1;
  for (let i = 4; i < argv.length; i++) {
    if (isToken(argv[i], "COUNT") && i + 1 < argv.length) {
      count = Math.max(0, longLongArg(argv[++i]!));
    } else {
      fail(errors.syntax);
    }
  }
  if (count === 0) return NULL_ARRAY;
  const stream = readTyped(ctx.client.db, argv[1]!, "stream")?.value;
  if (stream === undefined) return [];
  return takeEntries(reverse ? stream.reverseRange(start, end) : stream.range(start, end), Math.max(count, 0));
}

// ---- XREAD / XREADGROUP -------------------------------------------------------------------

interface ReadArgs {
  blockMs: number | undefined;
  count: number;
  noAck: boolean;
  group: string | undefined;
  consumer: string;
  keys: string[];
  ids: string[];
}

function readArgs(argv: string[], grouped: boolean, fromScript: boolean): ReadArgs {
  const args: ReadArgs = { blockMs: undefined, count: 0, noAck: false, group: undefined, consumer: "", keys: [], ids: [] };
  let streamsIndex = 0;
  for (let i = 1; i < argv.length; i++) {
    const moreArgs = argv.length - i - 1;
    const option = argv[i]!;
    if (isToken(option, "BLOCK") && moreArgs > 0) {
      if (fromScript) fail(`ERR ${argv[0]} command is not allowed with BLOCK option from scripts`);
      const timeout = longLongArg(argv[++i]!, "timeout is not an integer or out of range");
      if (timeout < 0) fail(errors.timeoutNegative);
      args.blockMs = timeout;
    } else if (isToken(option, "COUNT") && moreArgs > 0) {
      args.count = Math.max(0, longLongArg(argv[++i]!));
    } else if (isToken(option, "STREAMS") && moreArgs > 0) {
      streamsIndex = i + 1;
      const remaining = argv.length - streamsIndex;
      if (remaining % 2 !== 0) {
        const symbol = grouped ? ">" : "$";
        fail(`ERR Unbalanced '${grouped ? "xreadgroup" : "xread"}' list of streams: for each stream key an ID or '${symbol}' must be specified.`);
      }
      args.keys = argv.slice(streamsIndex, streamsIndex + remaining / 2);
      args.ids = argv.slice(streamsIndex + remaining / 2);
      break;
    } else if (isToken(option, "GROUP") && moreArgs >= 2) {
      if (!grouped) fail("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
      args.group = argv[i + 1]!;
      args.consumer = argv[i + 2]!;
      i += 2;
    } else if (isToken(option, "NOACK")) {
      if (!grouped) fail("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
      args.noAck = true;
    } else {
      fail(errors.syntax);
    }
  }
  if (streamsIndex === 0) fail(errors.syntax);
  if (grouped && args.group === undefined) fail("ERR Missing GROUP option for XREADGROUP");
  return args;
}

/** What one stream of an XREAD(GROUP) call waits for: entries after `after`, or ">" (new to the group). */
interface ReadTarget {
  key: string;
  after: StreamId;
  newOnly: boolean;
}

/** Delivers entries to a group consumer, updating the group's position and the PELs. */
function deliverToGroup(ctx: CommandContext, stream: Stream, group: ConsumerGroup, consumer: Consumer, after: StreamId, count: number, noAck: boolean): Reply[] {
  const out: Reply[] = [];
  const start = incrementId(after);
  if (start === undefined) return out;
  const now = nowMs(ctx.engine);
  for (const entry of stream.range(start, MAX_ID)) {
    if (entry.id > group.lastId) {
      if (group.entriesRead !== UNKNOWN_ENTRIES_READ && !stream.rangeHasTombstones(entry.id, undefined)) group.entriesRead++;
      else if (stream.entriesAdded) group.entriesRead = stream.estimateEntriesRead(entry.id);
      group.lastId = entry.id;
    }
    out.push(entryReply(entry));
    if (!noAck) {
      const existing = group.pending.get(entry.id);
      if (existing === undefined) {
        const pending: PendingEntry = { id: entry.id, consumer, deliveryTime: now, deliveryCount: 1 };
        group.pending.set(entry.id, pending);
        consumer.pending.set(entry.id, pending);
      } else {
        existing.consumer.pending.delete(entry.id);
        existing.consumer = consumer;
        existing.deliveryTime = now;
        existing.deliveryCount = 1;
        consumer.pending.set(entry.id, existing);
      }
    }
    if (count > 0 && out.length >= count) break;
  }
  return out;
}

/** A consumer's own pending entries after `after` (XREADGROUP with an explicit ID). */
function consumerHistory(ctx: CommandContext, stream: Stream, consumer: Consumer, after: StreamId, count: number): Reply[] {
  const out: Reply[] = [];
  const start = incrementId(after);
  if (start === undefined) return out;
  const now = nowMs(ctx.engine);
  // Only fields of the pending entries change here, so the PEL can be iterated in place.
  for (const [id, pending] of consumer.pending.range(start)) {
    if (count > 0 && out.length >= count) break;
    const entry = stream.get(id);
    if (entry === undefined) {
      out.push([formatId(id), NULL_ARRAY]);
    } else {
      pending.deliveryTime = now;
      pending.deliveryCount++;
      out.push(entryReply(entry));
    }
  }
  return out;
}

function streamsReply(ctx: CommandContext, results: [string, Reply[]][]): Reply {
  if (ctx.client.protocol === 2) return results;
  return new MapReply(results.flat());
}

function xreadGeneric(ctx: CommandContext, argv: string[], grouped: boolean): HandlerResult {
  const { client } = ctx;
  const db = client.db;
  // Scripts run their commands as the "__lua" local client (as MONITOR tells them apart too).
  const fromScript = client.transport.kind === "local" && client.name === "__lua";
  const args = readArgs(argv, grouped, fromScript);
  const targets: ReadTarget[] = [];
  const groups: (ConsumerGroup | undefined)[] = [];
  for (let i = 0; i < args.keys.length; i++) {
    const key = args.keys[i]!;
    const idText = args.ids[i]!;
    const stream = readTyped(db, key, "stream")?.value;
    if (args.group !== undefined) {
      groups.push(groupOf(stream, key, args.group, " in XREADGROUP with GROUP option"));
    }
    if (idText === "$") {
      if (grouped) {
        fail(
          "ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.",
        );
      }
      targets.push({ key, after: stream?.lastId ?? MIN_ID, newOnly: false });
    } else if (idText === ">") {
      if (!grouped) fail("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
      targets.push({ key, after: MAX_ID, newOnly: true });
    } else {
      targets.push({ key, after: strictId(idText), newOnly: false });
    }
  }
  const results: [string, Reply[]][] = [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    const stream = readTyped(db, target.key, "stream")?.value;
    if (stream === undefined) continue;
    const group = groups[i];
    if (group !== undefined) {
      // The consumer is created (and its seen time refreshed) only when served, as in Redis.
      if (!target.newOnly) {
        const consumer = consumerFor(ctx, group, args.consumer, target.key);
        results.push([target.key, consumerHistory(ctx, stream, consumer, target.after, args.count)]);
      } else if (stream.length > 0 && stream.lastEntry()!.id > group.lastId) {
        const consumer = consumerFor(ctx, group, args.consumer, target.key);
        results.push([target.key, deliverToGroup(ctx, stream, group, consumer, group.lastId, args.count, args.noAck)]);
      }
    } else if (stream.length > 0 && stream.lastEntry()!.id > target.after) {
      const start = incrementId(target.after)!;
      results.push([target.key, takeEntries(stream.range(start, MAX_ID), args.count)]);
    }
  }
  if (results.length > 0) return streamsReply(ctx, results);
  if (args.blockMs === undefined || ctx.nonBlocking) return NULL_ARRAY;
  if (grouped) watchForDeletedStreams(ctx.engine);
  const count = args.count || BLOCKED_DEFAULT_COUNT;
  const retry = (readyKey: string): Reply | undefined => {
    const index = targets.findIndex((target) => target.key === readyKey);
    if (index < 0) return undefined;
    const target = targets[index]!;
    const object = client.db.lookupWrite(readyKey);
    if (object?.type !== "stream") {
      return args.group === undefined ? undefined : new ErrorReply("UNBLOCKED the stream key no longer exists");
    }
    const stream = object.value as Stream;
    let after = target.after;
    let group: ConsumerGroup | undefined;
    if (args.group !== undefined) {
      group = stream.groups.get(args.group);
      if (group === undefined) return new ErrorReply("NOGROUP the consumer group this client was blocked on no longer exists");
      after = group.lastId;
    }
    if (stream.lastId <= after) return undefined;
    let entries: Reply[];
    if (group !== undefined) {
      const consumer = consumerFor(ctx, group, args.consumer, readyKey);
      entries = deliverToGroup(ctx, stream, group, consumer, after, count, args.noAck);
    } else {
      entries = takeEntries(stream.range(incrementId(after)!, MAX_ID), count);
    }
    return streamsReply(ctx, [[readyKey, entries]]);
  };
  return ctx.engine.block(ctx, client.currentCommand!, argv, args.keys, args.blockMs, retry, () => NULL_ARRAY);
}

/** Engines whose key writes wake blocked XREADGROUP clients (so a deleted stream unblocks them). */
const watchedEngines = new WeakSet<Engine>();

function watchForDeletedStreams(engine: Engine): void {
  if (watchedEngines.has(engine)) return;
  watchedEngines.add(engine);
  engine.addKeyModifiedListener((db: Database, key: string) => engine.signalKeyAsReady(db, key));
}

// ---- XGROUP -------------------------------------------------------------------------------

const GROUP_SYNTAX = (argv: string[]) =>
  fail(`ERR unknown subcommand or wrong number of arguments for '${argv[1]!.slice(0, 128)}'. Try ${argv[0]!.toUpperCase()} HELP.`);

function entriesReadArg(text: string): number {
  const value = longLongArg(text);
  if (value < 0 && value !== UNKNOWN_ENTRIES_READ) fail("ERR value for ENTRIESREAD must be positive or -1");
  return value;
}

/** The stream XGROUP works on; CREATE ... MKSTREAM may leave it missing for now. */
function xgroupStream(ctx: CommandContext, argv: string[], mkStream: boolean): Stream | undefined {
  const stream = writeTyped(ctx.client.db, argv[2]!, "stream")?.value;
  if (stream === undefined && !mkStream) {
    fail(
      "ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.",
    );
  }
  return stream;
}

function existingGroup(stream: Stream, argv: string[]): ConsumerGroup {
  const group = stream.groups.get(argv[3]!);
  if (group === undefined) fail(`NOGROUP No such consumer group '${argv[3]}' for key name '${argv[2]}'`);
  return group;
}

function xgroupCreate(ctx: CommandContext, argv: string[]): Reply {
  let mkStream = false;
  let entriesRead = UNKNOWN_ENTRIES_READ;
  for (let i = 5; i < argv.length; i++) {
    if (isToken(argv[i], "MKSTREAM")) mkStream = true;
    else if (isToken(argv[i], "ENTRIESREAD") && i + 1 < argv.length) entriesRead = entriesReadArg(argv[++i]!);
    else GROUP_SYNTAX(argv);
  }
  let stream = xgroupStream(ctx, argv, mkStream);
  if (argv.length > 8) GROUP_SYNTAX(argv);
  const db = ctx.client.db;
  const key = argv[2]!;
  const id = argv[4] === "$" ? (stream?.lastId ?? MIN_ID) : strictId(argv[4]!);
  if (stream === undefined) {
    stream = db.create(key, "stream", new Stream()).value;
    db.signalModified(key);
  }
  if (stream.groups.has(argv[3]!)) fail("BUSYGROUP Consumer Group name already exists");
  stream.groups.set(argv[3]!, new ConsumerGroup(argv[3]!, id, entriesRead));
  ctx.engine.notifyKeyspaceEvent("t", "xgroup-create", key, db.id);
  return OK;
}

function xgroupSetId(ctx: CommandContext, argv: string[]): Reply {
  const stream = xgroupStream(ctx, argv, false)!;
  const group = existingGroup(stream, argv);
  if (argv.length !== 5 && argv.length !== 7) GROUP_SYNTAX(argv);
  const id = argv[4] === "$" ? stream.lastId : parseId(argv[4]!, 0n, false).id;
  let entriesRead = UNKNOWN_ENTRIES_READ;
  if (argv.length === 7) {
    if (!isToken(argv[5], "ENTRIESREAD")) GROUP_SYNTAX(argv);
    entriesRead = entriesReadArg(argv[6]!);
  }
  group.lastId = id;
  group.entriesRead = entriesRead;
  ctx.engine.notifyKeyspaceEvent("t", "xgroup-setid", argv[2]!, ctx.client.db.id);
  return OK;
}

function xgroupDestroy(ctx: CommandContext, argv: string[]): Reply {
  const stream = xgroupStream(ctx, argv, false)!;
  if (!stream.groups.delete(argv[3]!)) return 0;
  const db = ctx.client.db;
  ctx.engine.notifyKeyspaceEvent("t", "xgroup-destroy", argv[2]!, db.id);
  ctx.engine.signalKeyAsReady(db, argv[2]!);
  return 1;
}

function xgroupCreateConsumer(ctx: CommandContext, argv: string[]): Reply {
  const stream = xgroupStream(ctx, argv, false)!;
  const group = existingGroup(stream, argv);
  if (group.consumers.has(argv[4]!)) return 0;
  consumerFor(ctx, group, argv[4]!, argv[2]!);
  return 1;
}

function xgroupDelConsumer(ctx: CommandContext, argv: string[]): Reply {
  const stream = xgroupStream(ctx, argv, false)!;
  const group = existingGroup(stream, argv);
  const consumer = group.consumers.get(argv[4]!);
  let pending = 0;
  if (consumer !== undefined) {
    pending = consumer.pending.size;
    for (const [id] of [...consumer.pending.range(MIN_ID)]) group.pending.delete(id);
    group.consumers.delete(argv[4]!);
    ctx.engine.notifyKeyspaceEvent("t", "xgroup-delconsumer", argv[2]!, ctx.client.db.id);
  }
  return pending;
}

function xgroupHelp(): Reply {
  return helpReply("XGROUP", [
    "CREATE <key> <groupname> <id|$> [option]",
    "    Create a new consumer group. Options are:",
    "    * MKSTREAM",
    "      Create the empty stream if it does not exist.",
    "    * ENTRIESREAD entries_read",
    "      Set the group's entries_read counter (internal use).",
    "CREATECONSUMER <key> <groupname> <consumer>",
    "    Create a new consumer in the specified group.",
    "DELCONSUMER <key> <groupname> <consumer>",
    "    Remove the specified consumer.",
    "DESTROY <key> <groupname>",
    "    Remove the specified group.",
    "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
    "    Set the current group ID and entries_read counter.",
  ]);
}

// ---- XSETID -------------------------------------------------------------------------------

function xsetid(ctx: CommandContext, argv: string[]): Reply {
  const id = strictId(argv[2]!);
  let entriesAdded = -1;
  let maxDeletedId = MIN_ID;
  for (let i = 3; i < argv.length; i++) {
    const moreArgs = argv.length - 1 - i;
    if (isToken(argv[i], "ENTRIESADDED") && moreArgs > 0) {
      entriesAdded = longLongArg(argv[++i]!);
      if (entriesAdded < 0) fail("ERR entries_added must be positive");
    } else if (isToken(argv[i], "MAXDELETEDID") && moreArgs > 0) {
      maxDeletedId = strictId(argv[++i]!);
      if (id < maxDeletedId) fail("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
    } else {
      fail(errors.syntax);
    }
  }
  const db = ctx.client.db;
  const stream = writeTyped(db, argv[1]!, "stream")?.value;
  if (stream === undefined) fail(errors.noSuchKey);
  if (id < stream.maxDeletedId) fail("ERR The ID specified in XSETID is smaller than current max_deleted_entry_id");
  if (stream.length > 0) {
    if (id < stream.lastEntry()!.id) fail("ERR The ID specified in XSETID is smaller than the target stream top item");
    if (entriesAdded !== -1 && stream.length > entriesAdded) {
      fail("ERR The entries_added specified in XSETID is smaller than the target stream length");
    }
  }
  stream.lastId = id;
  if (entriesAdded !== -1) stream.entriesAdded = entriesAdded;
  if (maxDeletedId !== MIN_ID) stream.maxDeletedId = maxDeletedId;
  db.signalModified(argv[1]!);
  ctx.engine.notifyKeyspaceEvent("t", "xsetid", argv[1]!, db.id);
  return OK;
}

// ---- XACK / XPENDING / XCLAIM / XAUTOCLAIM ------------------------------------------------

function xack(ctx: CommandContext, argv: string[]): Reply {
  const stream = writeTyped(ctx.client.db, argv[1]!, "stream")?.value;
  const group = stream?.groups.get(argv[2]!);
  if (group === undefined) return 0;
  const ids = argv.slice(3).map(strictId);
  let acknowledged = 0;
  for (const id of ids) {
    const pending = group.pending.get(id);
    if (pending === undefined) continue;
    removePending(group, pending);
    acknowledged++;
  }
  return acknowledged;
}

function xpending(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) fail(errors.syntax);
  let minIdle = 0;
  let start = MIN_ID;
  let end = MAX_ID;
  let count = 0;
  let consumerName: string | undefined;
  if (argv.length >= 6) {
    let index = 3;
    if (isToken(argv[3], "IDLE")) {
      minIdle = longLongArg(argv[4]!);
      if (argv.length < 8) fail(errors.syntax);
      index += 2;
    }
    count = Math.max(0, longLongArg(argv[index + 2]!));
    start = intervalId(argv[index]!, true);
    end = intervalId(argv[index + 1]!, false);
    consumerName = argv[index + 3];
  }
  const stream = readTyped(ctx.client.db, key, "stream")?.value;
  const group = groupOf(stream, key, argv[2]!);
  if (argv.length === 3) {
    if (group.pending.size === 0) return [0, null, null, NULL_ARRAY];
    const consumers: Reply[] = [];
    for (const consumer of sortedConsumers(group)) {
      if (consumer.pending.size > 0) consumers.push([consumer.name, String(consumer.pending.size)]);
    }
    return [group.pending.size, formatId(group.pending.first()!), formatId(group.pending.last()!), consumers];
  }
  let pel = group.pending;
  if (consumerName !== undefined) {
    const consumer = group.consumers.get(consumerName);
    if (consumer === undefined) return [];
    pel = consumer.pending;
  }
  const now = nowMs(ctx.engine);
  const out: Reply[] = [];
  if (count === 0) return out;
  for (const [id, pending] of pel.range(start, end)) {
    if (minIdle && now - pending.deliveryTime < minIdle) continue;
    out.push([formatId(id), pending.consumer.name, Math.max(0, now - pending.deliveryTime), pending.deliveryCount]);
    if (out.length >= count) break;
  }
  return out;
}

/** Consumers in Redis's rax order (bytewise by name). */
function sortedConsumers(group: ConsumerGroup): Consumer[] {
  return [...group.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Hands a pending entry to `consumer` (XCLAIM, XAUTOCLAIM). */
function transfer(pending: PendingEntry, consumer: Consumer): void {
  if (pending.consumer === consumer) return;
  pending.consumer.pending.delete(pending.id);
  pending.consumer = consumer;
  consumer.pending.set(pending.id, pending);
}

function claimedEntryReply(stream: Stream, id: StreamId, justId: boolean): Reply {
  if (justId) return formatId(id);
  const entry = stream.get(id);
  return entry === undefined ? null : entryReply(entry);
}

function xclaim(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const stream = readTyped(ctx.client.db, key, "stream")?.value;
  const group = groupOf(stream, key, argv[2]!)!;
  const minIdle = Math.max(0, longLongArg(argv[4]!, "Invalid min-idle-time argument for XCLAIM"));
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    try {
      ids.push(strictId(argv[j]!));
    } catch {
      break;
    }
  }
  const now = nowMs(ctx.engine);
  let deliveryTime = -1;
  let retryCount = -1;
  let force = false;
  let justId = false;
  let lastId = MIN_ID;
  for (; j < argv.length; j++) {
    const moreArgs = argv.length - 1 - j;
    const option = argv[j]!;
    if (isToken(option, "FORCE")) force = true;
    else if (isToken(option, "JUSTID")) justId = true;
    else if (isToken(option, "IDLE") && moreArgs > 0) deliveryTime = now - longLongArg(argv[++j]!, "Invalid IDLE option argument for XCLAIM");
    else if (isToken(option, "TIME") && moreArgs > 0) deliveryTime = longLongArg(argv[++j]!, "Invalid TIME option argument for XCLAIM");
    else if (isToken(option, "RETRYCOUNT") && moreArgs > 0) retryCount = longLongArg(argv[++j]!, "Invalid RETRYCOUNT option argument for XCLAIM");
    else if (isToken(option, "LASTID") && moreArgs > 0) lastId = strictId(argv[++j]!);
    else fail(`ERR Unrecognized XCLAIM option '${option}'`);
  }
  if (lastId > group.lastId) group.lastId = lastId;
  if (deliveryTime === -1 || deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  let consumer: Consumer | undefined;
  const out: Reply[] = [];
  for (const id of ids) {
    let pending = group.pending.get(id);
    if (stream!.get(id) === undefined) {
      if (pending !== undefined) removePending(group, pending);
      continue;
    }
    let created = false;
    if (force && pending === undefined) {
      consumer ??= consumerFor(ctx, group, argv[3]!, key);
      pending = { id, consumer, deliveryTime: now, deliveryCount: 1 };
      group.pending.set(id, pending);
      consumer.pending.set(id, pending);
      created = true;
    }
    if (pending === undefined) continue;
    if (!created && minIdle && now - pending.deliveryTime < minIdle) continue;
    consumer ??= consumerFor(ctx, group, argv[3]!, key);
    transfer(pending, consumer);
    pending.deliveryTime = deliveryTime;
    if (retryCount >= 0) pending.deliveryCount = retryCount;
    else if (!justId) pending.deliveryCount++;
    out.push(claimedEntryReply(stream!, id, justId));
  }
  return out;
}

/** LONG_MAX / sizeof(streamID): Redis's bound, so its deleted-IDs buffer size cannot overflow. */
const MAX_AUTOCLAIM_COUNT = (2n ** 63n - 1n) / 16n;

function xautoclaim(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const minIdle = Math.max(0, longLongArg(argv[4]!, "Invalid min-idle-time argument for XAUTOCLAIM"));
  const start = intervalId(argv[5]!, true);
  let count = 100;
  let justId = false;
  for (let j = 6; j < argv.length; j++) {
    const moreArgs = argv.length - 1 - j;
    if (isToken(argv[j], "COUNT") && moreArgs > 0) {
      const value = parseInt64(argv[++j]!);
      if (value === undefined || value < 1n || value > MAX_AUTOCLAIM_COUNT) fail("ERR COUNT must be > 0");
      count = Number(value);
    } else if (isToken(argv[j], "JUSTID")) {
      justId = true;
    } else {
      fail(errors.syntax);
    }
  }
  const stream = readTyped(ctx.client.db, key, "stream")?.value;
  const group = groupOf(stream, key, argv[2]!);
  // Redis allocates count IDs up front and reports a failed allocation; the system's memory is
  // what bounds such an allocation under Linux's default overcommit heuristic.
  if (count * 16 > totalmem()) fail("ERR Insufficient memory, failed allocating transient memory, COUNT too high.");
  const now = nowMs(ctx.engine);
  let attempts = count * 10;
  let consumer: Consumer | undefined;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let cursor = group.pending.ceiling(start);
  while (attempts-- > 0 && count > 0 && cursor !== undefined) {
    const id = cursor;
    const pending = group.pending.get(id)!;
    cursor = group.pending.ceiling(incrementId(id) ?? MAX_ID);
    if (cursor === id) cursor = undefined;
    if (stream!.get(id) === undefined) {
      removePending(group, pending);
      deleted.push(formatId(id));
      count--;
      continue;
    }
    if (minIdle && now - pending.deliveryTime < minIdle) continue;
    consumer ??= consumerFor(ctx, group, argv[3]!, key);
    transfer(pending, consumer);
    pending.deliveryTime = now;
    if (!justId) pending.deliveryCount++;
    claimed.push(claimedEntryReply(stream!, id, justId));
    count--;
  }
  return [formatId(cursor ?? MIN_ID), claimed, deleted];
}

// ---- XINFO --------------------------------------------------------------------------------

function xinfoStream(ctx: CommandContext, argv: string[]): Reply {
  const stream = xinfoTarget(ctx, argv);
  let full = false;
  let count = 10;
  const options = argv.slice(3);
  if (options.length > 0) {
    if ((options.length !== 1 && options.length !== 3) || !isToken(options[0], "FULL")) GROUP_SYNTAX(argv);
    if (options.length === 3) {
      if (!isToken(options[1], "COUNT")) GROUP_SYNTAX(argv);
      count = Math.max(0, longLongArg(options[2]!));
    }
    full = true;
  }
  const header: Reply[] = [
    "length",
    stream.length,
    "radix-tree-keys",
    stream.nodes.length,
    "radix-tree-nodes",
    stream.radixTreeNodes(),
    "last-generated-id",
    formatId(stream.lastId),
    "max-deleted-entry-id",
    formatId(stream.maxDeletedId),
    "entries-added",
    stream.entriesAdded,
    "recorded-first-entry-id",
    formatId(stream.firstId()),
  ];
  if (!full) {
    const first = stream.firstEntry();
    const last = stream.lastEntry();
    return new MapReply([
      ...header,
      "groups",
      stream.groups.size,
      "first-entry",
      first ? entryReply(first) : null,
      "last-entry",
      last ? entryReply(last) : null,
    ]);
  }
  const groups = sortedGroups(stream).map((group) => {
    const pending: Reply[] = [];
    for (const [id, entry] of group.pending.range(MIN_ID)) {
      if (count > 0 && pending.length >= count) break;
      pending.push([formatId(id), entry.consumer.name, entry.deliveryTime, entry.deliveryCount]);
    }
    const consumers = sortedConsumers(group).map((consumer) => {
      const own: Reply[] = [];
      for (const [id, entry] of consumer.pending.range(MIN_ID)) {
        if (count > 0 && own.length >= count) break;
        own.push([formatId(id), entry.deliveryTime, entry.deliveryCount]);
      }
      return new MapReply(["name", consumer.name, "seen-time", consumer.seenTime, "pel-count", consumer.pending.size, "pending", own]);
    });
    return new MapReply([
      "name",
      group.name,
      "last-delivered-id",
      formatId(group.lastId),
      "entries-read",
      entriesReadReply(group),
      "lag",
      stream.lag(group) ?? null,
      "pel-count",
      group.pending.size,
      "pending",
      pending,
      "consumers",
      consumers,
    ]);
  });
  return new MapReply([...header, "entries", takeEntries(stream.range(MIN_ID, MAX_ID), count), "groups", groups]);
}

function entriesReadReply(group: ConsumerGroup): Reply {
  return group.entriesRead === UNKNOWN_ENTRIES_READ ? null : group.entriesRead;
}

function sortedGroups(stream: Stream): ConsumerGroup[] {
  return [...stream.groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function xinfoTarget(ctx: CommandContext, argv: string[]): Stream {
  const stream = readTyped(ctx.client.db, argv[2]!, "stream")?.value;
  if (stream === undefined) fail(errors.noSuchKey);
  return stream;
}

function xinfoGroups(ctx: CommandContext, argv: string[]): Reply {
  const stream = xinfoTarget(ctx, argv);
  return sortedGroups(stream).map(
    (group) =>
      new MapReply([
        "name",
        group.name,
        "consumers",
        group.consumers.size,
        "pending",
        group.pending.size,
        "last-delivered-id",
        formatId(group.lastId),
        "entries-read",
        entriesReadReply(group),
        "lag",
        stream.lag(group) ?? null,
      ]),
  );
}

function xinfoConsumers(ctx: CommandContext, argv: string[]): Reply {
  const stream = xinfoTarget(ctx, argv);
  const group = stream.groups.get(argv[3]!);
  if (group === undefined) fail(`NOGROUP No such consumer group '${argv[3]}' for key name '${argv[2]}'`);
  const now = nowMs(ctx.engine);
  return sortedConsumers(group).map(
    (consumer) => new MapReply(["name", consumer.name, "pending", consumer.pending.size, "idle", Math.max(0, now - consumer.seenTime)]),
  );
}

function xinfoHelp(): Reply {
  return helpReply("XINFO", [
    "CONSUMERS <key> <groupname>",
    "    Show consumers of <groupname>.",
    "GROUPS <key>",
    "    Show the stream consumer groups.",
    "STREAM <key> [FULL [COUNT <count>]",
    "    Show information about the stream.",
  ]);
}

registerTypeCloner("stream", (stream) => stream.clone());
registerEncoding("stream", () => "stream");

// ---- command table ------------------------------------------------------------------------

const key: ArgumentDoc = { name: "key", type: "key" };
const group: ArgumentDoc = { name: "group", type: "string" };
const consumer: ArgumentDoc = { name: "consumer", type: "string" };
const id: ArgumentDoc = { name: "id", type: "string" };
const trimDoc: ArgumentDoc = {
  name: "trim",
  type: "block",
  optional: true,
  arguments: [
    { name: "strategy", type: "oneof", arguments: [{ name: "maxlen", type: "pure-token", token: "MAXLEN" }, { name: "minid", type: "pure-token", token: "MINID", since: "6.2.0" }] },
    { name: "operator", type: "oneof", optional: true, arguments: [{ name: "equal", type: "pure-token", token: "=" }, { name: "approximately", type: "pure-token", token: "~" }] },
    { name: "threshold", type: "string" },
    { name: "count", type: "integer", token: "LIMIT", optional: true, since: "6.2.0" },
  ],
};

export const commands = [
  defineCommand("xadd", {
    arity: -5,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "Appends a new entry to a stream",
    complexity: "O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.",
    tips: "nondeterministic_output",
    history: [
      ["6.2.0", "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option."],
      ["7.0.0", "Added support for the `<ms>-*` explicit ID form."],
    ],
    arguments: [
      key,
      { name: "nomkstream", type: "pure-token", token: "NOMKSTREAM", optional: true, since: "6.2.0" },
      trimDoc,
      { name: "id_or_auto", type: "oneof", arguments: [{ name: "auto_id", type: "pure-token", token: "*" }, id] },
      { name: "field_value", type: "block", multiple: true, arguments: [{ name: "field", type: "string" }, { name: "value", type: "string" }] },
    ],
    handler: xadd,
  }),
  defineCommand("xtrim", {
    arity: -4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write stream slow",
    group: "stream",
    since: "5.0.0",
    summary: "Trims the stream to (approximately if '~' is passed) a certain size",
    complexity: "O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.",
    tips: "nondeterministic_output",
    history: [["6.2.0", "Added the `MINID` trimming strategy and the `LIMIT` option."]],
    arguments: [key, { ...trimDoc, optional: false }],
    handler: xtrim,
  }),
  defineCommand("xdel", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.",
    complexity: "O(1) for each single item to delete in the stream, regardless of the stream size.",
    arguments: [key, { ...id, multiple: true }],
    handler: xdel,
  }),
  defineCommand("xlen", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "Return the number of entries in a stream",
    complexity: "O(1)",
    arguments: [key],
    handler: xlen,
  }),
  defineCommand("xrange", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read stream slow",
    group: "stream",
    since: "5.0.0",
    summary: "Return a range of elements in a stream, with IDs matching the specified IDs interval",
    complexity: "O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).",
    history: [["6.2.0", "Added exclusive ranges."]],
    arguments: [key, { name: "start", type: "string" }, { name: "end", type: "string" }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: (ctx, argv) => rangeCommand(ctx, argv, false),
  }),
  defineCommand("xrevrange", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read stream slow",
    group: "stream",
    since: "5.0.0",
    summary: "Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE",
    complexity: "O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).",
    history: [["6.2.0", "Added exclusive ranges."]],
    arguments: [key, { name: "end", type: "string" }, { name: "start", type: "string" }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: (ctx, argv) => rangeCommand(ctx, argv, true),
  }),
  defineCommand("xread", {
    arity: -4,
    flags: "readonly blocking movablekeys",
    getKeys: (argv) => streamsKeyPositions(argv),
    acl: "read stream slow blocking",
    group: "stream",
    since: "5.0.0",
    summary: "Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.",
    complexity: "For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.",
    arguments: [
      { name: "count", type: "integer", token: "COUNT", optional: true },
      { name: "milliseconds", type: "integer", token: "BLOCK", optional: true },
      { name: "streams", type: "block", token: "STREAMS", arguments: [{ ...key, multiple: true }, { ...id, multiple: true }] },
    ],
    handler: (ctx, argv) => xreadGeneric(ctx, argv, false),
  }),
  defineCommand("xreadgroup", {
    arity: -7,
    flags: "write blocking movablekeys",
    getKeys: (argv) => streamsKeyPositions(argv),
    acl: "write stream slow blocking",
    group: "stream",
    since: "5.0.0",
    summary: "Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.",
    complexity: "For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.",
    arguments: [
      { name: "group_consumer", type: "block", token: "GROUP", arguments: [group, consumer] },
      { name: "count", type: "integer", token: "COUNT", optional: true },
      { name: "milliseconds", type: "integer", token: "BLOCK", optional: true },
      { name: "noack", type: "pure-token", token: "NOACK", optional: true },
      { name: "streams", type: "block", token: "STREAMS", arguments: [{ ...key, multiple: true }, { ...id, multiple: true }] },
    ],
    handler: (ctx, argv) => xreadGeneric(ctx, argv, true),
  }),
  defineCommand("xgroup", {
    arity: -2,
    group: "stream",
    since: "5.0.0",
    summary: "A container for consumer groups commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      create: {
        arity: -5,
        flags: "write denyoom",
        keys: [2, 2, 1],
        acl: "write stream slow",
        since: "5.0.0",
        summary: "Create a consumer group.",
        complexity: "O(1)",
        history: [["7.0.0", "Added the `entries_read` named argument."]],
        arguments: [key, { name: "groupname", type: "string" }, { name: "id", type: "oneof", arguments: [id, { name: "new_id", type: "pure-token", token: "$" }] }, { name: "mkstream", type: "pure-token", token: "MKSTREAM", optional: true }, { name: "entries_read", type: "integer", token: "ENTRIESREAD", optional: true }],
        handler: xgroupCreate,
      },
      setid: {
        arity: -5,
        flags: "write",
        keys: [2, 2, 1],
        acl: "write stream slow",
        since: "5.0.0",
        summary: "Set a consumer group to an arbitrary last delivered ID value.",
        complexity: "O(1)",
        history: [["7.0.0", "Added the optional `entries_read` argument."]],
        arguments: [key, { name: "groupname", type: "string" }, { name: "id", type: "oneof", arguments: [id, { name: "new_id", type: "pure-token", token: "$" }] }, { name: "entries_read", type: "integer", token: "ENTRIESREAD", optional: true }],
        handler: xgroupSetId,
      },
      destroy: {
        arity: 4,
        flags: "write",
        keys: [2, 2, 1],
        acl: "write stream slow",
        since: "5.0.0",
        summary: "Destroy a consumer group.",
        complexity: "O(N) where N is the number of entries in the group's pending entries list (PEL).",
        arguments: [key, { name: "groupname", type: "string" }],
        handler: xgroupDestroy,
      },
      createconsumer: {
        arity: 5,
        flags: "write denyoom",
        keys: [2, 2, 1],
        acl: "write stream slow",
        since: "6.2.0",
        summary: "Create a consumer in a consumer group.",
        complexity: "O(1)",
        arguments: [key, { name: "groupname", type: "string" }, { name: "consumername", type: "string" }],
        handler: xgroupCreateConsumer,
      },
      delconsumer: {
        arity: 5,
        flags: "write",
        keys: [2, 2, 1],
        acl: "write stream slow",
        since: "5.0.0",
        summary: "Delete a consumer from a consumer group.",
        complexity: "O(1)",
        arguments: [key, { name: "groupname", type: "string" }, { name: "consumername", type: "string" }],
        handler: xgroupDelConsumer,
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "stream slow",
        since: "5.0.0",
        summary: "Show helpful text about the different subcommands",
        complexity: "O(1)",
        handler: xgroupHelp,
      },
    },
  }),
  defineCommand("xsetid", {
    arity: -3,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "An internal command for replicating stream values",
    complexity: "O(1)",
    history: [["7.0.0", "Added the `entries_added` and `max_deleted_entry_id` arguments."]],
    arguments: [key, { name: "last-id", type: "string" }, { name: "entries_added", type: "integer", token: "ENTRIESADDED", optional: true, since: "7.0.0" }, { name: "max_deleted_entry_id", type: "string", token: "MAXDELETEDID", optional: true, since: "7.0.0" }],
    handler: xsetid,
  }),
  defineCommand("xack", {
    arity: -4,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.",
    complexity: "O(1) for each message ID processed.",
    arguments: [key, group, { ...id, multiple: true }],
    handler: xack,
  }),
  defineCommand("xpending", {
    arity: -3,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read stream slow",
    group: "stream",
    since: "5.0.0",
    summary: "Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.",
    complexity: "O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.",
    tips: "nondeterministic_output",
    history: [["6.2.0", "Added the `IDLE` option and exclusive range intervals."]],
    arguments: [key, group, { name: "filters", type: "block", optional: true, arguments: [{ name: "min-idle-time", type: "integer", token: "IDLE", optional: true, since: "6.2.0" }, { name: "start", type: "string" }, { name: "end", type: "string" }, { name: "count", type: "integer" }, { ...consumer, optional: true }] }],
    handler: xpending,
  }),
  defineCommand("xclaim", {
    arity: -6,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "5.0.0",
    summary: "Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.",
    complexity: "O(log N) with N being the number of messages in the PEL of the consumer group.",
    tips: "nondeterministic_output",
    arguments: [
      key,
      group,
      consumer,
      { name: "min-idle-time", type: "string" },
      { ...id, multiple: true },
      { name: "ms", type: "integer", token: "IDLE", optional: true },
      { name: "unix-time-milliseconds", type: "unix-time", token: "TIME", optional: true },
      { name: "count", type: "integer", token: "RETRYCOUNT", optional: true },
      { name: "force", type: "pure-token", token: "FORCE", optional: true },
      { name: "justid", type: "pure-token", token: "JUSTID", optional: true },
      { name: "id", type: "string", token: "LASTID", optional: true },
    ],
    handler: xclaim,
  }),
  defineCommand("xautoclaim", {
    arity: -6,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write stream fast",
    group: "stream",
    since: "6.2.0",
    summary: "Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.",
    complexity: "O(1) if COUNT is small.",
    tips: "nondeterministic_output",
    history: [["7.0.0", "Added an element to the reply array, containing deleted entries the command cleared from the PEL"]],
    arguments: [key, group, consumer, { name: "min-idle-time", type: "string" }, { name: "start", type: "string" }, { name: "count", type: "integer", token: "COUNT", optional: true }, { name: "justid", type: "pure-token", token: "JUSTID", optional: true }],
    handler: xautoclaim,
  }),
  defineCommand("xinfo", {
    arity: -2,
    group: "stream",
    since: "5.0.0",
    summary: "A container for stream introspection commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      stream: {
        arity: -3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "read stream slow",
        since: "5.0.0",
        summary: "Get information about a stream",
        complexity: "O(1)",
        history: [
          ["6.0.0", "Added the `FULL` modifier."],
          ["7.0.0", "Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, `entries-read` and `lag` fields"],
        ],
        arguments: [key, { name: "full", type: "block", token: "FULL", optional: true, arguments: [{ name: "count", type: "integer", token: "COUNT", optional: true }] }],
        handler: xinfoStream,
      },
      groups: {
        arity: 3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "read stream slow",
        since: "5.0.0",
        summary: "List the consumer groups of a stream",
        complexity: "O(1)",
        history: [["7.0.0", "Added the `entries-read` and `lag` fields"]],
        arguments: [key],
        handler: xinfoGroups,
      },
      consumers: {
        arity: 4,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "read stream slow",
        since: "5.0.0",
        summary: "List the consumers in a consumer group",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        arguments: [key, { name: "groupname", type: "string" }],
        handler: xinfoConsumers,
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "stream slow",
        since: "5.0.0",
        summary: "Show helpful text about the different subcommands",
        complexity: "O(1)",
        handler: xinfoHelp,
      },
    },
  }),
];

/** Key positions of XREAD/XREADGROUP: the first half of what follows STREAMS. */
function streamsKeyPositions(argv: string[]): number[] {
  for (let i = 1; i < argv.length; i++) {
    if (!isToken(argv[i], "STREAMS")) continue;
    const count = (argv.length - i - 1) / 2;
    if (!Number.isInteger(count)) return [];
    return Array.from({ length: count }, (_, k) => i + 1 + k);
  }
  return [];
}

