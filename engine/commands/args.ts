/** Argument parsing shared by every command group, with Redis's error replies. */
import { errors, fail } from "../errors";
import { type ObjectType, RedisObject } from "../object";
import type { Database } from "../database";
import { parseLongDouble } from "../util/long-double";
import { parseDouble, parseInt64, parseSafeInteger } from "../util/numbers";
import type { CommandContext } from "./spec";
import { ErrorReply, SimpleString } from "../protocol/reply";

/** An integer argument that must fit a safe JS integer; "value is not an integer or out of range" otherwise. */
export function integerArg(text: string, error = errors.notInteger): number {
  const value = parseSafeInteger(text);
  if (value === undefined) fail(error);
  return value;
}

/** A full 64-bit integer argument (INCRBY and friends need the whole int64 range). */
export function int64Arg(text: string): bigint {
  const value = parseInt64(text);
  if (value === undefined) fail(errors.notInteger);
  return BigInt(value);
}

export function floatArg(text: string, error = errors.notFloat): number {
  const value = parseDouble(text);
  if (value === undefined) fail(error);
  return value;
}

/** Blocking-command timeout in seconds (fractions allowed) → ms; 0 means forever. */
export function timeoutArg(text: string): number {
  // Redis reads a long double (string2ld) and rounds seconds * 1000 up to a long long:
  // "0.0001" waits 1 ms, "-0.0001" becomes 0 (forever), and anything past the long long
  // range, infinity included, becomes LLONG_MIN: "timeout is negative".
  const parsed = parseLongDouble(text);
  if (parsed === undefined) fail(errors.timeoutNotFloat);
  let seconds = parsed.infinite ? Infinity : Number(parsed.mantissa) * 2 ** parsed.exponent;
  // Long doubles reach far below the smallest double; such a tiny timeout still rounds up to 1 ms.
  if (seconds === 0 && parsed.mantissa !== 0n) seconds = Number.MIN_VALUE;
  const ms = Math.ceil((parsed.negative ? -seconds : seconds) * 1000);
  if (ms < 0 || !(ms < 2 ** 63)) fail(errors.timeoutNegative);
  return ms;
}

/** Case-insensitive token comparison for options like NX, XX, WITHSCORES. */
export function isToken(arg: string | undefined, token: string): boolean {
  return arg !== undefined && arg.length === token.length && arg.toUpperCase() === token;
}

/** Looks a key up for reading and checks its type; undefined if missing, WRONGTYPE if another type. */
export function readTyped<T extends ObjectType>(db: Database, key: string, type: T): RedisObject<T> | undefined {
  const object = db.lookupRead(key);
  if (object === undefined) return undefined;
  if (object.type !== type) fail(errors.wrongType);
  return object as RedisObject<T>;
}

/** Looks a key up for writing and checks its type. */
export function writeTyped<T extends ObjectType>(db: Database, key: string, type: T): RedisObject<T> | undefined {
  const object = db.lookupWrite(key);
  if (object === undefined) return undefined;
  if (object.type !== type) fail(errors.wrongType);
  return object as RedisObject<T>;
}

/**
 * Converts text from trusted callers (the in-process API, tests) to the engine's binary
 * strings: UTF-8 bytes viewed as latin1. ASCII passes through unchanged.
 */
export function toBinary(text: string | Buffer | number): string {
  if (typeof text === "number") return String(text);
  if (Buffer.isBuffer(text)) return text.latin1Slice(0, text.length);
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, "utf8").latin1Slice(0, Buffer.byteLength(text, "utf8"));
}

/** The inverse of toBinary: reads a binary string's bytes as UTF-8 text. */
export function fromBinary(binary: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(binary) ? binary : Buffer.from(binary, "latin1").toString("utf8");
}

/** A container command's HELP reply, laid out like Redis's addReplyHelp. */
export function helpReply(command: string, lines: string[]): SimpleString[] {
  return [`${command} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`, ...lines, "HELP", "    Prints this help."].map(
    (line) => new SimpleString(line),
  );
}

/** Deletes a collection key that a write left empty, announcing it ("del") as Redis does. */
export function deleteIfEmpty({ engine, client }: CommandContext, key: string, size: number): boolean {
  if (size > 0) return false;
  client.db.delete(key);
  engine.notifyKeyspaceEvent("g", "del", key, client.db.id);
  return true;
}

const SCAN_CURSOR = /^[+-]?[0-9]*$/;
const ULONG_MAX = 2n ** 64n - 1n;

/**
 * A SCAN-family cursor read the way Redis's strtoul call does: optional sign, "" is 0, "-1"
 * wraps around; spaces, junk and values past 2^64-1 are "ERR invalid cursor".
 */
export function scanCursorArg(text: string): number {
  if (!SCAN_CURSOR.test(text) || text === "+" || text === "-") fail("ERR invalid cursor");
  const digits = text.replace(/^[+-]/, "");
  if (digits.length < 16) {
    const value = digits === "" ? 0 : Number(digits);
    return text[0] === "-" && value !== 0 ? Number(ULONG_MAX + 1n - BigInt(value)) : value;
  }
  const magnitude = BigInt(digits);
  if (magnitude > ULONG_MAX) fail("ERR invalid cursor");
  return Number(text[0] === "-" && magnitude !== 0n ? ULONG_MAX + 1n - magnitude : magnitude);
}

export interface ScanOptions {
  /** Undefined when absent or "*" (everything matches). */
  pattern: string | undefined;
  count: number;
  /** SCAN's TYPE filter; other commands reject the option. */
  type: string | undefined;
}

/** Parses MATCH, COUNT and (when `allowType`, for SCAN) TYPE from argv[start...]. */
export function scanOptionsArg(argv: string[], start: number, allowType: boolean): ScanOptions {
  const options: ScanOptions = { pattern: undefined, count: 10, type: undefined };
  for (let i = start; i < argv.length; i += 2) {
    const hasValue = i + 1 < argv.length;
    if (hasValue && isToken(argv[i], "COUNT")) {
      options.count = integerArg(argv[i + 1]!);
      if (options.count < 1) fail(errors.syntax);
    } else if (hasValue && isToken(argv[i], "MATCH")) {
      options.pattern = argv[i + 1] === "*" ? undefined : argv[i + 1];
    } else if (hasValue && allowType && isToken(argv[i], "TYPE")) {
      options.type = argv[i + 1];
    } else {
      fail(errors.syntax);
    }
  }
  return options;
}

const LONG_MIN = -(2n ** 63n);

/**
 * A signed count for SRANDMEMBER/HRANDFIELD/ZRANDMEMBER: any int64 but LONG_MIN (Redis
 * accepts [-LONG_MAX, LONG_MAX]). Magnitudes past 2^53 come back rounded, which only
 * matters for counts no reply could hold anyway.
 */
export function signedCountArg(text: string): number {
  const value = parseInt64(text);
  if (value === undefined) fail(errors.notInteger);
  if (value === LONG_MIN) fail("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
  return Number(value);
}

/**
 * Key positions of a `numkeys key [key ...]` command (LMPOP, ZUNION, ZUNIONSTORE...): the
 * `fixed` ones (a destination) followed by the numkeys keys after argv[numkeysIndex]. Like
 * Redis's getkeys procs, numkeys is read with atoi and none at all are returned when it is not
 * a usable count.
 */
export function numkeysKeyPositions(argv: string[], numkeysIndex: number, fixed: number[] = []): number[] {
  const count = Number.parseInt(argv[numkeysIndex] ?? "", 10);
  if (!(count >= 1) || count > argv.length - numkeysIndex - 1) return [];
  const positions = [...fixed];
  for (let i = 1; i <= count; i++) positions.push(numkeysIndex + i);
  return positions;
}

/** LMPOP/ZMPOP and their blocking forms: `numkeys key [key ...] <end> [COUNT count]`. */
export interface MultiPopArgs {
  keys: string[];
  /** True for the first of the two end tokens (LEFT, MIN). */
  fromFirstEnd: boolean;
  count: number;
}

/** Parses the MPOP arguments starting at argv[numkeysIndex], with Redis's checks and error order. */
export function multiPopArgs(argv: string[], numkeysIndex: number, ends: [string, string]): MultiPopArgs {
  const numkeysError = new ErrorReply("ERR numkeys should be greater than 0");
  const numkeys = integerArg(argv[numkeysIndex]!, numkeysError);
  if (numkeys < 1) fail(numkeysError);
  const endIndex = numkeysIndex + numkeys + 1;
  if (endIndex >= argv.length) fail(errors.syntax);
  const fromFirstEnd = isToken(argv[endIndex], ends[0]);
  if (!fromFirstEnd && !isToken(argv[endIndex], ends[1])) fail(errors.syntax);
  let count: number | undefined;
  for (let i = endIndex + 1; i < argv.length; i++) {
    if (count !== undefined || !isToken(argv[i], "COUNT") || i + 1 >= argv.length) fail(errors.syntax);
    const countError = new ErrorReply("ERR count should be greater than 0");
    count = integerArg(argv[++i]!, countError);
    if (count < 1) fail(countError);
  }
  return { keys: argv.slice(numkeysIndex + 1, endIndex), fromFirstEnd, count: count ?? 1 };
}
