import { seededRandom } from "../../engine/index";

/** Zipf-distributed key popularity: rank r is drawn with probability ∝ 1 / r^s. Seeded, so runs repeat. */
export function zipfSampler(n: number, s: number, seed: number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let rank = 1; rank <= n; rank++) {
    total += 1 / rank ** s;
    cdf[rank - 1] = total;
  }
  const random = seededRandom(seed);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cdf[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
