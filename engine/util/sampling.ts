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
