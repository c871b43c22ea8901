import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import {
  Consumer,
  ConsumerGroup,
  IdMap,
  MAX_ID,
  MIN_ID,
  Stream,
  UNKNOWN_ENTRIES_READ,
  decrementId,
  formatId,
  incrementId,
  makeBigId,
  makeId,
} from "./stream";

const LIMITS = { maxEntries: 100, maxBytes: 4096 };

function streamOf(count: number, fields: (i: number) => string[] = (i) => ["f", String(i)]): Stream {
  const stream = new Stream();
  for (let i = 1; i <= count; i++) stream.append(makeId(i, 0), fields(i), LIMITS);
  return stream;
}

const ids = (entries: Iterable<{ id: string }>) => [...entries].map((entry) => formatId(entry.id));

describe("stream IDs", () => {
  it("order numerically as strings and format as ms-seq, 64-bit parts included", () => {
    expect(makeId(2, 0) > makeId(1, 99)).toBe(true);
    expect(makeId(2 ** 40, 5) > makeId(2 ** 32, 7)).toBe(true);
    expect(formatId(makeId(1_700_000_000_000, 3))).toBe("1700000000000-3");
    expect(formatId(MAX_ID)).toBe("18446744073709551615-18446744073709551615");
    expect(formatId(makeBigId(2n ** 63n, 1n))).toBe("9223372036854775808-1");
    expect(formatId(MIN_ID)).toBe("0-0");
  });

  it("increment and decrement carry between seq and ms, and stop at the ends", () => {
    expect(formatId(incrementId(makeId(1, 5))!)).toBe("1-6");
    expect(formatId(incrementId(makeBigId(1n, 2n ** 64n - 1n))!)).toBe("2-0");
    expect(formatId(decrementId(makeId(2, 0))!)).toBe("1-18446744073709551615");
    expect(incrementId(MAX_ID)).toBeUndefined();
    expect(decrementId(MIN_ID)).toBeUndefined();
  });
});

describe("Stream", () => {
  it("splits nodes at stream-node-max-entries, counting deleted entries", () => {
    const stream = streamOf(250);
    expect(stream.nodes.map((node) => node.entries.length)).toEqual([100, 100, 50]);
    stream.delete(makeId(260, 0));
    stream.delete(makeId(250, 0));
    expect(stream.nodes[2]!.entries.length).toBe(50);
    expect(stream.length).toBe(249);
  });

  it("splits nodes by listpack bytes for large values", () => {
    const stream = streamOf(20, () => ["f", "x".repeat(1000)]);
    // Each entry takes ~1 KB, so a 4096-byte node holds 4 of them, as in Redis.
    expect(stream.nodes.map((node) => node.entries.length)).toEqual([4, 4, 4, 4, 4]);
  });

  it("range and reverseRange match a plain filter, with deleted entries skipped", () => {
    const random = seededRandom(42);
    const stream = streamOf(500);
    const live = new Set(Array.from({ length: 500 }, (_, i) => i + 1));
    for (let i = 0; i < 200; i++) {
      const n = 1 + Math.floor(random() * 500);
      expect(stream.delete(makeId(n, 0))).toBe(live.delete(n));
    }
    for (let i = 0; i < 100; i++) {
      const a = Math.floor(random() * 520);
      const b = Math.floor(random() * 520);
      const expected = [...live].filter((n) => n >= a && n <= b).sort((x, y) => x - y).map((n) => `${n}-0`);
      expect(ids(stream.range(makeId(a, 0), makeId(b, 0))), `${a}..${b}`).toEqual(expected);
      expect(ids(stream.reverseRange(makeId(a, 0), makeId(b, 0))), `rev ${a}..${b}`).toEqual([...expected].reverse());
    }
    expect(stream.length).toBe(live.size);
    expect(ids(stream.range(MIN_ID, MAX_ID))).toHaveLength(live.size);
  });

  it("trims exactly or by whole nodes, honouring LIMIT", () => {
    const exact = streamOf(250);
    expect(exact.trim({ strategy: "maxlen", maxlen: 120, minId: MIN_ID, approximate: false, limit: 0 })).toBe(130);
    expect(exact.length).toBe(120);
    expect(formatId(exact.firstId())).toBe("131-0");
    const approx = streamOf(250);
    expect(approx.trim({ strategy: "maxlen", maxlen: 120, minId: MIN_ID, approximate: true, limit: 10000 })).toBe(100);
    expect(approx.length).toBe(150);
    const limited = streamOf(250);
    expect(limited.trim({ strategy: "maxlen", maxlen: 0, minId: MIN_ID, approximate: true, limit: 150 })).toBe(100);
    const byId = streamOf(250);
    expect(byId.trim({ strategy: "minid", maxlen: 0, minId: makeId(205, 0), approximate: false, limit: 0 })).toBe(204);
    expect(formatId(byId.firstId())).toBe("205-0");
  });

  it("estimates entries read and lag like Redis", () => {
    const stream = streamOf(5);
    const group = new ConsumerGroup("g", MIN_ID, UNKNOWN_ENTRIES_READ);
    expect(stream.lag(group)).toBe(5);
    expect(stream.estimateEntriesRead(makeId(5, 0))).toBe(5);
    expect(stream.estimateEntriesRead(makeId(1, 0))).toBe(1);
    expect(stream.estimateEntriesRead(makeId(9, 0))).toBe(UNKNOWN_ENTRIES_READ);
    stream.delete(makeId(3, 0));
    expect(stream.estimateEntriesRead(makeId(2, 0))).toBe(UNKNOWN_ENTRIES_READ);
    group.lastId = makeId(2, 0);
    expect(stream.lag(group)).toBeUndefined();
    group.lastId = makeId(5, 0);
    expect(stream.lag(group)).toBe(0);
  });

  it("counts radix tree nodes like Redis for simple shapes", () => {
    expect(new Stream().radixTreeNodes()).toBe(1);
    expect(streamOf(1).radixTreeNodes()).toBe(2);
  });

  it("clones deeply: entries, groups, consumers and pending lists", () => {
    const stream = streamOf(3);
    const group = new ConsumerGroup("g", makeId(2, 0), 2);
    const consumer = new Consumer("c", 10);
    const pending = { id: makeId(1, 0), consumer, deliveryTime: 5, deliveryCount: 1 };
    group.consumers.set("c", consumer);
    group.pending.set(pending.id, pending);
    consumer.pending.set(pending.id, pending);
    stream.groups.set("g", group);
    const copy = stream.clone();
    stream.delete(makeId(1, 0));
    pending.deliveryCount = 9;
    group.lastId = MAX_ID;
    expect(copy.length).toBe(3);
    const copiedGroup = copy.groups.get("g")!;
    expect(formatId(copiedGroup.lastId)).toBe("2-0");
    const copiedPending = copiedGroup.pending.get(makeId(1, 0))!;
    expect(copiedPending.deliveryCount).toBe(1);
    expect(copiedPending.consumer).toBe(copiedGroup.consumers.get("c"));
    expect(copiedGroup.consumers.get("c")!.pending.get(makeId(1, 0))).toBe(copiedPending);
  });
});

describe("IdMap", () => {
  it("matches a sorted reference under random inserts and deletes", () => {
    const random = seededRandom(7);
    const map = new IdMap<number>();
    const reference = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const id = makeId(Math.floor(random() * 2000), Math.floor(random() * 3));
      if (random() < 0.65) {
        map.set(id, i);
        reference.set(id, i);
      } else {
        expect(map.delete(id)).toBe(reference.delete(id));
      }
    }
    const sorted = [...reference.keys()].sort();
    expect(map.size).toBe(sorted.length);
    expect([...map.range(MIN_ID)].map(([id]) => id)).toEqual(sorted);
    expect([...map.range(MIN_ID)].map(([, value]) => value)).toEqual(sorted.map((id) => reference.get(id)));
    const from = makeId(1000, 0);
    const to = makeId(1500, 0);
    expect([...map.range(from, to)].map(([id]) => id)).toEqual(sorted.filter((id) => id >= from && id <= to));
    expect(map.ceiling(from)).toBe(sorted.find((id) => id >= from));
    expect(map.first()).toBe(sorted[0]);
    expect(map.last()).toBe(sorted[sorted.length - 1]);
  });
});
