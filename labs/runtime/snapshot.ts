/**
 * A learner engine's data as JSON, read and written only through public commands (SCAN, TYPE,
 * per-type reads, PTTL; SET/RPUSH/SADD/ZADD/HSET, PEXPIREAT). Keys and values are base64 of
 * their bytes, so binary data survives. A later issue replaces this with RDB.
 */
import type { Engine, LocalClient, Reply } from "../../engine/index";
import { DoubleReply, ErrorReply, MapReply, SetReply } from "../../engine/index";

export interface SnapshotKey {
  key: string;
  type: "string" | "list" | "set" | "zset" | "hash";
  /** string: one value; list/set: items; zset: member, score, member, score...; hash: field, value... */
  value: string[];
  /** Absolute expiry (ms since epoch), so time spent on disk counts against the TTL. */
  expiresAt?: number;
}

export interface Snapshot {
  version: 1;
  savedAt: number;
  databases: { index: number; keys: SnapshotKey[] }[];
  /** Keys of types this format cannot hold yet (streams...), skipped. */
  skipped: number;
}

const SCAN_COUNT = "1000";
/** Elements per write command on restore, to keep each command small. */
const CHUNK = 500;

async function call(client: LocalClient, ...args: (string | Buffer | number)[]): Promise<Reply> {
  const reply = await client.call(...args);
  if (reply instanceof ErrorReply) throw new Error(`${String(args[0])}: ${reply.message}`);
  return reply;
}

/** A score as ZADD reads it back: JS's shortest round-trip form, or inf / -inf. */
function scoreText(score: number): string {
  if (score === Infinity) return "inf";
  if (score === -Infinity) return "-inf";
  return String(score);
}

const encode = (reply: Reply): string =>
  Buffer.from(reply instanceof DoubleReply ? scoreText(reply.value) : String(reply), "latin1").toString("base64");

/** The elements of an array-like reply (RESP3 sets and maps are arrays in RESP2). */
function elements(reply: Reply): Reply[] {
  if (reply instanceof SetReply) return reply.items;
  if (reply instanceof MapReply) return reply.entries;
  if (Array.isArray(reply)) return reply;
  throw new Error("expected an array reply");
}
const decode = (text: string): Buffer => Buffer.from(text, "base64");

async function readValue(client: LocalClient, key: Buffer, type: string): Promise<string[] | undefined> {
  switch (type) {
    case "string": {
      const value = await call(client, "GET", key);
      return value === null ? undefined : [encode(value)];
    }
    case "list":
      return elements(await call(client, "LRANGE", key, 0, -1)).map(encode);
    case "set":
      return elements(await call(client, "SMEMBERS", key)).map(encode);
    case "zset":
      return elements(await call(client, "ZRANGE", key, 0, -1, "WITHSCORES")).map(encode);
    case "hash":
      return elements(await call(client, "HGETALL", key)).map(encode);
    default:
      return undefined;
  }
}

export async function takeSnapshot(engine: Engine): Promise<Snapshot> {
  const client = engine.connect("snapshot");
  const snapshot: Snapshot = { version: 1, savedAt: engine.clock.now(), databases: [], skipped: 0 };
  try {
    for (let index = 0; index < engine.databases.length; index++) {
      await call(client, "SELECT", index);
      if ((await call(client, "DBSIZE")) === 0) continue;
      const keys: SnapshotKey[] = [];
      let cursor = "0";
      do {
        const [next, batch] = (await call(client, "SCAN", cursor, "COUNT", SCAN_COUNT)) as [string, string[]];
        cursor = next;
        for (const name of batch) {
          // Replies are binary strings; as arguments, plain strings would be taken as UTF-8 text.
          const key = Buffer.from(name, "latin1");
          const type = String(((await call(client, "TYPE", key)) as { value: string }).value);
          const value = await readValue(client, key, type);
          if (value === undefined) {
            if (type !== "none") snapshot.skipped++;
            continue;
          }
          const ttl = Number(await call(client, "PTTL", key));
          if (ttl === -2) continue;
          keys.push({ key: key.toString("base64"), type: type as SnapshotKey["type"], value, ...(ttl >= 0 ? { expiresAt: snapshot.savedAt + ttl } : {}) });
        }
      } while (cursor !== "0");
      snapshot.databases.push({ index, keys });
    }
  } finally {
    client.close();
  }
  return snapshot;
}

const writeCommand: Record<SnapshotKey["type"], { command: string; step: number }> = {
  string: { command: "SET", step: 1 },
  list: { command: "RPUSH", step: 1 },
  set: { command: "SADD", step: 1 },
  zset: { command: "ZADD", step: 2 },
  hash: { command: "HSET", step: 2 },
};

export async function restoreSnapshot(engine: Engine, snapshot: Snapshot): Promise<void> {
  if (snapshot.version !== 1) throw new Error(`unknown snapshot version ${String(snapshot.version)}`);
  const client = engine.connect("snapshot");
  const now = engine.clock.now();
  try {
    for (const { index, keys } of snapshot.databases) {
      await call(client, "SELECT", index);
      for (const entry of keys) {
        if (entry.expiresAt !== undefined && entry.expiresAt <= now) continue;
        const key = decode(entry.key);
        const values = entry.value.map(decode);
        const { command, step } = writeCommand[entry.type];
        if (entry.type === "zset") {
          // ZRANGE WITHSCORES gives member, score; ZADD wants score, member.
          for (let at = 0; at < values.length; at += 2) [values[at], values[at + 1]] = [values[at + 1]!, values[at]!];
        }
        const chunk = entry.type === "string" ? 1 : CHUNK * step;
        for (let at = 0; at < values.length; at += chunk) await call(client, command, key, ...values.slice(at, at + chunk));
        if (entry.expiresAt !== undefined) await call(client, "PEXPIREAT", key, Math.ceil(entry.expiresAt));
      }
    }
  } finally {
    client.close();
  }
}
