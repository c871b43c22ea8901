// expect-fail: no one-second window sees more than 2% of the warmed keys expire
// The jitter is added in hours and rounded down before converting to seconds: 1 + 0–0.25 hours
// floors to 1, so every TTL is exactly 3600 s despite the Math.random().
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

const ttlSeconds = () => Math.floor(1 + Math.random() * 0.25) * 3600;

export async function warmCache({ redis }: Deps, products: Product[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const product of products) pipeline.set(`product:${product.id}`, JSON.stringify(product), "EX", ttlSeconds());
  await pipeline.exec();
}

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached) as Product;
  const product = await db.loadProduct(id);
  await redis.set(`product:${id}`, JSON.stringify(product), "EX", ttlSeconds());
  return product;
}
