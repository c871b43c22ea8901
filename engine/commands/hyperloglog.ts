/**
 * HyperLogLog commands (Redis's hyperloglog.c): PFADD, PFCOUNT and PFMERGE over ordinary
 * string values holding Redis's HLL layout (see structures/hyperloglog.ts).
 */
import { errors, fail } from "../errors";
import type { RedisObject } from "../object";
import { ErrorReply, OK, type Reply } from "../protocol/reply";
import {
  HLL_REGISTERS,
  type HllStorage,
  cachedCardinality,
  hasValidCache,
  hllAdd,
  hllCount,
  invalidateCache,
  isValidHllHeader,
  mergeInto,
  newSparseHll,
  rawCount,
  raiseRegisters,
  sparseToDense,
  storeCardinality,
} from "../structures/hyperloglog";
import { bytesOf, newRawStringObject, writableBytes } from "../structures/string-value";
import { type CommandContext, type CommandDefinition, type CommandSpec, defineCommand } from "./spec";

const NOT_AN_HLL = new ErrorReply("WRONGTYPE Key is not a valid HyperLogLog string value.");
const CORRUPT_HLL = new ErrorReply("INVALIDOBJ Corrupted HLL object detected");

/** isHLLObjectOrReply: the object's bytes when it is a string holding an HLL. */
function hllBytesOf(object: RedisObject): Uint8Array {
  if (object.type !== "string") fail(errors.wrongType);
  const bytes = bytesOf((object as RedisObject<"string">).value);
  if (!isValidHllHeader(bytes)) fail(NOT_AN_HLL);
  return bytes;
}

/** In-place access to a string object's bytes for the HLL structure (dbUnshareStringValue). */
function storageOf(object: RedisObject<"string">): HllStorage {
  const storage: HllStorage = {
    bytes: writableBytes(object, object.value.length),
    resize(length) {
      const current = storage.bytes;
      storage.bytes = length <= current.length ? current.subarray(0, length) : writableBytes(object, length);
      object.value = storage.bytes;
      return storage.bytes;
    },
    replace(bytes) {
      storage.bytes = bytes;
      object.value = bytes;
      return bytes;
    },
  };
  return storage;
}

function sparseMaxBytes(ctx: CommandContext): number {
  return ctx.engine.config.getNumber("hll-sparse-max-bytes");
}

function pfaddCommand(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  const key = argv[1]!;
  let object = db.lookupWrite(key) as RedisObject<"string"> | undefined;
  let updated = 0;
  if (object === undefined) {
    object = newRawStringObject(newSparseHll());
    db.set(key, object);
    updated++;
  } else {
    hllBytesOf(object);
  }
  const storage = storageOf(object);
  const maxBytes = sparseMaxBytes(ctx);
  for (let i = 2; i < argv.length; i++) {
    const result = hllAdd(storage, argv[i]!, maxBytes);
    if (result === 1) updated++;
    else if (result === -1) return CORRUPT_HLL;
  }
  if (updated === 0) return 0;
  invalidateCache(storage.bytes);
  db.signalModified(key);
  engine.notifyKeyspaceEvent("$", "pfadd", key, db.id);
  return 1;
}

function pfcountCommand(ctx: CommandContext, argv: string[]): Reply {
  const db = ctx.client.db;
  if (argv.length > 2) {
    // The union's cardinality, from one-byte-per-register maxima.
    const max = new Uint8Array(HLL_REGISTERS);
    for (let i = 1; i < argv.length; i++) {
      const object = db.lookupRead(argv[i]!);
      if (object === undefined) continue;
      if (!mergeInto(max, hllBytesOf(object))) return CORRUPT_HLL;
    }
    return rawCount(max);
  }
  const key = argv[1]!;
  const object = db.lookupRead(key);
  if (object === undefined) return 0;
  hllBytesOf(object);
  // Redis unshares the value (making it raw) before even looking at the cache.
  const bytes = storageOf(object as RedisObject<"string">).bytes;
  if (hasValidCache(bytes)) return cachedCardinality(bytes);
  const cardinality = hllCount(bytes);
  if (cardinality === undefined) return CORRUPT_HLL;
  // Caching the count writes the value, as in Redis (which also signals the key modified).
  storeCardinality(bytes, cardinality);
  db.signalModified(key);
  return cardinality;
}

function pfmergeCommand(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const db = client.db;
  const max = new Uint8Array(HLL_REGISTERS);
  let useDense = false;
  for (let i = 1; i < argv.length; i++) {
    const object = db.lookupRead(argv[i]!);
    if (object === undefined) continue;
    const bytes = hllBytesOf(object);
    if (bytes[4] === 0) useDense = true;
    if (!mergeInto(max, bytes)) return CORRUPT_HLL;
  }
  const key = argv[1]!;
  let object = db.lookupWrite(key) as RedisObject<"string"> | undefined;
  if (object === undefined) {
    object = newRawStringObject(newSparseHll());
    db.set(key, object);
  }
  const storage = storageOf(object);
  if (useDense && !sparseToDense(storage)) return CORRUPT_HLL;
  raiseRegisters(storage, max, sparseMaxBytes(ctx));
  invalidateCache(storage.bytes);
  db.signalModified(key);
  // Redis announces a merge as a mass PFADD.
  engine.notifyKeyspaceEvent("$", "pfadd", key, db.id);
  return OK;
}

/** COMMAND DOCS texts, as Redis 7.0 reports them. */
const HLL_DOCS = {
  pfadd: {
    summary: "Adds the specified elements to the specified HyperLogLog.",
    since: "2.8.9",
    complexity: "O(1) to add every element.",
    arguments: [{ name: "key", type: "key" }, { name: "element", type: "string", optional: true, multiple: true }],
  },
  pfcount: {
    summary: "Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).",
    since: "2.8.9",
    complexity: "O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.",
    arguments: [{ name: "key", type: "key", multiple: true }],
  },
  pfmerge: {
    summary: "Merge N different HyperLogLogs into a single one.",
    since: "2.8.9",
    complexity: "O(N) to merge N HyperLogLogs, but with high constant times.",
    arguments: [{ name: "destkey", type: "key" }, { name: "sourcekey", type: "key", multiple: true }],
  },
} satisfies Record<string, Omit<CommandDefinition, "arity" | "group">>;

export const commands: CommandSpec[] = [
  defineCommand("pfadd", {
    ...HLL_DOCS.pfadd,
    arity: -2,
    flags: "write denyoom fast",
    keys: [1, 1, 1],
    acl: "write hyperloglog fast",
    group: "hyperloglog",
    handler: pfaddCommand,
  }),
  defineCommand("pfcount", {
    ...HLL_DOCS.pfcount,
    arity: -2,
    flags: "readonly",
    keys: [1, -1, 1],
    acl: "read hyperloglog slow",
    group: "hyperloglog",
    handler: pfcountCommand,
  }),
  defineCommand("pfmerge", {
    ...HLL_DOCS.pfmerge,
    arity: -2,
    flags: "write denyoom",
    keys: [1, -1, 1],
    acl: "write hyperloglog slow",
    group: "hyperloglog",
    handler: pfmergeCommand,
  }),
];
