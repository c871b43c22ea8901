import { Dict } from "./structures/dict";
import { type ObjectType, RedisObject } from "./object";
import { keyMemory } from "./memory";

/** What a database needs from its engine: time, stats and the hooks other features hang on. */
export interface KeyspaceHost {
  /** The command-time snapshot: frozen while one command, transaction or script runs. */
  now(): number;
  onKeyExpired(db: Database, key: string): void;
  onKeyModified(db: Database, key: string): void;
  onKeyAccessed(object: RedisObject): void;
  /** A read lookup missed (the `m` keymiss notification). */
  onKeyMiss?(db: Database, key: string): void;
  /** A key was added that did not exist (the `n` new-key notification). */
  onKeyAdded?(db: Database, key: string): void;
  readonly stats: { keyspaceHits: number; keyspaceMisses: number };
}

/** One of the numbered databases (SELECT 0..15): keys, their values and their expiry times. */
export class Database {
  dict = new Dict<RedisObject>();
  /** Absolute expiry time (unix ms) per volatile key; a Dict so eviction can sample it. */
  expires = new Dict<number>();
  /**
   * Estimated bytes of all keys and values (memory.ts), kept current on every write: each
   * object remembers what it was counted for, so replacing or deleting it subtracts exactly that.
   */
  memory = 0;
  private expiryCursor: IterableIterator<[string, number]> | undefined;

  constructor(
    readonly id: number,
    private readonly host: KeyspaceHost,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  /** True if the key exists but its time has passed (it is then removed). */
  private expireIfNeeded(key: string): boolean {
    const at = this.expires.get(key);
    if (at === undefined || at > this.host.now()) return false;
    this.deleteExpired(key);
    return true;
  }

  private deleteExpired(key: string): void {
    this.forget(this.dict.remove(key));
    this.expires.delete(key);
    this.host.onKeyExpired(this, key);
  }

  /** Looks a key up for reading: counts a hit or miss and refreshes its access time. */
  lookupRead(key: string): RedisObject | undefined {
    const object = this.lookup(key);
    if (object === undefined) {
      this.host.stats.keyspaceMisses++;
      this.host.onKeyMiss?.(this, key);
    } else this.host.stats.keyspaceHits++;
    return object;
  }

  /** Looks a key up for writing: no hit/miss accounting, still refreshes its access time. */
  lookupWrite(key: string): RedisObject | undefined {
    return this.lookup(key);
  }

  /** Looks a key up without touching its access time or stats (OBJECT, TYPE, SCAN filters). */
  peek(key: string): RedisObject | undefined {
    if (this.expireIfNeeded(key)) return undefined;
    return this.dict.get(key);
  }

  private lookup(key: string): RedisObject | undefined {
    if (this.expireIfNeeded(key)) return undefined;
    const object = this.dict.get(key);
    if (object !== undefined) this.host.onKeyAccessed(object);
    return object;
  }

  exists(key: string): boolean {
    return this.peek(key) !== undefined;
  }

  /** Stores a new value under a key, replacing any old one; drops the TTL unless `keepTtl`. */
  set(key: string, object: RedisObject, keepTtl = false): void {
    const previous = this.dict.replace(key, object);
    if (previous !== undefined) this.forget(previous);
    if (!keepTtl) this.expires.delete(key);
    this.host.onKeyAccessed(object);
    this.account(key, object);
    if (previous === undefined) this.host.onKeyAdded?.(this, key);
  }

  /** Re-estimates a key's memory after its value changed in place (called by signalModified). */
  private account(key: string, object: RedisObject): void {
    const bytes = keyMemory(key, object);
    this.memory += bytes - object.memory;
    object.memory = bytes;
  }

  /** Stops counting a removed object's memory. */
  private forget(object: RedisObject | undefined): void {
    if (object === undefined) return;
    this.memory -= object.memory;
    object.memory = 0;
  }

  /** Creates a value of `type` under a key that must not exist yet. */
  create<T extends ObjectType>(key: string, type: T, value: RedisObject<T>["value"]): RedisObject<T> {
    const object = new RedisObject(type, value);
    this.set(key, object);
    return object;
  }

  delete(key: string): boolean {
    if (this.expireIfNeeded(key)) return false;
    const removed = this.dict.remove(key);
    if (removed === undefined) return false;
    this.forget(removed);
    this.expires.delete(key);
    return true;
  }

  /**
   * Deletes a key even if its time has passed, without an "expired" event: Redis's dbDelete
   * where no lookup came first (BITOP or SORT ... STORE with an empty result).
   */
  deleteEvenIfExpired(key: string): boolean {
    const removed = this.dict.remove(key);
    if (removed === undefined) return false;
    this.forget(removed);
    this.expires.delete(key);
    return true;
  }

  setExpire(key: string, atMs: number): void {
    this.expires.set(key, atMs);
  }

  /** The absolute expiry time in ms, or undefined for persistent keys. */
  getExpire(key: string): number | undefined {
    return this.expires.get(key);
  }

  removeExpire(key: string): boolean {
    return this.expires.delete(key);
  }

  /** Announces a write so WATCH, client tracking and blocked clients can react. */
  signalModified(key: string): void {
    const object = this.dict.get(key);
    if (object !== undefined) this.account(key, object);
    this.host.onKeyModified(this, key);
  }

  /** A random live key (expired ones met on the way are removed), or undefined. */
  randomKey(random: () => number = Math.random): string | undefined {
    for (let tries = 0; tries < 100 && this.dict.size > 0; tries++) {
      const key = this.dict.randomKey(random)!;
      if (!this.expireIfNeeded(key)) return key;
    }
    // Almost everything is expired: fall back to a full pass.
    for (const key of [...this.dict.keysIterator()]) if (!this.expireIfNeeded(key)) return key;
    return undefined;
  }

  /** SWAPDB: exchanges keyspaces with another database; ids (and clients' selections) stay. */
  swapContents(other: Database): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.memory, other.memory] = [other.memory, this.memory];
    this.expiryCursor = undefined;
    other.expiryCursor = undefined;
  }

  clear(): number {
    const removed = this.dict.size;
    this.dict.clear();
    this.expires.clear();
    this.memory = 0;
    this.expiryCursor = undefined;
    return removed;
  }

  /**
   * One step of the active expiry cycle: checks up to `budget` volatile keys, continuing
   * round-robin from where the last step stopped, and removes the expired ones. Returns
   * [checked, expired] so the caller can decide, as Redis does, whether to keep going.
   */
  activeExpireStep(budget: number): [number, number] {
    let checked = 0;
    let expired = 0;
    const now = this.host.now();
    while (checked < budget && this.expires.size > 0) {
      this.expiryCursor ??= this.expires.entries();
      const next = this.expiryCursor.next();
      if (next.done) {
        this.expiryCursor = undefined;
        if (checked === 0) continue;
        break;
      }
      checked++;
      const [key, at] = next.value;
      if (at <= now) {
        this.deleteExpired(key);
        expired++;
      }
    }
    return [checked, expired];
  }
}
