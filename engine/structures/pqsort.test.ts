import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { pqsort } from "./pqsort";

describe("pqsort", () => {
  it("puts the requested positions in sorted order", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const items = Array.from({ length: 200 }, () => Math.floor(random() * 50));
      const sorted = [...items].sort((a, b) => a - b);
      const count = 1 + Math.floor(random() * 60);
      pqsort(items, (a, b) => a - b, 0, count - 1);
      expect(items.slice(0, count), `seed ${seed}`).toEqual(sorted.slice(0, count));
      expect([...items].sort((a, b) => a - b), `seed ${seed}`).toEqual(sorted);
    }
  });

  it("sorts small arrays by insertion and full ranges completely", () => {
    const small = [5, 3, 1, 4, 2];
    pqsort(small, (a, b) => a - b, 0, 4);
    expect(small).toEqual([1, 2, 3, 4, 5]);
    const random = seededRandom(9);
    const large = Array.from({ length: 100 }, () => random());
    pqsort(large, (a, b) => a - b, 0, 99);
    expect(large).toEqual([...large].sort((a, b) => a - b));
  });

  it("partitions equal keys without keeping their order stable", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ key: i % 2, id: i }));
    pqsort(items, (a, b) => a.key - b.key, 0, 4);
    expect(items.slice(0, 5).every((item) => item.key === 0)).toBe(true);
  });
});
