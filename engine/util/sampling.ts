/** Random sampling helpers for SPOP, SRANDMEMBER, HRANDFIELD, ZRANDMEMBER. */

/** `count` (≤ size) distinct indexes below `size`, in random order (partial Fisher-Yates). */
export function sampleIndexes(size: number, count: number, random: () => number): number[] {
  const indexes = Array.from({ length: size }, (_, index) => index);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (size - i));
    const swap = indexes[i]!;
    indexes[i] = indexes[j]!;
    indexes[j] = swap;
  }
  indexes.length = count;
  return indexes;
}

/**
 * `count` (< size) distinct keys of a collection with O(1) random access: few wanted, draw
 * at random until distinct (O(count)); many wanted, shuffle a copy of all keys, as Redis's
 * SRANDMEMBER/HRANDFIELD switch strategies at count × 3 > size.
 */
export function sampleDistinctKeys(
  size: number,
  count: number,
  randomKey: () => string,
  allKeys: () => Iterable<string>,
  random: () => number,
): string[] {
  if (count * 3 <= size) {
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(randomKey());
    return [...chosen];
  }
  const all = [...allKeys()];
  return sampleIndexes(all.length, count, random).map((index) => all[index]!);
}
