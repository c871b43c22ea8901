"use server";
/** The cache avalanche simulation runs the real engine, so it runs on the server. */
import { z } from "zod";
import { AVALANCHE_LIMITS, AVALANCHE_MAX_REQUESTS, type AvalancheRun, simulateAvalanche } from "@/labs/simulations/cache-avalanche";

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
