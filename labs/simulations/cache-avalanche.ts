/**
 * Cache avalanche on the real engine: a cache warmed all at once with the same TTL expires all at
 * once, and every request in that second falls through to the backend. Random jitter on the TTL
 * spreads the expiries out. Runs an in-process Engine on a VirtualClock, so a few simulated
 * minutes take well under a second and the result is reproducible (seeded).
 */
import { createEngine, VirtualClock } from "../../engine";
import { seededRandom } from "../../engine/index";

export interface AvalancheInput {
  keys: number;
  requestsPerSecond: number;
  ttlSeconds: number;
  /** Each SET adds a random 0..jitter seconds to the TTL (0 = no jitter). */
  jitterSeconds: number;
  durationSeconds: number;
  seed?: number;
}

export interface AvalanchePoint {
  second: number;
  /** Cache misses in that second = queries that reached the backend. */
  backend: number;
}

export interface AvalancheRun {
  points: AvalanchePoint[];
  peak: number;
  totalMisses: number;
}

/** Keeps one run well under a second of CPU on the site's server. */
export const AVALANCHE_MAX_REQUESTS = 30_000;

export const AVALANCHE_LIMITS = { keys: 5000, requestsPerSecond: 2000, ttlSeconds: 600, jitterSeconds: 600, durationSeconds: 600 } as const;

export async function simulateAvalanche(input: AvalancheInput): Promise<AvalancheRun> {
  const { keys, requestsPerSecond, ttlSeconds, jitterSeconds, durationSeconds } = input;
  for (const [name, limit] of Object.entries(AVALANCHE_LIMITS)) {
    const value = input[name as keyof typeof AVALANCHE_LIMITS];
    if (!Number.isInteger(value) || value < 0 || value > limit) throw new RangeError(`${name} must be an integer in 0..${limit}`);
  }
  if (keys < 1 || ttlSeconds < 1) throw new RangeError("keys and ttlSeconds must be at least 1");
  if (requestsPerSecond * durationSeconds > AVALANCHE_MAX_REQUESTS) throw new RangeError(`at most ${AVALANCHE_MAX_REQUESTS} requests per run`);
  const rand = seededRandom(input.seed ?? 1);
  const clock = new VirtualClock();
  const engine = createEngine({ clock });
  const client = engine.connect();
  const ttl = () => String(ttlSeconds + Math.floor(rand() * (jitterSeconds + 1)));
  try {
    // Warm-up: every key loaded at t = 0 (a deploy, a restart, a nightly batch).
    for (let k = 0; k < keys; k++) await client.call("SET", `item:${k}`, "v", "EX", ttl());
    const points: AvalanchePoint[] = [];
    for (let second = 0; second < durationSeconds; second++) {
      let backend = 0;
      clock.advance(1000); // expiry and the engine's active-expiry cron, one second at a time
      for (let r = 0; r < requestsPerSecond; r++) {
        const key = `item:${Math.floor(rand() * keys)}`;
        if ((await client.call("GET", key)) === null) {
          backend++; // read-through: load from the backend and cache again
          await client.call("SET", key, "v", "EX", ttl());
        }
      }
      points.push({ second: second + 1, backend });
    }
    return { points, peak: Math.max(0, ...points.map((p) => p.backend)), totalMisses: points.reduce((s, p) => s + p.backend, 0) };
  } finally {
    client.close();
    engine.close();
  }
}
