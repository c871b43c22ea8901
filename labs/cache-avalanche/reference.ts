import { randomInt } from "node:crypto";
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

const BASE_TTL_SECONDS = 3600;
const JITTER_SECONDS = 900;

/** One hour plus up to 15 minutes, in whole seconds, so expirations spread over 900 seconds. */
const jitteredTtl = () => BASE_TTL_SECONDS + randomInt(0, JITTER_SECONDS);

export async function warmCache({ redis }: Deps, products: Product[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const product of products) pipeline.set(`product:${product.id}`, JSON.stringify(product), "EX", jitteredTtl());
  await pipeline.exec();
}

export async function getProduct({ redis, db }: Deps, id: string): Promise<Product | null> {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached) as Product;
  const product = await db.loadProduct(id);
  await redis.set(`product:${id}`, JSON.stringify(product), "EX", jitteredTtl());
  return product;
}
