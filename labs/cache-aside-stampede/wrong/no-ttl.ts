// expect-fail: cached products expire within an hour
// Protects against the stampede but caches forever: price changes never reach the page.
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  const key = `product:${id}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    const cached = await redis.get(key);
    if (cached !== null) return JSON.parse(cached) as Product;
    if ((await redis.set(`${key}:rebuild`, "1", "PX", 5000, "NX")) === "OK") {
      const product = await db.loadProduct(id);
      await redis.set(key, JSON.stringify(product));
      await redis.del(`${key}:rebuild`);
      return product;
    }
    await sleep(20);
  }
  return db.loadProduct(id);
}
