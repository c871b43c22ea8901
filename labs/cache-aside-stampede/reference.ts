import type { Redis } from "ioredis";

export interface Product {
  id: string;
  name: string;
  price: number;
}

export interface Deps {
  redis: Redis;
  db: { loadProduct(id: string): Promise<Product | null> };
}

const CACHE_TTL_SECONDS = 600;
const LOCK_TTL_MS = 5_000;
const WAIT_MS = 20;
const MAX_WAITS = 150;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Loads in progress in this process: concurrent callers here share one promise. */
const inFlight = new Map<string, Promise<Product | null>>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function loadThroughRedis(redis: Redis, db: Deps["db"], id: string): Promise<Product | null> {
  const key = `product:${id}`;
  for (let attempt = 0; attempt < MAX_WAITS; attempt++) {
    const cached = await redis.get(key);
    if (cached !== null) return JSON.parse(cached) as Product | null;
    // One caller across all app servers rebuilds the entry; the rest wait for it.
    const token = crypto.randomUUID();
    if ((await redis.set(`${key}:rebuild`, token, "PX", LOCK_TTL_MS, "NX")) === "OK") {
      try {
        const product = await db.loadProduct(id);
        await redis.set(key, JSON.stringify(product), "EX", CACHE_TTL_SECONDS);
        return product;
      } finally {
        await redis.eval(RELEASE, 1, `${key}:rebuild`, token);
      }
    }
    await sleep(WAIT_MS);
  }
  // The rebuilder seems stuck: serve from the database rather than fail the request.
  return db.loadProduct(id);
}

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = loadThroughRedis(redis, db, id).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}
