// expect-fail: 500 simultaneous misses on a cold key from 4 app servers cost at most 2 database calls
// Coalesces concurrent misses inside one process only: each of the 4 app servers still loads.
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

const inFlight = new Map<string, Promise<Product | null>>();

async function load({ redis, db }: Deps, id: string): Promise<Product | null> {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached) as Product;
  const product = await db.loadProduct(id);
  await redis.set(`product:${id}`, JSON.stringify(product), "EX", 600);
  return product;
}

export async function getProduct(deps: Deps, id: string): Promise<Product | null> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = load(deps, id).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}
