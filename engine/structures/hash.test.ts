import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { HashValue } from "./hash";

const limits = { maxListpackEntries: 3, maxListpackValue: 5 };

describe("HashValue", () => {
  it("keeps insertion order, updates in place, and reports new fields", () => {
    const hash = new HashValue();
    expect(hash.set("b", "1", limits)).toBe(true);
    expect(hash.set("a", "2", limits)).toBe(true);
    expect(hash.set("b", "3", limits)).toBe(false);
    expect([...hash]).toEqual([["b", "3"], ["a", "2"]]);
    expect(hash.delete("b")).toBe(true);
    expect(hash.delete("b")).toBe(false);
    hash.set("b", "4", limits);
    expect([...hash.keys()]).toEqual(["a", "b"]);
    expect(hash.get("a")).toBe("2");
    expect(hash.has("zz")).toBe(false);
    expect(hash.size).toBe(2);
  });

  it("converts to hashtable past the entry or length limits, and never back", () => {
    const byCount = new HashValue();
    for (const field of ["a", "b", "c"]) byCount.set(field, "v", limits);
    expect(byCount.encoding).toBe("listpack");
    byCount.set("d", "v", limits);
    expect(byCount.encoding).toBe("hashtable");
    for (const field of ["a", "b", "c"]) byCount.delete(field);
    expect(byCount.encoding).toBe("hashtable");

    const byValue = new HashValue();
    byValue.set("f", "12345", limits);
    expect(byValue.encoding).toBe("listpack");
    byValue.set("f", "123456", limits);
    expect(byValue.encoding).toBe("hashtable");

    const byField = new HashValue();
    byField.set("123456", "v", limits);
    expect(byField.encoding).toBe("hashtable");
  });

  it("scans a listpack whole and pages a hashtable without missing fields", () => {
    const small = new HashValue();
    small.set("a", "1", limits);
    small.set("b", "2", limits);
    const seen: string[] = [];
    expect(small.scan(12345, 1, (field, value) => seen.push(field + value))).toBe(0);
    expect(seen).toEqual(["a1", "b2"]);

    const big = new HashValue();
    for (let i = 0; i < 100; i++) big.set(`f${i}`, "v", limits);
    const visited = new Set<string>();
    let cursor = 0;
    let calls = 0;
    do {
      cursor = big.scan(cursor, 10, (field) => visited.add(field));
      calls++;
      if (calls === 3) for (let i = 0; i < 60; i++) big.delete(`f${i}`);
    } while (cursor !== 0);
    expect(calls).toBeGreaterThan(3);
    for (let i = 60; i < 100; i++) expect(visited.has(`f${i}`)).toBe(true);
  });

  it("clones independently with the same order and encoding", () => {
    const hash = new HashValue();
    for (const field of ["z", "y", "x", "w"]) hash.set(field, field.toUpperCase(), limits);
    const copy = hash.clone();
    expect(copy.encoding).toBe("hashtable");
    expect([...copy]).toEqual([...hash]);
    copy.set("z", "changed", limits);
    expect(hash.get("z")).toBe("Z");
  });

  it("samples distinct random fields, few or many", () => {
    const hash = new HashValue();
    for (let i = 0; i < 30; i++) hash.set(`f${i}`, "v", { maxListpackEntries: 512, maxListpackValue: 64 });
    const random = seededRandom(5);
    for (const count of [1, 5, 10, 11, 29]) {
      const fields = hash.randomDistinct(count, random);
      expect(fields.length).toBe(count);
      expect(new Set(fields).size).toBe(count);
      for (const field of fields) expect(hash.has(field)).toBe(true);
    }
  });

  it("picks random fields among the present ones", () => {
    const hash = new HashValue();
    expect(hash.randomField(Math.random)).toBeUndefined();
    for (const field of ["a", "b", "c"]) hash.set(field, "v", limits);
    hash.delete("b");
    const random = seededRandom(7);
    const picked = new Set(Array.from({ length: 50 }, () => hash.randomField(random)));
    expect(picked).toEqual(new Set(["a", "c"]));
  });
});
