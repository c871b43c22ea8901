/**
 * Server commands (Redis's "server" group): FLUSHDB, FLUSHALL, COMMAND, INFO, CONFIG, DBSIZE,
 * TIME, SLOWLOG, MONITOR, LATENCY, SWAPDB, DEBUG, SHUTDOWN, LASTSAVE, ROLE, LOLWUT.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Client } from "../client";
import { type ConfigParameter, parseMemory, validateConfigValue } from "../config";
import type { Database } from "../database";
import { type Engine, REDIS_VERSION } from "../engine";
import { errors } from "../errors";
import { infoText } from "../info";
import { elementsOf, objectEncoding } from "../types";
import { invalidateAllTrackedKeys } from "../tracking";
import { ErrorReply, MapReply, OK, type Reply, SetReply, SimpleString, VerbatimReply } from "../protocol/reply";
import { globMatch } from "../util/glob";
import { parseSafeInteger } from "../util/numbers";
import { helpReply, isToken } from "./args";
import { type ArgumentDoc, type CommandContext, type CommandSpec, type HandlerResult, NO_REPLY, defineCommand, fullName, keyPositions } from "./spec";

// ---- FLUSHDB / FLUSHALL -----------------------------------------------------------------

function flushDatabase(engine: Engine, db: Database): void {
  engine.touchAllWatchedKeys(db);
  db.clear();
}

/** FLUSHDB/FLUSHALL accept an optional SYNC or ASYNC; both free memory at once here. */
function checkFlushMode(argv: string[]): Reply | undefined {
  if (argv.length > 2 || (argv.length === 2 && !isToken(argv[1], "SYNC") && !isToken(argv[1], "ASYNC"))) return errors.syntax;
  return undefined;
}

function flushdb({ engine, client }: CommandContext, argv: string[]): Reply {
  const error = checkFlushMode(argv);
  if (error) return error;
  flushDatabase(engine, client.db);
  invalidateAllTrackedKeys(engine);
  return OK;
}

function flushall({ engine }: CommandContext, argv: string[]): Reply {
  const error = checkFlushMode(argv);
  if (error) return error;
  for (const db of engine.databases) flushDatabase(engine, db);
  invalidateAllTrackedKeys(engine);
  return OK;
}

// ---- COMMAND ------------------------------------------------------------------------------

const status = (words: string[]) => new SetReply(words.map((word) => new SimpleString(word)));

/** Key-spec flags derived from the command flags (Redis keeps hand-written ones per command). */
function keyFlags(spec: CommandSpec): string[] {
  if (spec.flags.has("write")) return ["RW", "update"];
  return ["RO", "access"];
}

/** One key spec derived from the legacy first/last/step triple. */
function keySpecs(spec: CommandSpec): Reply[] {
  if (spec.firstKey <= 0 && spec.getKeys === undefined) return [];
  const first = Math.max(1, spec.firstKey);
  const lastKey = spec.lastKey < 0 ? spec.lastKey : Math.max(0, spec.lastKey - first);
  return [
    new MapReply([
      "flags", status(keyFlags(spec)),
      "begin_search", new MapReply(["type", "index", "spec", new MapReply(["index", first])]),
      "find_keys", new MapReply(["type", "range", "spec", new MapReply(["lastkey", lastKey, "keystep", Math.max(1, spec.keyStep), "limit", 0])]),
    ]),
  ];
}

/** COMMAND INFO's 10-element entry. */
function commandInfoEntry(spec: CommandSpec): Reply {
  return [
    fullName(spec),
    spec.arity,
    status([...spec.flags]),
    spec.firstKey,
    spec.lastKey,
    spec.keyStep,
    status(spec.aclCategories),
    new SetReply(spec.tips),
    new SetReply(keySpecs(spec)),
    new SetReply([...(spec.subcommands?.values() ?? [])].map(commandInfoEntry)),
  ];
}

function argumentDoc(argument: ArgumentDoc, keyIndex: { next: number }): Reply {
  const entries: Reply[] = ["name", argument.name, "type", argument.type];
  if (argument.type === "key") entries.push("key_spec_index", keyIndex.next++);
  if (argument.token !== undefined) entries.push("token", argument.token);
  if (argument.since !== undefined) entries.push("since", argument.since);
  if (argument.deprecatedSince !== undefined) entries.push("deprecated_since", argument.deprecatedSince);
  const flags: string[] = [];
  if (argument.optional) flags.push("optional");
  if (argument.multiple) flags.push("multiple");
  if (argument.multipleToken) flags.push("multiple_token");
  if (flags.length > 0) entries.push("flags", status(flags));
  if (argument.arguments !== undefined) entries.push("arguments", argument.arguments.map((nested) => argumentDoc(nested, keyIndex)));
  return new MapReply(entries);
}

/** COMMAND DOCS's map for one command, fields in Redis's order, absent ones left out. */
function commandDoc(spec: CommandSpec): Reply {
  const entries: Reply[] = ["summary", spec.summary, "since", spec.since, "group", spec.group];
  if (spec.complexity !== "") entries.push("complexity", spec.complexity);
  if (spec.docFlags !== undefined) entries.push("doc_flags", status(spec.docFlags));
  if (spec.deprecatedSince !== undefined) entries.push("deprecated_since", spec.deprecatedSince);
  if (spec.replacedBy !== undefined) entries.push("replaced_by", spec.replacedBy);
  if (spec.history !== undefined) entries.push("history", new SetReply(spec.history.map(([version, change]) => [version, change])));
  if (spec.arguments.length > 0) {
    const keyIndex = { next: 0 };
    entries.push("arguments", spec.arguments.map((argument) => argumentDoc(argument, keyIndex)));
  }
  if (spec.subcommands !== undefined && spec.subcommands.size > 0) {
    const subcommands: Reply[] = [];
    for (const sub of spec.subcommands.values()) subcommands.push(fullName(sub), commandDoc(sub));
    entries.push("subcommands", new MapReply(subcommands));
  }
  return new MapReply(entries);
}

/** COMMAND INFO/DOCS name lookup: "get", "config|get". */
function findCommand(engine: Engine, name: string): CommandSpec | undefined {
  const [container, sub] = name.toLowerCase().split("|", 2);
  const spec = engine.commands.get(container!);
  return sub === undefined ? spec : spec?.subcommands?.get(sub);
}

function* allCommands(engine: Engine): Iterable<CommandSpec> {
  for (const spec of engine.commands.values()) {
    yield spec;
    if (spec.subcommands) yield* spec.subcommands.values();
  }
}

function command({ engine }: CommandContext): Reply {
  return [...engine.commands.values()].map(commandInfoEntry);
}

function commandInfo({ engine }: CommandContext, argv: string[]): Reply {
  if (argv.length === 2) return [...engine.commands.values()].map(commandInfoEntry);
  return argv.slice(2).map((name) => {
    const spec = findCommand(engine, name);
    return spec ? commandInfoEntry(spec) : null;
  });
}

function commandDocs({ engine }: CommandContext, argv: string[]): Reply {
  const entries: Reply[] = [];
  const specs = argv.length === 2 ? engine.commands.values() : argv.slice(2).map((name) => findCommand(engine, name));
  for (const spec of specs) if (spec !== undefined) entries.push(fullName(spec), commandDoc(spec));
  return new MapReply(entries);
}

function commandCount({ engine }: CommandContext): Reply {
  return engine.commands.size;
}

function commandList({ engine }: CommandContext, argv: string[]): Reply {
  let filter: (spec: CommandSpec) => boolean = () => true;
  if (argv.length === 5 && isToken(argv[2], "FILTERBY")) {
    const value = argv[4]!;
    const kind = argv[3]!.toUpperCase();
    if (kind === "MODULE") filter = () => false;
    else if (kind === "ACLCAT") filter = (spec) => spec.aclCategories.includes(`@${value.toLowerCase()}`);
    else if (kind === "PATTERN") filter = (spec) => globMatch(value, fullName(spec), true);
    else return errors.syntax;
  } else if (argv.length !== 2) {
    return errors.syntax;
  }
  const names: Reply[] = [];
  for (const spec of allCommands(engine)) if (filter(spec)) names.push(fullName(spec));
  return names;
}

/** The spec and key positions for COMMAND GETKEYS/GETKEYSANDFLAGS, or Redis's error. */
function keysOfCall(engine: Engine, argv: string[]): { spec: CommandSpec; positions: number[] } | ErrorReply {
  const call = argv.slice(2);
  const found = engine.lookupCommand(call);
  if (found === undefined || found instanceof ErrorReply) return new ErrorReply("ERR Invalid command specified");
  if (found.firstKey <= 0 && found.getKeys === undefined) return new ErrorReply("ERR The command has no key arguments");
  if ((found.arity > 0 && found.arity !== call.length) || call.length < -found.arity) {
    return new ErrorReply("ERR Invalid number of arguments specified for command");
  }
  return { spec: found, positions: keyPositions(found, call) };
}

function commandGetkeys({ engine }: CommandContext, argv: string[]): Reply {
  const result = keysOfCall(engine, argv);
  if (result instanceof ErrorReply) return result;
  return result.positions.map((position) => argv[position + 2]!);
}

function commandGetkeysandflags({ engine }: CommandContext, argv: string[]): Reply {
  const result = keysOfCall(engine, argv);
  if (result instanceof ErrorReply) return result;
  const flags = keyFlags(result.spec);
  return result.positions.map((position) => [argv[position + 2]!, status(flags)]);
}

const COMMAND_HELP = [
  "(no subcommand)",
  "    Return details about all Redis commands.",
  "COUNT",
  "    Return the total number of commands in this Redis server.",
  "LIST",
  "    Return a list of all commands in this Redis server.",
  "INFO [<command-name> ...]",
  "    Return details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "DOCS [<command-name> ...]",
  "    Return documentation details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "GETKEYS <full-command>",
  "    Return the keys from a full Redis command.",
  "GETKEYSANDFLAGS <full-command>",
  "    Return the keys and the access flags from a full Redis command.",
];

// ---- INFO ---------------------------------------------------------------------------------

function info({ engine }: CommandContext, argv: string[]): Reply {
  return new VerbatimReply(infoText(engine, argv.slice(1)));
}

// ---- CONFIG -------------------------------------------------------------------------------

/** Every name CONFIG GET can match: canonical names and their aliases. */
function configNames(engine: Engine): [name: string, parameter: ConfigParameter][] {
  const names: [string, ConfigParameter][] = [];
  for (const parameter of engine.config.parameters) {
    names.push([parameter.name, parameter]);
    for (const alias of parameter.aliases ?? []) names.push([alias, parameter]);
  }
  return names;
}

function configGet({ engine }: CommandContext, argv: string[]): Reply {
  const found = new Map<string, string>();
  const names = configNames(engine);
  for (const pattern of argv.slice(2)) {
    const exact = engine.config.parameter(pattern);
    if (exact !== undefined) {
      // An exact name comes back spelled as the caller spelled it.
      found.set(pattern, engine.config.get(exact.name));
      continue;
    }
    for (const [name, parameter] of names) if (globMatch(pattern, name, true)) found.set(name, engine.config.get(parameter.name));
  }
  const entries: Reply[] = [];
  for (const [name, value] of found) entries.push(name, value);
  return new MapReply(entries);
}

const OUTPUT_BUFFER_CLASSES = new Set(["normal", "slave", "replica", "pubsub"]);

/** client-output-buffer-limit: validates `<class> <hard> <soft> <seconds>...` and merges it into the current value. */
function mergeOutputBufferLimits(current: string, value: string): { value: string } | { error: string } {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length % 4 !== 0) return { error: "Wrong number of arguments in buffer limit configuration." };
  const limits = new Map<string, string[]>();
  const existing = current.split(/\s+/);
  for (let i = 0; i + 3 < existing.length; i += 4) limits.set(existing[i]!, existing.slice(i + 1, i + 4));
  for (let i = 0; i < words.length; i += 4) {
    let className = words[i]!.toLowerCase();
    if (!OUTPUT_BUFFER_CLASSES.has(className)) return { error: "Invalid client class specified in buffer limit configuration." };
    if (className === "replica") className = "slave";
    const hard = parseMemory(words[i + 1]!);
    const soft = parseMemory(words[i + 2]!);
    const seconds = parseSafeInteger(words[i + 3]!);
    if (hard === undefined || soft === undefined || seconds === undefined || hard < 0 || soft < 0 || seconds < 0) {
      return { error: "Error in hard, soft or soft_seconds setting in buffer limit configuration." };
    }
    limits.set(className, [String(hard), String(soft), String(seconds)]);
  }
  return { value: ["normal", "slave", "pubsub"].map((name) => `${name} ${(limits.get(name) ?? ["0", "0", "0"]).join(" ")}`).join(" ") };
}

/** Values some parameters get after validation, as Redis normalises them. */
function normaliseConfigValue(engine: Engine, parameter: ConfigParameter, value: string): { value: string } | { error: string } {
  if (parameter.name === "client-output-buffer-limit") return mergeOutputBufferLimits(engine.config.get(parameter.name), value);
  const result = validateConfigValue(parameter, value);
  if ("error" in result) return result;
  if (parameter.name === "hz") return { value: String(Math.min(500, Math.max(1, Number(result.value)))) };
  return result;
}

/** CONFIG SET name value [name value ...]: all values are validated before any is applied. */
function configSet({ engine }: CommandContext, argv: string[]): Reply {
  if ((argv.length - 2) % 2 !== 0) return errors.syntax;
  const changes = new Map<ConfigParameter, string>();
  const failed = (name: string, message: string) => new ErrorReply(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${message}`);
  for (let i = 2; i < argv.length; i += 2) {
    const name = argv[i]!;
    const parameter = engine.config.parameter(name);
    if (parameter === undefined) return new ErrorReply(`ERR Unknown option or number of arguments for CONFIG SET - '${name}'`);
    if (parameter.immutable) return failed(name, "can't set immutable config");
    if (changes.has(parameter)) return failed(name, "duplicate parameter");
    const result = normaliseConfigValue(engine, parameter, argv[i + 1]!);
    if ("error" in result) return failed(name, result.error);
    changes.set(parameter, result.value);
  }
  for (const [parameter, value] of changes) engine.config.set(parameter.name, value);
  // Without a password the default user is "nopass": clients waiting for AUTH are let in.
  if (changes.has(engine.config.parameter("requirepass")!) && engine.config.get("requirepass") === "") {
    for (const client of engine.clients.values()) client.authenticated = true;
  }
  return OK;
}

/** CONFIG RESETSTAT: the counters INFO stats, commandstats and errorstats report. */
function configResetstat({ engine }: CommandContext): Reply {
  for (const name of Object.keys(engine.stats) as (keyof Engine["stats"])[]) engine.stats[name] = 0;
  engine.commandStats.clear();
  engine.errorStats.clear();
  return OK;
}

/** Parameters whose value is several words written unquoted (`save 3600 1 300 100`). */
const MULTI_WORD_PARAMETERS = new Set(["save", "client-output-buffer-limit", "bind"]);

function configLine(name: string, value: string): string {
  if (MULTI_WORD_PARAMETERS.has(name) && value !== "") return `${name} ${value}`;
  return /^[\x21-\x7e]+$/.test(value) && !/["'\\]/.test(value) ? `${name} ${value}` : `${name} ${JSON.stringify(value)}`;
}

/**
 * CONFIG REWRITE: directives already in the file are updated in place; parameters that differ
 * from their defaults and are not in the file are appended, as Redis does.
 */
function configRewrite({ engine }: CommandContext): Reply {
  const path = engine.configFile;
  if (path === undefined) return new ErrorReply("ERR The server is running without a config file");
  let lines: string[];
  try {
    lines = readFileSync(path, "utf8").split(/\r?\n/);
  } catch {
    lines = [];
  }
  const written = new Set<string>();
  const output: string[] = [];
  for (const line of lines) {
    const name = line.trim().split(/\s+/, 1)[0]!.toLowerCase();
    const parameter = line.trim().startsWith("#") ? undefined : engine.config.parameter(name);
    if (parameter === undefined) {
      output.push(line);
      continue;
    }
    if (written.has(parameter.name)) continue;
    written.add(parameter.name);
    output.push(configLine(parameter.name, engine.config.get(parameter.name)));
  }
  while (output.length > 0 && output[output.length - 1] === "") output.pop();
  const appended: string[] = [];
  for (const parameter of engine.config.parameters) {
    const value = engine.config.get(parameter.name);
    if (written.has(parameter.name) || value === parameter.defaultValue) continue;
    appended.push(configLine(parameter.name, value));
  }
  const marker = "# Generated by CONFIG REWRITE";
  if (appended.length > 0 && !output.includes(marker)) output.push(marker);
  output.push(...appended);
  try {
    writeFileSync(`${path}.tmp`, `${output.join("\n")}\n`);
    renameSync(`${path}.tmp`, path);
  } catch (error) {
    return new ErrorReply(`ERR Rewriting config file: ${error instanceof Error ? error.message : String(error)}`);
  }
  return OK;
}

const CONFIG_HELP = [
  "GET <pattern>",
  "    Return parameters matching the glob-like <pattern> and their values.",
  "SET <directive> <value>",
  "    Set the configuration <directive> to <value>.",
  "RESETSTAT",
  "    Reset statistics reported by the INFO command.",
  "REWRITE",
  "    Rewrite the configuration file.",
];

// ---- DBSIZE, TIME, LASTSAVE, ROLE, LOLWUT -------------------------------------------------

function dbsize({ client }: CommandContext): Reply {
  return client.db.size;
}

function time({ engine }: CommandContext): Reply {
  const now = engine.now();
  const seconds = Math.floor(now / 1000);
  return [String(seconds), String(Math.floor((now - seconds * 1000) * 1000))];
}

function lastsave({ engine }: CommandContext): Reply {
  return Math.floor(engine.startedAt / 1000);
}

function role(): Reply {
  return ["master", 0, []];
}

/** LOLWUT prints the version; the art of VERSION 5 and 6 is not drawn. Other arguments are ignored. */
function lolwut(_ctx: CommandContext, argv: string[]): Reply {
  if (argv.length >= 3 && isToken(argv[1], "VERSION") && parseSafeInteger(argv[2]!) === undefined) return errors.notInteger;
  return new VerbatimReply(`Redis ver. ${REDIS_VERSION}\n`);
}

// ---- SLOWLOG ------------------------------------------------------------------------------

function slowlogGet({ engine }: CommandContext, argv: string[]): Reply {
  let count = 10;
  if (argv.length === 3) {
    const parsed = parseSafeInteger(argv[2]!);
    if (parsed === undefined || parsed < -1) return new ErrorReply("ERR count should be greater than or equal to -1");
    count = parsed === -1 ? engine.slowlog.length : parsed;
  }
  return engine.slowlog.slice(0, count).map((entry) => [entry.id, entry.timestamp, entry.durationUs, entry.argv, entry.clientAddress, entry.clientName]);
}

function slowlogLen({ engine }: CommandContext): Reply {
  return engine.slowlog.length;
}

function slowlogReset({ engine }: CommandContext): Reply {
  engine.resetSlowlog();
  return OK;
}

const SLOWLOG_HELP = [
  "GET [<count>]",
  "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
  "    Entries are made of:",
  "    id, timestamp, time in microseconds, arguments array, client IP and port,",
  "    client name",
  "LEN",
  "    Return the length of the slowlog.",
  "RESET",
  "    Reset the slowlog.",
];

// ---- MONITOR ------------------------------------------------------------------------------

function monitor({ engine, client, nonBlocking }: CommandContext): HandlerResult {
  // Inside EXEC or a script every command must answer at once.
  if (nonBlocking) return new ErrorReply("ERR MONITOR isn't allowed for DENY BLOCKING client");
  // A client already monitoring gets no reply, as in Redis.
  if (client.monitor) return NO_REPLY;
  client.monitor = true;
  engine.monitors.add(client);
  return OK;
}

// ---- LATENCY ------------------------------------------------------------------------------

function latencyLatest({ engine }: CommandContext): Reply {
  const rows: Reply[] = [];
  for (const [name, event] of engine.latency.events) {
    const last = event.samples[event.samples.length - 1]!;
    rows.push([name, last.time, last.latencyMs, event.maxMs]);
  }
  return rows;
}

function latencyHistory({ engine }: CommandContext, argv: string[]): Reply {
  return (engine.latency.events.get(argv[2]!)?.samples ?? []).map((sample) => [sample.time, sample.latencyMs]);
}

function latencyReset({ engine }: CommandContext, argv: string[]): Reply {
  return engine.latency.reset(argv.slice(2));
}

function latencyGraph({ engine }: CommandContext, argv: string[]): Reply {
  const graph = engine.latency.graph(argv[2]!);
  return graph === undefined ? new ErrorReply(`ERR No samples available for event '${argv[2]}'`) : new VerbatimReply(graph);
}

function latencyDoctor({ engine }: CommandContext): Reply {
  if (engine.config.getNumber("latency-monitor-threshold") === 0 && engine.latency.events.size === 0) {
    return new VerbatimReply(
      "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n",
    );
  }
  return new VerbatimReply(engine.latency.doctor());
}

/** Per-command latency distribution; without histograms every call is put in its mean's bucket. */
function latencyHistogram({ engine }: CommandContext, argv: string[]): Reply {
  const wanted = argv.length > 2 ? new Set(argv.slice(2).map((name) => name.toLowerCase())) : undefined;
  const entries: Reply[] = [];
  for (const [name, stats] of engine.commandStats) {
    if (stats.calls === 0 || (wanted !== undefined && !wanted.has(name))) continue;
    const bucket = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, stats.usec / stats.calls))));
    entries.push(name, new MapReply(["calls", stats.calls, "histogram_usec", new MapReply([bucket, stats.calls])]));
  }
  return new MapReply(entries);
}

const LATENCY_HELP = [
  "DOCTOR",
  "    Return a human readable latency analysis report.",
  "GRAPH <event>",
  "    Return an ASCII latency graph for the <event> class.",
  "HISTORY <event>",
  "    Return time-latency samples for the <event> class.",
  "LATEST",
  "    Return the latest latency samples for all events.",
  "RESET [<event> ...]",
  "    Reset latency data of one or more <event> classes.",
  "    (default: reset all data for all event classes)",
  "HISTOGRAM [COMMAND ...]",
  "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
  "    If no commands are specified then all histograms are replied.",
];

// ---- SWAPDB -------------------------------------------------------------------------------

function swapdb({ engine }: CommandContext, argv: string[]): Reply {
  const first = parseSafeInteger(argv[1]!);
  if (first === undefined) return new ErrorReply("ERR invalid first DB index");
  const second = parseSafeInteger(argv[2]!);
  if (second === undefined) return new ErrorReply("ERR invalid second DB index");
  const count = engine.databases.length;
  if (first < 0 || first >= count || second < 0 || second >= count) return new ErrorReply("ERR DB index is out of range");
  if (first === second) return OK;
  const a = engine.databases[first]!;
  const b = engine.databases[second]!;
  // Watched keys present before or after the swap count as modified, as in Redis.
  engine.touchAllWatchedKeys(a);
  engine.touchAllWatchedKeys(b);
  a.swapContents(b);
  engine.touchAllWatchedKeys(a);
  engine.touchAllWatchedKeys(b);
  // Clients blocked on keys that now exist get another chance.
  for (const client of engine.clients.values()) {
    const blocked = client.blocked;
    if (blocked !== undefined && (blocked.db === a || blocked.db === b)) {
      for (const key of blocked.keys) if (blocked.db.exists(key)) engine.signalKeyAsReady(blocked.db, key);
    }
  }
  return OK;
}

// ---- DEBUG --------------------------------------------------------------------------------

const DEBUG_NOT_ALLOWED = new ErrorReply(
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
);

function isLocalConnection(client: Client): boolean {
  const { kind, remoteAddress } = client.transport;
  return kind !== "tcp" || remoteAddress.startsWith("127.") || remoteAddress.startsWith("::1:");
}

/** Blocks the whole server, as DEBUG SLEEP does in Redis. */
function sleepSynchronously(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The RDB size of a string (length prefix + bytes, or a packed integer); 1 for other types. */
function serializedLengthOf(value: unknown, encoding: string): number {
  if (typeof value !== "string" && !Buffer.isBuffer(value)) return 1;
  if (encoding === "int") {
    const number = Number(value.toString());
    if (number >= -128 && number <= 127) return 2;
    if (number >= -32768 && number <= 32767) return 3;
    if (number >= -(2 ** 31) && number < 2 ** 31) return 5;
  }
  const prefix = value.length < 64 ? 1 : value.length < 16384 ? 2 : 5;
  return prefix + value.length;
}

function debugObject(ctx: CommandContext, key: string): Reply {
  const { engine, client } = ctx;
  const object = client.db.peek(key);
  if (object === undefined) return errors.noSuchKey;
  const encoding = objectEncoding(object);
  const serializedLength = serializedLengthOf(object.value as unknown, encoding);
  const idleSeconds = Math.max(0, Math.floor((engine.now() - object.lru) / 1000));
  let text = `Value at:0x7f${(0x10000000 + (Math.floor(object.lru) % 0xfffffff)).toString(16)} refcount:1 encoding:${encoding} serializedlength:${serializedLength} lru:${Math.floor(object.lru / 1000) & 0xffffff} lru_seconds_idle:${idleSeconds}`;
  if (encoding === "quicklist") {
    // Redis's quicklist summary, with the list laid out as a single listpack node.
    const elements = elementsOf(object);
    let listpackBytes = 7;
    for (const element of elements) listpackBytes += element.length + 2;
    const maxSize = engine.config.get("list-max-listpack-size");
    text += ` ql_nodes:1 ql_avg_node:${elements.length.toFixed(2)} ql_listpack_max:${maxSize} ql_compressed:0 ql_uncompressed_size:${listpackBytes}`;
  }
  return new SimpleString(text);
}

/** DEBUG POPULATE count [prefix] [size]: creates key:N = value:N (padded to size) where missing. */
function debugPopulate({ engine, client }: CommandContext, argv: string[]): Reply {
  const notPositive = new ErrorReply("ERR value is out of range, must be positive");
  const count = parseSafeInteger(argv[2]!);
  if (count === undefined || count < 0) return notPositive;
  const prefix = argv[3] ?? "key";
  const size = argv[4] === undefined ? undefined : parseSafeInteger(argv[4]);
  if (argv[4] !== undefined && (size === undefined || size < 0)) return notPositive;
  const db = client.db;
  for (let i = 0; i < count; i++) {
    const key = `${prefix}:${i}`;
    if (db.exists(key)) continue;
    let value = `value:${i}`;
    if (size !== undefined) value = value.length >= size ? value.slice(0, size) : value + "\x00".repeat(size - value.length);
    db.create(key, "string", value);
  }
  return OK;
}

function debug(ctx: CommandContext, argv: string[]): Reply {
  const { engine, client } = ctx;
  const allowed = engine.config.get("enable-debug-command");
  if (allowed === "no" || (allowed === "local" && !isLocalConnection(client))) return DEBUG_NOT_ALLOWED;
  const sub = argv[1]!.toUpperCase();
  if (sub === "SLEEP" && argv.length === 3) {
    const seconds = Number(argv[2]);
    sleepSynchronously(Number.isFinite(seconds) ? seconds * 1000 : 0);
    return OK;
  }
  if (sub === "OBJECT" && argv.length === 3) return debugObject(ctx, argv[2]!);
  if (sub === "SET-ACTIVE-EXPIRE" && argv.length === 3) {
    engine.activeExpireEnabled = argv[2] !== "0";
    return OK;
  }
  if (sub === "POPULATE" && argv.length >= 3 && argv.length <= 5) return debugPopulate(ctx, argv);
  if (sub === "JMAP" || sub === "QUICKLIST-PACKED-THRESHOLD" || sub === "SET-DISABLE-DENY-SCRIPTS") return OK;
  return new ErrorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try DEBUG HELP.`);
}

// ---- SHUTDOWN -----------------------------------------------------------------------------

function shutdown({ engine }: CommandContext, argv: string[]): HandlerResult {
  const options = new Set(argv.slice(1).map((arg) => arg.toUpperCase()));
  for (const option of options) if (!["NOSAVE", "SAVE", "NOW", "FORCE", "ABORT"].includes(option)) return errors.syntax;
  if ((options.has("NOSAVE") && options.has("SAVE")) || (options.has("ABORT") && options.size > 1)) return errors.syntax;
  if (options.has("ABORT")) return new ErrorReply("ERR No shutdown in progress.");
  if (engine.onShutdown === undefined) return new ErrorReply("ERR Errors trying to SHUTDOWN. Check logs.");
  engine.onShutdown();
  return NO_REPLY;
}

// ---- definitions --------------------------------------------------------------------------

const flushArguments: ArgumentDoc[] = [
  {
    name: "async",
    type: "oneof",
    optional: true,
    arguments: [
      { name: "async", type: "pure-token", token: "ASYNC", since: "4.0.0" },
      { name: "sync", type: "pure-token", token: "SYNC", since: "6.2.0" },
    ],
  },
];

const flushHistory: [string, string][] = [
  ["4.0.0", "Added the `ASYNC` flushing mode modifier."],
  ["6.2.0", "Added the `SYNC` flushing mode modifier."],
];

const helpSubcommand = (lines: string[], name: string, since: string, acl = "slow") => ({
  arity: 2,
  flags: "loading stale",
  acl,
  since,
  summary: "Show helpful text about the different subcommands",
  complexity: "O(1)",
  handler: () => helpReply(name, lines),
});

export const commands: CommandSpec[] = [
  defineCommand("flushdb", {
    arity: -1,
    flags: "write",
    acl: "keyspace write slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Remove all keys from the current database",
    complexity: "O(N) where N is the number of keys in the selected database",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    history: flushHistory,
    arguments: flushArguments,
    handler: flushdb,
  }),
  defineCommand("flushall", {
    arity: -1,
    flags: "write",
    acl: "keyspace write slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Remove all keys from all databases",
    complexity: "O(N) where N is the total number of keys in all databases",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    history: flushHistory,
    arguments: flushArguments,
    handler: flushall,
  }),
  defineCommand("command", {
    arity: -1,
    flags: "loading stale",
    acl: "slow connection",
    group: "server",
    since: "2.8.13",
    summary: "Get array of Redis command details",
    complexity: "O(N) where N is the total number of Redis commands",
    tips: "nondeterministic_output_order",
    handler: command,
    subcommands: {
      help: helpSubcommand(COMMAND_HELP, "COMMAND", "5.0.0", "slow connection"),
      list: {
        arity: -2,
        flags: "loading stale",
        acl: "slow connection",
        since: "7.0.0",
        summary: "Get an array of Redis command names",
        complexity: "O(N) where N is the total number of Redis commands",
        tips: "nondeterministic_output_order",
        arguments: [
          {
            name: "filterby",
            type: "oneof",
            token: "FILTERBY",
            optional: true,
            arguments: [
              { name: "module-name", type: "string", token: "MODULE" },
              { name: "category", type: "string", token: "ACLCAT" },
              { name: "pattern", type: "pattern", token: "PATTERN" },
            ],
          },
        ],
        handler: commandList,
      },
      count: {
        arity: 2,
        flags: "loading stale",
        acl: "slow connection",
        since: "2.8.13",
        summary: "Get total number of Redis commands",
        complexity: "O(1)",
        handler: commandCount,
      },
      getkeys: {
        arity: -4,
        flags: "loading stale",
        acl: "slow connection",
        since: "2.8.13",
        summary: "Extract keys given a full Redis command",
        complexity: "O(N) where N is the number of arguments to the command",
        handler: commandGetkeys,
      },
      info: {
        arity: -2,
        flags: "loading stale",
        acl: "slow connection",
        since: "2.8.13",
        summary: "Get array of specific Redis command details, or all when no argument is given.",
        complexity: "O(N) where N is the number of commands to look up",
        tips: "nondeterministic_output_order",
        history: [["7.0.0", "Allowed to be called with no argument to get info on all commands."]],
        arguments: [{ name: "command-name", type: "string", optional: true, multiple: true }],
        handler: commandInfo,
      },
      docs: {
        arity: -2,
        flags: "loading stale",
        acl: "slow connection",
        since: "7.0.0",
        summary: "Get array of specific Redis command documentation",
        complexity: "O(N) where N is the number of commands to look up",
        tips: "nondeterministic_output_order",
        arguments: [{ name: "command-name", type: "string", optional: true, multiple: true }],
        handler: commandDocs,
      },
      getkeysandflags: {
        arity: -4,
        flags: "loading stale",
        acl: "slow connection",
        since: "7.0.0",
        summary: "Extract keys and access flags given a full Redis command",
        complexity: "O(N) where N is the number of arguments to the command",
        handler: commandGetkeysandflags,
      },
    },
  }),
  defineCommand("info", {
    arity: -1,
    flags: "loading stale",
    acl: "slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Get information and statistics about the server",
    complexity: "O(1)",
    tips: "nondeterministic_output request_policy:all_shards response_policy:special",
    history: [["7.0.0", "Added support for taking multiple section arguments."]],
    arguments: [{ name: "section", type: "string", optional: true, multiple: true }],
    handler: info,
  }),
  defineCommand("config", {
    arity: -2,
    acl: "slow",
    group: "server",
    since: "2.0.0",
    summary: "A container for server configuration commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      resetstat: {
        arity: 2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.0.0",
        summary: "Reset the stats returned by INFO",
        complexity: "O(1)",
        handler: configResetstat,
      },
      set: {
        arity: -4,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.0.0",
        summary: "Set configuration parameters to the given values",
        complexity: "O(N) when N is the number of configuration parameters provided",
        tips: "request_policy:all_nodes response_policy:all_succeeded",
        history: [["7.0.0", "Added the ability to set multiple parameters in one call."]],
        arguments: [
          {
            name: "parameter_value",
            type: "block",
            multiple: true,
            arguments: [
              { name: "parameter", type: "string" },
              { name: "value", type: "string" },
            ],
          },
        ],
        handler: configSet,
      },
      help: helpSubcommand(CONFIG_HELP, "CONFIG", "5.0.0"),
      rewrite: {
        arity: 2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.0",
        summary: "Rewrite the configuration file with the in memory configuration",
        complexity: "O(1)",
        handler: configRewrite,
      },
      get: {
        arity: -3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.0.0",
        summary: "Get the values of configuration parameters",
        complexity: "O(N) when N is the number of configuration parameters provided",
        history: [["7.0.0", "Added the ability to pass multiple pattern parameters in one call"]],
        arguments: [{ name: "parameter", type: "block", multiple: true, arguments: [{ name: "parameter", type: "string" }] }],
        handler: configGet,
      },
    },
  }),
  defineCommand("dbsize", {
    arity: 1,
    flags: "readonly fast",
    acl: "keyspace read fast",
    group: "server",
    since: "1.0.0",
    summary: "Return the number of keys in the selected database",
    complexity: "O(1)",
    tips: "request_policy:all_shards response_policy:agg_sum",
    handler: dbsize,
  }),
  defineCommand("time", {
    arity: 1,
    flags: "loading stale fast",
    acl: "fast",
    group: "server",
    since: "2.6.0",
    summary: "Return the current server time",
    complexity: "O(1)",
    tips: "nondeterministic_output",
    handler: time,
  }),
  defineCommand("slowlog", {
    arity: -2,
    acl: "slow",
    group: "server",
    since: "2.2.12",
    summary: "A container for slow log commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      help: helpSubcommand(SLOWLOG_HELP, "SLOWLOG", "6.2.0"),
      get: {
        arity: -2,
        flags: "admin loading stale",
        acl: "admin slow dangerous",
        since: "2.2.12",
        summary: "Get the slow log's entries",
        complexity: "O(N) where N is the number of entries returned",
        tips: "request_policy:all_nodes nondeterministic_output",
        history: [["4.0.0", "Added client IP address, port and name to the reply."]],
        arguments: [{ name: "count", type: "integer", optional: true }],
        handler: slowlogGet,
      },
      reset: {
        arity: 2,
        flags: "admin loading stale",
        acl: "admin slow dangerous",
        since: "2.2.12",
        summary: "Clear all entries from the slow log",
        complexity: "O(N) where N is the number of entries in the slowlog",
        tips: "request_policy:all_nodes response_policy:all_succeeded",
        handler: slowlogReset,
      },
      len: {
        arity: 2,
        flags: "admin loading stale",
        acl: "admin slow dangerous",
        since: "2.2.12",
        summary: "Get the slow log's length",
        complexity: "O(1)",
        tips: "request_policy:all_nodes response_policy:agg_sum nondeterministic_output",
        handler: slowlogLen,
      },
    },
  }),
  defineCommand("monitor", {
    arity: 1,
    flags: "admin noscript loading stale",
    acl: "admin slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Listen for all requests received by the server in real time",
    complexity: "",
    handler: monitor,
  }),
  defineCommand("latency", {
    arity: -2,
    acl: "slow",
    group: "server",
    since: "2.8.13",
    summary: "A container for latency diagnostics commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      help: { ...helpSubcommand(LATENCY_HELP, "LATENCY", "2.8.13"), summary: "Show helpful text about the different subcommands." },
      histogram: {
        arity: -2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "7.0.0",
        summary: "Return the cumulative distribution of latencies of a subset of commands or all.",
        complexity: "O(N) where N is the number of commands with latency information being retrieved.",
        tips: "nondeterministic_output request_policy:all_nodes response_policy:special",
        arguments: [{ name: "command", type: "string", optional: true, multiple: true }],
        handler: latencyHistogram,
      },
      latest: {
        arity: 2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.13",
        summary: "Return the latest latency samples for all events.",
        complexity: "O(1)",
        tips: "nondeterministic_output request_policy:all_nodes response_policy:special",
        handler: latencyLatest,
      },
      graph: {
        arity: 3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.13",
        summary: "Return a latency graph for the event.",
        complexity: "O(1)",
        tips: "nondeterministic_output request_policy:all_nodes response_policy:special",
        arguments: [{ name: "event", type: "string" }],
        handler: latencyGraph,
      },
      doctor: {
        arity: 2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.13",
        summary: "Return a human readable latency analysis report.",
        complexity: "O(1)",
        tips: "nondeterministic_output request_policy:all_nodes response_policy:special",
        handler: latencyDoctor,
      },
      reset: {
        arity: -2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.13",
        summary: "Reset latency data for one or more events.",
        complexity: "O(1)",
        tips: "request_policy:all_nodes response_policy:all_succeeded",
        arguments: [{ name: "event", type: "string", optional: true, multiple: true }],
        handler: latencyReset,
      },
      history: {
        arity: 3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous",
        since: "2.8.13",
        summary: "Return timestamp-latency samples for the event.",
        complexity: "O(1)",
        tips: "nondeterministic_output request_policy:all_nodes response_policy:special",
        arguments: [{ name: "event", type: "string" }],
        handler: latencyHistory,
      },
    },
  }),
  defineCommand("swapdb", {
    arity: 3,
    flags: "write fast",
    acl: "keyspace write fast dangerous",
    group: "server",
    since: "4.0.0",
    summary: "Swaps two Redis databases",
    complexity: "O(N) where N is the count of clients watching or blocking on keys from both databases.",
    arguments: [
      { name: "index1", type: "integer" },
      { name: "index2", type: "integer" },
    ],
    handler: swapdb,
  }),
  defineCommand("debug", {
    arity: -2,
    flags: "admin noscript loading stale",
    acl: "admin slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "A container for debugging commands",
    complexity: "Depends on subcommand.",
    docFlags: ["syscmd"],
    handler: debug,
  }),
  defineCommand("shutdown", {
    arity: -1,
    flags: "admin noscript loading stale no_multi allow_busy",
    acl: "admin slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Synchronously save the dataset to disk and then shut down the server",
    complexity: "O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)",
    history: [["7.0.0", "Added the `NOW`, `FORCE` and `ABORT` modifiers."]],
    arguments: [
      {
        name: "nosave_save",
        type: "oneof",
        optional: true,
        arguments: [
          { name: "nosave", type: "pure-token", token: "NOSAVE" },
          { name: "save", type: "pure-token", token: "SAVE" },
        ],
      },
      { name: "now", type: "pure-token", token: "NOW", optional: true, since: "7.0.0" },
      { name: "force", type: "pure-token", token: "FORCE", optional: true, since: "7.0.0" },
      { name: "abort", type: "pure-token", token: "ABORT", optional: true, since: "7.0.0" },
    ],
    handler: shutdown,
  }),
  defineCommand("lastsave", {
    arity: 1,
    flags: "loading stale fast",
    acl: "admin fast dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Get the UNIX time stamp of the last successful save to disk",
    complexity: "O(1)",
    tips: "nondeterministic_output",
    handler: lastsave,
  }),
  defineCommand("role", {
    arity: 1,
    flags: "noscript loading stale fast",
    acl: "admin fast dangerous",
    group: "server",
    since: "2.8.12",
    summary: "Return the role of the instance in the context of replication",
    complexity: "O(1)",
    handler: role,
  }),
  defineCommand("lolwut", {
    arity: -1,
    flags: "readonly fast",
    acl: "read fast",
    group: "server",
    since: "5.0.0",
    summary: "Display some computer art and the Redis version",
    complexity: "",
    arguments: [{ name: "version", type: "integer", token: "VERSION", optional: true }],
    handler: lolwut,
  }),
];
