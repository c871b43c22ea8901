// expect-fail: no one-second window sees more than 2% of the warmed keys expire
// Every key gets exactly one hour: they were written in the same second, so they expire in the same second.
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

export async function warmCache({ redis }: Deps, products: Product[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const product of products) pipeline.set(`product:${product.id}`, JSON.stringify(product), "EX", 3600);
  await pipeline.exec();
}

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached) as Product;
  const product = await db.loadProduct(id);
  await redis.set(`product:${id}`, JSON.stringify(product), "EX", 3600);
  return product;
}
