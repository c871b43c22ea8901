/** Bit commands over string values: SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD (Redis's "bitmap" group). */
import { errors, fail } from "../errors";
import type { RedisObject } from "../object";
import type { Reply } from "../protocol/reply";
import { byteAt, bytesOf, newRawStringObject, writableBytes } from "../structures/string-value";
import { parseInt64 } from "../util/numbers";
import { integerArg, isToken, readTyped, writeTyped } from "./args";
import { deleteKeyNow } from "./keys";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

const BIT_OFFSET_ERROR = "ERR bit offset is not an integer or out of range";

/**
 * A bit offset argument; with `fieldBits` (BITFIELD) a `#n` form means n × fieldBits. Offsets
 * must address a byte below proto-max-bulk-len. The multiplication wraps like Redis's int64.
 */
function bitOffsetArg(ctx: CommandContext, text: string, fieldBits = 0): number {
  const useHash = fieldBits > 0 && text.length > 1 && text[0] === "#";
  const parsed = parseInt64(useHash ? text.slice(1) : text);
  if (parsed === undefined) return fail(BIT_OFFSET_ERROR);
  const maxBytes = ctx.engine.config.getNumber("proto-max-bulk-len");
  if (!useHash && typeof parsed === "number") {
    if (parsed < 0 || Math.floor(parsed / 8) >= maxBytes) return fail(BIT_OFFSET_ERROR);
    return parsed;
  }
  const offset = useHash ? BigInt.asIntN(64, BigInt(parsed) * BigInt(fieldBits)) : BigInt(parsed);
  if (offset < 0n || offset >> 3n >= BigInt(maxBytes)) return fail(BIT_OFFSET_ERROR);
  return Number(offset);
}

/**
 * The string a bit write goes to, created or zero-extended so `bitOffset` is inside it
 * (Redis's lookupStringForBitCommand). `grown` tells whether that alone changed the key.
 */
function stringForBitWrite(ctx: CommandContext, key: string, bitOffset: number): { object: RedisObject<"string">; bytes: Buffer; grown: boolean } {
  const db = ctx.client.db;
  let object = writeTyped(db, key, "string");
  let grown = false;
  if (object === undefined) {
    object = newRawStringObject("");
    db.set(key, object);
    grown = true;
  }
  const before = object.value.length;
  const bytes = writableBytes(object, Math.max(before, Math.floor(bitOffset / 8) + 1));
  return { object, bytes, grown: grown || bytes.length !== before };
}

function announceBitWrite(ctx: CommandContext, key: string): void {
  ctx.client.db.signalModified(key);
  ctx.engine.notifyKeyspaceEvent("$", "setbit", key, ctx.client.db.id);
}

function setbit(ctx: CommandContext, argv: string[]): Reply {
  const key = argv[1]!;
  const offset = bitOffsetArg(ctx, argv[2]!);
  const on = parseInt64(argv[3]!);
  if (on !== 0 && on !== 1) return fail("ERR bit is not an integer or out of range");
  const { bytes, grown } = stringForBitWrite(ctx, key, offset);
  const index = Math.floor(offset / 8);
  const mask = 1 << (7 - (offset % 8));
  const previous = bytes[index]! & mask ? 1 : 0;
  // Like Redis 7.0, an unchanged bit of an unchanged string is not a write (WATCH, events).
  if (grown || previous !== on) {
    bytes[index] = on ? bytes[index]! | mask : bytes[index]! & ~mask;
    announceBitWrite(ctx, key);
  }
  return previous;
}

function getbit(ctx: CommandContext, argv: string[]): Reply {
  const offset = bitOffsetArg(ctx, argv[2]!);
  const object = readTyped(ctx.client.db, argv[1]!, "string");
  if (object === undefined) return 0;
  return (byteAt(object.value, Math.floor(offset / 8)) >> (7 - (offset % 8))) & 1;
}

const POPCOUNT = new Uint8Array(256).map((_, byte) => {
  let count = 0;
  for (let value = byte; value !== 0; value >>= 1) count += value & 1;
  return count;
});

/**
 * A BITCOUNT/BITPOS range resolved to bytes: negative indexes counted from the end and
 * clamped, BIT ranges turned into a byte range plus masks of the bits outside it in the
 * first and last byte. `empty` when nothing is selected.
 */
interface ByteRange {
  start: number;
  end: number;
  firstOutside: number;
  lastOutside: number;
}

function resolveRange(length: number, start: number, end: number, inBits: boolean): ByteRange {
  const total = inBits ? length * 8 : length;
  if (start < 0) start = Math.max(0, total + start);
  if (end < 0) end = Math.max(0, total + end);
  if (end >= total) end = total - 1;
  if (!inBits || start > end) return { start, end, firstOutside: 0, lastOutside: 0 };
  return {
    start: Math.floor(start / 8),
    end: Math.floor(end / 8),
    firstOutside: ~((1 << (8 - (start % 8))) - 1) & 0xff,
    lastOutside: (1 << (7 - (end % 8))) - 1,
  };
}

function rangeUnitArg(text: string): boolean {
  if (isToken(text, "BIT")) return true;
  if (isToken(text, "BYTE")) return false;
  return fail(errors.syntax);
}

function bitcount(ctx: CommandContext, argv: string[]): Reply {
  const object = readTyped(ctx.client.db, argv[1]!, "string");
  if (object === undefined) return 0;
  const length = object.value.length;
  let range: ByteRange;
  if (argv.length === 4 || argv.length === 5) {
    const start = integerArg(argv[2]!);
    const end = integerArg(argv[3]!);
    const inBits = argv.length === 5 && rangeUnitArg(argv[4]!);
    if (start < 0 && end < 0 && start > end) return 0;
    range = resolveRange(length, start, end, inBits);
  } else if (argv.length === 2) {
    range = { start: 0, end: length - 1, firstOutside: 0, lastOutside: 0 };
  } else {
    return fail(errors.syntax);
  }
  if (range.start > range.end) return 0;
  const bytes = bytesOf(object.value, range.start, range.end + 1);
  const last = bytes.length - 1;
  let count = 0;
  for (let i = 0; i <= last; i++) count += POPCOUNT[bytes[i]!]!;
  count -= POPCOUNT[bytes[0]! & range.firstOutside]! + POPCOUNT[bytes[last]! & range.lastOutside]!;
  return count;
}

function bitpos(ctx: CommandContext, argv: string[]): Reply {
  const bit = integerArg(argv[2]!);
  if (bit !== 0 && bit !== 1) return fail("ERR The bit argument must be 1 or 0.");
  const object = readTyped(ctx.client.db, argv[1]!, "string");
  if (object === undefined) return bit ? -1 : 0;
  const length = object.value.length;
  let range: ByteRange;
  let endGiven = false;
  if (argv.length >= 4 && argv.length <= 6) {
    const start = integerArg(argv[3]!);
    const inBits = argv.length === 6 && rangeUnitArg(argv[5]!);
    let end = inBits ? length * 8 - 1 : length - 1;
    if (argv.length >= 5) {
      end = integerArg(argv[4]!);
      endGiven = true;
    }
    range = resolveRange(length, start, end, inBits);
  } else if (argv.length === 3) {
    range = { start: 0, end: length - 1, firstOutside: 0, lastOutside: 0 };
  } else {
    return fail(errors.syntax);
  }
  if (range.start > range.end) return -1;
  const bytes = bytesOf(object.value, range.start, range.end + 1);
  const last = bytes.length - 1;
  // Bits outside the range are forced to the value not searched for, so they never match.
  const skip = bit ? 0x00 : 0xff;
  for (let i = 0; i <= last; i++) {
    let byte = bytes[i]!;
    if (i === 0) byte = bit ? byte & ~range.firstOutside : byte | range.firstOutside;
    if (i === last) byte = bit ? byte & ~range.lastOutside : byte | range.lastOutside;
    if (byte === skip) continue;
    const searched = bit ? byte : ~byte & 0xff;
    return (range.start + i) * 8 + Math.clz32(searched) - 24;
  }
  // No clear bit: without an explicit end the string counts as followed by zeros.
  if (bit === 0 && !endGiven) return (range.end + 1) * 8;
  return -1;
}

function bitop(ctx: CommandContext, argv: string[]): Reply {
  const operation = argv[1]!.toUpperCase();
  if (operation !== "AND" && operation !== "OR" && operation !== "XOR" && operation !== "NOT") return fail(errors.syntax);
  if (operation === "NOT" && argv.length !== 4) return fail("ERR BITOP NOT must be called with a single source key.");
  const db = ctx.client.db;
  const destination = argv[2]!;
  const sources: Uint8Array[] = [];
  let maxLength = 0;
  for (let i = 3; i < argv.length; i++) {
    const object = readTyped(db, argv[i]!, "string");
    const bytes = object === undefined ? new Uint8Array(0) : bytesOf(object.value);
    sources.push(bytes);
    maxLength = Math.max(maxLength, bytes.length);
  }
  if (maxLength === 0) {
    deleteKeyNow(ctx, db, destination, true);
    return 0;
  }
  const result = Buffer.alloc(maxLength);
  const first = sources[0]!;
  if (operation === "NOT") {
    for (let i = 0; i < maxLength; i++) result[i] = ~first[i]! & 0xff;
  } else {
    // Shorter strings count as zero-padded.
    result.set(first);
    for (let s = 1; s < sources.length; s++) {
      const source = sources[s]!;
      if (operation === "AND") {
        for (let i = 0; i < maxLength; i++) result[i] = i < source.length ? result[i]! & source[i]! : 0;
      } else if (operation === "OR") {
        for (let i = 0; i < source.length; i++) result[i] = result[i]! | source[i]!;
      } else {
        for (let i = 0; i < source.length; i++) result[i] = result[i]! ^ source[i]!;
      }
    }
  }
  db.lookupWrite(destination);
  db.set(destination, newRawStringObject(result));
  db.signalModified(destination);
  ctx.engine.notifyKeyspaceEvent("$", "set", destination, db.id);
  return maxLength;
}

// ---- BITFIELD ------------------------------------------------------------------------------

type Overflow = "WRAP" | "SAT" | "FAIL";

interface BitfieldOperation {
  kind: "GET" | "SET" | "INCRBY";
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  overflow: Overflow;
}

const FIELD_TYPE_ERROR = "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";

function fieldTypeArg(text: string): { signed: boolean; bits: number } {
  // Only lower-case prefixes: Redis 7.0 rejects "I8" and "U8".
  const signed = text[0] === "i";
  if (!signed && text[0] !== "u") return fail(FIELD_TYPE_ERROR);
  const bits = parseInt64(text.slice(1));
  if (typeof bits !== "number" || bits < 1 || bits > (signed ? 64 : 63)) return fail(FIELD_TYPE_ERROR);
  return { signed, bits };
}

function readField(value: string | Buffer | undefined, offset: number, bits: number, signed: boolean): bigint {
  let result = 0n;
  for (let i = 0; i < bits; i++) {
    const position = offset + i;
    const bit = value === undefined ? 0 : (byteAt(value, Math.floor(position / 8)) >> (7 - (position % 8))) & 1;
    result = (result << 1n) | BigInt(bit);
  }
  return signed ? BigInt.asIntN(bits, result) : result;
}

function writeField(bytes: Buffer, offset: number, bits: number, value: bigint): void {
  let unsigned = BigInt.asUintN(bits, value);
  for (let i = bits - 1; i >= 0; i--) {
    const position = offset + i;
    const index = Math.floor(position / 8);
    const mask = 1 << (7 - (position % 8));
    bytes[index] = unsigned & 1n ? bytes[index]! | mask : bytes[index]! & ~mask;
    unsigned >>= 1n;
  }
}

/**
 * The value to store for `value` in a field of the given type under the overflow policy, or
 * undefined when it overflows under FAIL. `value` is the exact mathematical result; for
 * unsigned SET Redis first reads the argument as a uint64.
 */
function fitField(value: bigint, signed: boolean, bits: number, overflow: Overflow): bigint | undefined {
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -max - 1n : 0n;
  if (value >= min && value <= max) return value;
  if (overflow === "FAIL") return undefined;
  if (overflow === "SAT") return value > max ? max : min;
  return signed ? BigInt.asIntN(bits, value) : BigInt.asUintN(bits, value);
}

function bitfieldGeneric(ctx: CommandContext, argv: string[], readOnly: boolean): Reply {
  const operations: BitfieldOperation[] = [];
  let overflow: Overflow = "WRAP";
  let writes = false;
  let highestBit = 0;
  for (let i = 2; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    const name = argv[i]!.toUpperCase();
    if (name === "OVERFLOW" && remaining >= 1) {
      const policy = argv[++i]!.toUpperCase();
      if (policy !== "WRAP" && policy !== "SAT" && policy !== "FAIL") return fail("ERR Invalid OVERFLOW type specified");
      overflow = policy;
      continue;
    }
    if (!((name === "GET" && remaining >= 2) || ((name === "SET" || name === "INCRBY") && remaining >= 3))) return fail(errors.syntax);
    const { signed, bits } = fieldTypeArg(argv[i + 1]!);
    const offset = bitOffsetArg(ctx, argv[i + 2]!, bits);
    let value = 0n;
    if (name !== "GET") {
      writes = true;
      highestBit = Math.max(highestBit, offset + bits - 1);
      const parsed = parseInt64(argv[i + 3]!);
      if (parsed === undefined) return fail(errors.notInteger);
      value = BigInt(parsed);
    }
    operations.push({ kind: name as BitfieldOperation["kind"], signed, bits, offset, value, overflow });
    i += name === "GET" ? 2 : 3;
  }
  const key = argv[1]!;
  let object: RedisObject<"string"> | undefined;
  let bytes: Buffer | undefined;
  let grown = false;
  if (!writes) {
    object = readTyped(ctx.client.db, key, "string");
  } else {
    if (readOnly) return fail("ERR BITFIELD_RO only supports the GET subcommand");
    ({ object, bytes, grown } = stringForBitWrite(ctx, key, highestBit));
  }
  // As in Redis 7.0, only writes that change the string (or land in a grown one) are announced.
  let changed = false;
  const replies: Reply[] = [];
  for (const operation of operations) {
    const { signed, bits, offset } = operation;
    if (operation.kind === "GET") {
      replies.push(readField(object?.value, offset, bits, signed));
      continue;
    }
    const old = readField(bytes!, offset, bits, signed);
    let stored: bigint | undefined;
    if (operation.kind === "INCRBY") {
      stored = fitField(old + operation.value, signed, bits, operation.overflow);
      replies.push(stored ?? null);
    } else {
      stored = fitField(signed ? operation.value : BigInt.asUintN(64, operation.value), signed, bits, operation.overflow);
      replies.push(stored === undefined ? null : old);
    }
    if (stored === undefined) continue;
    writeField(bytes!, offset, bits, stored);
    if (grown || stored !== old) changed = true;
  }
  if (changed) announceBitWrite(ctx, key);
  return replies;
}

function bitfield(ctx: CommandContext, argv: string[]): Reply {
  return bitfieldGeneric(ctx, argv, false);
}

function bitfieldRo(ctx: CommandContext, argv: string[]): Reply {
  return bitfieldGeneric(ctx, argv, true);
}

export const commands: CommandSpec[] = [
  defineCommand("setbit", {
    arity: 4,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write bitmap slow",
    group: "bitmap",
    since: "2.2.0",
    summary: "Sets or clears one bit of a string, growing it as needed.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "offset", type: "integer" }, { name: "value", type: "integer" }],
    handler: setbit,
  }),
  defineCommand("getbit", {
    arity: 3,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read bitmap fast",
    group: "bitmap",
    since: "2.2.0",
    summary: "Returns one bit of a string.",
    complexity: "O(1)",
    arguments: [{ name: "key", type: "key" }, { name: "offset", type: "integer" }],
    handler: getbit,
  }),
  defineCommand("bitcount", {
    arity: -2,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read bitmap slow",
    group: "bitmap",
    since: "2.6.0",
    summary: "Counts the bits set to 1 in a string or a range of it.",
    complexity: "O(N)",
    arguments: [{ name: "key", type: "key" }, { name: "index", type: "block", optional: true, arguments: [{ name: "start", type: "integer" }, { name: "end", type: "integer" }, { name: "index_unit", type: "oneof", optional: true, arguments: [{ name: "byte", type: "pure-token", token: "BYTE" }, { name: "bit", type: "pure-token", token: "BIT" }] }] }],
    handler: bitcount,
  }),
  defineCommand("bitpos", {
    arity: -3,
    flags: "readonly",
    keys: [1, 1, 1],
    acl: "read bitmap slow",
    group: "bitmap",
    since: "2.8.7",
    summary: "Finds the first bit set to 0 or 1 in a string or a range of it.",
    complexity: "O(N)",
    arguments: [{ name: "key", type: "key" }, { name: "bit", type: "integer" }, { name: "index", type: "block", optional: true, arguments: [{ name: "start", type: "integer" }, { name: "end_index", type: "block", optional: true, arguments: [{ name: "end", type: "integer" }, { name: "index_unit", type: "oneof", optional: true, arguments: [{ name: "byte", type: "pure-token", token: "BYTE" }, { name: "bit", type: "pure-token", token: "BIT" }] }] }] }],
    handler: bitpos,
  }),
  defineCommand("bitop", {
    arity: -4,
    flags: "write denyoom",
    keys: [2, -1, 1],
    acl: "write bitmap slow",
    group: "bitmap",
    since: "2.6.0",
    summary: "Combines strings bit by bit (AND, OR, XOR, NOT) into a destination key.",
    complexity: "O(N)",
    arguments: [{ name: "operation", type: "string" }, { name: "destkey", type: "key" }, { name: "key", type: "key", multiple: true }],
    handler: bitop,
  }),
  defineCommand("bitfield", {
    arity: -2,
    flags: "write denyoom",
    keys: [1, 1, 1],
    acl: "write bitmap slow",
    group: "bitmap",
    since: "3.2.0",
    summary: "Reads, writes and increments integers of any width packed in a string.",
    complexity: "O(1) for each subcommand specified",
    arguments: [{ name: "key", type: "key" }, { name: "operation", type: "oneof", optional: true, multiple: true, arguments: [{ name: "encoding_offset", type: "block", token: "GET", arguments: [{ name: "encoding", type: "string" }, { name: "offset", type: "integer" }] }, { name: "write", type: "block", arguments: [{ name: "wrap_sat_fail", type: "oneof", token: "OVERFLOW", optional: true, arguments: [{ name: "wrap", type: "pure-token", token: "WRAP" }, { name: "sat", type: "pure-token", token: "SAT" }, { name: "fail", type: "pure-token", token: "FAIL" }] }, { name: "write_operation", type: "oneof", arguments: [{ name: "encoding_offset_value", type: "block", token: "SET", arguments: [{ name: "encoding", type: "string" }, { name: "offset", type: "integer" }, { name: "value", type: "integer" }] }, { name: "encoding_offset_increment", type: "block", token: "INCRBY", arguments: [{ name: "encoding", type: "string" }, { name: "offset", type: "integer" }, { name: "increment", type: "integer" }] }] }] }] }],
    handler: bitfield,
  }),
  defineCommand("bitfield_ro", {
    arity: -2,
    flags: "readonly fast",
    keys: [1, 1, 1],
    acl: "read bitmap fast",
    group: "bitmap",
    since: "6.0.0",
    summary: "Reads integers of any width packed in a string.",
    complexity: "O(1) for each subcommand specified",
    arguments: [{ name: "key", type: "key" }, { name: "encoding_offset", type: "block", token: "GET", optional: true, multiple: true, arguments: [{ name: "encoding", type: "string" }, { name: "offset", type: "integer" }] }],
    handler: bitfieldRo,
  }),
];
