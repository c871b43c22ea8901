import type { Redis } from "ioredis";

export interface Product {
  id: string;
  name: string;
  price: number;
}

export interface Deps {
  redis: Redis;
  db: {
    /** The slow source of truth (0.1–1 s per call); null if there is no such product. */
    loadProduct(id: string): Promise<Product | null>;
  };
}

export async function getProduct(deps: Deps, id: string): Promise<Product | null> {
  throw new Error("not implemented");
}
