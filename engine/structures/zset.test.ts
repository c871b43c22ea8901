import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { LEX_MAX, LEX_MIN, Skiplist } from "./skiplist";
import { SortedSet } from "./zset";

/** Reference order: score, then member. */
function compare(a: [string, number], b: [string, number]): number {
  return a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

function contents(zset: SortedSet): [string, number][] {
  const out: [string, number][] = [];
  for (let node = zset.list.head; node; node = node.next) out.push([node.member, node.score]);
  return out;
}

describe("Skiplist", () => {
  it("keeps (score, member) order, ranks and backward links", () => {
    const list = new Skiplist();
    list.insert(2, "b");
    list.insert(1, "z");
    list.insert(2, "a");
    list.insert(-Infinity, "low");
    expect(list.length).toBe(4);
    const forward: string[] = [];
    for (let node = list.head; node; node = node.next) forward.push(node.member);
    expect(forward).toEqual(["low", "z", "a", "b"]);
    const backward: string[] = [];
    for (let node = list.tail; node; node = node.backward) backward.push(node.member);
    expect(backward).toEqual(["b", "a", "z", "low"]);
    expect(list.rank(2, "a")).toBe(3);
    expect(list.rank(2, "c")).toBe(0);
    expect(list.byRank(4)?.member).toBe("b");
    expect(list.byRank(5)).toBeNull();
    expect(list.delete(2, "a")).toBe(true);
    expect(list.delete(2, "a")).toBe(false);
    expect(list.rank(2, "b")).toBe(3);
  });

  it("finds score and lex ranges, exclusive ends and empty ranges included", () => {
    const list = new Skiplist();
    for (const member of ["a", "b", "c", "d"]) list.insert(0, member);
    expect(list.firstInLexRange({ min: "b", minExclusive: true, max: LEX_MAX, maxExclusive: true })?.member).toBe("c");
    expect(list.lastInLexRange({ min: LEX_MIN, minExclusive: true, max: "c", maxExclusive: true })?.member).toBe("b");
    expect(list.firstInLexRange({ min: "c", minExclusive: false, max: "b", maxExclusive: false })).toBeNull();
    expect(list.firstInLexRange({ min: "e", minExclusive: false, max: LEX_MAX, maxExclusive: true })).toBeNull();
    const scores = new Skiplist();
    for (let i = 1; i <= 5; i++) scores.insert(i, `m${i}`);
    expect(scores.firstInScoreRange({ min: 2, minExclusive: true, max: 4, maxExclusive: false })?.member).toBe("m3");
    expect(scores.lastInScoreRange({ min: 2, minExclusive: true, max: 4, maxExclusive: true })?.member).toBe("m3");
    expect(scores.firstInScoreRange({ min: 3, minExclusive: true, max: 3, maxExclusive: false })).toBeNull();
    expect(scores.lastInScoreRange({ min: 6, minExclusive: false, max: 9, maxExclusive: false })).toBeNull();
  });
});

describe("SortedSet", () => {
  it("matches a sorted-array model under random operations", () => {
    const seed = 99;
    const random = seededRandom(seed);
    const zset = new SortedSet("skiplist");
    const model = new Map<string, number>();
    const members = Array.from({ length: 60 }, (_, i) => `k${i}`);
    for (let step = 0; step < 5000; step++) {
      const member = members[Math.floor(random() * members.length)]!;
      const op = Math.floor(random() * 6);
      if (op <= 2) {
        const score = Math.floor(random() * 20) - 10;
        expect(zset.set(member, score), `seed ${seed} step ${step}`).toBe(!model.has(member));
        model.set(member, score);
      } else if (op === 3) {
        expect(zset.remove(member)).toBe(model.delete(member));
      } else if (op === 4) {
        const min = Math.floor(random() * 20) - 10;
        const max = min + Math.floor(random() * 6);
        const range = { min, max, minExclusive: random() < 0.5, maxExclusive: random() < 0.5 };
        const inRange = (score: number) => (range.minExclusive ? score > min : score >= min) && (range.maxExclusive ? score < max : score <= max);
        const expected = [...model.values()].filter(inRange).length;
        expect(zset.countInScoreRange(range), `seed ${seed} step ${step}`).toBe(expected);
        if (random() < 0.2) {
          expect(zset.removeRangeByScore(range)).toBe(expected);
          for (const [name, score] of [...model]) if (inRange(score)) model.delete(name);
        }
      } else if (zset.size > 0) {
        const start = Math.floor(random() * zset.size);
        const end = start + Math.floor(random() * 3);
        const sorted = [...model].sort(compare);
        const removed = sorted.slice(start, end + 1);
        expect(zset.removeRangeByRank(start, Math.min(end, zset.size - 1))).toBe(removed.length);
        for (const [name] of removed) model.delete(name);
      }
      expect(zset.size).toBe(model.size);
      if (step % 250 === 0) {
        const sorted = [...model].sort(compare);
        expect(contents(zset), `seed ${seed} step ${step}`).toEqual(sorted);
        sorted.forEach(([name], index) => {
          expect(zset.rank(name)).toBe(index);
          expect(zset.rank(name, true)).toBe(sorted.length - 1 - index);
          expect(zset.at(index)?.member).toBe(name);
        });
      }
    }
  });

  it("reports and switches encodings one way, normalizing -0 in listpacks", () => {
    const limits = { maxEntries: 2, maxValue: 4 };
    const zset = new SortedSet();
    for (const member of ["a", "b"]) {
      zset.prepareToAdd(limits, member.length);
      zset.set(member, -0);
    }
    expect(zset.encoding).toBe("listpack");
    expect(Object.is(zset.score("a"), 0)).toBe(true);
    zset.prepareToAdd(limits, 1);
    zset.set("c", -0);
    expect(zset.encoding).toBe("skiplist");
    expect(Object.is(zset.score("c"), -0)).toBe(true);
    zset.remove("c");
    zset.remove("b");
    expect(zset.encoding).toBe("skiplist");
    const built = new SortedSet("skiplist");
    built.set("x", -0);
    built.chooseEncoding(limits);
    expect(built.encoding).toBe("listpack");
    expect(Object.is(built.score("x"), 0)).toBe(true);
    built.set("toolong", 1);
    built.chooseEncoding(limits);
    expect(built.encoding).toBe("skiplist");
  });

  it("lex ranges over mixed scores follow the encoding's search, as Redis's do", () => {
    const build = (encoding: "listpack" | "skiplist") => {
      const zset = new SortedSet(encoding);
      for (const [member, score] of [["p", 0], ["q", 0], ["r", 0], ["c", 3], ["e", 5], ["f", 6]] as const) zset.set(member, score);
      return zset;
    };
    const range = { min: "p", minExclusive: false, max: "r", maxExclusive: true };
    // The tail "f" sorts below "[p": a listpack reports nothing in range.
    expect(build("listpack").countInLexRange(range)).toBe(0);
    expect(build("listpack").removeRangeByLex(range)).toBe(0);
    const sameScores = new SortedSet();
    for (const member of ["a", "b", "c"]) sameScores.set(member, 1);
    expect(sameScores.countInLexRange({ min: "a", minExclusive: true, max: LEX_MAX, maxExclusive: true })).toBe(2);
  });

  it("clones deeply and iterates members in order", () => {
    const zset = new SortedSet();
    zset.set("b", 1);
    zset.set("a", 1);
    const copy = zset.clone();
    copy.set("c", 0);
    expect([...zset]).toEqual(["a", "b"]);
    expect([...copy]).toEqual(["c", "a", "b"]);
    expect(copy.encoding).toBe("listpack");
  });
});
