"use server";
/** The cache avalanche and eviction simulations run the real engine, so they run on the server. */
import { z } from "zod";
import { AVALANCHE_LIMITS, AVALANCHE_MAX_REQUESTS, type AvalancheRun, simulateAvalanche } from "@/labs/simulations/cache-avalanche";
import { EVICTION_LIMITS, type EvictionRun, simulateEviction } from "@/labs/simulations/eviction";

const Input = z
  .object({
    keys: z.number().int().min(1).max(AVALANCHE_LIMITS.keys),
    requestsPerSecond: z.number().int().min(1).max(AVALANCHE_LIMITS.requestsPerSecond),
    ttlSeconds: z.number().int().min(1).max(AVALANCHE_LIMITS.ttlSeconds),
    jitterSeconds: z.number().int().min(0).max(AVALANCHE_LIMITS.jitterSeconds),
    durationSeconds: z.number().int().min(10).max(AVALANCHE_LIMITS.durationSeconds),
  })
  .refine((i) => i.requestsPerSecond * i.durationSeconds <= AVALANCHE_MAX_REQUESTS, `At most ${AVALANCHE_MAX_REQUESTS} requests per run.`);

export type AvalancheComparison = { ok: true; withoutJitter: AvalancheRun; withJitter: AvalancheRun } | { ok: false; error: string };

/**
 * Runs the same traffic twice on fresh engines: every TTL equal, then with the chosen jitter.
 * Read-only (nothing is stored), so it needs no session or CSRF token; input is bounded by zod.
 */
export async function compareAvalancheAction(input: unknown): Promise<AvalancheComparison> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const withoutJitter = await simulateAvalanche({ ...parsed.data, jitterSeconds: 0 });
  const withJitter = await simulateAvalanche(parsed.data);
  return { ok: true, withoutJitter, withJitter };
}

const EvictionInput = z.object({
  pattern: z.enum(["scan", "shift"]),
  hotKeys: z.number().int().min(1).max(EVICTION_LIMITS.hotKeys),
  hotReads: z.number().int().min(1).max(EVICTION_LIMITS.hotReads),
  newKeys: z.number().int().min(1).max(EVICTION_LIMITS.newKeys),
  roomForKeys: z.number().int().min(1).max(EVICTION_LIMITS.roomForKeys),
});

export type EvictionComparison = { ok: true; lru: EvictionRun; lfu: EvictionRun } | { ok: false; error: string };

/** The same access pattern under allkeys-lru and allkeys-lfu, each on a fresh engine with maxmemory set. */
export async function compareEvictionAction(input: unknown): Promise<EvictionComparison> {
  const parsed = EvictionInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const lru = await simulateEviction({ ...parsed.data, policy: "allkeys-lru" });
  const lfu = await simulateEviction({ ...parsed.data, policy: "allkeys-lfu" });
  return { ok: true, lru, lfu };
}
