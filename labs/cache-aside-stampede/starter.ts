import type { Redis } from "ioredis";

export interface Product {
  id: string;
  name: string;
  price: number;
}

export interface Deps {
  redis: Redis;
  db: {
    /** The slow source of truth (~100 ms); null if there is no such product. */
    loadProduct(id: string): Promise<Product | null>;
  };
}

export async function getProduct(deps: Deps, id: string): Promise<Product | null> {
  throw new Error("not implemented");
}
