/**
 * The value of a set key, with Redis 7.0's two encodings:
 * - "intset": every member is a 64-bit integer in canonical form and there are at most
 *   set-max-intset-entries of them. Kept as a sorted array (binary search, O(N) inserts on a
 *   small N) so iteration is ascending, as Redis's intset answers SMEMBERS.
 * - "hashtable": a Dict of members, with O(1) random members and SCAN cursors.
 * Conversion to "hashtable" is one-way, as in Redis.
 */
import { parseInt64 } from "../util/numbers";
import { sampleDistinctKeys, sampleIndexes } from "../util/sampling";
import { Dict } from "./dict";
import { scanDict } from "./dict-scan";

export type SetEncoding = "intset" | "hashtable";

/** True for the texts Redis stores in an intset: canonical int64 (string2ll). */
export function isIntsetMember(member: string): boolean {
  return parseInt64(member) !== undefined;
}

/** Numeric order of two canonical integer texts, without converting them. */
function compareIntegerTexts(a: string, b: string): number {
  const aNegative = a.charCodeAt(0) === 45;
  const bNegative = b.charCodeAt(0) === 45;
  if (aNegative !== bNegative) return aNegative ? -1 : 1;
  const order = a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return aNegative ? -order : order;
}

export class SetValue {
  encoding: SetEncoding = "intset";
  /** Members in ascending numeric order while the encoding is "intset". */
  private ints: string[] = [];
  private members: Dict<true> | undefined;

  get size(): number {
    return this.members ? this.members.size : this.ints.length;
  }

  has(member: string): boolean {
    if (this.members) return this.members.has(member);
    return isIntsetMember(member) && this.intIndex(member) >= 0;
  }

  /**
   * Adds a member; true if it was not there. A non-integer member, or more than
   * `maxIntsetEntries` members, turns an intset into a hashtable.
   */
  add(member: string, maxIntsetEntries: number): boolean {
    if (this.members) {
      if (this.members.has(member)) return false;
      this.members.set(member, true);
      return true;
    }
    if (!isIntsetMember(member)) {
      this.convertToHashtable();
      this.members!.set(member, true);
      return true;
    }
    const index = this.intIndex(member);
    if (index >= 0) return false;
    this.ints.splice(-index - 1, 0, member);
    if (this.ints.length > maxIntsetEntries) this.convertToHashtable();
    return true;
  }

  delete(member: string): boolean {
    if (this.members) return this.members.delete(member);
    if (!isIntsetMember(member)) return false;
    const index = this.intIndex(member);
    if (index < 0) return false;
    this.ints.splice(index, 1);
    return true;
  }

  /** A uniformly random member, or undefined when empty. */
  randomMember(random: () => number): string | undefined {
    if (this.members) return this.members.randomKey(random);
    if (this.ints.length === 0) return undefined;
    return this.ints[Math.floor(random() * this.ints.length)];
  }

  /** Removes and returns a uniformly random member, or undefined when empty. */
  popRandom(random: () => number): string | undefined {
    if (this.members) {
      const member = this.members.randomKey(random);
      if (member !== undefined) this.members.delete(member);
      return member;
    }
    if (this.ints.length === 0) return undefined;
    return this.ints.splice(Math.floor(random() * this.ints.length), 1)[0];
  }

  /**
   * Removes `count` (< size) distinct random members and returns them. O(size) for an
   * intset (one rebuild instead of `count` splices), O(count) for a hashtable.
   */
  popRandomMany(count: number, random: () => number): string[] {
    const popped: string[] = [];
    if (this.members) {
      for (let i = 0; i < count; i++) {
        const member = this.members.randomKey(random)!;
        this.members.delete(member);
        popped.push(member);
      }
      return popped;
    }
    const picked = new Uint8Array(this.ints.length);
    for (const index of sampleIndexes(this.ints.length, count, random)) {
      picked[index] = 1;
      popped.push(this.ints[index]!);
    }
    this.ints = this.ints.filter((_, index) => picked[index] === 0);
    return popped;
  }

  /** `count` (< size) distinct random members, left in place. */
  randomDistinct(count: number, random: () => number): string[] {
    const members = this.members;
    if (members) {
      return sampleDistinctKeys(members.size, count, () => members.randomKey(random)!, () => members.keysIterator(), random);
    }
    return sampleIndexes(this.ints.length, count, random).map((index) => this.ints[index]!);
  }

  /** Members in encoding order: ascending for an intset, insertion order for a hashtable. */
  values(): IterableIterator<string> {
    return this.members ? this.members.keysIterator() : this.ints.values();
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.values();
  }

  /** One SSCAN step: an intset is returned whole with cursor 0, as Redis does. */
  scan(cursor: number, count: number, visit: (member: string) => void): number {
    if (!this.members) {
      for (const member of this.ints) visit(member);
      return 0;
    }
    return scanDict(this.members, cursor, count, visit);
  }

  /** An independent copy with the same encoding (COPY). */
  clone(): SetValue {
    const copy = new SetValue();
    copy.encoding = this.encoding;
    if (this.members) {
      copy.members = new Dict();
      for (const member of this.members.keysIterator()) copy.members.set(member, true);
    } else {
      copy.ints = this.ints.slice();
    }
    return copy;
  }

  private convertToHashtable(): void {
    const members = new Dict<true>();
    for (const member of this.ints) members.set(member, true);
    this.members = members;
    this.ints = [];
    this.encoding = "hashtable";
  }

  /** Index of an integer member, or -(insertion point) - 1 when absent. */
  private intIndex(member: string): number {
    let low = 0;
    let high = this.ints.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareIntegerTexts(this.ints[middle]!, member);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -low - 1;
  }
}

declare module "../object" {
  interface ObjectValueMap {
    set: SetValue;
  }
}
