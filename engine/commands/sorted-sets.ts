/**
 * Sorted-set commands (Redis's t_zset.c): ZADD and friends, rank/score/lex ranges, the set
 * operations, pops (with the blocking BZPOPMIN, BZPOPMAX and BZMPOP), ZRANDMEMBER and ZSCAN.
 */
import { errors, fail } from "../errors";
import type { Engine } from "../engine";
import type { RedisObject } from "../object";
import { DoubleReply, ErrorReply, NULL_ARRAY, type Reply } from "../protocol/reply";
import type { SetValue } from "../structures/set";
import {
  LEX_MAX,
  LEX_MIN,
  type LexBound,
  type LexRange,
  type ScoreRange,
  type SkiplistNode,
  lexAboveMin,
  lexBelowMax,
  scoreAboveMin,
  scoreBelowMax,
} from "../structures/skiplist";
import { type ListpackLimits, SortedSet } from "../structures/zset";
import { registerElementsReader } from "../types";
import { globMatch } from "../util/glob";
import { cStrtod, formatDouble17g, parseInt64, parseStrictDouble } from "../util/numbers";
import { sampleIndexes } from "../util/sampling";
import {
  deleteIfEmpty,
  integerArg,
  isToken,
  multiPopArgs,
  numkeysKeyPositions,
  readTyped,
  scanCursorArg,
  scanOptionsArg,
  signedCountArg,
  timeoutArg,
  writeTyped,
} from "./args";
import { type ArgumentDoc, type CommandContext, type CommandSpec, type HandlerResult, defineCommand } from "./spec";

registerElementsReader("zset", (zset) => [...zset]);

const NAN_SCORE = new ErrorReply("ERR resulting score is not a number (NaN)");
const NOT_FLOAT_RANGE = new ErrorReply("ERR min or max is not a float");
const NOT_LEX_RANGE = new ErrorReply("ERR min or max not valid string range item");
const HALF_LONG_MAX = (2n ** 63n - 1n) / 2n;

// ---- shared helpers (exported for commands built on sorted sets, such as geo) --------------

/** The listpack thresholds currently configured. */
export function zsetLimits(engine: Engine): ListpackLimits {
  return {
    maxEntries: engine.config.getNumber("zset-max-listpack-entries"),
    maxValue: engine.config.getNumber("zset-max-listpack-value"),
  };
}

/** A score, weight or increment argument, parsed like Redis's getDoubleFromObject. */
export function scoreArg(text: string, error: ErrorReply = errors.notFloat): number {
  const value = parseStrictDouble(text);
  if (value === undefined) fail(error);
  return value;
}

/** One end of a score range: "1.5", "(1.5", "-inf"... Redis uses a bare strtod here, so "" is 0. */
function scoreBound(text: string): { value: number; exclusive: boolean } | undefined {
  const exclusive = text.charCodeAt(0) === 40; // "("
  const digits = exclusive ? text.slice(1) : text;
  const value = digits === "" ? 0 : cStrtod(digits);
  return Number.isNaN(value) ? undefined : { value, exclusive };
}

export function scoreRangeArg(minText: string, maxText: string): ScoreRange {
  const min = scoreBound(minText);
  const max = scoreBound(maxText);
  if (!min || !max) fail(NOT_FLOAT_RANGE);
  return { min: min.value, minExclusive: min.exclusive, max: max.value, maxExclusive: max.exclusive };
}

/** One end of a lex range: "[a", "(a", "-" or "+" ("-" and "+" count as exclusive, as in Redis). */
function lexBound(text: string): { value: LexBound; exclusive: boolean } | undefined {
  switch (text[0]) {
    case "+":
      return text.length === 1 ? { value: LEX_MAX, exclusive: true } : undefined;
    case "-":
      return text.length === 1 ? { value: LEX_MIN, exclusive: true } : undefined;
    case "(":
      return { value: text.slice(1), exclusive: true };
    case "[":
      return { value: text.slice(1), exclusive: false };
    default:
      return undefined;
  }
}

export function lexRangeArg(minText: string, maxText: string): LexRange {
  const min = lexBound(minText);
  const max = lexBound(maxText);
  if (!min || !max) fail(NOT_LEX_RANGE);
  return { min: min.value, minExclusive: min.exclusive, max: max.value, maxExclusive: max.exclusive };
}

/** Appends a member, and its score when wanted: flat in RESP2, [member, score] pairs in RESP3 when `nested`. */
function emit(out: Reply[], member: string, score: number, withScores: boolean, nested: boolean): void {
  if (!withScores) out.push(member);
  else if (nested) out.push([member, new DoubleReply(score)]);
  else out.push(member, new DoubleReply(score));
}

/**
 * Stores a freshly built sorted set under `key` (ZUNIONSTORE, ZRANGESTORE...), replacing any
 * value and TTL, or deletes the key when the result is empty. Replies with the cardinality.
 */
export function storeSortedSet(ctx: CommandContext, key: string, zset: SortedSet, event: string): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  if (zset.size === 0) {
    if (db.delete(key)) {
      db.signalModified(key);
      engine.notifyKeyspaceEvent("g", "del", key, db.id);
    }
    return 0;
  }
  zset.chooseEncoding(zsetLimits(engine));
  db.create(key, "zset", zset);
  db.signalModified(key);
  engine.signalKeyAsReady(db, key);
  engine.notifyKeyspaceEvent("z", event, key, db.id);
  return zset.size;
}

/** The sorted set under `key` for writing, created (and announced to blocked clients) if missing. */
export function zsetForWrite(ctx: CommandContext, key: string): SortedSet {
  const db = ctx.client.db;
  const existing = writeTyped(db, key, "zset");
  if (existing) return existing.value;
  const created = db.create(key, "zset", new SortedSet());
  ctx.engine.signalKeyAsReady(db, key);
  return created.value;
}

/** After removals: deletes the key if empty ("del" after the zset event) and signals the write. */
function afterRemoval(ctx: CommandContext, key: string, zset: SortedSet, event: string): void {
  ctx.engine.notifyKeyspaceEvent("z", event, key, ctx.client.db.id);
  deleteIfEmpty(ctx, key, zset.size);
  ctx.client.db.signalModified(key);
}

// ---- ZADD / ZINCRBY -----------------------------------------------------------------------

interface AddFlags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
  ch: boolean;
  incr: boolean;
}

function zaddGeneric(ctx: CommandContext, argv: string[], flags: AddFlags, firstScore: number): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  const key = argv[1]!;
  const { nx, xx, gt, lt, incr } = flags;
  const elements = argv.length - firstScore;
  if (elements === 0 || elements % 2 !== 0) return errors.syntax;
  if (nx && xx) return new ErrorReply("ERR XX and NX options at the same time are not compatible");
  if ((gt && nx) || (lt && nx) || (gt && lt)) return new ErrorReply("ERR GT, LT, and/or NX options at the same time are not compatible");
  if (incr && elements > 2) return new ErrorReply("ERR INCR option supports a single increment-element pair");
  const scores: number[] = new Array(elements / 2);
  for (let i = 0; i < scores.length; i++) scores[i] = scoreArg(argv[firstScore + i * 2]!);

  let zset: SortedSet;
  const existing = writeTyped(db, key, "zset");
  if (existing) zset = existing.value;
  else if (xx) return incr ? null : 0;
  else zset = zsetForWrite(ctx, key);

  const limits = zsetLimits(engine);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let resultScore = 0;
  let error: ErrorReply | undefined;
  for (let i = 0; i < scores.length; i++) {
    const member = argv[firstScore + i * 2 + 1]!;
    let score = scores[i]!;
    const current = zset.score(member);
    if (current !== undefined) {
      if (nx) continue;
      if (incr) {
        score += current;
        if (Number.isNaN(score)) {
          error = NAN_SCORE;
          break;
        }
      }
      if ((lt && score >= current) || (gt && score <= current)) continue;
      resultScore = score;
      processed++;
      if (score !== current) {
        zset.set(member, score);
        updated++;
      }
    } else {
      if (xx) continue;
      zset.prepareToAdd(limits, member.length);
      zset.set(member, score);
      resultScore = score;
      processed++;
      added++;
    }
  }
  if (added + updated > 0) {
    db.signalModified(key);
    engine.notifyKeyspaceEvent("z", incr ? "zincr" : "zadd", key, db.id);
  }
  if (error) return error;
  if (incr) return processed > 0 ? new DoubleReply(resultScore) : null;
  return flags.ch ? added + updated : added;
}

/** ZADD's handler; exported because GEOADD is ZADD with computed scores, as in Redis. */
export function zaddCommand(ctx: CommandContext, argv: string[]): Reply {
  const flags: AddFlags = { nx: false, xx: false, gt: false, lt: false, ch: false, incr: false };
  let index = 2;
  for (; index < argv.length; index++) {
    const option = argv[index]!.toUpperCase();
    if (option === "NX") flags.nx = true;
    else if (option === "XX") flags.xx = true;
    else if (option === "GT") flags.gt = true;
    else if (option === "LT") flags.lt = true;
    else if (option === "CH") flags.ch = true;
    else if (option === "INCR") flags.incr = true;
    else break;
  }
  return zaddGeneric(ctx, argv, flags, index);
}

function zincrbyCommand(ctx: CommandContext, argv: string[]): Reply {
  return zaddGeneric(ctx, argv, { nx: false, xx: false, gt: false, lt: false, ch: false, incr: true }, 2);
}

// ---- single-key reads ---------------------------------------------------------------------

function zcardCommand({ client }: CommandContext, argv: string[]): Reply {
  return readTyped(client.db, argv[1]!, "zset")?.value.size ?? 0;
}

function zcountCommand({ client }: CommandContext, argv: string[]): Reply {
  const range = scoreRangeArg(argv[2]!, argv[3]!);
  return readTyped(client.db, argv[1]!, "zset")?.value.countInScoreRange(range) ?? 0;
}

function zlexcountCommand({ client }: CommandContext, argv: string[]): Reply {
  const range = lexRangeArg(argv[2]!, argv[3]!);
  return readTyped(client.db, argv[1]!, "zset")?.value.countInLexRange(range) ?? 0;
}

function zscoreCommand({ client }: CommandContext, argv: string[]): Reply {
  const score = readTyped(client.db, argv[1]!, "zset")?.value.score(argv[2]!);
  return score === undefined ? null : new DoubleReply(score);
}

function zmscoreCommand({ client }: CommandContext, argv: string[]): Reply {
  const zset = readTyped(client.db, argv[1]!, "zset")?.value;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    const score = zset?.score(argv[i]!);
    out[i - 2] = score === undefined ? null : new DoubleReply(score);
  }
  return out;
}

function rankGeneric({ client }: CommandContext, argv: string[], reverse: boolean): Reply {
  const object = readTyped(client.db, argv[1]!, "zset");
  if (!object) return null;
  return object.value.rank(argv[2]!, reverse) ?? null;
}

const zrankCommand = (ctx: CommandContext, argv: string[]) => rankGeneric(ctx, argv, false);
const zrevrankCommand = (ctx: CommandContext, argv: string[]) => rankGeneric(ctx, argv, true);

// ---- removals -----------------------------------------------------------------------------

function zremCommand(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const object = writeTyped(ctx.client.db, key, "zset");
  if (!object) return 0;
  const zset = object.value;
  let removed = 0;
  for (let i = 2; i < argv.length; i++) {
    if (zset.remove(argv[i]!)) removed++;
    if (zset.size === 0) break;
  }
  if (removed > 0) afterRemoval(ctx, key, zset, "zrem");
  return removed;
}

type RangeKind = "rank" | "score" | "lex";

/** Clamps a rank range like Redis; undefined when it selects nothing. */
function clampRanks(start: number, end: number, length: number): [number, number] | undefined {
  if (start < 0) start = length + start;
  if (end < 0) end = length + end;
  if (start < 0) start = 0;
  if (start > end || start >= length) return undefined;
  return [start, Math.min(end, length - 1)];
}

function zremrangeGeneric(ctx: CommandContext, argv: string[], kind: RangeKind): Reply {
  const key = argv[1]!;
  let removeFrom: (zset: SortedSet) => number;
  if (kind === "rank") {
    const start = integerArg(argv[2]!);
    const end = integerArg(argv[3]!);
    removeFrom = (zset) => {
      const ranks = clampRanks(start, end, zset.size);
      return ranks ? zset.removeRangeByRank(ranks[0], ranks[1]) : 0;
    };
  } else if (kind === "score") {
    const range = scoreRangeArg(argv[2]!, argv[3]!);
    removeFrom = (zset) => zset.removeRangeByScore(range);
  } else {
    const range = lexRangeArg(argv[2]!, argv[3]!);
    removeFrom = (zset) => zset.removeRangeByLex(range);
  }
  const object = writeTyped(ctx.client.db, key, "zset");
  if (!object) return 0;
  const removed = removeFrom(object.value);
  if (removed > 0) afterRemoval(ctx, key, object.value, `zremrangeby${kind}`);
  return removed;
}

const zremrangebyrankCommand = (ctx: CommandContext, argv: string[]) => zremrangeGeneric(ctx, argv, "rank");
const zremrangebyscoreCommand = (ctx: CommandContext, argv: string[]) => zremrangeGeneric(ctx, argv, "score");
const zremrangebylexCommand = (ctx: CommandContext, argv: string[]) => zremrangeGeneric(ctx, argv, "lex");

// ---- ZRANGE and its older forms -----------------------------------------------------------

/** What ZRANGE selects: ranks, or a score/lex interval with LIMIT offset/count. */
export type RangeSpec =
  | { kind: "rank"; start: number; end: number }
  | { kind: "score"; range: ScoreRange; offset: number; limit: number }
  | { kind: "lex"; range: LexRange; offset: number; limit: number };

/**
 * Calls `take` for each member of the range in reply order (descending when `reverse`). As in
 * Redis, a negative offset selects nothing and a negative limit means no limit.
 */
export function forEachInRange(zset: SortedSet, spec: RangeSpec, reverse: boolean, take: (node: SkiplistNode) => void): void {
  const list = zset.list;
  if (spec.kind === "rank") {
    const ranks = clampRanks(spec.start, spec.end, zset.size);
    if (!ranks) return;
    let node = zset.at(reverse ? zset.size - 1 - ranks[0] : ranks[0]);
    for (let i = ranks[0]; i <= ranks[1] && node; i++, node = reverse ? node.backward : node.next) take(node);
    return;
  }
  let { offset, limit } = spec;
  if (offset < 0 || (offset > 0 && offset >= zset.size)) return;
  let node: SkiplistNode | null;
  let inRange: (node: SkiplistNode) => boolean;
  if (spec.kind === "score") {
    const range = spec.range;
    node = reverse ? list.lastInScoreRange(range) : list.firstInScoreRange(range);
    inRange = reverse ? (n) => scoreAboveMin(n.score, range) : (n) => scoreBelowMax(n.score, range);
  } else {
    const range = spec.range;
    node = reverse ? zset.lastInLexRange(range) : zset.firstInLexRange(range);
    inRange = reverse ? (n) => lexAboveMin(n.member, range) : (n) => lexBelowMax(n.member, range);
  }
  for (; node && offset > 0; offset--) node = reverse ? node.backward : node.next;
  for (; node && limit !== 0 && inRange(node); limit--) {
    take(node);
    node = reverse ? node.backward : node.next;
  }
}

interface RangeCommandShape {
  /** Index of the source key (1, or 2 for ZRANGESTORE whose argv[1] is the destination). */
  keyIndex: number;
  store: boolean;
  /** Fixed by the legacy commands; undefined lets BYSCORE/BYLEX choose (ZRANGE, ZRANGESTORE). */
  kind: RangeKind | undefined;
  /** Fixed by the legacy commands; undefined lets REV choose. */
  reverse: boolean | undefined;
}

/** Redis's zrangeGenericCommand: every ZRANGE form, with its option checks in Redis's order. */
function zrangeGeneric(ctx: CommandContext, argv: string[], shape: RangeCommandShape): Reply {
  const { keyIndex, store } = shape;
  let kind = shape.kind;
  let reverse = shape.reverse;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let i = keyIndex + 3; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    const option = argv[i]!;
    if (!store && isToken(option, "WITHSCORES")) {
      withScores = true;
    } else if (isToken(option, "LIMIT") && remaining >= 2) {
      offset = integerArg(argv[i + 1]!);
      limit = integerArg(argv[i + 2]!);
      i += 2;
    } else if (reverse === undefined && isToken(option, "REV")) {
      reverse = true;
    } else if (kind === undefined && isToken(option, "BYLEX")) {
      kind = "lex";
    } else if (kind === undefined && isToken(option, "BYSCORE")) {
      kind = "score";
    } else {
      return errors.syntax;
    }
  }
  reverse ??= false;
  kind ??= "rank";
  if (limit !== -1 && kind === "rank") {
    return new ErrorReply("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
  }
  if (withScores && kind === "lex") return new ErrorReply("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
  // Score and lex ranges are written max first when reversed.
  let minText = argv[keyIndex + 1]!;
  let maxText = argv[keyIndex + 2]!;
  if (reverse && kind !== "rank") [minText, maxText] = [maxText, minText];
  let spec: RangeSpec;
  if (kind === "rank") spec = { kind, start: integerArg(minText), end: integerArg(maxText) };
  else if (kind === "score") spec = { kind, range: scoreRangeArg(minText, maxText), offset, limit };
  else spec = { kind, range: lexRangeArg(minText, maxText), offset, limit };

  const source = readTyped(ctx.client.db, argv[keyIndex]!, "zset");
  if (store) {
    const result = new SortedSet("skiplist");
    if (source) forEachInRange(source.value, spec, reverse, (node) => result.set(node.member, node.score));
    return storeSortedSet(ctx, argv[1]!, result, "zrangestore");
  }
  if (!source) return [];
  const out: Reply[] = [];
  const nested = ctx.client.protocol === 3;
  forEachInRange(source.value, spec, reverse, (node) => emit(out, node.member, node.score, withScores, nested));
  return out;
}

const zrangeCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: undefined, reverse: undefined });
const zrangestoreCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 2, store: true, kind: undefined, reverse: undefined });
const zrevrangeCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: "rank", reverse: true });
const zrangebyscoreCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: "score", reverse: false });
const zrevrangebyscoreCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: "score", reverse: true });
const zrangebylexCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: "lex", reverse: false });
const zrevrangebylexCommand = (ctx: CommandContext, argv: string[]) =>
  zrangeGeneric(ctx, argv, { keyIndex: 1, store: false, kind: "lex", reverse: true });

// ---- ZUNION / ZINTER / ZDIFF / ZINTERCARD -------------------------------------------------

type SetOperation = "union" | "inter" | "diff";
type Aggregate = "sum" | "min" | "max";

/** One input of a set operation: a sorted set, or a plain set whose members score 1. */
interface OperationSource {
  zset: SortedSet | undefined;
  set: SetValue | undefined;
  weight: number;
}

function sourceSize(source: OperationSource): number {
  return source.zset?.size ?? source.set?.size ?? 0;
}

function sourceScore(source: OperationSource, member: string): number | undefined {
  if (source.zset) return source.zset.score(member);
  return source.set?.has(member) ? 1 : undefined;
}

function forEachSourceMember(source: OperationSource, visit: (member: string, score: number) => void): void {
  if (source.zset) for (let node = source.zset.list.head; node; node = node.next) visit(node.member, node.score);
  else if (source.set) for (const member of source.set) visit(member, 1);
}

function aggregate(current: number, value: number, how: Aggregate): number {
  if (how === "sum") {
    const sum = current + value;
    // inf + -inf: Redis settles on 0 rather than NaN.
    return Number.isNaN(sum) ? 0 : sum;
  }
  // C comparisons: a NaN value (inf * 0 weight) never replaces the current score.
  if (how === "min") return value < current ? value : current;
  return value > current ? value : current;
}

/** Weight times score, where NaN (0 * inf) becomes 0 as in Redis. */
function weighted(score: number, weight: number): number {
  const value = score * weight;
  return Number.isNaN(value) ? 0 : value;
}

/**
 * Redis's zunionInterDiffGenericCommand. `destination` is set for the STORE forms; `cardinalityOnly`
 * for ZINTERCARD.
 */
function setOperationGeneric(
  ctx: CommandContext,
  argv: string[],
  numkeysIndex: number,
  operation: SetOperation,
  destination: string | undefined,
  cardinalityOnly = false,
): Reply {
  const db = ctx.client.db;
  const numkeys = integerArg(argv[numkeysIndex]!);
  if (numkeys < 1) return new ErrorReply(`ERR at least 1 input key is needed for '${argv[0]!.toLowerCase()}' command`);
  if (numkeys > argv.length - numkeysIndex - 1) return errors.syntax;
  const sources: OperationSource[] = [];
  for (let i = 0; i < numkeys; i++) {
    const key = argv[numkeysIndex + 1 + i]!;
    // Sources are read lookups even for the STORE variants (a miss counts and emits keymiss).
    const object = db.lookupRead(key);
    if (object && object.type !== "zset" && object.type !== "set") return errors.wrongType;
    sources.push({
      zset: object?.type === "zset" ? (object as RedisObject<"zset">).value : undefined,
      set: object?.type === "set" ? (object as RedisObject<"set">).value : undefined,
      weight: 1,
    });
  }
  let how: Aggregate = "sum";
  let withScores = false;
  let limit = 0;
  for (let j = numkeysIndex + 1 + numkeys; j < argv.length; ) {
    const remaining = argv.length - j;
    const option = argv[j]!;
    if (operation !== "diff" && !cardinalityOnly && remaining >= numkeys + 1 && isToken(option, "WEIGHTS")) {
      for (let i = 0; i < numkeys; i++) sources[i]!.weight = scoreArg(argv[j + 1 + i]!, new ErrorReply("ERR weight value is not a float"));
      j += numkeys + 1;
    } else if (operation !== "diff" && !cardinalityOnly && remaining >= 2 && isToken(option, "AGGREGATE")) {
      const value = argv[j + 1]!;
      if (isToken(value, "SUM")) how = "sum";
      else if (isToken(value, "MIN")) how = "min";
      else if (isToken(value, "MAX")) how = "max";
      else return errors.syntax;
      j += 2;
    } else if (destination === undefined && !cardinalityOnly && isToken(option, "WITHSCORES")) {
      withScores = true;
      j++;
    } else if (cardinalityOnly && remaining >= 2 && isToken(option, "LIMIT")) {
      const error = new ErrorReply("ERR LIMIT can't be negative");
      limit = integerArg(argv[j + 1]!, error);
      if (limit < 0) return error;
      j += 2;
    } else {
      return errors.syntax;
    }
  }

  if (cardinalityOnly) return intersectionCardinality(sources, limit);
  const result = new SortedSet("skiplist");
  if (operation === "diff") {
    const [first, ...others] = sources;
    forEachSourceMember(first!, (member, score) => {
      if (!others.some((other) => sourceScore(other, member) !== undefined)) result.set(member, score);
    });
  } else {
    // Smallest inputs first, as Redis orders them (this also fixes the order scores are summed in).
    const ordered = smallestFirst(sources);
    if (operation === "inter") intersect(ordered, how, result);
    else unite(ordered, how, result);
  }
  if (destination !== undefined) return storeSortedSet(ctx, destination, result, `z${operation}store`);
  const out: Reply[] = [];
  const nested = ctx.client.protocol === 3;
  for (let node = result.list.head; node; node = node.next) emit(out, node.member, node.score, withScores, nested);
  return out;
}

function intersect(sources: OperationSource[], how: Aggregate, result: SortedSet): void {
  const [first, ...others] = sources;
  if (sourceSize(first!) === 0) return;
  forEachSourceMember(first!, (member, score) => {
    let total = weighted(score, first!.weight);
    for (const other of others) {
      const value = sourceScore(other, member);
      if (value === undefined) return;
      total = aggregate(total, value * other.weight, how);
    }
    result.set(member, total);
  });
}

function unite(sources: OperationSource[], how: Aggregate, result: SortedSet): void {
  const totals = new Map<string, number>();
  for (const source of sources) {
    forEachSourceMember(source, (member, score) => {
      const value = weighted(score, source.weight);
      const current = totals.get(member);
      totals.set(member, current === undefined ? value : aggregate(current, value, how));
    });
  }
  for (const [member, score] of totals) result.set(member, score);
}

/** A stable sort by cardinality. */
function smallestFirst(sources: OperationSource[]): OperationSource[] {
  return [...sources].sort((a, b) => sourceSize(a) - sourceSize(b));
}

/** Counts the intersection, stopping once `limit` (0: none) members are found. */
function intersectionCardinality(sources: OperationSource[], limit: number): number {
  const [first, ...others] = smallestFirst(sources);
  let count = 0;
  const inAllOthers = (member: string) => others.every((other) => sourceScore(other, member) !== undefined);
  if (first!.zset) {
    for (let node = first!.zset.list.head; node; node = node.next) {
      if (inAllOthers(node.member) && ++count === limit) break;
    }
  } else if (first!.set) {
    for (const member of first!.set) if (inAllOthers(member) && ++count === limit) break;
  }
  return count;
}

const zunionCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 1, "union", undefined);
const zinterCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 1, "inter", undefined);
const zdiffCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 1, "diff", undefined);
const zunionstoreCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 2, "union", argv[1]!);
const zinterstoreCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 2, "inter", argv[1]!);
const zdiffstoreCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 2, "diff", argv[1]!);
const zintercardCommand = (ctx: CommandContext, argv: string[]) => setOperationGeneric(ctx, argv, 1, "inter", undefined, true);

// ---- pops ---------------------------------------------------------------------------------

/** How a pop answers: ZPOPMIN's flat pairs, BZPOPMIN's [key, member, score], or ZMPOP's [key, [[m, s]...]]. */
type PopShape = "plain" | "withKey" | "nested";

/**
 * Pops up to `count` members from the low (`min`) or high end of a non-empty set under `key`,
 * announcing the pop, and shapes the reply. `nestedPairs` is RESP3's [member, score] pairs.
 */
function popMembers(ctx: CommandContext, key: string, zset: SortedSet, min: boolean, count: number, shape: PopShape, nestedPairs: boolean): Reply {
  const popped: Reply[] = [];
  const taken = Math.min(count, zset.size);
  for (let i = 0; i < taken; i++) {
    const node = min ? zset.list.head! : zset.list.tail!;
    const { member, score } = node;
    zset.remove(member);
    emit(popped, member, score, true, nestedPairs);
  }
  const db = ctx.client.db;
  ctx.engine.notifyKeyspaceEvent("z", min ? "zpopmin" : "zpopmax", key, db.id);
  deleteIfEmpty(ctx, key, zset.size);
  db.signalModified(key);
  if (shape === "plain") return popped;
  if (shape === "withKey") return [key, ...popped];
  return [key, popped];
}

function zpopGeneric(ctx: CommandContext, argv: string[], min: boolean): Reply {
  if (argv.length > 3) return errors.syntax;
  const hasCount = argv.length === 3;
  let count = 1;
  if (hasCount) {
    const error = new ErrorReply("ERR value is out of range, must be positive");
    count = integerArg(argv[2]!, error);
    if (count < 0) return error;
  }
  const key = argv[1]!;
  const object = writeTyped(ctx.client.db, key, "zset");
  if (!object || count === 0) return [];
  return popMembers(ctx, key, object.value, min, count, "plain", hasCount && ctx.client.protocol === 3);
}

const zpopminCommand = (ctx: CommandContext, argv: string[]) => zpopGeneric(ctx, argv, true);
const zpopmaxCommand = (ctx: CommandContext, argv: string[]) => zpopGeneric(ctx, argv, false);

/** Pops from the first existing set among `keys` (ZMPOP, BZPOPMIN...); undefined when none exists. */
function popFirstExisting(ctx: CommandContext, keys: string[], min: boolean, count: number, shape: PopShape): Reply | undefined {
  for (const key of keys) {
    const object = writeTyped(ctx.client.db, key, "zset");
    if (object) return popMembers(ctx, key, object.value, min, count, shape, shape === "nested");
  }
  return undefined;
}

function blockingPop(ctx: CommandContext, argv: string[], keys: string[], timeoutText: string, min: boolean, count: number, shape: PopShape): HandlerResult {
  const timeout = timeoutArg(timeoutText);
  const served = popFirstExisting(ctx, keys, min, count, shape);
  if (served !== undefined) return served;
  if (ctx.nonBlocking) return NULL_ARRAY;
  const retry = (readyKey: string): Reply | undefined => {
    // Redis 7.0 serves a blocked pop only from the key that became ready, if it is a sorted set.
    const object = ctx.client.db.lookupWrite(readyKey);
    if (object?.type !== "zset") return undefined;
    return popMembers(ctx, readyKey, (object as RedisObject<"zset">).value, min, count, shape, shape === "nested");
  };
  return ctx.engine.block(ctx, ctx.client.currentCommand!, argv, keys, timeout, retry, () => NULL_ARRAY);
}

const bzpopminCommand = (ctx: CommandContext, argv: string[]) => blockingPop(ctx, argv, argv.slice(1, -1), argv[argv.length - 1]!, true, 1, "withKey");
const bzpopmaxCommand = (ctx: CommandContext, argv: string[]) => blockingPop(ctx, argv, argv.slice(1, -1), argv[argv.length - 1]!, false, 1, "withKey");

function zmpopCommand(ctx: CommandContext, argv: string[]): Reply {
  const { keys, fromFirstEnd, count } = multiPopArgs(argv, 1, ["MIN", "MAX"]);
  return popFirstExisting(ctx, keys, fromFirstEnd, count, "nested") ?? NULL_ARRAY;
}

function bzmpopCommand(ctx: CommandContext, argv: string[]): HandlerResult {
  const { keys, fromFirstEnd, count } = multiPopArgs(argv, 2, ["MIN", "MAX"]);
  return blockingPop(ctx, argv, keys, argv[1]!, fromFirstEnd, count, "nested");
}

// ---- ZRANDMEMBER and ZSCAN ----------------------------------------------------------------

function zrandmemberCommand({ engine, client }: CommandContext, argv: string[]): Reply {
  if (argv.length === 2) {
    const object = readTyped(client.db, argv[1]!, "zset");
    if (!object) return null;
    return object.value.members.randomKey(engine.random)!;
  }
  const count = signedCountArg(argv[2]!);
  let withScores = false;
  if (argv.length > 4 || (argv.length === 4 && !isToken(argv[3], "WITHSCORES"))) return errors.syntax;
  if (argv.length === 4) {
    withScores = true;
    // Redis refuses |count| > LONG_MAX / 2 here (the reply doubles it); compared exactly.
    const exact = BigInt(parseInt64(argv[2]!)!);
    if (exact > HALF_LONG_MAX || exact < -HALF_LONG_MAX) return new ErrorReply("ERR value is out of range");
  }
  const object = readTyped(client.db, argv[1]!, "zset");
  if (!object || count === 0) return [];
  const zset = object.value;
  const nested = client.protocol === 3;
  const out: Reply[] = [];
  if (count < 0 || count === 1) {
    // Repetitions allowed: independent draws.
    for (let i = Math.abs(count); i > 0; i--) {
      const member = zset.members.randomKey(engine.random)!;
      emit(out, member, zset.score(member)!, withScores, nested);
    }
  } else if (count >= zset.size) {
    for (let node = zset.list.head; node; node = node.next) emit(out, node.member, node.score, withScores, nested);
  } else {
    for (const rank of sampleIndexes(zset.size, count, engine.random)) {
      const node = zset.at(rank)!;
      emit(out, node.member, node.score, withScores, nested);
    }
  }
  return out;
}

function zscanCommand({ client }: CommandContext, argv: string[]): Reply {
  const cursor = scanCursorArg(argv[2]!);
  const object = readTyped(client.db, argv[1]!, "zset");
  if (!object) return ["0", []];
  const { pattern, count } = scanOptionsArg(argv, 3, false);
  const zset = object.value;
  const items: string[] = [];
  const visit = (member: string, score: number) => {
    if (pattern === undefined || globMatch(pattern, member)) items.push(member, formatDouble17g(score));
  };
  // A listpack-encoded set is small: Redis returns it whole in one call, in order.
  if (zset.encoding === "listpack") {
    for (let node = zset.list.head; node; node = node.next) visit(node.member, node.score);
    return ["0", items];
  }
  const next = zset.members.scan(cursor, count, (member, node) => visit(member, node.score));
  return [String(next), items];
}

/** numkeys key [key ...] [WEIGHTS ...] [AGGREGATE ...]: shared by ZUNION, ZINTER and their STORE forms. */
const WEIGHTED_SOURCES_ARGUMENTS: ArgumentDoc[] = [
  { name: "numkeys", type: "integer" },
  { name: "key", type: "key", multiple: true },
  { name: "weight", type: "integer", token: "WEIGHTS", optional: true, multiple: true },
  {
    name: "aggregate",
    type: "oneof",
    token: "AGGREGATE",
    optional: true,
    arguments: [
      { name: "sum", type: "pure-token", token: "SUM" },
      { name: "min", type: "pure-token", token: "MIN" },
      { name: "max", type: "pure-token", token: "MAX" },
    ],
  },
];

export const commands: CommandSpec[] = [
  defineCommand("zadd", {
    arity: -4,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write sortedset fast",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Adds members with scores to a sorted set, or updates their scores.",
    complexity: "O(log(N)) for each item added, where N is the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key" }, { name: "condition", type: "oneof", optional: true, arguments: [{ name: "nx", type: "pure-token", token: "NX" }, { name: "xx", type: "pure-token", token: "XX" }] }, { name: "comparison", type: "oneof", optional: true, arguments: [{ name: "gt", type: "pure-token", token: "GT" }, { name: "lt", type: "pure-token", token: "LT" }] }, { name: "change", type: "pure-token", token: "CH", optional: true }, { name: "increment", type: "pure-token", token: "INCR", optional: true }, { name: "score_member", type: "block", multiple: true, arguments: [{ name: "score", type: "double" }, { name: "member", type: "string" }] }],
    handler: zaddCommand,
  }),
  defineCommand("zincrby", {
    arity: 4,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write sortedset fast",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Adds an increment to the score of a sorted-set member.",
    complexity: "O(log(N)) where N is the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key" }, { name: "increment", type: "integer" }, { name: "member", type: "string" }],
    handler: zincrbyCommand,
  }),
  defineCommand("zcard", {
    arity: 2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Returns the number of members of a sorted set.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }],
    handler: zcardCommand,
  }),
  defineCommand("zcount", {
    arity: 4,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Counts the members whose score lies in a range.",
    complexity: "O(log(N)) with N being the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "double" }, { name: "max", type: "double" }],
    handler: zcountCommand,
  }),
  defineCommand("zlexcount", {
    arity: 4,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "2.8.9",
    summary: "Counts the members between two values in lexicographical order.",
    complexity: "O(log(N)) with N being the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "string" }, { name: "max", type: "string" }],
    handler: zlexcountCommand,
  }),
  defineCommand("zscore", {
    arity: 3,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Returns the score of a sorted-set member.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string" }],
    handler: zscoreCommand,
  }),
  defineCommand("zmscore", {
    arity: -3,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Returns the scores of several sorted-set members.",
    complexity: "O(N) where N is the number of members being requested.",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string", multiple: true }],
    handler: zmscoreCommand,
  }),
  defineCommand("zrank", {
    arity: 3,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Returns the position of a member in a sorted set, lowest score first.",
    complexity: "O(log(N))",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string" }],
    handler: zrankCommand,
  }),
  defineCommand("zrevrank", {
    arity: 3,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read sortedset fast",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Returns the position of a member in a sorted set, highest score first.",
    complexity: "O(log(N))",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string" }],
    handler: zrevrankCommand,
  }),
  defineCommand("zrem", {
    arity: -3,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write sortedset fast",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Removes members from a sorted set.",
    complexity: "O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.",
    arguments: [{ name: "key", type: "key" }, { name: "member", type: "string", multiple: true }],
    handler: zremCommand,
  }),
  defineCommand("zremrangebyrank", {
    arity: 4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Removes the members within a range of positions.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "stop", type: "integer" }],
    handler: zremrangebyrankCommand,
  }),
  defineCommand("zremrangebyscore", {
    arity: 4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Removes the members whose score lies in a range.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "double" }, { name: "max", type: "double" }],
    handler: zremrangebyscoreCommand,
  }),
  defineCommand("zremrangebylex", {
    arity: 4,
    flags: "write",
    keys: [1, 1, 1],
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "2.8.9",
    summary: "Removes the members between two values in lexicographical order.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "string" }, { name: "max", type: "string" }],
    handler: zremrangebylexCommand,
  }),
  defineCommand("zrange", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Returns members by position, score range or lexicographical range.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "string" }, { name: "stop", type: "string" }, { name: "sortby", type: "oneof", optional: true, arguments: [{ name: "byscore", type: "pure-token", token: "BYSCORE" }, { name: "bylex", type: "pure-token", token: "BYLEX" }] }, { name: "rev", type: "pure-token", token: "REV", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }],
    handler: zrangeCommand,
  }),
  defineCommand("zrangebyscore", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "1.0.5",
    summary: "Returns members whose score lies in a range, lowest first.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "double" }, { name: "max", type: "double" }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }],
    handler: zrangebyscoreCommand,
  }),
  defineCommand("zrevrangebyscore", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "2.2.0",
    summary: "Returns members whose score lies in a range, highest first.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
    arguments: [{ name: "key", type: "key" }, { name: "max", type: "double" }, { name: "min", type: "double" }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }],
    handler: zrevrangebyscoreCommand,
  }),
  defineCommand("zrangebylex", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "2.8.9",
    summary: "Returns members between two values in lexicographical order.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
    arguments: [{ name: "key", type: "key" }, { name: "min", type: "string" }, { name: "max", type: "string" }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }],
    handler: zrangebylexCommand,
  }),
  defineCommand("zrevrangebylex", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "2.8.9",
    summary: "Returns members between two values in reverse lexicographical order.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
    arguments: [{ name: "key", type: "key" }, { name: "max", type: "string" }, { name: "min", type: "string" }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }],
    handler: zrevrangebylexCommand,
  }),
  defineCommand("zrevrange", {
    arity: -4,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "1.2.0",
    summary: "Returns members by position, highest score first.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.",
    arguments: [{ name: "key", type: "key" }, { name: "start", type: "integer" }, { name: "stop", type: "integer" }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }],
    handler: zrevrangeCommand,
  }),
  defineCommand("zrangestore", {
    arity: -5,
    flags: "write denyoom",
    keys: [1, 2, 1],
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Stores a range of a sorted set (as ZRANGE selects it) under another key.",
    complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.",
    arguments: [{ name: "dst", type: "key" }, { name: "src", type: "key" }, { name: "min", type: "string" }, { name: "max", type: "string" }, { name: "sortby", type: "oneof", optional: true, arguments: [{ name: "byscore", type: "pure-token", token: "BYSCORE" }, { name: "bylex", type: "pure-token", token: "BYLEX" }] }, { name: "rev", type: "pure-token", token: "REV", optional: true }, { name: "offset_count", type: "block", token: "LIMIT", optional: true, arguments: [{ name: "offset", type: "integer" }, { name: "count", type: "integer" }] }],
    handler: zrangestoreCommand,
  }),
  defineCommand("zunion", {
    arity: -3,
    flags: "readonly movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Returns the union of sorted sets with combined scores.",
    complexity: "O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.",
    arguments: [...WEIGHTED_SOURCES_ARGUMENTS, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }],
    handler: zunionCommand,
  }),
  defineCommand("zinter", {
    arity: -3,
    flags: "readonly movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Returns the intersection of sorted sets with combined scores.",
    complexity: "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.",
    arguments: [...WEIGHTED_SOURCES_ARGUMENTS, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }],
    handler: zinterCommand,
  }),
  defineCommand("zdiff", {
    arity: -3,
    flags: "readonly movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Returns the members of the first sorted set that no other given set has.",
    complexity: "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
    arguments: [{ name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }],
    handler: zdiffCommand,
  }),
  defineCommand("zunionstore", {
    arity: -4,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    getKeys: (argv) => numkeysKeyPositions(argv, 2, [1]),
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Stores the union of sorted sets under a key.",
    complexity: "O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.",
    arguments: [{ name: "destination", type: "key" }, ...WEIGHTED_SOURCES_ARGUMENTS],
    handler: zunionstoreCommand,
  }),
  defineCommand("zinterstore", {
    arity: -4,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    getKeys: (argv) => numkeysKeyPositions(argv, 2, [1]),
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "2.0.0",
    summary: "Stores the intersection of sorted sets under a key.",
    complexity: "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.",
    arguments: [{ name: "destination", type: "key" }, ...WEIGHTED_SOURCES_ARGUMENTS],
    handler: zinterstoreCommand,
  }),
  defineCommand("zdiffstore", {
    arity: -4,
    flags: "write denyoom movablekeys",
    keys: [1, 1, 1],
    getKeys: (argv) => numkeysKeyPositions(argv, 2, [1]),
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Stores the difference of sorted sets under a key.",
    complexity: "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
    arguments: [{ name: "destination", type: "key" }, { name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }],
    handler: zdiffstoreCommand,
  }),
  defineCommand("zintercard", {
    arity: -3,
    flags: "readonly movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "7.0.0",
    summary: "Counts the members of the intersection of sorted sets, optionally stopping at a limit.",
    complexity: "O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.",
    arguments: [{ name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "limit", type: "integer", token: "LIMIT", optional: true }],
    handler: zintercardCommand,
  }),
  defineCommand("zpopmin", {
    arity: -2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write sortedset fast",
    group: "sorted-set",
    since: "5.0.0",
    summary: "Removes and returns the members with the lowest scores.",
    complexity: "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
    arguments: [{ name: "key", type: "key" }, { name: "count", type: "integer", optional: true }],
    handler: zpopminCommand,
  }),
  defineCommand("zpopmax", {
    arity: -2,
    flags: "write fast",
    keys: [1, 1, 1],
    acl: "write sortedset fast",
    group: "sorted-set",
    since: "5.0.0",
    summary: "Removes and returns the members with the highest scores.",
    complexity: "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
    arguments: [{ name: "key", type: "key" }, { name: "count", type: "integer", optional: true }],
    handler: zpopmaxCommand,
  }),
  defineCommand("bzpopmin", {
    arity: -3,
    flags: "write noscript blocking fast",
    keys: [1, -2, 1],
    acl: "write sortedset fast blocking",
    group: "sorted-set",
    since: "5.0.0",
    summary: "Pops the lowest-scored member of the first non-empty sorted set, waiting if all are empty.",
    complexity: "O(log(N)) with N being the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key", multiple: true }, { name: "timeout", type: "double" }],
    handler: bzpopminCommand,
  }),
  defineCommand("bzpopmax", {
    arity: -3,
    flags: "write noscript blocking fast",
    keys: [1, -2, 1],
    acl: "write sortedset fast blocking",
    group: "sorted-set",
    since: "5.0.0",
    summary: "Pops the highest-scored member of the first non-empty sorted set, waiting if all are empty.",
    complexity: "O(log(N)) with N being the number of elements in the sorted set.",
    arguments: [{ name: "key", type: "key", multiple: true }, { name: "timeout", type: "double" }],
    handler: bzpopmaxCommand,
  }),
  defineCommand("zmpop", {
    arity: -4,
    flags: "write movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 1),
    acl: "write sortedset slow",
    group: "sorted-set",
    since: "7.0.0",
    summary: "Pops the lowest- or highest-scored members of the first non-empty sorted set among several keys.",
    complexity: "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
    arguments: [{ name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "where", type: "oneof", arguments: [{ name: "min", type: "pure-token", token: "MIN" }, { name: "max", type: "pure-token", token: "MAX" }] }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: zmpopCommand,
  }),
  defineCommand("bzmpop", {
    arity: -5,
    flags: "write blocking movablekeys",
    getKeys: (argv) => numkeysKeyPositions(argv, 2),
    acl: "write sortedset slow blocking",
    group: "sorted-set",
    since: "7.0.0",
    summary: "Like ZMPOP, waiting while every sorted set is empty.",
    complexity: "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
    arguments: [{ name: "timeout", type: "double" }, { name: "numkeys", type: "integer" }, { name: "key", type: "key", multiple: true }, { name: "where", type: "oneof", arguments: [{ name: "min", type: "pure-token", token: "MIN" }, { name: "max", type: "pure-token", token: "MAX" }] }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: bzmpopCommand,
  }),
  defineCommand("zrandmember", {
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "6.2.0",
    summary: "Returns random members of a sorted set, optionally with their scores.",
    complexity: "O(N) where N is the number of elements returned",
    tips: "nondeterministic_output",
    arguments: [{ name: "key", type: "key" }, { name: "options", type: "block", optional: true, arguments: [{ name: "count", type: "integer" }, { name: "withscores", type: "pure-token", token: "WITHSCORES", optional: true }] }],
    handler: zrandmemberCommand,
  }),
  defineCommand("zscan", {
    arity: -3,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read sortedset slow",
    group: "sorted-set",
    since: "2.8.0",
    summary: "Iterates over the members and scores of a sorted set.",
    complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..",
    tips: "nondeterministic_output",
    arguments: [{ name: "key", type: "key" }, { name: "cursor", type: "integer" }, { name: "pattern", type: "pattern", token: "MATCH", optional: true }, { name: "count", type: "integer", token: "COUNT", optional: true }],
    handler: zscanCommand,
  }),
];
