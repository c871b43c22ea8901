import { randomBytes } from "node:crypto";
import { type BlockedState, Client, type ClientTransport } from "./client";
import { type Clock, RealClock, type TimerHandle, epochFromMonotonic } from "./clock";
import { commandTable } from "./commands/table";
import { BLOCKED, type CommandContext, type CommandSpec, type HandlerResult, NO_REPLY, fullName } from "./commands/spec";
import { Config } from "./config";
import { LatencyMonitor } from "./latency";
import { Database, type KeyspaceHost } from "./database";
import { CommandError, errors, unknownCommand } from "./errors";
import { LocalClient } from "./local-client";
import type { RedisObject } from "./object";
import { ErrorReply, PushReply, QUEUED, type Reply, SimpleString } from "./protocol/reply";
import { globMatch } from "./util/glob";
import { lfuAccessed, lfuInitial } from "./util/lfu";
import { OOM_ERROR, performEvictions } from "./eviction";

/** The Redis version this engine reports and matches behaviour with (INFO, HELLO). */
export const REDIS_VERSION = "7.0.15";

export interface EngineOptions {
  /** Time source; defaults to the real clock. Use a VirtualClock in graders and tests. */
  clock?: Clock;
  /** Config parameters by name, as in redis.conf (e.g. `{ requirepass: "secret" }`). */
  config?: Record<string, string>;
  /** Random source for RANDOMKEY, SPOP, eviction sampling...; seedable for tests. */
  random?: () => number;
}

export interface CommandStats {
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

export interface SlowlogEntry {
  id: number;
  timestamp: number;
  durationUs: number;
  argv: string[];
  clientAddress: string;
  clientName: string;
}

/** Commands Redis still accepts inside MULTI when out of memory (the rest are refused, not queued). */
const ALLOWED_IN_MULTI_WHEN_OOM = new Set(["exec", "discard", "quit", "reset"]);
/** Commands a client inside MULTI runs at once instead of queueing. */
const TRANSACTION_CONTROL = new Set(["exec", "discard", "multi", "watch", "quit", "reset"]);
/** Commands a RESP2 client may run while subscribed. */
const PUBSUB_CONTEXT = new Set(["subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe", "ping", "quit", "reset"]);

/** Keyspace notification classes (notify-keyspace-events letters). */
export type NotifyClass = "g" | "$" | "l" | "s" | "h" | "z" | "x" | "e" | "t" | "m" | "d" | "n";

/** A Redis-compatible server's state and command execution, independent of any transport. */
export class Engine implements KeyspaceHost {
  readonly clock: Clock;
  readonly config: Config;
  readonly databases: Database[];
  readonly random: () => number;
  readonly runId = randomBytes(20).toString("hex");
  readonly startedAt: number;
  readonly commands: Map<string, CommandSpec> = commandTable;
  readonly clients = new Map<number, Client>();
  readonly stats = {
    keyspaceHits: 0,
    keyspaceMisses: 0,
    expiredKeys: 0,
    evictedKeys: 0,
    totalCommands: 0,
    totalConnections: 0,
    rejectedConnections: 0,
    netInputBytes: 0,
    netOutputBytes: 0,
    expiredStaleKeys: 0,
    totalErrorReplies: 0,
  };
  readonly commandStats = new Map<string, CommandStats>();
  readonly errorStats = new Map<string, number>();
  readonly slowlog: SlowlogEntry[] = [];
  private nextSlowlogId = 0;
  readonly monitors = new Set<Client>();
  /** Channel and pattern subscribers. */
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();
  /** Shard channel subscribers (SSUBSCRIBE); separate from `channels` as in Redis 7. */
  readonly shardChannels = new Map<string, Set<Client>>();
  /** Keys watched by clients, per database. */
  private readonly watchedKeys = new Map<Database, Map<string, Set<Client>>>();
  /** Clients blocked on each key, per database, in the order they blocked (fair wake-up). */
  private readonly blockedOnKeys = new Map<Database, Map<string, Client[]>>();
  private readonly readyKeys = new Map<Database, Set<string>>();
  /** Hooks other subsystems register to hear about every write (tracking, persistence...). */
  private readonly keyModifiedListeners: ((db: Database, key: string) => void)[] = [];
  /** Hooks run after every command (client tracking remembers the keys a read touched). */
  readonly commandListeners: ((client: Client, spec: CommandSpec, argv: string[]) => void)[] = [];
  /** The client whose command is running, for hooks that need the writer (tracking's NOLOOP). */
  currentClient: Client | undefined;
  /** LATENCY's event samples (commands slower than latency-monitor-threshold). */
  readonly latency: LatencyMonitor;
  /** The time frozen for the duration of a command, transaction or script, as in Redis 7. */
  private commandTime: number | undefined;
  private nestingDepth = 0;
  /** Command names as clients spell them ("GET", "get"), resolved once. */
  private readonly commandsBySpelling = new Map<string, CommandSpec>();
  /** slowlog-log-slower-than, kept current by a config listener (read on every command). */
  private slowlogThreshold: number;
  private nextClientId = 1;
  private cronTimer: TimerHandle | undefined;
  /** ops/sec samples taken by the cron, like Redis's instantaneous_ops_per_sec. */
  private readonly opsSamples: number[] = [];
  private lastSample = { time: 0, commands: 0 };
  /** CLIENT PAUSE: until when, and whether only writes are paused. */
  pause: { until: number; writesOnly: boolean; timer: TimerHandle } | undefined;
  private closed = false;
  /** Whether maxmemory-policy is an LFU one: object access then updates LFU counters. */
  private lfuPolicy: boolean;
  /** Set by a hosting process so SHUTDOWN can stop it (the standalone server sets it). */
  onShutdown: (() => void) | undefined;
  /**
   * Set while a script that outran busy-reply-threshold runs on in slices: commands without the
   * allow_busy flag get this reply (BUSY ...), and the cron waits, as in Redis.
   */
  busyReply: ErrorReply | undefined;
  /** The config file the server was started with (INFO config_file, CONFIG REWRITE). */
  configFile: string | undefined;
  /** DEBUG SET-ACTIVE-EXPIRE 0 turns the cron's active expiry off (tests use it). */
  activeExpireEnabled = true;
  /** maxmemory, cached: every command checks it. */
  private maxmemory: number;
  /** Whether memory was over maxmemory (after eviction) when the running command started; scripts check it. */
  preCommandOutOfMemory = false;
  /** notify-keyspace-events with the `A` alias expanded, kept in step with CONFIG SET. */
  private notifyClasses: string;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? new RealClock();
    this.config = new Config(options.config);
    this.latency = new LatencyMonitor(this.config, this.clock);
    this.random = options.random ?? Math.random;
    this.startedAt = this.clock.now();
    this.databases = Array.from({ length: this.config.getNumber("databases") }, (_, id) => new Database(id, this));
    this.lastSample = { time: this.startedAt, commands: 0 };
    this.scheduleCron();
    this.config.onChange("hz", () => this.scheduleCron());
    this.slowlogThreshold = this.config.getNumber("slowlog-log-slower-than");
    this.config.onChange("slowlog-log-slower-than", (value) => (this.slowlogThreshold = Number(value)));
    this.lfuPolicy = this.config.get("maxmemory-policy").endsWith("-lfu");
    this.config.onChange("maxmemory-policy", (value) => (this.lfuPolicy = value.endsWith("-lfu")));
    this.maxmemory = this.config.getNumber("maxmemory");
    this.config.onChange("maxmemory", (value) => {
      this.maxmemory = Number(value);
      // CONFIG SET maxmemory evicts at once, as Redis's updateMaxmemory does.
      performEvictions(this);
    });
    this.notifyClasses = expandNotifyClasses(this.config.get("notify-keyspace-events"));
    this.config.onChange("notify-keyspace-events", (value) => (this.notifyClasses = expandNotifyClasses(value)));
  }

  // ---- time -------------------------------------------------------------------------------

  /** Current time in ms: the frozen command time while a command runs, else the clock. */
  now(): number {
    return this.commandTime ?? this.clock.now();
  }

  /**
   * Runs `fn` as part of a command that started at `at`: time stays frozen there, as for a
   * script that went busy and resumes in later turns of the event loop.
   */
  withCommandTime<T>(at: number, fn: () => T): T {
    const previous = this.commandTime;
    this.commandTime = at;
    this.nestingDepth++;
    try {
      return fn();
    } finally {
      this.nestingDepth--;
      this.commandTime = previous;
    }
  }

  // ---- clients ----------------------------------------------------------------------------

  createClient(transport: ClientTransport): Client {
    const client = new Client(this.nextClientId++, this.databases[0]!, transport, this.clock.now());
    client.authenticated = this.config.get("requirepass") === "";
    this.clients.set(client.id, client);
    this.stats.totalConnections++;
    return client;
  }

  /** Opens an in-process connection (graders, the web app, tests). */
  connect(name = "local:0"): LocalClient {
    return new LocalClient(this, name);
  }

  /** Forgets a disconnected client: its watches, subscriptions, blocking and monitor state. */
  removeClient(client: Client): void {
    if (!this.clients.delete(client.id)) return;
    client.closing = true;
    this.unwatchAll(client);
    this.unblock(client);
    for (const channel of client.channels) this.removeSubscriber(this.channels, channel, client);
    for (const pattern of client.patterns) this.removeSubscriber(this.patterns, pattern, client);
    for (const channel of client.shardChannels) this.removeSubscriber(this.shardChannels, channel, client);
    client.channels.clear();
    client.patterns.clear();
    client.shardChannels.clear();
    this.monitors.delete(client);
  }

  removeSubscriber(registry: Map<string, Set<Client>>, name: string, client: Client): void {
    const subscribers = registry.get(name);
    if (!subscribers) return;
    subscribers.delete(client);
    if (subscribers.size === 0) registry.delete(name);
  }

  // ---- command execution ------------------------------------------------------------------

  /**
   * Entry point for a request from a client. Requests wait in order while the client is
   * blocked or the server is paused for it.
   */
  submit(client: Client, argv: string[]): void {
    if (client.blocked !== undefined || client.pending.length > 0 || this.isPausedFor(client, argv)) {
      client.pending.push(argv);
      return;
    }
    this.execute(client, argv);
  }

  /** Runs queued requests of a client that is free again (unblocked, pause ended). */
  resume(client: Client): void {
    while (client.pending.length > 0 && client.blocked === undefined && !client.closing) {
      if (this.isPausedFor(client, client.pending[0]!)) return;
      this.execute(client, client.pending.shift()!);
    }
  }

  private isPausedFor(client: Client, argv: string[]): boolean {
    if (this.pause === undefined) return false;
    if (!this.pause.writesOnly) return true;
    const spec = this.lookupCommand(argv);
    if (spec === undefined || spec instanceof ErrorReply) return false;
    return spec.flags.has("write") || spec.flags.has("may_replicate") || (spec.name === "eval" || spec.name === "evalsha");
  }

  /** Finds the spec for argv (resolving subcommands), or the error Redis gives. */
  lookupCommand(argv: string[]): CommandSpec | ErrorReply | undefined {
    const spec = this.commandsBySpelling.get(argv[0]!) ?? this.lookupSpelling(argv[0]!);
    if (spec === undefined) return undefined;
    if (spec.subcommands === undefined || argv.length < 2) return spec;
    const sub = spec.subcommands.get(argv[1]!.toLowerCase());
    if (sub === undefined) return errors.unknownSubcommand(argv[1]!, spec.name);
    return sub;
  }

  /**
   * Resolves a command name case-insensitively and remembers the spelling, so the usual
   * spellings ("GET", "get") skip lower-casing on every request.
   */
  private lookupSpelling(name: string): CommandSpec | undefined {
    const spec = this.commands.get(name.toLowerCase());
    if (spec !== undefined && this.commandsBySpelling.size < 4096) this.commandsBySpelling.set(name, spec);
    return spec;
  }

  /** Validates and runs one request, sending its reply to the client. */
  execute(client: Client, argv: string[]): void {
    if (this.cronTimer === undefined) this.scheduleCron();
    const found = this.lookupCommand(argv);
    let rejection: ErrorReply | undefined;
    let spec: CommandSpec | undefined;
    if (found === undefined) rejection = unknownCommand(argv);
    else if (found instanceof ErrorReply) rejection = found;
    else {
      spec = found;
      if ((spec.arity > 0 && argv.length !== spec.arity) || argv.length < -spec.arity) {
        rejection = errors.wrongArity(fullName(spec));
      } else if (!client.authenticated && !spec.flags.has("no_auth")) {
        rejection = errors.noAuth;
      } else if (client.transaction && spec.flags.has("no_multi")) {
        rejection = new ErrorReply("ERR Command not allowed inside a transaction");
      } else if (this.maxmemory > 0 && this.busyReply === undefined && this.refusedForMemory(client, spec)) {
        rejection = OOM_ERROR;
      } else if (client.inPubSubContext && !PUBSUB_CONTEXT.has(spec.name)) {
        rejection = new ErrorReply(
          `ERR Can't execute '${fullName(spec)}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
        );
      } else if (this.busyReply !== undefined && !spec.flags.has("allow_busy")) {
        rejection = this.busyReply;
      }
    }
    if (rejection !== undefined) {
      client.lastInteraction = this.clock.now();
      if (spec !== undefined) this.statsFor(spec).rejectedCalls++;
      if (client.transaction) rejection = this.rejectInTransaction(client, spec, rejection);
      this.countError(rejection);
      client.reply(rejection);
      return;
    }
    spec = spec!;
    if (client.transaction && !TRANSACTION_CONTROL.has(spec.name)) {
      client.lastInteraction = this.clock.now();
      client.transaction.queue.push({ spec, argv });
      client.reply(QUEUED);
      return;
    }
    const result = this.call({ engine: this, client, nonBlocking: false }, spec, argv);
    if (result !== BLOCKED && result !== NO_REPLY) client.reply(result);
    this.serveBlockedClients();
  }

  /**
   * Evicts keys if used memory is over maxmemory (before every command, as processCommand does)
   * and says whether the command must get the OOM error: denyoom commands, EXEC of a
   * transaction holding one, and anything but EXEC/DISCARD/QUIT/RESET inside MULTI.
   */
  private refusedForMemory(client: Client, spec: CommandSpec): boolean {
    const outOfMemory = !performEvictions(this);
    this.preCommandOutOfMemory = outOfMemory;
    if (!outOfMemory) return false;
    if (spec.flags.has("denyoom")) return true;
    if (client.transaction === undefined) return false;
    if (spec.name === "exec") return client.transaction.queue.some((queued) => queued.spec.flags.has("denyoom"));
    return !ALLOWED_IN_MULTI_WHEN_OOM.has(spec.name);
  }

  /** scriptVerifyOOM: a script that has not written yet may not run denyoom commands when out of memory. */
  refusesScriptCommand(spec: CommandSpec, scriptWrote: boolean): boolean {
    return this.maxmemory > 0 && !scriptWrote && this.preCommandOutOfMemory && spec.flags.has("denyoom");
  }

  /** A rejected command dooms the transaction; a rejected EXEC discards it at once (execCommandAbort). */
  private rejectInTransaction(client: Client, spec: CommandSpec | undefined, rejection: ErrorReply): ErrorReply {
    if (spec?.name !== "exec") {
      client.transaction!.aborted = true;
      return rejection;
    }
    client.transaction = undefined;
    this.unwatchAll(client);
    return new ErrorReply(`EXECABORT Transaction discarded because of: ${rejection.message.replace(/^ERR /, "")}`);
  }

  /**
   * Runs a resolved command with its bookkeeping: frozen time, stats, slowlog, MONITOR.
   * Used for top-level calls, commands inside EXEC and commands from scripts.
   */
  call(ctx: CommandContext, spec: CommandSpec, argv: string[]): HandlerResult {
    const outermost = this.nestingDepth === 0;
    this.nestingDepth++;
    const started = performance.now();
    if (outermost) {
      // Clock reads are costly on some hosts: with the real clock, one reading gives both the
      // command time and the start of its duration.
      this.commandTime = this.clock instanceof RealClock ? epochFromMonotonic(started) : this.clock.now();
      ctx.client.lastInteraction = this.commandTime;
    }
    let result: HandlerResult;
    const previous = ctx.client.currentCommand;
    ctx.client.currentCommand = spec;
    const previousClient = this.currentClient;
    this.currentClient = ctx.client;
    try {
      result = spec.handler(ctx, argv);
    } catch (error) {
      if (!(error instanceof CommandError)) {
        throw error;
      }
      result = error.reply;
    } finally {
      this.currentClient = previousClient;
      ctx.client.currentCommand = previous;
      this.nestingDepth--;
      if (outermost) this.commandTime = undefined;
    }
    const durationUs = Math.round((performance.now() - started) * 1000);
    const stats = this.statsFor(spec);
    stats.calls++;
    stats.usec += durationUs;
    this.latency.recordCommand(spec, durationUs);
    if (result instanceof ErrorReply) {
      stats.failedCalls++;
      this.countError(result);
    }
    this.stats.totalCommands++;
    ctx.client.lastCommand = fullName(spec);
    for (const listener of this.commandListeners) listener(ctx.client, spec, argv);
    if (result !== BLOCKED) this.recordSlowlog(ctx.client, spec, argv, durationUs);
    if (this.monitors.size > 0 && !spec.flags.has("skip_monitor") && !spec.flags.has("admin")) {
      this.feedMonitors(ctx.client, argv);
    }
    return result;
  }

  private statsFor(spec: CommandSpec): CommandStats {
    const name = fullName(spec);
    let stats = this.commandStats.get(name);
    if (stats === undefined) {
      stats = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 };
      this.commandStats.set(name, stats);
    }
    return stats;
  }

  private countError(reply: ErrorReply): void {
    this.stats.totalErrorReplies++;
    const code = reply.message.split(" ", 1)[0]!;
    this.errorStats.set(code, (this.errorStats.get(code) ?? 0) + 1);
  }

  private recordSlowlog(client: Client, spec: CommandSpec, argv: string[], durationUs: number): void {
    const threshold = this.slowlogThreshold;
    if (threshold < 0 || durationUs < threshold || spec.flags.has("skip_slowlog")) return;
    const shown = argv.slice(0, argv.length > 32 ? 31 : 32).map((arg) =>
      arg.length > 128 ? `${arg.slice(0, 128)}... (${arg.length - 128} more bytes)` : arg,
    );
    if (argv.length > 32) shown.push(`... (${argv.length - 31} more arguments)`);
    this.slowlog.unshift({
      id: this.nextSlowlogId++,
      timestamp: Math.floor(this.clock.now() / 1000),
      durationUs,
      argv: shown,
      clientAddress: client.transport.remoteAddress,
      clientName: client.name,
    });
    const max = this.config.getNumber("slowlog-max-len");
    if (this.slowlog.length > max) this.slowlog.length = max;
  }

  resetSlowlog(): void {
    this.slowlog.length = 0;
  }

  feedMonitors(client: Client, argv: string[]): void {
    const seconds = this.clock.now() / 1000;
    const origin = this.nestingDepth > 0 && client.transport.kind === "local" && client.name === "__lua" ? "lua" : client.transport.remoteAddress;
    const line = `${seconds.toFixed(6)} [${client.db.id} ${origin}] ${argv.map(quoteForMonitor).join(" ")}`;
    for (const monitor of this.monitors) monitor.push(new SimpleString(line));
  }

  // ---- keyspace hooks ---------------------------------------------------------------------

  onKeyExpired(db: Database, key: string): void {
    this.stats.expiredKeys++;
    this.notifyKeyspaceEvent("x", "expired", key, db.id);
    this.onKeyModified(db, key);
  }

  onKeyMiss(db: Database, key: string): void {
    this.notifyKeyspaceEvent("m", "keymiss", key, db.id);
  }

  onKeyAdded(db: Database, key: string): void {
    this.notifyKeyspaceEvent("n", "new", key, db.id);
  }

  onKeyModified(db: Database, key: string): void {
    const watchers = this.watchedKeys.get(db)?.get(key);
    if (watchers) for (const client of watchers) client.watchInvalidated = true;
    for (const listener of this.keyModifiedListeners) listener(db, key);
  }

  onKeyAccessed(object: RedisObject): void {
    if (!this.lfuPolicy) {
      object.lru = this.now();
      return;
    }
    // Under LFU, `lru` is Redis's packed counter; 0 marks an object that was just created.
    const now = this.now();
    object.lru =
      object.lru === 0
        ? lfuInitial(now)
        : lfuAccessed(object.lru, now, this.config.getNumber("lfu-log-factor"), this.config.getNumber("lfu-decay-time"), this.random);
  }

  addKeyModifiedListener(listener: (db: Database, key: string) => void): void {
    this.keyModifiedListeners.push(listener);
  }

  /** FLUSHDB/FLUSHALL/SWAPDB: every watched key of the database counts as modified. */
  touchAllWatchedKeys(db: Database): void {
    const watched = this.watchedKeys.get(db);
    if (!watched) return;
    for (const [key, clients] of watched) {
      // Redis only invalidates keys that existed (or would be affected) in the flushed db.
      if (db.dict.has(key) || db.expires.has(key)) for (const client of clients) client.watchInvalidated = true;
    }
  }

  // ---- WATCH ------------------------------------------------------------------------------

  watch(client: Client, key: string): void {
    const db = client.db;
    if (client.watched.some((entry) => entry.db === db && entry.key === key)) return;
    const expiredWhenWatched = db.dict.has(key) && (db.getExpire(key) ?? Infinity) <= this.now();
    client.watched.push({ db, key, expiredWhenWatched });
    let perDb = this.watchedKeys.get(db);
    if (!perDb) this.watchedKeys.set(db, (perDb = new Map()));
    let clients = perDb.get(key);
    if (!clients) perDb.set(key, (clients = new Set()));
    clients.add(client);
  }

  unwatchAll(client: Client): void {
    for (const { db, key } of client.watched) {
      const perDb = this.watchedKeys.get(db);
      const clients = perDb?.get(key);
      clients?.delete(client);
      if (clients?.size === 0) perDb!.delete(key);
    }
    client.watched = [];
    client.watchInvalidated = false;
  }

  /** True if EXEC must fail: a watched key was written, or has expired since WATCH. */
  isWatchBroken(client: Client): boolean {
    if (client.watchInvalidated) return true;
    const now = this.now();
    return client.watched.some(
      ({ db, key, expiredWhenWatched }) => !expiredWhenWatched && db.dict.has(key) && (db.getExpire(key) ?? Infinity) <= now,
    );
  }

  // ---- blocking ---------------------------------------------------------------------------

  /**
   * Blocks `client` until a write to one of `keys` lets `retry` produce a reply, or until
   * `timeoutMs` (0 = forever) passes and `timeoutReply` is sent instead.
   */
  block(ctx: CommandContext, spec: CommandSpec, argv: string[], keys: string[], timeoutMs: number, retry: (readyKey: string) => Reply | undefined, timeoutReply: () => Reply): typeof BLOCKED {
    const client = ctx.client;
    const db = client.db;
    const state: BlockedState = { keys, db, retry, timeoutReply, timer: undefined, spec, argv };
    if (timeoutMs > 0) {
      state.timer = this.clock.setTimer(timeoutMs, () => {
        if (client.blocked !== state) return;
        this.unblock(client);
        client.reply(timeoutReply());
        this.resume(client);
      });
    }
    let perDb = this.blockedOnKeys.get(db);
    if (!perDb) this.blockedOnKeys.set(db, (perDb = new Map()));
    for (const key of new Set(keys)) {
      const queue = perDb.get(key);
      if (queue) queue.push(client);
      else perDb.set(key, [client]);
    }
    client.blocked = state;
    return BLOCKED;
  }

  /** Releases a blocked client without replying (caller decides what to send). */
  unblock(client: Client): void {
    const state = client.blocked;
    if (!state) return;
    if (state.timer) this.clock.clearTimer(state.timer);
    const perDb = this.blockedOnKeys.get(state.db);
    for (const key of new Set(state.keys)) {
      const queue = perDb?.get(key);
      if (!queue) continue;
      const index = queue.indexOf(client);
      if (index >= 0) queue.splice(index, 1);
      if (queue.length === 0) perDb!.delete(key);
    }
    client.blocked = undefined;
  }

  /** Marks a key that received data (LPUSH, ZADD, XADD...) so blocked clients get a chance. */
  signalKeyAsReady(db: Database, key: string): void {
    if (!this.blockedOnKeys.get(db)?.has(key)) return;
    let keys = this.readyKeys.get(db);
    if (!keys) this.readyKeys.set(db, (keys = new Set()));
    keys.add(key);
  }

  get blockedClientCount(): number {
    let count = 0;
    for (const client of this.clients.values()) if (client.blocked) count++;
    return count;
  }

  /** Serves clients blocked on keys that became ready, oldest first, until none is left. */
  serveBlockedClients(): void {
    while (this.readyKeys.size > 0) {
      const [db, keys] = this.readyKeys.entries().next().value as [Database, Set<string>];
      this.readyKeys.delete(db);
      for (const key of keys) {
        const queue = this.blockedOnKeys.get(db)?.get(key);
        if (!queue) continue;
        for (const client of [...queue]) {
          const state = client.blocked;
          if (!state) continue;
          const previousDb = client.db;
          client.db = state.db;
          this.commandTime = this.clock.now();
          let reply: Reply | undefined;
          try {
            reply = state.retry(key);
          } catch (error) {
            if (!(error instanceof CommandError)) throw error;
            reply = error.reply;
          } finally {
            this.commandTime = undefined;
            client.db = previousDb;
          }
          if (reply === undefined) continue;
          this.unblock(client);
          const stats = this.statsFor(state.spec);
          stats.calls++;
          this.stats.totalCommands++;
          client.reply(reply);
          this.resume(client);
          if (!db.exists(key)) break;
        }
      }
    }
  }

  // ---- pub/sub ----------------------------------------------------------------------------

  /** Delivers a message to channel and pattern subscribers; returns how many received it. */
  publish(channel: string, message: string): number {
    let receivers = 0;
    const subscribers = this.channels.get(channel);
    if (subscribers) {
      for (const client of subscribers) {
        client.push(new PushReply(["message", channel, message]));
        receivers++;
      }
    }
    for (const [pattern, clients] of this.patterns) {
      if (!globMatch(pattern, channel)) continue;
      for (const client of clients) {
        client.push(new PushReply(["pmessage", pattern, channel, message]));
        receivers++;
      }
    }
    return receivers;
  }

  /** Publishes a keyspace/keyevent notification if notify-keyspace-events enables it. */
  notifyKeyspaceEvent(type: NotifyClass, event: string, key: string, dbId: number): void {
    // Cached: this runs on every write, and the config lookup showed up in profiles.
    const classes = this.notifyClasses;
    if (classes === "" || !classes.includes(type)) return;
    if (classes.includes("K")) this.publish(`__keyspace@${dbId}__:${key}`, event);
    if (classes.includes("E")) this.publish(`__keyevent@${dbId}__:${event}`, key);
  }

  // ---- cron -------------------------------------------------------------------------------

  private scheduleCron(): void {
    if (this.cronTimer) this.clock.clearTimer(this.cronTimer);
    this.cronTimer = undefined;
    if (this.closed) return;
    const hz = Math.max(1, Math.min(500, this.config.getNumber("hz")));
    this.cronTimer = this.clock.setTimer(
      1000 / hz,
      () => {
        this.cronTimer = undefined;
        this.cron();
        if (this.hasPeriodicWork()) this.scheduleCron();
      },
      { background: true },
    );
  }

  /**
   * Whether the cron has anything to do. An idle engine (no volatile keys, no network
   * clients, no recent traffic) stops ticking, so a thousand idle learner engines cost no CPU;
   * the next command re-arms it.
   */
  private hasPeriodicWork(): boolean {
    if (this.pause !== undefined || this.busyReply !== undefined) return true;
    if (this.databases.some((db) => db.expires.size > 0)) return true;
    if (this.opsSamples.some((sample) => sample > 0)) return true;
    for (const client of this.clients.values()) if (client.transport.kind !== "local") return true;
    return false;
  }

  /** Periodic work, like Redis's serverCron: active expiry, ops/sec sampling, idle timeouts. */
  cron(): void {
    if (this.busyReply !== undefined) return;
    if (this.activeExpireEnabled) this.activeExpireCycle();
    this.sampleOpsPerSecond();
    this.closeIdleClients();
  }

  /**
   * Redis's active expiry: per database, test 20 volatile keys at a time and keep going while
   * more than 10% of them had expired, within a time budget, so memory held by expired
   * keys is reclaimed even if nobody reads them.
   */
  activeExpireCycle(): void {
    const effort = this.config.getNumber("active-expire-effort") - 1;
    const perLoop = 20 + 5 * effort;
    // Redis 6+ keeps sampling a database while more than (10 - effort)% of a sample was stale.
    const acceptableStalePercent = 10 - effort;
    // Redis bounds a cycle by CPU time; on a virtual clock the result must not depend on how
    // busy the machine is, so the cycle runs to completion there.
    const deadline = this.clock.virtual ? Infinity : performance.now() + 25 / Math.max(1, this.config.getNumber("hz") / 10);
    this.commandTime = this.clock.now();
    try {
      for (const db of this.databases) {
        if (db.expires.size === 0) continue;
        for (;;) {
          const [checked, expired] = db.activeExpireStep(perLoop);
          if (checked === 0 || expired * 100 <= checked * acceptableStalePercent || performance.now() > deadline) break;
        }
      }
    } finally {
      this.commandTime = undefined;
    }
    this.serveBlockedClients();
  }

  private sampleOpsPerSecond(): void {
    const now = this.clock.now();
    const elapsed = now - this.lastSample.time;
    if (elapsed <= 0) return;
    this.opsSamples.push(((this.stats.totalCommands - this.lastSample.commands) * 1000) / elapsed);
    if (this.opsSamples.length > 16) this.opsSamples.shift();
    this.lastSample = { time: now, commands: this.stats.totalCommands };
  }

  get instantaneousOpsPerSecond(): number {
    if (this.opsSamples.length === 0) return 0;
    return Math.round(this.opsSamples.reduce((sum, value) => sum + value, 0) / this.opsSamples.length);
  }

  private closeIdleClients(): void {
    const timeoutSeconds = this.config.getNumber("timeout");
    if (timeoutSeconds === 0) return;
    const now = this.clock.now();
    for (const client of this.clients.values()) {
      if (client.transport.kind === "local" || client.blocked || client.subscriptionCount > 0 || client.monitor) continue;
      if (now - client.lastInteraction > timeoutSeconds * 1000) client.transport.close(false);
    }
  }

  /** Stops timers; the engine must not be used afterwards. */
  close(): void {
    this.closed = true;
    if (this.cronTimer) this.clock.clearTimer(this.cronTimer);
    if (this.pause) this.clock.clearTimer(this.pause.timer);
    for (const client of [...this.clients.values()]) {
      client.transport.close(true);
      this.removeClient(client);
    }
  }
}

function expandNotifyClasses(flags: string): string {
  // `A` stands for every class but keymiss (m) and new (n).
  return flags.includes("A") ? `${flags}g$lshzxetd` : flags;
}

/** Quotes an argument the way MONITOR (sdscatrepr) shows it. */
export function quoteForMonitor(arg: string): string {
  let out = '"';
  for (let i = 0; i < arg.length; i++) {
    const code = arg.charCodeAt(i);
    const char = arg[i]!;
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code === 7) out += "\\a";
    else if (code === 8) out += "\\b";
    else if (code < 32 || code > 126) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return `${out}"`;
}
