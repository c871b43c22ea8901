/**
 * The value of a sorted-set key, built like Redis's zset: a dict from member to its skiplist
 * node (O(1) score lookups) plus the skiplist for order, ranks and ranges. Reusable by any
 * score-ordered feature (geo keeps geohashes as scores).
 *
 * Redis keeps small sets in a listpack and converts them one way to a skiplist; here the
 * structure is always the skiplist and `encoding` only records what Redis would report (it
 * also decides how ZSCAN iterates, as in Redis).
 */
import { Dict } from "./dict";
import { type LexRange, type ScoreRange, Skiplist, type SkiplistNode, lexBelowMax } from "./skiplist";

export type ZsetEncoding = "listpack" | "skiplist";

/** zset-max-listpack-entries / zset-max-listpack-value. */
export interface ListpackLimits {
  maxEntries: number;
  maxValue: number;
}

export class SortedSet {
  readonly members = new Dict<SkiplistNode>();
  readonly list = new Skiplist();

  /** Results computed for a reply (ZUNION...) are skiplists in Redis; stored keys start as listpacks. */
  constructor(public encoding: ZsetEncoding = "listpack") {}

  get size(): number {
    return this.list.length;
  }

  score(member: string): number | undefined {
    return this.members.get(member)?.score;
  }

  /** Sets a member's score, adding the member if needed; true when it was added. */
  set(member: string, score: number): boolean {
    // A listpack stores 0 and -0 alike as the integer 0.
    if (score === 0 && this.encoding === "listpack") score = 0;
    const node = this.members.get(member);
    if (node === undefined) {
      this.members.set(member, this.list.insert(score, member));
      return true;
    }
    if (node.score !== score) this.members.set(member, this.list.updateScore(node, score));
    return false;
  }

  remove(member: string): boolean {
    const node = this.members.get(member);
    if (node === undefined) return false;
    this.list.delete(node.score, member);
    this.members.delete(member);
    return true;
  }

  /** 0-based rank, counted from the highest score when `reverse`; undefined when absent. */
  rank(member: string, reverse = false): number | undefined {
    const node = this.members.get(member);
    if (node === undefined) return undefined;
    const rank = this.list.rank(node.score, member) - 1;
    return reverse ? this.list.length - 1 - rank : rank;
  }

  /** The node at a 0-based rank in ascending order. */
  at(rank: number): SkiplistNode | null {
    return this.list.byRank(rank + 1);
  }

  countInScoreRange(range: ScoreRange): number {
    const first = this.list.firstInScoreRange(range);
    if (first === null) return 0;
    const last = this.list.lastInScoreRange(range)!;
    return this.list.rank(last.score, last.member) - this.list.rank(first.score, first.member) + 1;
  }

  firstInLexRange(range: LexRange): SkiplistNode | null {
    return this.list.firstInLexRange(range, this.encoding === "listpack");
  }

  lastInLexRange(range: LexRange): SkiplistNode | null {
    return this.list.lastInLexRange(range, this.encoding === "listpack");
  }

  /** Counted the way Redis does for the encoding (they differ only when scores are not all equal). */
  countInLexRange(range: LexRange): number {
    const first = this.firstInLexRange(range);
    if (first === null) return 0;
    if (this.encoding === "listpack") {
      let count = 0;
      for (let node: SkiplistNode | null = first; node && lexBelowMax(node.member, range); node = node.next) count++;
      return count;
    }
    let count = this.list.length - this.list.rank(first.score, first.member) + 1;
    const last = this.list.lastInLexRange(range);
    if (last !== null) count -= this.list.length - this.list.rank(last.score, last.member);
    return count;
  }

  /** Removes 0-based ranks start..end inclusive (already clamped to the set). */
  removeRangeByRank(start: number, end: number): number {
    return this.list.deleteRangeByRank(start + 1, end + 1, this.forget);
  }

  removeRangeByScore(range: ScoreRange): number {
    return this.list.deleteRangeByScore(range, this.forget);
  }

  removeRangeByLex(range: LexRange): number {
    return this.list.deleteRangeByLex(range, this.forget, this.encoding === "listpack");
  }

  private readonly forget = (node: SkiplistNode): void => {
    this.members.delete(node.member);
  };

  /**
   * Called before adding a member of `memberLength` bytes: switches to "skiplist" (never back)
   * when the set would outgrow the listpack limits, as Redis converts before inserting.
   */
  prepareToAdd(limits: ListpackLimits, memberLength: number): void {
    if (this.encoding === "listpack" && (this.list.length + 1 > limits.maxEntries || memberLength > limits.maxValue)) {
      this.encoding = "skiplist";
    }
  }

  /** The encoding Redis gives a freshly built set (store commands): listpack when it fits. */
  chooseEncoding(limits: ListpackLimits): void {
    let longest = 0;
    for (let node = this.list.head; node !== null; node = node.next) if (node.member.length > longest) longest = node.member.length;
    if (this.list.length > limits.maxEntries || longest > limits.maxValue) {
      this.encoding = "skiplist";
      return;
    }
    this.encoding = "listpack";
    for (let node = this.list.head; node !== null; node = node.next) if (node.score === 0) node.score = 0;
  }

  clone(): SortedSet {
    const copy = new SortedSet(this.encoding);
    for (let node = this.list.head; node !== null; node = node.next) copy.set(node.member, node.score);
    return copy;
  }

  /** Members in ascending order. */
  *[Symbol.iterator](): IterableIterator<string> {
    for (let node = this.list.head; node !== null; node = node.next) yield node.member;
  }
}

declare module "../object" {
  interface ObjectValueMap {
    zset: SortedSet;
  }
}
