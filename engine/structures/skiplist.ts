/**
 * The ordered half of a sorted set: a skiplist ordered by (score, member), where every forward
 * link records its span (how many level-0 steps it jumps) so a node's rank and the node at a
 * rank are found in O(log N), like Redis's zskiplist.
 *
 * Members are binary strings; ties in score are ordered by plain string comparison, which for
 * char codes 0-255 is exactly Redis's memcmp order.
 */

const MAX_LEVEL = 32;
/** Probability that a node also gets the next level (Redis's ZSKIPLIST_P). */
const LEVEL_P = 0.25;

/**
 * Level draws only shape the skiplist, never a reply, so they use a private xorshift instead of
 * the engine's seedable random source.
 */
let levelState = 0x9e3779b9;
function randomLevel(): number {
  let level = 1;
  for (;;) {
    levelState ^= levelState << 13;
    levelState ^= levelState >>> 17;
    levelState ^= levelState << 5;
    if ((levelState >>> 0) / 4294967296 >= LEVEL_P || level >= MAX_LEVEL) return level;
    level++;
  }
}

export class SkiplistNode {
  readonly forward: (SkiplistNode | null)[];
  readonly span: number[];
  backward: SkiplistNode | null = null;

  constructor(
    readonly member: string,
    public score: number,
    level: number,
  ) {
    this.forward = new Array<SkiplistNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }

  /** The following node in ascending order. */
  get next(): SkiplistNode | null {
    return this.forward[0]!;
  }
}

/** A score interval; exclusive ends come from "(1.5" arguments. */
export interface ScoreRange {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

/** The "-" and "+" lex bounds: below and above every string. */
export const LEX_MIN: unique symbol = Symbol("lex-min");
export const LEX_MAX: unique symbol = Symbol("lex-max");
export type LexBound = string | typeof LEX_MIN | typeof LEX_MAX;

/** A lexicographical interval from "[a", "(a", "-" and "+" arguments. */
export interface LexRange {
  min: LexBound;
  max: LexBound;
  minExclusive: boolean;
  maxExclusive: boolean;
}

export function scoreAboveMin(score: number, range: ScoreRange): boolean {
  return range.minExclusive ? score > range.min : score >= range.min;
}

export function scoreBelowMax(score: number, range: ScoreRange): boolean {
  return range.maxExclusive ? score < range.max : score <= range.max;
}

function compareLexBounds(a: LexBound, b: LexBound): number {
  if (a === b) return 0;
  if (a === LEX_MIN || b === LEX_MAX) return -1;
  if (a === LEX_MAX || b === LEX_MIN) return 1;
  return a < b ? -1 : 1;
}

export function lexAboveMin(value: string, range: LexRange): boolean {
  const cmp = compareLexBounds(value, range.min);
  return range.minExclusive ? cmp > 0 : cmp >= 0;
}

export function lexBelowMax(value: string, range: LexRange): boolean {
  const cmp = compareLexBounds(value, range.max);
  return range.maxExclusive ? cmp < 0 : cmp <= 0;
}

/** True when no value can satisfy the range, whatever the set holds. */
export function isEmptyScoreRange(range: ScoreRange): boolean {
  return range.min > range.max || (range.min === range.max && (range.minExclusive || range.maxExclusive));
}

export function isEmptyLexRange(range: LexRange): boolean {
  const cmp = compareLexBounds(range.min, range.max);
  return cmp > 0 || (cmp === 0 && (range.minExclusive || range.maxExclusive));
}

/** Whether `node` sorts strictly before (score, member). */
function precedes(node: SkiplistNode, score: number, member: string): boolean {
  return node.score < score || (node.score === score && node.member < member);
}

export class Skiplist {
  private readonly header = new SkiplistNode("", 0, MAX_LEVEL);
  private level = 1;
  /** The last node, or null when empty. */
  tail: SkiplistNode | null = null;
  length = 0;
  /** Scratch arrays reused by every update (one command runs at a time). */
  private readonly update: SkiplistNode[] = new Array<SkiplistNode>(MAX_LEVEL);
  private readonly rankAt: number[] = new Array<number>(MAX_LEVEL).fill(0);

  /** The first node, or null when empty. */
  get head(): SkiplistNode | null {
    return this.header.forward[0]!;
  }

  /** Inserts a member that must not be present yet; returns its node. */
  insert(score: number, member: string): SkiplistNode {
    const update = this.update;
    const rank = this.rankAt;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (let next = x.forward[i]; next && precedes(next, score, member); next = x.forward[i]) {
        rank[i] = rank[i]! + x.span[i]!;
        x = next;
      }
      update[i] = x;
    }
    const level = randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.header;
        this.header.span[i] = this.length;
      }
      this.level = level;
    }
    const node = new SkiplistNode(member, score, level);
    for (let i = 0; i < level; i++) {
      const previous = update[i]!;
      node.forward[i] = previous.forward[i]!;
      previous.forward[i] = node;
      node.span[i] = previous.span[i]! - (rank[0]! - rank[i]!);
      previous.span[i] = rank[0]! - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) update[i]!.span[i]!++;
    node.backward = update[0] === this.header ? null : update[0]!;
    if (node.forward[0]) node.forward[0].backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** Finds the predecessors of (score, member) on every level into `update`; returns the level-0 candidate. */
  private findPredecessors(score: number, member: string): SkiplistNode | null {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let next = x.forward[i]; next && precedes(next, score, member); next = x.forward[i]) x = next;
      this.update[i] = x;
    }
    return x.forward[0]!;
  }

  private unlink(node: SkiplistNode): void {
    const update = this.update;
    for (let i = 0; i < this.level; i++) {
      const previous = update[i]!;
      if (previous.forward[i] === node) {
        previous.span[i]! += node.span[i]! - 1;
        previous.forward[i] = node.forward[i]!;
      } else {
        previous.span[i]!--;
      }
    }
    if (node.forward[0]) node.forward[0].backward = node.backward;
    else this.tail = node.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === null) this.level--;
    this.length--;
  }

  /** Removes (score, member); false when it is not there. */
  delete(score: number, member: string): boolean {
    const candidate = this.findPredecessors(score, member);
    if (!candidate || candidate.score !== score || candidate.member !== member) return false;
    this.unlink(candidate);
    return true;
  }

  /**
   * Changes the score of a present node. Stays in place when the order is unchanged (the
   * common ZINCRBY case); otherwise re-inserts. Returns the node now holding the member.
   */
  updateScore(node: SkiplistNode, newScore: number): SkiplistNode {
    const previous = node.backward;
    const next = node.forward[0]!;
    if ((previous === null || previous.score < newScore || (previous.score === newScore && previous.member < node.member)) &&
        (next === null || next.score > newScore || (next.score === newScore && next.member > node.member))) {
      node.score = newScore;
      return node;
    }
    this.findPredecessors(node.score, node.member);
    this.unlink(node);
    return this.insert(newScore, node.member);
  }

  /** 1-based rank of (score, member), or 0 when absent. */
  rank(score: number, member: string): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let next = x.forward[i]; next && (next.score < score || (next.score === score && next.member <= member)); next = x.forward[i]) {
        rank += x.span[i]!;
        x = next;
      }
      if (x !== this.header && x.member === member && x.score === score) return rank;
    }
    return 0;
  }

  /** The node at a 1-based rank, or null when out of range. */
  byRank(rank: number): SkiplistNode | null {
    if (rank < 1 || rank > this.length) return null;
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.forward[i] && traversed + x.span[i]! <= rank) {
        traversed += x.span[i]!;
        x = x.forward[i]!;
      }
      if (traversed === rank) return x;
    }
    return null;
  }

  /** First node whose score is in range, or null. */
  firstInScoreRange(range: ScoreRange): SkiplistNode | null {
    if (isEmptyScoreRange(range) || !this.tail || !scoreAboveMin(this.tail.score, range)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.forward[i] && !scoreAboveMin(x.forward[i]!.score, range)) x = x.forward[i]!;
    }
    const node = x.forward[0]!;
    return node && scoreBelowMax(node.score, range) ? node : null;
  }

  /** Last node whose score is in range, or null. */
  lastInScoreRange(range: ScoreRange): SkiplistNode | null {
    const head = this.head;
    if (isEmptyScoreRange(range) || !head || !scoreBelowMax(head.score, range)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.forward[i] && scoreBelowMax(x.forward[i]!.score, range)) x = x.forward[i]!;
    }
    return x !== this.header && scoreAboveMin(x.score, range) ? x : null;
  }

  /** Whether some node may be in the lex range: the tail is above min and the head below max. */
  private mayHaveLex(range: LexRange): boolean {
    return !isEmptyLexRange(range) && this.tail !== null && lexAboveMin(this.tail.member, range) && lexBelowMax(this.head!.member, range);
  }

  /**
   * First node whose member is in the lex range, or null. Lex ranges assume equal scores; for
   * other sets the answer depends on the search, so `linear` scans from the head as Redis's
   * listpack code does (small sets), and otherwise the levels are searched as its skiplist does.
   */
  firstInLexRange(range: LexRange, linear = false): SkiplistNode | null {
    if (!this.mayHaveLex(range)) return null;
    let node: SkiplistNode | null;
    if (linear) {
      node = this.head;
      while (node && !lexAboveMin(node.member, range)) node = node.next;
    } else {
      let x = this.header;
      for (let i = this.level - 1; i >= 0; i--) {
        while (x.forward[i] && !lexAboveMin(x.forward[i]!.member, range)) x = x.forward[i]!;
      }
      node = x.forward[0]!;
    }
    return node && lexBelowMax(node.member, range) ? node : null;
  }

  /** Last node whose member is in the lex range, or null (`linear`: scanning from the tail). */
  lastInLexRange(range: LexRange, linear = false): SkiplistNode | null {
    if (!this.mayHaveLex(range)) return null;
    let node: SkiplistNode | null;
    if (linear) {
      node = this.tail;
      while (node && !lexBelowMax(node.member, range)) node = node.backward;
    } else {
      let x = this.header;
      for (let i = this.level - 1; i >= 0; i--) {
        while (x.forward[i] && lexBelowMax(x.forward[i]!.member, range)) x = x.forward[i]!;
      }
      node = x === this.header ? null : x;
    }
    return node && lexAboveMin(node.member, range) ? node : null;
  }

  /** Removes the nodes with 1-based ranks start..end inclusive, calling `removed` for each. */
  deleteRangeByRank(start: number, end: number, removed: (node: SkiplistNode) => void): number {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.forward[i] && traversed + x.span[i]! < start) {
        traversed += x.span[i]!;
        x = x.forward[i]!;
      }
      this.update[i] = x;
    }
    traversed++;
    let node = x.forward[0]!;
    let count = 0;
    while (node && traversed <= end) {
      const next = node.forward[0]!;
      this.unlink(node);
      removed(node);
      count++;
      traversed++;
      node = next;
    }
    return count;
  }

  /** Removes every node whose score is in range. */
  deleteRangeByScore(range: ScoreRange, removed: (node: SkiplistNode) => void): number {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.forward[i] && !scoreAboveMin(x.forward[i]!.score, range)) x = x.forward[i]!;
      this.update[i] = x;
    }
    let node = x.forward[0]!;
    let count = 0;
    while (node && scoreBelowMax(node.score, range)) {
      const next = node.forward[0]!;
      this.unlink(node);
      removed(node);
      count++;
      node = next;
    }
    return count;
  }

  /** Removes every node whose member is in the lex range (`linear` as in firstInLexRange). */
  deleteRangeByLex(range: LexRange, removed: (node: SkiplistNode) => void, linear = false): number {
    let node: SkiplistNode | null;
    if (linear) {
      node = this.firstInLexRange(range, true);
      if (node === null) return 0;
      this.findPredecessors(node.score, node.member);
    } else {
      let x = this.header;
      for (let i = this.level - 1; i >= 0; i--) {
        while (x.forward[i] && !lexAboveMin(x.forward[i]!.member, range)) x = x.forward[i]!;
        this.update[i] = x;
      }
      node = x.forward[0]!;
    }
    let count = 0;
    while (node && lexBelowMax(node.member, range)) {
      const next: SkiplistNode | null = node.forward[0]!;
      this.unlink(node);
      removed(node);
      count++;
      node = next;
    }
    return count;
  }
}
