// expect-fail: 500 simultaneous misses on a cold key from 4 app servers cost at most 2 database calls
// Textbook cache-aside: correct, until a hot key expires and every request goes to the database.
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

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached) as Product;
  const product = await db.loadProduct(id);
  await redis.set(`product:${id}`, JSON.stringify(product), "EX", 600);
  return product;
}
