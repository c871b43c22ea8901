import { Dict } from "./structures/dict";
import { type ObjectType, RedisObject } from "./object";

/** What a database needs from its engine: time, stats and the hooks other features hang on. */
export interface KeyspaceHost {
  /** The command-time snapshot: frozen while one command, transaction or script runs. */
  now(): number;
  onKeyExpired(db: Database, key: string): void;
  onKeyModified(db: Database, key: string): void;
  onKeyAccessed(object: RedisObject): void;
  readonly stats: { keyspaceHits: number; keyspaceMisses: number };
}

/** One of the numbered databases (SELECT 0..15): keys, their values and their expiry times. */
export class Database {
  dict = new Dict<RedisObject>();
  /** Absolute expiry time (unix ms) per volatile key. */
  expires = new Map<string, number>();
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
    this.dict.delete(key);
    this.expires.delete(key);
    this.host.onKeyExpired(this, key);
  }

  /** Looks a key up for reading: counts a hit or miss and refreshes its access time. */
  lookupRead(key: string): RedisObject | undefined {
    const object = this.lookup(key);
    if (object === undefined) this.host.stats.keyspaceMisses++;
    else this.host.stats.keyspaceHits++;
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
    this.dict.set(key, object);
    if (!keepTtl) this.expires.delete(key);
    this.host.onKeyAccessed(object);
  }

  /** Creates a value of `type` under a key that must not exist yet. */
  create<T extends ObjectType>(key: string, type: T, value: RedisObject<T>["value"]): RedisObject<T> {
    const object = new RedisObject(type, value);
    this.set(key, object);
    return object;
  }

  delete(key: string): boolean {
    if (this.expireIfNeeded(key)) return false;
    if (!this.dict.delete(key)) return false;
    this.expires.delete(key);
    return true;
  }

  /**
   * Deletes a key even if its time has passed, without an "expired" event: Redis's dbDelete
   * where no lookup came first (BITOP or SORT ... STORE with an empty result).
   */
  deleteEvenIfExpired(key: string): boolean {
    if (!this.dict.delete(key)) return false;
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
    this.expiryCursor = undefined;
    other.expiryCursor = undefined;
  }

  clear(): number {
    const removed = this.dict.size;
    this.dict.clear();
    this.expires.clear();
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
