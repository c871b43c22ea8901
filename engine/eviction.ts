/**
 * maxmemory eviction, as Redis's evict.c approximates it: before a command runs while used
 * memory is above maxmemory, keys are evicted one at a time until it is not, or nothing is
 * left to evict (then denyoom commands get the OOM error).
 *
 * LRU, LFU and TTL policies do not look at every key: each round samples maxmemory-samples
 * keys per database (all keys or only volatile ones) into a pool of the 16 best candidates
 * seen so far, ordered by "idle" score (idle time, 255 - LFU counter, or how soon the key
 * expires), and evict the best one that still exists. Random policies pick a random key,
 * visiting databases round-robin.
 */
import type { Database } from "./database";
import type { Engine } from "./engine";
import { usedMemory } from "./memory";
import { ErrorReply } from "./protocol/reply";
import { lfuDecayedCounter } from "./util/lfu";

export const OOM_ERROR = new ErrorReply("OOM command not allowed when used memory > 'maxmemory'.");

export const EVICTION_POOL_SIZE = 16;

export type EvictionPolicy =
  | "noeviction"
  | "allkeys-lru"
  | "allkeys-lfu"
  | "allkeys-random"
  | "volatile-lru"
  | "volatile-lfu"
  | "volatile-random"
  | "volatile-ttl";

interface Candidate {
  key: string;
  db: Database;
  /** Higher means a better candidate for eviction. */
  score: number;
}

/** Eviction state kept between commands: the candidate pool and the random policies' next db. */
class Evictor {
  /** Candidates by ascending score; the best one is last. */
  readonly pool: Candidate[] = [];
  nextDb = 0;

  constructor(private readonly engine: Engine) {}

  /** Evicts until used memory fits maxmemory; false if it still does not (nothing evictable). */
  perform(maxmemory: number): boolean {
    const engine = this.engine;
    if (usedMemory(engine) <= maxmemory) return true;
    const policy = engine.config.get("maxmemory-policy") as EvictionPolicy;
    if (policy === "noeviction") return false;
    const allKeys = policy.startsWith("allkeys");
    while (usedMemory(engine) > maxmemory) {
      const victim = policy.endsWith("random") ? this.randomVictim(allKeys) : this.bestVictim(policy, allKeys);
      if (victim === undefined) return false;
      this.evict(victim.db, victim.key);
    }
    return true;
  }

  private evict(db: Database, key: string): void {
    const engine = this.engine;
    db.deleteEvenIfExpired(key);
    engine.stats.evictedKeys++;
    db.signalModified(key);
    engine.notifyKeyspaceEvent("e", "evicted", key, db.id);
  }

  private randomVictim(allKeys: boolean): Candidate | undefined {
    const databases = this.engine.databases;
    for (let i = 0; i < databases.length; i++) {
      const db = databases[(this.nextDb = (this.nextDb + 1) % databases.length)]!;
      const source = allKeys ? db.dict : db.expires;
      if (source.size === 0) continue;
      return { key: source.randomKey(this.engine.random)!, db, score: 0 };
    }
    return undefined;
  }

  private bestVictim(policy: EvictionPolicy, allKeys: boolean): Candidate | undefined {
    for (;;) {
      let total = 0;
      for (const db of this.engine.databases) {
        const size = allKeys ? db.size : db.expires.size;
        if (size === 0) continue;
        total += size;
        this.populate(db, policy, allKeys);
      }
      if (total === 0) return undefined;
      // Best first; candidates whose key was deleted since they were sampled are dropped.
      while (this.pool.length > 0) {
        const candidate = this.pool.pop()!;
        if ((allKeys ? candidate.db.dict : candidate.db.expires).has(candidate.key)) return candidate;
      }
    }
  }

  /** Samples keys of one database into the pool (evictionPoolPopulate). */
  private populate(db: Database, policy: EvictionPolicy, allKeys: boolean): void {
    const engine = this.engine;
    const samples = engine.config.getNumber("maxmemory-samples");
    const source = allKeys ? db.dict : db.expires;
    const now = engine.now();
    const decay = engine.config.getNumber("lfu-decay-time");
    const sampleAll = source.size <= samples;
    const keys = sampleAll ? [...source.keysIterator()] : Array.from({ length: samples }, () => source.randomKey(engine.random)!);
    for (const key of keys) {
      let score: number;
      if (policy === "volatile-ttl") {
        score = Number.MAX_SAFE_INTEGER - db.expires.get(key)!;
      } else {
        const object = db.dict.get(key);
        if (object === undefined) continue;
        score = policy.endsWith("lfu") ? 255 - lfuDecayedCounter(object.lru, now, decay) : now - object.lru;
      }
      this.insert({ key, db, score });
    }
  }

  /** Inserts keeping the pool sorted and at most EVICTION_POOL_SIZE long, dropping the worst. */
  private insert(candidate: Candidate): void {
    const pool = this.pool;
    if (pool.some((entry) => entry.key === candidate.key && entry.db === candidate.db)) return;
    let index = 0;
    while (index < pool.length && pool[index]!.score < candidate.score) index++;
    if (pool.length === EVICTION_POOL_SIZE) {
      // Full: worse than everything there, it is ignored; otherwise the worst makes room.
      if (index === 0) return;
      pool.shift();
      index--;
    }
    pool.splice(index, 0, candidate);
  }
}

const evictors = new WeakMap<Engine, Evictor>();

function evictorOf(engine: Engine): Evictor {
  let evictor = evictors.get(engine);
  if (evictor === undefined) evictors.set(engine, (evictor = new Evictor(engine)));
  return evictor;
}

/**
 * Redis's performEvictions: with maxmemory set, evicts keys by the policy until used memory
 * fits. Returns false when memory is still over the limit (the OOM condition).
 */
export function performEvictions(engine: Engine): boolean {
  const maxmemory = engine.config.getNumber("maxmemory");
  return maxmemory === 0 || evictorOf(engine).perform(maxmemory);
}

/** The candidate pool's keys, best last (tests inspect it). */
export function evictionPoolKeys(engine: Engine): string[] {
  return evictorOf(engine).pool.map((candidate) => candidate.key);
}
