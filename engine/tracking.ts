/**
 * Client-side caching support (CLIENT TRACKING): which client read which key, and the
 * invalidation messages sent when those keys change, as in Redis's tracking.c.
 *
 * Default mode remembers the keys each tracking client read; a write to such a key sends
 * `invalidate [key]` once and forgets it. BCAST mode sends, for every write to a key under one
 * of the client's prefixes, one `invalidate [keys...]` per event loop turn. Messages go to the
 * client itself in RESP3, or as `__redis__:invalidate` channel messages to the REDIRECT client.
 */
import type { Client } from "./client";
import { type CommandSpec, keyPositions } from "./commands/spec";
import type { Engine } from "./engine";
import { PushReply } from "./protocol/reply";

export interface TrackingState {
  /** Client receiving the invalidations; 0 for the tracking client itself. */
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  prefixes: string[];
  /** CLIENT CACHING YES/NO, which applies to the next command only. */
  caching: "yes" | "no" | undefined;
}

const INVALIDATE_CHANNEL = "__redis__:invalidate";

/** Per-engine tracking bookkeeping. */
class Tracker {
  readonly states = new Map<Client, TrackingState>();
  /** Keys read by default-mode clients: key → ids of the clients to notify. */
  readonly keys = new Map<string, Set<number>>();
  /** BCAST clients' keys waiting for this turn's message. */
  private readonly pendingBroadcast = new Map<Client, string[]>();
  private broadcastScheduled = false;

  constructor(private readonly engine: Engine) {
    engine.addKeyModifiedListener((_db, key) => this.invalidateKey(key));
    engine.commandListeners.push((client, spec, argv) => this.afterCommand(client, spec, argv));
  }

  /** Remembers the keys a read-only command of a default-mode client touched. */
  private afterCommand(client: Client, spec: CommandSpec, argv: string[]): void {
    const state = this.states.get(client);
    if (state === undefined) return;
    const caching = state.caching;
    if (spec.name !== "caching" || spec.container !== "client") state.caching = undefined;
    if (state.bcast || !spec.flags.has("readonly")) return;
    if ((state.optin && caching !== "yes") || (state.optout && caching === "no")) return;
    for (const position of keyPositions(spec, argv)) {
      const key = argv[position]!;
      let readers = this.keys.get(key);
      if (readers === undefined) this.keys.set(key, (readers = new Set()));
      readers.add(client.id);
    }
  }

  private invalidateKey(key: string): void {
    const writer = this.engine.currentClient;
    const readers = this.keys.get(key);
    if (readers !== undefined) {
      this.keys.delete(key);
      for (const id of readers) {
        const client = this.engine.clients.get(id);
        const state = client && this.states.get(client);
        if (client === undefined || state === undefined || state.bcast) continue;
        if (state.noloop && client === writer) continue;
        // The writer hears about its own write after the write's reply, as in Redis.
        if (client === writer) queueMicrotask(() => this.send(client, [key]));
        else this.send(client, [key]);
      }
    }
    for (const [client, state] of this.states) {
      if (client.closing) {
        this.states.delete(client);
        continue;
      }
      if (!state.bcast || (state.noloop && client === writer) || !state.prefixes.some((prefix) => key.startsWith(prefix))) continue;
      const pending = this.pendingBroadcast.get(client);
      if (pending === undefined) this.pendingBroadcast.set(client, [key]);
      else pending.push(key);
      this.scheduleBroadcast();
    }
  }

  private scheduleBroadcast(): void {
    if (this.broadcastScheduled) return;
    this.broadcastScheduled = true;
    queueMicrotask(() => {
      this.broadcastScheduled = false;
      for (const [client, keys] of this.pendingBroadcast) if (this.states.has(client)) this.send(client, keys);
      this.pendingBroadcast.clear();
    });
  }

  /** FLUSHDB/FLUSHALL: every tracking client is told to drop its whole cache. */
  invalidateAll(): void {
    const writer = this.engine.currentClient;
    for (const client of this.states.keys()) {
      if (client === writer) queueMicrotask(() => this.send(client, null));
      else this.send(client, null);
    }
    this.keys.clear();
  }

  /** Sends one invalidation message (keys, or null for "everything") where the client wants it. */
  private send(client: Client, keys: string[] | null): void {
    const state = this.states.get(client);
    if (state === undefined || client.closing) return;
    if (state.redirect === 0) {
      if (client.protocol === 3) client.push(new PushReply(["invalidate", keys]));
      return;
    }
    const target = this.engine.clients.get(state.redirect);
    if (target === undefined) {
      if (client.protocol === 3) client.push(new PushReply(["tracking-redir-broken", state.redirect]));
      return;
    }
    if (target.protocol === 3) target.push(new PushReply(["invalidate", keys]));
    else if (target.channels.has(INVALIDATE_CHANNEL)) target.push(new PushReply(["message", INVALIDATE_CHANNEL, keys]));
  }
}

const trackers = new WeakMap<Engine, Tracker>();

function trackerOf(engine: Engine): Tracker {
  let tracker = trackers.get(engine);
  if (tracker === undefined) trackers.set(engine, (tracker = new Tracker(engine)));
  return tracker;
}

export function trackingStateOf(engine: Engine, client: Client): TrackingState | undefined {
  return trackers.get(engine)?.states.get(client);
}

export function enableTracking(engine: Engine, client: Client, state: TrackingState): void {
  forgetClosedClients(engine);
  trackerOf(engine).states.set(client, state);
}

export function disableTracking(engine: Engine, client: Client): void {
  trackers.get(engine)?.states.delete(client);
}

export function invalidateAllTrackedKeys(engine: Engine): void {
  trackers.get(engine)?.invalidateAll();
}

/** Drops the state of clients that went away (their remembered keys are skipped lazily). */
export function forgetClosedClients(engine: Engine): void {
  const tracker = trackers.get(engine);
  if (tracker === undefined) return;
  for (const client of tracker.states.keys()) if (client.closing) tracker.states.delete(client);
}

/** INFO's tracking figures: clients tracking, keys remembered, BCAST prefixes. */
export function trackingCounts(engine: Engine): { clients: number; keys: number; items: number; prefixes: number } {
  const tracker = trackers.get(engine);
  if (tracker === undefined) return { clients: 0, keys: 0, items: 0, prefixes: 0 };
  forgetClosedClients(engine);
  let items = 0;
  for (const readers of tracker.keys.values()) items += readers.size;
  let prefixes = 0;
  for (const state of tracker.states.values()) if (state.bcast) prefixes += state.prefixes.length;
  return { clients: tracker.states.size, keys: tracker.keys.size, items, prefixes };
}
