/**
 * Which keys survive when memory is full, under allkeys-lru vs allkeys-lfu, on the real engine
 * (its maxmemory eviction with sampled LRU/LFU, on a VirtualClock so idle times and LFU decay are
 * real minutes). The learner picks an access pattern:
 *
 * - "scan": a hot set read many times, then a one-off sweep over new keys (a batch job, a
 *   crawler). LRU throws the hot set out for keys read once; LFU keeps it.
 * - "shift": a hot set read many times, then traffic moves to new keys read a few times each
 *   (yesterday's trending items). LFU clings to the old popular keys; LRU follows the new ones.
 */
import { createEngine, type Reply, VerbatimReply, VirtualClock } from "../../engine";
import { seededRandom } from "../../engine/index";

export type EvictionPattern = "scan" | "shift";
export type EvictionPolicyChoice = "allkeys-lru" | "allkeys-lfu";

export interface EvictionInput {
  policy: EvictionPolicyChoice;
  pattern: EvictionPattern;
  /** Keys in the hot set. */
  hotKeys: number;
  /** Reads of each hot key before the second phase. */
  hotReads: number;
  /** New keys in the second phase. */
  newKeys: number;
  /** Memory for this many keys beyond the hot set (maxmemory is set from measured usage). */
  roomForKeys: number;
  seed?: number;
}

export interface EvictionCheckpoint {
  /** New keys written so far. */
  written: number;
  hotSurviving: number;
  newSurviving: number;
}

export interface EvictionRun {
  checkpoints: EvictionCheckpoint[];
  evicted: number;
}

export const EVICTION_LIMITS = { hotKeys: 500, hotReads: 50, newKeys: 2000, roomForKeys: 1000 } as const;
const VALUE = "x".repeat(500);

/** INFO's text (a verbatim string reply). */
function text(reply: Reply): string {
  return reply instanceof VerbatimReply ? reply.text : String(reply);
}

function usedMemory(info: string): number {
  const m = /^used_memory:(\d+)/m.exec(info);
  if (!m) throw new Error("INFO memory has no used_memory");
  return Number(m[1]);
}

async function countKeys(call: (...args: string[]) => Promise<Reply>, pattern: string): Promise<number> {
  return ((await call("KEYS", pattern)) as unknown[]).length;
}

export async function simulateEviction(input: EvictionInput): Promise<EvictionRun> {
  for (const [name, limit] of Object.entries(EVICTION_LIMITS)) {
    const value = input[name as keyof typeof EVICTION_LIMITS];
    if (!Number.isInteger(value) || value < 1 || value > limit) throw new RangeError(`${name} must be an integer in 1..${limit}`);
  }
  const clock = new VirtualClock();
  const engine = createEngine({ clock, random: seededRandom(input.seed ?? 1) });
  const client = engine.connect();
  const call = (...args: string[]) => client.call(...args);
  try {
    await call("CONFIG", "SET", "maxmemory-policy", input.policy, "maxmemory-samples", "10");
    // Phase 1: the hot set, read hotReads times each, one round per second.
    for (let k = 0; k < input.hotKeys; k++) await call("SET", `hot:${k}`, VALUE);
    for (let round = 0; round < input.hotReads; round++) {
      clock.advance(1000);
      for (let k = 0; k < input.hotKeys; k++) await call("GET", `hot:${k}`);
    }
    // Room for the hot set plus roomForKeys more keys of the same size.
    const before = usedMemory(text(await call("INFO", "memory")));
    await call("SET", "probe", VALUE);
    const perKey = usedMemory(text(await call("INFO", "memory"))) - before;
    await call("DEL", "probe");
    await call("CONFIG", "SET", "maxmemory", String(before + perKey * input.roomForKeys));

    // Phase 2, a minute later: new keys.
    clock.advance(60_000);
    const checkpoints: EvictionCheckpoint[] = [{ written: 0, hotSurviving: await countKeys(call, "hot:*"), newSurviving: 0 }];
    const every = Math.max(1, Math.round(input.newKeys / 20));
    for (let n = 0; n < input.newKeys; n++) {
      clock.advance(100);
      await call("SET", `new:${n}`, VALUE);
      if (input.pattern === "shift") {
        // Trending now: read a few times (recently, but not as often as the old hot set was).
        for (let r = 0; r < 3; r++) await call("GET", `new:${n - (r % Math.min(n + 1, 3))}`);
      }
      if ((n + 1) % every === 0 || n + 1 === input.newKeys)
        checkpoints.push({ written: n + 1, hotSurviving: await countKeys(call, "hot:*"), newSurviving: await countKeys(call, "new:*") });
    }
    const stats = text(await call("INFO", "stats"));
    return { checkpoints, evicted: Number(/^evicted_keys:(\d+)/m.exec(stats)?.[1] ?? 0) };
  } finally {
    client.close();
    engine.close();
  }
}
