/**
 * The learner's engine console, for the lab workspace and the lessons' Run buttons: redis-cli's
 * command line (quotes, escapes, HELP), its reply format, autocompletion from COMMAND DOCS, and
 * a key inspector (type, TTL, memory, value views) over the learner's playground engine.
 */
import { Engine, ErrorReply, fromBinary, type LocalClient, MapReply, type Reply, SetReply, SimpleString, toBinary } from "../engine/index";
import { formatCommandReply } from "../engine/tools/redis-cli-format";
import { getLearnerEngine, resetLearnerEngine } from "./runtime/engine-pool";

export interface ConsoleResult {
  /** What redis-cli would print, one entry per line. */
  lines: string[];
  /** The reply was an error (or the line could not be sent). */
  error: boolean;
}

/** How long the console waits for a reply (a blocking command without timeout would wait forever). */
export const CONSOLE_REPLY_TIMEOUT_MS = 5_000;
const MAX_LINE_LENGTH = 64 * 1024;
/** Commands that turn the connection into a push stream: not something a request/response console can show. */
const UNSUPPORTED = new Set(["subscribe", "psubscribe", "ssubscribe", "monitor", "sync", "psync"]);

const HEX_DIGIT = /^[0-9a-fA-F]$/;

/**
 * Splits a command line like redis-cli (sdssplitargs): spaces separate arguments; "double
 * quotes" understand \n \r \t \b \a \xhh \\ \"; 'single quotes' only \'; a closing quote must
 * end the argument. Returns null for an unbalanced line ("Invalid argument(s)" in redis-cli).
 * Arguments are binary strings (one char per byte), UTF-8 for text typed by the learner.
 */
export function splitCommandLine(line: string): string[] | null {
  const bytes = toBinary(line);
  const args: string[] = [];
  let index = 0;
  const isSpace = (char: string | undefined) => char === " " || char === "\n" || char === "\r" || char === "\t" || char === "\v" || char === "\f";
  while (true) {
    while (isSpace(bytes[index])) index++;
    if (index >= bytes.length) return args;
    let current = "";
    let quote: '"' | "'" | null = null;
    let done = false;
    while (!done) {
      const char = bytes[index];
      if (quote === '"') {
        if (char === undefined) return null;
        if (char === "\\" && bytes[index + 1] === "x" && HEX_DIGIT.test(bytes[index + 2] ?? "") && HEX_DIGIT.test(bytes[index + 3] ?? "")) {
          current += String.fromCharCode(parseInt(bytes.slice(index + 2, index + 4), 16));
          index += 3;
        } else if (char === "\\" && bytes[index + 1] !== undefined) {
          index++;
          const escaped = bytes[index]!;
          current += ({ n: "\n", r: "\r", t: "\t", b: "\b", a: "\x07" } as Record<string, string>)[escaped] ?? escaped;
        } else if (char === '"') {
          // The closing quote must be followed by a space or the end of the line.
          if (bytes[index + 1] !== undefined && !isSpace(bytes[index + 1])) return null;
          done = true;
        } else current += char;
      } else if (quote === "'") {
        if (char === undefined) return null;
        if (char === "\\" && bytes[index + 1] === "'") {
          index++;
          current += "'";
        } else if (char === "'") {
          if (bytes[index + 1] !== undefined && !isSpace(bytes[index + 1])) return null;
          done = true;
        } else current += char;
      } else if (char === undefined || isSpace(char)) {
        done = true;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else current += char;
      if (char !== undefined) index++;
    }
    args.push(current);
  }
}

/** One console connection per engine (so MULTI/EXEC and SELECT work across lines); a reset engine gets a new one. */
const connections = new WeakMap<Engine, LocalClient>();

function consoleClient(engine: Engine): LocalClient {
  let client = connections.get(engine);
  if (!client) {
    client = engine.connect("console");
    connections.set(engine, client);
  }
  return client;
}

function dropConnection(engine: Engine): void {
  connections.get(engine)?.close();
  connections.delete(engine);
}

/** Runs one redis-cli line (or `HELP <command>`) on the learner's engine. */
export async function runConsoleCommand(learnerId: string, line: string): Promise<ConsoleResult> {
  if (line.length > MAX_LINE_LENGTH) return { lines: [`(error) the line is longer than ${MAX_LINE_LENGTH} characters`], error: true };
  const argv = splitCommandLine(line);
  if (argv === null) return { lines: ["Invalid argument(s)"], error: true };
  if (argv.length === 0) return { lines: [], error: false };
  const name = argv[0]!.toLowerCase();
  if (name === "help") {
    if (argv.length === 1) return { lines: ['Type "HELP <command>" for help on <command>, e.g. HELP SET', "Press Tab to complete a command name."], error: false };
    return commandHelp(learnerId, argv.slice(1).map(fromBinary).join(" "));
  }
  if (UNSUPPORTED.has(name)) return { lines: [`(error) ${argv[0]!.toUpperCase()} streams replies: the web console runs one command at a time`], error: true };

  const engine = await getLearnerEngine(learnerId);
  if (name === "quit") {
    dropConnection(engine);
    return { lines: ["OK"], error: false };
  }
  const client = consoleClient(engine);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CONSOLE_REPLY_TIMEOUT_MS);
  });
  try {
    const reply = await Promise.race([client.call(...argv), timeout]);
    if (reply === "timeout") {
      dropConnection(engine);
      return { lines: [`(error) no reply within ${CONSOLE_REPLY_TIMEOUT_MS / 1000} s: the console closed its connection (give blocking commands a timeout)`], error: true };
    }
    const lines = formatCommandReply(argv, reply, client.client.protocol).map(fromBinary);
    return { lines, error: reply instanceof ErrorReply };
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- COMMAND DOCS

/** A RESP3 map (or RESP2 flat array) from COMMAND DOCS as a plain record. */
function record(reply: Reply): Record<string, Reply> {
  const entries = reply instanceof MapReply ? reply.entries : Array.isArray(reply) ? reply : [];
  const out: Record<string, Reply> = {};
  for (let index = 0; index + 1 < entries.length; index += 2) out[String(entries[index])] = entries[index + 1]!;
  return out;
}

function flagsOf(reply: Reply | undefined): string[] {
  const items = reply instanceof SetReply ? reply.items : Array.isArray(reply) ? reply : [];
  return items.map((item) => (item instanceof SimpleString ? item.value : String(item)));
}

/** An argument of COMMAND DOCS in redis-cli's help syntax: `[EX seconds|PX milliseconds]`, `key [key ...]`. */
function argumentSyntax(reply: Reply): string {
  const arg = record(reply);
  const type = String(arg.type);
  const children = Array.isArray(arg.arguments) ? arg.arguments : [];
  let text: string;
  if (type === "oneof") text = children.map(argumentSyntax).join("|");
  else if (type === "block") text = children.map(argumentSyntax).join(" ");
  else if (type === "pure-token") text = String(arg.token);
  else text = String(arg.name);
  if (arg.token !== undefined && type !== "pure-token") text = `${String(arg.token)} ${text}`;
  const flags = flagsOf(arg.flags);
  if (flags.includes("multiple")) text = `${text} [${text} ...]`;
  return flags.includes("optional") ? `[${text}]` : type === "oneof" && children.length > 1 ? `<${text}>` : text;
}

/** The engine's COMMAND DOCS for one command name ("set", "config get"). */
async function docsFor(engine: Engine, name: string): Promise<Record<string, Reply> | null> {
  const [command, sub] = name.toLowerCase().split(/\s+/);
  const client = engine.connect("docs");
  try {
    const reply = await client.call("COMMAND", "DOCS", command!);
    const docs = record(reply)[command!];
    if (!docs) return null;
    if (!sub) return record(docs);
    const subcommand = record(record(docs).subcommands ?? [])[`${command}|${sub}`];
    return subcommand ? record(subcommand) : null;
  } finally {
    client.close();
  }
}

/** `HELP <command>` as redis-cli prints it: syntax, summary, since, group. */
export async function commandHelp(learnerId: string, name: string): Promise<ConsoleResult> {
  const docs = await docsFor(await getLearnerEngine(learnerId), name);
  if (!docs) return { lines: [`(error) no help for ${JSON.stringify(name)}: not a command this engine knows`], error: true };
  const args = Array.isArray(docs.arguments) ? docs.arguments.map(argumentSyntax).join(" ") : "";
  const lines = [
    `  ${name.toUpperCase()}${args ? ` ${args}` : ""}`,
    `  summary: ${String(docs.summary ?? "")}`,
    `  since: ${String(docs.since ?? "")}`,
    `  group: ${String(docs.group ?? "")}`,
  ];
  if (docs.complexity !== undefined) lines.push(`  complexity: ${String(docs.complexity)}`);
  return { lines, error: false };
}

let commandList: Promise<string[]> | undefined;

/** Every command and subcommand the engine documents ("GET", "CONFIG GET"), sorted, for autocompletion. */
export function commandNames(): Promise<string[]> {
  commandList ??= (async () => {
    const engine = new Engine();
    const client = engine.connect("docs");
    try {
      const docs = record(await client.call("COMMAND", "DOCS"));
      const names: string[] = [];
      for (const [command, entry] of Object.entries(docs)) {
        names.push(command.toUpperCase());
        for (const sub of Object.keys(record(record(entry).subcommands ?? []))) names.push(sub.replace("|", " ").toUpperCase());
      }
      return names.sort();
    } finally {
      client.close();
      engine.close();
    }
  })();
  return commandList;
}

// ---------------------------------------------------------------- key inspector

export interface KeyInfo {
  key: string;
  type: string;
  /** Milliseconds to live, or null without expiry. */
  ttlMs: number | null;
  memory: { bytes: number; estimated: boolean } | null;
}

export interface KeyPage {
  cursor: string;
  keys: KeyInfo[];
}

/** Items a value view (and a memory estimate) reads at most. */
export const VALUE_VIEW_LIMIT = 200;

export type KeyValue =
  | { type: "none" }
  | { type: "string"; value: string; bytes: number }
  | { type: "list"; total: number; items: string[] }
  | { type: "hash"; total: number; fields: [string, string][] }
  | { type: "set"; total: number; members: string[] }
  | { type: "zset"; total: number; members: { member: string; score: string }[] }
  | { type: "stream"; total: number; entries: { id: string; fields: [string, string][] }[] }
  /** A type the views do not show (modules' types). */
  | { type: "other"; name: string };

/** Runs inspector commands on a short-lived connection (never the console's, which may be inside MULTI). */
async function withClient<T>(learnerId: string, use: (call: (...args: string[]) => Promise<Reply>) => Promise<T>): Promise<T> {
  const client = (await getLearnerEngine(learnerId)).connect("inspector");
  try {
    return await use((...args) => client.call(...args));
  } finally {
    client.close();
  }
}

/** A bulk or status reply as a binary string (the engine keeps long values in Buffers). */
const bin = (reply: Reply): string => (Buffer.isBuffer(reply) ? reply.toString("latin1") : reply instanceof SimpleString ? reply.value : String(reply));
const asStrings = (reply: Reply): string[] => (Array.isArray(reply) ? reply.map(bin) : []);
const pairs = (items: string[]): [string, string][] => {
  const out: [string, string][] = [];
  for (let index = 0; index + 1 < items.length; index += 2) out.push([fromBinary(items[index]!), fromBinary(items[index + 1]!)]);
  return out;
};

/** SSCAN/HSCAN until `limit` items (or the end): small collections come back whole. */
async function scanCollection(call: (...args: string[]) => Promise<Reply>, command: "HSCAN" | "SSCAN", key: string, limit: number): Promise<string[]> {
  const items: string[] = [];
  let cursor = "0";
  do {
    const reply = await call(command, key, cursor, "COUNT", String(limit));
    if (!Array.isArray(reply)) break;
    cursor = String(reply[0]);
    items.push(...asStrings(reply[1] ?? []));
  } while (cursor !== "0" && items.length < limit * (command === "HSCAN" ? 2 : 1));
  return items;
}

async function valueOf(call: (...args: string[]) => Promise<Reply>, key: string): Promise<KeyValue> {
  const type = bin(await call("TYPE", key));
  const last = String(VALUE_VIEW_LIMIT - 1);
  switch (type) {
    case "none":
      return { type };
    case "string": {
      const value = bin(await call("GET", key));
      return { type, value: fromBinary(value), bytes: value.length };
    }
    case "list":
      return { type, total: Number(await call("LLEN", key)), items: asStrings(await call("LRANGE", key, "0", last)).map(fromBinary) };
    case "hash":
      return { type, total: Number(await call("HLEN", key)), fields: pairs(await scanCollection(call, "HSCAN", key, VALUE_VIEW_LIMIT)).slice(0, VALUE_VIEW_LIMIT) };
    case "set":
      return { type, total: Number(await call("SCARD", key)), members: (await scanCollection(call, "SSCAN", key, VALUE_VIEW_LIMIT)).slice(0, VALUE_VIEW_LIMIT).map(fromBinary) };
    case "zset": {
      const flat = await call("ZRANGE", key, "0", last, "WITHSCORES");
      // RESP2 flattens member/score pairs; the engine's reply is nested pairs either way in RESP3.
      const members = (Array.isArray(flat) ? flat : []).flatMap((item, index, all): { member: string; score: string }[] => {
        if (Array.isArray(item)) return [{ member: fromBinary(bin(item[0]!)), score: scoreText(item[1]!) }];
        return index % 2 === 0 ? [{ member: fromBinary(bin(item)), score: scoreText(all[index + 1]!) }] : [];
      });
      return { type, total: Number(await call("ZCARD", key)), members };
    }
    case "stream": {
      const entries = await call("XRANGE", key, "-", "+", "COUNT", String(VALUE_VIEW_LIMIT));
      return {
        type,
        total: Number(await call("XLEN", key)),
        entries: (Array.isArray(entries) ? entries : []).map((entry) => {
          const [id, fields] = Array.isArray(entry) ? entry : [];
          return { id: String(id), fields: pairs(asStrings(fields ?? [])) };
        }),
      };
    }
    default:
      return { type: "other", name: type };
  }
}

function scoreText(reply: Reply): string {
  return typeof reply === "object" && reply !== null && "value" in reply ? String((reply as { value: number }).value) : String(reply);
}

/** The value of one key, for the inspector's views (collections cut at VALUE_VIEW_LIMIT items). */
export function readValue(learnerId: string, key: string): Promise<KeyValue> {
  return withClient(learnerId, (call) => valueOf(call, toBinary(key)));
}

/** Bytes of a value as Redis would roughly account them: payload plus per-key and per-element overheads. */
function estimateMemory(key: string, value: KeyValue): number {
  const keyBytes = 56 + key.length;
  const size = (item: string) => Buffer.byteLength(item) + 16;
  // Collections are read up to VALUE_VIEW_LIMIT items: scale what was read to the whole.
  const scaled = (sizes: number[], total: number) => (sizes.length === 0 ? 0 : Math.round((sizes.reduce((a, b) => a + b, 0) * total) / sizes.length));
  switch (value.type) {
    case "string":
      return keyBytes + value.bytes;
    case "list":
      return keyBytes + scaled(value.items.map(size), value.total);
    case "set":
      return keyBytes + scaled(value.members.map(size), value.total);
    case "hash":
      return keyBytes + scaled(value.fields.map(([field, content]) => size(field) + size(content)), value.total);
    case "zset":
      return keyBytes + scaled(value.members.map(({ member }) => size(member) + 24), value.total);
    case "stream":
      return keyBytes + scaled(value.entries.map(({ id, fields }) => size(id) + fields.reduce((sum, [field, content]) => sum + size(field) + size(content), 0)), value.total);
    default:
      return keyBytes;
  }
}

/** One SCAN page of the learner's keys with type, TTL and memory (MEMORY USAGE when the engine has it, else an estimate). */
export function inspectKeys(learnerId: string, options: { cursor?: string; match?: string; count?: number } = {}): Promise<KeyPage> {
  return withClient(learnerId, async (call) => {
    const scan = await call("SCAN", options.cursor ?? "0", "MATCH", toBinary(options.match || "*"), "COUNT", String(options.count ?? 100));
    if (!Array.isArray(scan)) throw new Error(`SCAN failed: ${scan instanceof ErrorReply ? scan.message : String(scan)}`);
    const keys: KeyInfo[] = [];
    for (const raw of asStrings(scan[1] ?? [])) {
      const type = bin(await call("TYPE", raw));
      if (type === "none") continue; // expired between SCAN and TYPE
      const pttl = Number(await call("PTTL", raw));
      const usage = await call("MEMORY", "USAGE", raw);
      const key = fromBinary(raw);
      const memory = typeof usage === "number" ? { bytes: usage, estimated: false } : { bytes: estimateMemory(raw, await valueOf(call, raw)), estimated: true };
      keys.push({ key, type, ttlMs: pttl >= 0 ? pttl : null, memory });
    }
    keys.sort((a, b) => a.key.localeCompare(b.key));
    return { cursor: String(scan[0]), keys };
  });
}

/** Empties the learner's playground engine (memory and snapshot). */
export function resetEngine(learnerId: string): Promise<void> {
  return resetLearnerEngine(learnerId);
}
