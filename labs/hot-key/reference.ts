import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

/** Short enough to bound staleness well under 30 s, long enough to absorb a hot key's reads. */
const LOCAL_TTL_MS = 5_000;

const local = new Map<string, { value: string | null; expiresAt: number }>();
const inFlight = new Map<string, Promise<string | null>>();

export async function getItem({ redis }: Deps, id: string): Promise<string | null> {
  const cached = local.get(id);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = redis
      .get(`item:${id}`)
      .then((value) => {
        local.set(id, { value, expiresAt: Date.now() + LOCAL_TTL_MS });
        return value;
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}
