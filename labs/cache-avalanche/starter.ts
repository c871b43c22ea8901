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

export async function warmCache(deps: Deps, products: Product[]): Promise<void> {
  throw new Error("not implemented");
}

export async function getProduct(deps: Deps, id: string): Promise<Product | null> {
  throw new Error("not implemented");
}
