/** Connection commands: PING, ECHO, SELECT, QUIT, RESET, AUTH, HELLO, CLIENT (Redis's "connection" group). */
import type { Client } from "../client";
import type { Engine } from "../engine";
import { REDIS_VERSION } from "../engine";
import { errors } from "../errors";
import { ErrorReply, MapReply, OK, PONG, type Reply, SetReply, SimpleString, VerbatimReply } from "../protocol/reply";
import { parseSafeInteger } from "../util/numbers";
import { helpReply, integerArg, isToken } from "./args";
import { type TrackingState, disableTracking, enableTracking, trackingStateOf } from "../tracking";
import { type CommandContext, type CommandSpec, NO_REPLY, type HandlerResult, defineCommand, fullName } from "./spec";

const WRONGPASS = new ErrorReply("WRONGPASS invalid username-password pair or user is disabled.");
const NO_PASSWORD_CONFIGURED = new ErrorReply(
  "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?",
);
const BAD_CLIENT_NAME = new ErrorReply("ERR Client names cannot contain spaces, newlines or special characters.");
const NO_SUCH_CLIENT = new ErrorReply("ERR No such client");
const CLIENT_ID_NOT_POSITIVE = new ErrorReply("ERR client-id should be greater than 0");
const RESET_REPLY = new SimpleString("RESET");

// ---- PING, ECHO, SELECT, QUIT -------------------------------------------------------------

function ping({ client }: CommandContext, argv: string[]): Reply {
  if (argv.length > 2) return errors.wrongArity("ping");
  // A subscribed RESP2 client gets PING's answer in the pub/sub message shape.
  if (client.inPubSubContext) return ["pong", argv[1] ?? ""];
  return argv.length === 2 ? argv[1]! : PONG;
}

function echo(_ctx: CommandContext, argv: string[]): Reply {
  return argv[1]!;
}

function select({ engine, client }: CommandContext, argv: string[]): Reply {
  const index = integerArg(argv[1]!, new ErrorReply("ERR value is not an integer or out of range"));
  if (index < 0 || index >= engine.databases.length) return new ErrorReply("ERR DB index is out of range");
  client.db = engine.databases[index]!;
  return OK;
}

/** QUIT answers OK and closes the connection once the reply is written. */
function quit({ client }: CommandContext): HandlerResult {
  client.reply(OK);
  client.transport.close(true);
  return NO_REPLY;
}

// ---- authentication ---------------------------------------------------------------------

/** Checks a username/password pair against the default user (the only user without ACLs). */
function checkCredentials(engine: Engine, username: string, password: string): boolean {
  if (username !== "default") return false;
  const required = engine.config.get("requirepass");
  return required === "" || password === required;
}

function auth({ engine, client }: CommandContext, argv: string[]): Reply {
  if (argv.length > 3) return errors.syntax;
  if (argv.length === 2 && engine.config.get("requirepass") === "") return NO_PASSWORD_CONFIGURED;
  const [username, password] = argv.length === 3 ? [argv[1]!, argv[2]!] : ["default", argv[1]!];
  if (!checkCredentials(engine, username, password)) return WRONGPASS;
  client.authenticated = true;
  client.user = username;
  return OK;
}

/** Redis accepts names of printable ASCII without spaces (codes 33..126). */
function isValidClientName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 33 || code > 126) return false;
  }
  return true;
}

function hello({ engine, client }: CommandContext, argv: string[]): Reply {
  let protocol = client.protocol;
  if (argv.length >= 2) {
    const requested = parseSafeInteger(argv[1]!);
    if (requested === undefined) return new ErrorReply("ERR Protocol version is not an integer or out of range");
    if (requested < 2 || requested > 3) return new ErrorReply("NOPROTO unsupported protocol version");
    protocol = requested === 2 ? 2 : 3;
  }
  let credentials: [string, string] | undefined;
  let name: string | undefined;
  for (let i = 2; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    if (isToken(argv[i], "AUTH") && remaining >= 2) {
      credentials = [argv[i + 1]!, argv[i + 2]!];
      i += 2;
    } else if (isToken(argv[i], "SETNAME") && remaining >= 1) {
      name = argv[++i]!;
    } else {
      return new ErrorReply(`ERR Syntax error in HELLO option '${argv[i]}'`);
    }
  }
  if (credentials !== undefined) {
    if (!checkCredentials(engine, credentials[0], credentials[1])) return WRONGPASS;
    client.authenticated = true;
    client.user = credentials[0];
  }
  if (!client.authenticated) {
    return new ErrorReply("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
  }
  if (name !== undefined) {
    if (!isValidClientName(name)) return BAD_CLIENT_NAME;
    client.name = name;
  }
  client.protocol = protocol;
  return new MapReply([
    "server", "redis",
    "version", REDIS_VERSION,
    "proto", protocol,
    "id", client.id,
    "mode", "standalone",
    "role", "master",
    "modules", [],
  ]);
}

// ---- RESET --------------------------------------------------------------------------------

/** Drops every subscription of a client without sending unsubscribe confirmations. */
function unsubscribeAll(engine: Engine, client: Client): void {
  for (const channel of client.channels) engine.removeSubscriber(engine.channels, channel, client);
  for (const pattern of client.patterns) engine.removeSubscriber(engine.patterns, pattern, client);
  for (const channel of client.shardChannels) engine.removeSubscriber(engine.shardChannels, channel, client);
  client.channels.clear();
  client.patterns.clear();
  client.shardChannels.clear();
}

/** RESET: the connection state of a freshly connected client, as Redis's clearClientConnectionState. */
function reset({ engine, client }: CommandContext): Reply {
  if (client.monitor) {
    engine.monitors.delete(client);
    client.monitor = false;
  }
  client.transaction = undefined;
  engine.unwatchAll(client);
  client.db = engine.databases[0]!;
  client.protocol = 2;
  client.name = "";
  disableTracking(engine, client);
  unsubscribeAll(engine, client);
  client.replyMode = "on";
  client.noEvict = false;
  client.user = "default";
  client.authenticated = engine.config.get("requirepass") === "";
  return RESET_REPLY;
}

// ---- client tracking ----------------------------------------------------------------------

function clientTracking({ engine, client }: CommandContext, argv: string[]): Reply {
  const status = argv[2]!;
  const on = isToken(status, "ON");
  if (!on && !isToken(status, "OFF")) return errors.syntax;
  const options: TrackingState = { redirect: 0, bcast: false, optin: false, optout: false, noloop: false, prefixes: [], caching: undefined };
  for (let i = 3; i < argv.length; i++) {
    const option = argv[i]!.toUpperCase();
    const hasValue = i + 1 < argv.length;
    if (option === "REDIRECT" && hasValue) {
      if (options.redirect !== 0) return new ErrorReply("ERR A client can only redirect to a single other client");
      const id = parseSafeInteger(argv[++i]!);
      if (id === undefined) return errors.notInteger;
      if (id !== client.id && !engine.clients.has(id)) return new ErrorReply("ERR The client ID you want redirect to does not exist");
      options.redirect = id;
    } else if (option === "BCAST") options.bcast = true;
    else if (option === "OPTIN") options.optin = true;
    else if (option === "OPTOUT") options.optout = true;
    else if (option === "NOLOOP") options.noloop = true;
    else if (option === "PREFIX" && hasValue) options.prefixes.push(argv[++i]!);
    else return errors.syntax;
  }
  if (!on) {
    disableTracking(engine, client);
    return OK;
  }
  const current = trackingStateOf(engine, client);
  if (!options.bcast && options.prefixes.length > 0) return new ErrorReply("ERR PREFIX option requires BCAST mode to be enabled");
  if (current !== undefined && current.bcast !== options.bcast) {
    return new ErrorReply("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.");
  }
  if (options.bcast && (options.optin || options.optout)) return new ErrorReply("ERR OPTIN and OPTOUT are not compatible with BCAST");
  if (options.optin && options.optout) return new ErrorReply("ERR You can't specify both OPTIN mode and OPTOUT mode");
  if (current !== undefined && ((options.optin && current.optout) || (options.optout && current.optin))) {
    return new ErrorReply("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.");
  }
  if (options.bcast) {
    const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
    const existing = current?.prefixes ?? [];
    const added = options.prefixes;
    for (let i = 0; i < added.length; i++) {
      const clash = existing.find((prefix) => overlaps(added[i]!, prefix));
      if (clash !== undefined) {
        return new ErrorReply(`ERR Prefix '${added[i]}' overlaps with an existing prefix '${clash}'. Prefixes for a single client must not overlap.`);
      }
      for (let j = i + 1; j < added.length; j++) {
        if (overlaps(added[i]!, added[j]!)) {
          return new ErrorReply(`ERR Prefix '${added[i]}' overlaps with another provided prefix '${added[j]}'. Prefixes for a single client must not overlap.`);
        }
      }
    }
    // BCAST without PREFIX tracks every key: the empty prefix.
    const all = [...existing, ...added];
    options.prefixes = all.length === 0 ? [""] : all;
  }
  enableTracking(engine, client, options);
  return OK;
}

function clientCaching({ engine, client }: CommandContext, argv: string[]): Reply {
  const state = trackingStateOf(engine, client);
  if (state === undefined || (!state.optin && !state.optout)) {
    return new ErrorReply("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled");
  }
  const mode = argv[2]!.toUpperCase();
  if (mode === "YES") {
    if (!state.optin) return new ErrorReply("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
    state.caching = "yes";
  } else if (mode === "NO") {
    if (!state.optout) return new ErrorReply("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
    state.caching = "no";
  } else {
    return errors.syntax;
  }
  return OK;
}

function clientGetredir({ engine, client }: CommandContext): Reply {
  return trackingStateOf(engine, client)?.redirect ?? -1;
}

function clientTrackinginfo({ engine, client }: CommandContext): Reply {
  const state = trackingStateOf(engine, client);
  const flags: string[] = [];
  if (state === undefined) flags.push("off");
  else {
    flags.push("on");
    if (state.bcast) flags.push("bcast");
    if (state.optin) flags.push("optin");
    if (state.caching === "yes") flags.push("caching-yes");
    if (state.optout) flags.push("optout");
    if (state.caching === "no") flags.push("caching-no");
    if (state.noloop) flags.push("noloop");
  }
  return new MapReply(["flags", new SetReply(flags), "redirect", state?.redirect ?? -1, "prefixes", state?.prefixes ?? []]);
}

// ---- CLIENT LIST / INFO -----------------------------------------------------------------

type ClientType = "normal" | "replica" | "pubsub" | "master";

function clientType(client: Client): ClientType {
  if (client.monitor) return "replica";
  return client.subscriptionCount > 0 ? "pubsub" : "normal";
}

/** The TYPE argument of CLIENT LIST/KILL ("slave" is the old name of "replica"). */
function parseClientType(text: string): ClientType | undefined {
  const lower = text.toLowerCase();
  if (lower === "slave") return "replica";
  return lower === "normal" || lower === "replica" || lower === "pubsub" || lower === "master" ? lower : undefined;
}

function clientFlags(engine: Engine, client: Client): string {
  let flags = "";
  if (client.monitor) flags += "O";
  if (client.subscriptionCount > 0) flags += "P";
  if (client.transaction) flags += "x";
  if (client.blocked) flags += "b";
  const state = trackingStateOf(engine, client);
  if (state) flags += state.redirect !== 0 && !engine.clients.has(state.redirect) ? "tR" : state.bcast ? "tB" : "t";
  if (client.watchInvalidated) flags += "d";
  if (client.closing) flags += "c";
  if (client.transport.kind === "unix") flags += "U";
  if (client.noEvict) flags += "e";
  return flags === "" ? "N" : flags;
}

function argvBytes(argv: string[]): number {
  let bytes = 0;
  for (const arg of argv) bytes += arg.length;
  return bytes;
}

/** One CLIENT LIST line, with Redis 7.0's fields in its order (no trailing newline). */
export function clientInfoLine(engine: Engine, client: Client): string {
  const now = engine.clock.now();
  const queryBuffer = client.transport.pendingInputBytes();
  const outputMemory = client.transport.pendingOutputBytes();
  let multiMemory = 0;
  for (const queued of client.transaction?.queue ?? []) multiMemory += argvBytes(queued.argv);
  const command = client.currentCommand ?? client.blocked?.spec;
  const state = trackingStateOf(engine, client);
  const readBuffer = 16384;
  return (
    `id=${client.id} addr=${client.transport.remoteAddress} laddr=${client.transport.localAddress} fd=${client.transport.kind === "local" ? -1 : client.id + 7}` +
    ` name=${client.name} age=${Math.floor((now - client.createdAt) / 1000)} idle=${Math.floor((now - client.lastInteraction) / 1000)}` +
    ` flags=${clientFlags(engine, client)} db=${client.db.id} sub=${client.channels.size} psub=${client.patterns.size} ssub=${client.shardChannels.size}` +
    ` multi=${client.transaction ? client.transaction.queue.length : -1} qbuf=${queryBuffer} qbuf-free=${queryBuffer > 0 ? Math.max(0, 20474 - queryBuffer) : 0}` +
    ` argv-mem=${client.blocked ? argvBytes(client.blocked.argv) : 0} multi-mem=${multiMemory} rbs=${readBuffer} rbp=${readBuffer}` +
    ` obl=0 oll=${outputMemory > 0 ? 1 : 0} omem=${outputMemory} tot-mem=${22400 + readBuffer + queryBuffer + outputMemory + multiMemory}` +
    ` events=${outputMemory > 0 ? "rw" : "r"} cmd=${command ? fullName(command) : client.lastCommand} user=${client.user}` +
    ` redir=${state ? state.redirect || -1 : -1} resp=${client.protocol}`
  );
}

function clientList({ engine }: CommandContext, argv: string[]): Reply {
  let clients: Iterable<Client> = engine.clients.values();
  if (argv.length === 4 && isToken(argv[2], "TYPE")) {
    const type = parseClientType(argv[3]!);
    if (type === undefined) return new ErrorReply(`ERR Unknown client type '${argv[3]}'`);
    clients = [...engine.clients.values()].filter((client) => clientType(client) === type);
  } else if (argv.length > 3 && isToken(argv[2], "ID")) {
    const ids: number[] = [];
    for (const text of argv.slice(3)) {
      const id = parseSafeInteger(text);
      if (id === undefined) return new ErrorReply("ERR Invalid client ID");
      ids.push(id);
    }
    clients = ids.map((id) => engine.clients.get(id)).filter((client): client is Client => client !== undefined);
  } else if (argv.length !== 2) {
    return errors.syntax;
  }
  let text = "";
  for (const client of clients) text += `${clientInfoLine(engine, client)}\n`;
  return new VerbatimReply(text);
}

function clientInfo({ engine, client }: CommandContext): Reply {
  return new VerbatimReply(`${clientInfoLine(engine, client)}\n`);
}

// ---- CLIENT KILL ------------------------------------------------------------------------

interface KillFilter {
  id?: number;
  type?: ClientType;
  user?: string;
  addr?: string;
  laddr?: string;
  skipMe: boolean;
}

function parseKillFilter(argv: string[]): KillFilter | ErrorReply {
  const filter: KillFilter = { skipMe: true };
  if ((argv.length - 2) % 2 !== 0) return errors.syntax;
  for (let i = 2; i < argv.length; i += 2) {
    const option = argv[i]!.toUpperCase();
    const value = argv[i + 1]!;
    if (option === "ID") {
      const id = parseSafeInteger(value);
      if (id === undefined || id <= 0) return CLIENT_ID_NOT_POSITIVE;
      filter.id = id;
    } else if (option === "TYPE") {
      const type = parseClientType(value);
      if (type === undefined) return new ErrorReply(`ERR Unknown client type '${value}'`);
      filter.type = type;
    } else if (option === "ADDR") filter.addr = value;
    else if (option === "LADDR") filter.laddr = value;
    else if (option === "USER") {
      // Only the default user exists until ACLs do.
      if (value !== "default") return new ErrorReply(`ERR No such user '${value}'`);
      filter.user = value;
    } else if (option === "SKIPME") {
      const lower = value.toLowerCase();
      if (lower !== "yes" && lower !== "no") return errors.syntax;
      filter.skipMe = lower === "yes";
    } else return errors.syntax;
  }
  return filter;
}

function matchesKillFilter(filter: KillFilter, client: Client, caller: Client): boolean {
  if (filter.id !== undefined && client.id !== filter.id) return false;
  if (filter.type !== undefined && clientType(client) !== filter.type) return false;
  if (filter.user !== undefined && client.user !== filter.user) return false;
  if (filter.addr !== undefined && client.transport.remoteAddress !== filter.addr) return false;
  if (filter.laddr !== undefined && client.transport.localAddress !== filter.laddr) return false;
  return !(filter.skipMe && client === caller);
}

/** Closes a client; the caller itself is closed only after this command's reply is out. */
function killClient(client: Client, caller: Client): void {
  if (client === caller) queueMicrotask(() => client.transport.close(true));
  else client.transport.close(false);
}

function clientKill({ engine, client: caller }: CommandContext, argv: string[]): Reply {
  if (argv.length === 3) {
    const address = argv[2]!;
    const target = [...engine.clients.values()].find((client) => client.transport.remoteAddress === address);
    if (target === undefined) return NO_SUCH_CLIENT;
    killClient(target, caller);
    return OK;
  }
  const filter = parseKillFilter(argv);
  if (filter instanceof ErrorReply) return filter;
  let killed = 0;
  for (const client of [...engine.clients.values()]) {
    if (!matchesKillFilter(filter, client, caller)) continue;
    killClient(client, caller);
    killed++;
  }
  return killed;
}

// ---- CLIENT PAUSE / UNPAUSE / UNBLOCK / REPLY ---------------------------------------------

/** Pauses clients until `until` (ms); a pause in force is extended and only ever made stricter. */
export function pauseClients(engine: Engine, until: number, writesOnly: boolean): void {
  const current = engine.pause;
  if (current !== undefined) {
    engine.clock.clearTimer(current.timer);
    until = Math.max(until, current.until);
    writesOnly = writesOnly && current.writesOnly;
  }
  const timer = engine.clock.setTimer(until - engine.clock.now(), () => unpauseClients(engine));
  engine.pause = { until, writesOnly, timer };
}

/** Ends a pause and runs the commands paused clients sent meanwhile, in arrival order per client. */
export function unpauseClients(engine: Engine): void {
  if (engine.pause === undefined) return;
  engine.clock.clearTimer(engine.pause.timer);
  engine.pause = undefined;
  for (const client of [...engine.clients.values()]) engine.resume(client);
  engine.serveBlockedClients();
}

/** What CLIENT answers when a subcommand gets more arguments than it can take. */
function tooManyClientArguments(subcommand: string): ErrorReply {
  return new ErrorReply(`ERR unknown subcommand or wrong number of arguments for '${subcommand}'. Try CLIENT HELP.`);
}

function clientPause({ engine }: CommandContext, argv: string[]): Reply {
  if (argv.length > 4) return tooManyClientArguments(argv[1]!);
  const timeout = parseSafeInteger(argv[2]!);
  if (timeout === undefined) return new ErrorReply("ERR timeout is not an integer or out of range");
  if (timeout < 0) return new ErrorReply("ERR timeout is negative");
  let writesOnly = false;
  if (argv.length === 4) {
    const mode = argv[3]!.toUpperCase();
    if (mode === "WRITE") writesOnly = true;
    else if (mode !== "ALL") return new ErrorReply("ERR CLIENT PAUSE mode must be WRITE or ALL");
  }
  pauseClients(engine, engine.clock.now() + timeout, writesOnly);
  return OK;
}

function clientUnpause({ engine }: CommandContext): Reply {
  // Paused commands run after this reply, as they would on Redis's next event loop turn.
  queueMicrotask(() => unpauseClients(engine));
  return OK;
}

function clientUnblock({ engine }: CommandContext, argv: string[]): Reply {
  if (argv.length > 4) return tooManyClientArguments(argv[1]!);
  const id = parseSafeInteger(argv[2]!);
  if (id === undefined) return errors.notInteger;
  let withError = false;
  if (argv.length === 4) {
    const reason = argv[3]!.toUpperCase();
    if (reason === "ERROR") withError = true;
    else if (reason !== "TIMEOUT") return new ErrorReply("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
  }
  const target = engine.clients.get(id);
  const state = target?.blocked;
  if (target === undefined || state === undefined) return 0;
  engine.unblock(target);
  target.reply(withError ? new ErrorReply("UNBLOCKED client unblocked via CLIENT UNBLOCK") : state.timeoutReply());
  queueMicrotask(() => engine.resume(target));
  return 1;
}

function clientReply({ client }: CommandContext, argv: string[]): HandlerResult {
  const mode = argv[2]!.toUpperCase();
  if (mode === "ON") {
    client.replyMode = "on";
    return OK;
  }
  if (mode === "OFF") {
    client.replyMode = "off";
    return NO_REPLY;
  }
  if (mode === "SKIP") {
    if (client.replyMode !== "off") client.replyMode = "skip";
    return NO_REPLY;
  }
  return errors.syntax;
}

// ---- small CLIENT subcommands -----------------------------------------------------------

function clientId({ client }: CommandContext): Reply {
  return client.id;
}

function clientSetname({ client }: CommandContext, argv: string[]): Reply {
  const name = argv[2]!;
  if (!isValidClientName(name)) return BAD_CLIENT_NAME;
  client.name = name;
  return OK;
}

function clientGetname({ client }: CommandContext): Reply {
  return client.name === "" ? null : client.name;
}

function clientNoEvict({ client }: CommandContext, argv: string[]): Reply {
  const mode = argv[2]!.toUpperCase();
  if (mode !== "ON" && mode !== "OFF") return errors.syntax;
  client.noEvict = mode === "ON";
  return OK;
}

const CLIENT_HELP = [
  "CACHING (YES|NO)",
  "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
  "GETREDIR",
  "    Return the client ID we are redirecting to when tracking is enabled.",
  "GETNAME",
  "    Return the name of the current connection.",
  "ID",
  "    Return the ID of the current connection.",
  "INFO",
  "    Return information about the current client connection.",
  "KILL <ip:port>",
  "    Kill connection made from <ip:port>.",
  "KILL <option> <value> [<option> <value> [...]]",
  "    Kill connections. Options are:",
  "    * ADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made from the specified address",
  "    * LADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made to specified local address",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Kill connections by type.",
  "    * USER <username>",
  "      Kill connections authenticated by <username>.",
  "    * SKIPME (YES|NO)",
  "      Skip killing current connection (default: yes).",
  "LIST [options ...]",
  "    Return information about client connections. Options:",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Return clients of specified type.",
  "UNPAUSE",
  "    Stop the current client pause, resuming traffic.",
  "PAUSE <timeout> [WRITE|ALL]",
  "    Suspend all, or just write, clients for <timeout> milliseconds.",
  "REPLY (ON|OFF|SKIP)",
  "    Control the replies sent to the current connection.",
  "SETNAME <name>",
  "    Assign the name <name> to the current connection.",
  "UNBLOCK <clientid> [TIMEOUT|ERROR]",
  "    Unblock the specified blocked client.",
  "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
  "         [OPTIN] [OPTOUT] [NOLOOP]",
  "    Control server assisted client side caching.",
  "TRACKINGINFO",
  "    Report tracking status for the current connection.",
  "NO-EVICT (ON|OFF)",
  "    Protect current client connection from eviction.",
];

function clientHelp(): Reply {
  return helpReply("CLIENT", CLIENT_HELP);
}

const clientTypeArgument = (name: string, withSlave: boolean) => ({
  name,
  type: "oneof" as const,
  token: "TYPE",
  optional: true,
  arguments: [
    { name: "normal", type: "pure-token" as const, token: "NORMAL" },
    { name: "master", type: "pure-token" as const, token: "MASTER", ...(withSlave ? { since: "3.2.0" } : {}) },
    ...(withSlave ? [{ name: "slave", type: "pure-token" as const, token: "SLAVE" }] : []),
    { name: "replica", type: "pure-token" as const, token: "REPLICA", ...(withSlave ? { since: "5.0.0" } : {}) },
    { name: "pubsub", type: "pure-token" as const, token: "PUBSUB" },
  ],
});

export const commands: CommandSpec[] = [
  defineCommand("ping", {
    arity: -1,
    flags: "fast",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Ping the server",
    complexity: "O(1)",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    arguments: [{ name: "message", type: "string", optional: true }],
    handler: ping,
  }),
  defineCommand("echo", {
    arity: 2,
    flags: "loading stale fast",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Echo the given string",
    complexity: "O(1)",
    arguments: [{ name: "message", type: "string" }],
    handler: echo,
  }),
  defineCommand("select", {
    arity: 2,
    flags: "loading stale fast",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Change the selected database for the current connection",
    complexity: "O(1)",
    arguments: [{ name: "index", type: "integer" }],
    handler: select,
  }),
  defineCommand("quit", {
    arity: -1,
    flags: "noscript loading stale fast no_auth allow_busy",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Close the connection",
    complexity: "O(1)",
    handler: quit,
  }),
  defineCommand("reset", {
    arity: 1,
    flags: "noscript loading stale fast no_auth allow_busy",
    acl: "fast connection",
    group: "connection",
    since: "6.2.0",
    summary: "Reset the connection",
    complexity: "O(1)",
    handler: reset,
  }),
  defineCommand("auth", {
    arity: -2,
    flags: "noscript loading stale fast no_auth allow_busy",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Authenticate to the server",
    complexity: "O(N) where N is the number of passwords defined for the user",
    history: [["6.0.0", "Added ACL style (username and password)."]],
    arguments: [
      { name: "username", type: "string", optional: true, since: "6.0.0" },
      { name: "password", type: "string" },
    ],
    handler: auth,
  }),
  defineCommand("hello", {
    arity: -1,
    flags: "noscript loading stale fast no_auth allow_busy",
    acl: "fast connection",
    group: "connection",
    since: "6.0.0",
    summary: "Handshake with Redis",
    complexity: "O(1)",
    history: [["6.2.0", "`protover` made optional; when called without arguments the command reports the current connection's context."]],
    arguments: [
      {
        name: "arguments",
        type: "block",
        optional: true,
        arguments: [
          { name: "protover", type: "integer" },
          {
            name: "username_password",
            type: "block",
            token: "AUTH",
            optional: true,
            arguments: [
              { name: "username", type: "string" },
              { name: "password", type: "string" },
            ],
          },
          { name: "clientname", type: "string", token: "SETNAME", optional: true },
        ],
      },
    ],
    handler: hello,
  }),
  defineCommand("client", {
    arity: -2,
    acl: "slow",
    group: "connection",
    since: "2.4.0",
    summary: "A container for client connection commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      getname: {
        arity: 2,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "2.6.9",
        summary: "Get the current connection name",
        complexity: "O(1)",
        handler: clientGetname,
      },
      kill: {
        arity: -3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "2.4.0",
        summary: "Kill the connection of a client",
        complexity: "O(N) where N is the number of client connections",
        history: [
          ["2.8.12", "Added new filter format."],
          ["2.8.12", "`ID` option."],
          ["3.2.0", "Added `master` type in for `TYPE` option."],
          ["5.0.0", "Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility."],
          ["6.2.0", "`LADDR` option."],
        ],
        arguments: [
          {
            name: "filter",
            type: "oneof",
            arguments: [
              { name: "ip:port", type: "string", deprecatedSince: "2.8.12" },
              {
                name: "new-format",
                type: "oneof",
                multiple: true,
                arguments: [
                  { name: "client-id", type: "integer", token: "ID", optional: true, since: "2.8.12" },
                  { ...clientTypeArgument("normal_master_slave_pubsub", true), since: "2.8.12" },
                  { name: "username", type: "string", token: "USER", optional: true },
                  { name: "ip:port", type: "string", token: "ADDR", optional: true },
                  { name: "ip:port", type: "string", token: "LADDR", optional: true, since: "6.2.0" },
                  { name: "yes/no", type: "string", token: "SKIPME", optional: true },
                ],
              },
            ],
          },
        ],
        handler: clientKill,
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "slow connection",
        since: "5.0.0",
        summary: "Show helpful text about the different subcommands",
        complexity: "O(1)",
        handler: clientHelp,
      },
      caching: {
        arity: 3,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "6.0.0",
        summary: "Instruct the server about tracking or not keys in the next request",
        complexity: "O(1)",
        arguments: [
          {
            name: "mode",
            type: "oneof",
            arguments: [
              { name: "yes", type: "pure-token", token: "YES" },
              { name: "no", type: "pure-token", token: "NO" },
            ],
          },
        ],
        handler: clientCaching,
      },
      unblock: {
        arity: -3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "5.0.0",
        summary: "Unblock a client blocked in a blocking command from a different connection",
        complexity: "O(log N) where N is the number of client connections",
        arguments: [
          { name: "client-id", type: "integer" },
          {
            name: "timeout_error",
            type: "oneof",
            optional: true,
            arguments: [
              { name: "timeout", type: "pure-token", token: "TIMEOUT" },
              { name: "error", type: "pure-token", token: "ERROR" },
            ],
          },
        ],
        handler: clientUnblock,
      },
      info: {
        arity: 2,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "6.2.0",
        summary: "Returns information about the current client connection.",
        complexity: "O(1)",
        tips: "nondeterministic_output",
        handler: clientInfo,
      },
      setname: {
        arity: 3,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "2.6.9",
        summary: "Set the current connection name",
        complexity: "O(1)",
        arguments: [{ name: "connection-name", type: "string" }],
        handler: clientSetname,
      },
      "no-evict": {
        arity: 3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "7.0.0",
        summary: "Set client eviction mode for the current connection",
        complexity: "O(1)",
        arguments: [
          {
            name: "enabled",
            type: "oneof",
            arguments: [
              { name: "on", type: "pure-token", token: "ON" },
              { name: "off", type: "pure-token", token: "OFF" },
            ],
          },
        ],
        handler: clientNoEvict,
      },
      trackinginfo: {
        arity: 2,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "6.2.0",
        summary: "Return information about server assisted client side caching for the current connection",
        complexity: "O(1)",
        handler: clientTrackinginfo,
      },
      id: {
        arity: 2,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "5.0.0",
        summary: "Returns the client ID for the current connection",
        complexity: "O(1)",
        handler: clientId,
      },
      getredir: {
        arity: 2,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "6.0.0",
        summary: "Get tracking notifications redirection client ID if any",
        complexity: "O(1)",
        handler: clientGetredir,
      },
      list: {
        arity: -2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "2.4.0",
        summary: "Get the list of client connections",
        complexity: "O(N) where N is the number of client connections",
        tips: "nondeterministic_output",
        history: [
          ["2.8.12", "Added unique client `id` field."],
          ["5.0.0", "Added optional `TYPE` filter."],
          ["6.0.0", "Added `user` field."],
          ["6.2.0", "Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter."],
          ["7.0.0", "Added `resp`, `multi-mem`, `rbs` and `rbp` fields."],
          ["7.0.3", "Added `ssub` field."],
        ],
        arguments: [
          { ...clientTypeArgument("normal_master_replica_pubsub", false), since: "5.0.0" },
          {
            name: "id",
            type: "block",
            token: "ID",
            optional: true,
            since: "6.2.0",
            arguments: [{ name: "client-id", type: "integer", multiple: true }],
          },
        ],
        handler: clientList,
      },
      reply: {
        arity: 3,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "3.2.0",
        summary: "Instruct the server whether to reply to commands",
        complexity: "O(1)",
        arguments: [
          {
            name: "on_off_skip",
            type: "oneof",
            arguments: [
              { name: "on", type: "pure-token", token: "ON" },
              { name: "off", type: "pure-token", token: "OFF" },
              { name: "skip", type: "pure-token", token: "SKIP" },
            ],
          },
        ],
        handler: clientReply,
      },
      pause: {
        arity: -3,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "2.9.50",
        summary: "Stop processing commands from clients for some time",
        complexity: "O(1)",
        history: [["6.2.0", "`CLIENT PAUSE WRITE` mode added along with the `mode` option."]],
        arguments: [
          { name: "timeout", type: "integer" },
          {
            name: "mode",
            type: "oneof",
            optional: true,
            since: "6.2.0",
            arguments: [
              { name: "write", type: "pure-token", token: "WRITE" },
              { name: "all", type: "pure-token", token: "ALL" },
            ],
          },
        ],
        handler: clientPause,
      },
      unpause: {
        arity: 2,
        flags: "admin noscript loading stale",
        acl: "admin slow dangerous connection",
        since: "6.2.0",
        summary: "Resume processing of clients that were paused",
        complexity: "O(N) Where N is the number of paused clients",
        handler: clientUnpause,
      },
      tracking: {
        arity: -3,
        flags: "noscript loading stale",
        acl: "slow connection",
        since: "6.0.0",
        summary: "Enable or disable server assisted client side caching support",
        complexity: "O(1). Some options may introduce additional complexity.",
        arguments: [
          {
            name: "status",
            type: "oneof",
            arguments: [
              { name: "on", type: "pure-token", token: "ON" },
              { name: "off", type: "pure-token", token: "OFF" },
            ],
          },
          { name: "client-id", type: "integer", token: "REDIRECT", optional: true },
          { name: "prefix", type: "string", token: "PREFIX", optional: true, multiple: true, multipleToken: true },
          { name: "bcast", type: "pure-token", token: "BCAST", optional: true },
          { name: "optin", type: "pure-token", token: "OPTIN", optional: true },
          { name: "optout", type: "pure-token", token: "OPTOUT", optional: true },
          { name: "noloop", type: "pure-token", token: "NOLOOP", optional: true },
        ],
        handler: clientTracking,
      },
    },
  }),
];
