/**
 * Redis's pqsort (a partial quicksort from NetBSD's qsort): sorts `items` so that positions
 * lrange..rrange hold what a full sort would put there, skipping partitions outside that
 * range. It is not stable; Redis uses it for GEO searches with COUNT, so equal keys come out in
 * exactly this algorithm's order, which a stable sort would not reproduce.
 */
export function pqsort<T>(items: T[], compare: (a: T, b: T) => number, lrange: number, rrange: number): void {
  sortRange(items, 0, items.length, compare, lrange, rrange);
}

function swap<T>(items: T[], i: number, j: number): void {
  const held = items[i]!;
  items[i] = items[j]!;
  items[j] = held;
}

function swapRuns<T>(items: T[], i: number, j: number, count: number): void {
  for (let k = 0; k < count; k++) swap(items, i + k, j + k);
}

function median3<T>(items: T[], a: number, b: number, c: number, compare: (a: T, b: T) => number): number {
  const [x, y, z] = [items[a]!, items[b]!, items[c]!];
  return compare(x, y) < 0 ? (compare(y, z) < 0 ? b : compare(x, z) < 0 ? c : a) : compare(y, z) > 0 ? b : compare(x, z) < 0 ? a : c;
}

function sortRange<T>(items: T[], start: number, n: number, compare: (a: T, b: T) => number, lrange: number, rrange: number): void {
  for (;;) {
    if (n < 7) {
      for (let m = start + 1; m < start + n; m++) {
        for (let l = m; l > start && compare(items[l - 1]!, items[l]!) > 0; l--) swap(items, l, l - 1);
      }
      return;
    }
    let pm = start + Math.floor(n / 2);
    if (n > 7) {
      let pl = start;
      let pn = start + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = median3(items, pl, pl + d, pl + 2 * d, compare);
        pm = median3(items, pm - d, pm, pm + d, compare);
        pn = median3(items, pn - 2 * d, pn - d, pn, compare);
      }
      pm = median3(items, pl, pm, pn, compare);
    }
    swap(items, start, pm);
    let pa = start + 1;
    let pb = pa;
    let pc = start + n - 1;
    let pd = pc;
    for (;;) {
      let result: number;
      while (pb <= pc && (result = compare(items[pb]!, items[start]!)) <= 0) {
        if (result === 0) swap(items, pa++, pb);
        pb++;
      }
      while (pb <= pc && (result = compare(items[pc]!, items[start]!)) >= 0) {
        if (result === 0) swap(items, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(items, pb++, pc--);
    }
    const pn = start + n;
    let r = Math.min(pa - start, pb - pa);
    swapRuns(items, start, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    swapRuns(items, pb, pn - r, r);
    const outside = (from: number, count: number) => (lrange < from && rrange < from) || (lrange >= from + count && rrange >= from + count);
    if ((r = pb - pa) > 1 && !outside(start, r)) sortRange(items, start, r, compare, lrange, rrange);
    if ((r = pd - pc) > 1) {
      start = pn - r;
      n = r;
      if (!outside(start, n)) continue;
    }
    return;
  }
}
