import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { isIntsetMember, SetValue } from "./set";

describe("SetValue", () => {
  it("keeps an intset sorted numerically, int64 extremes included", () => {
    const set = new SetValue();
    for (const member of ["10", "-3", "9223372036854775807", "2", "-9223372036854775808", "0", "-20", "2"]) set.add(member, 512);
    expect(set.encoding).toBe("intset");
    expect([...set]).toEqual(["-9223372036854775808", "-20", "-3", "0", "2", "10", "9223372036854775807"]);
    expect(set.has("2")).toBe(true);
    expect(set.has("02")).toBe(false);
    expect(set.has("x")).toBe(false);
    expect(set.delete("-20")).toBe(true);
    expect(set.delete("-20")).toBe(false);
    expect(set.delete("abc")).toBe(false);
    expect(set.size).toBe(6);
  });

  it("recognises only canonical int64 texts as intset members", () => {
    for (const member of ["0", "-1", "123", "9223372036854775807", "-9223372036854775808"]) expect(isIntsetMember(member), member).toBe(true);
    for (const member of ["", "-0", "01", "+1", " 1", "1.0", "9223372036854775808", "1e3", "abc"]) expect(isIntsetMember(member), member).toBe(false);
  });

  it("converts to a hashtable on a non-integer or past the entry limit, and never back", () => {
    const text = new SetValue();
    text.add("1", 512);
    expect(text.add("a", 512)).toBe(true);
    expect(text.encoding).toBe("hashtable");
    expect(text.add("1", 512)).toBe(false);
    text.delete("a");
    expect(text.encoding).toBe("hashtable");
    expect([...text]).toEqual(["1"]);

    const many = new SetValue();
    for (let i = 0; i < 4; i++) many.add(String(i), 4);
    expect(many.encoding).toBe("intset");
    many.add("4", 4);
    expect(many.encoding).toBe("hashtable");
    expect(many.size).toBe(5);
  });

  it("pops and samples distinct members from both encodings", () => {
    const random = seededRandom(3);
    for (const members of [["1", "2", "3", "4", "5", "6"], ["a", "b", "c", "d", "e", "f"]]) {
      const set = new SetValue();
      for (const member of members) set.add(member, 512);
      const sample = set.randomDistinct(4, random);
      expect(new Set(sample).size).toBe(4);
      for (const member of sample) expect(members).toContain(member);
      const popped = set.popRandomMany(3, random);
      expect(new Set(popped).size).toBe(3);
      expect(set.size).toBe(3);
      const single = set.popRandom(random)!;
      expect(new Set([...popped, single, ...set])).toEqual(new Set(members));
      expect(members).toContain(set.randomMember(random));
    }
    expect(new SetValue().popRandom(Math.random)).toBeUndefined();
    expect(new SetValue().randomMember(Math.random)).toBeUndefined();
  });

  it("scans an intset whole, clones independently", () => {
    const set = new SetValue();
    for (const member of ["3", "1", "2"]) set.add(member, 512);
    const seen: string[] = [];
    expect(set.scan(99, 1, (member) => seen.push(member))).toBe(0);
    expect(seen).toEqual(["1", "2", "3"]);
    const copy = set.clone();
    copy.add("x", 512);
    expect(copy.encoding).toBe("hashtable");
    expect(set.encoding).toBe("intset");
    expect(set.has("x")).toBe(false);
    const copyOfCopy = copy.clone();
    copyOfCopy.delete("1");
    expect(copy.has("1")).toBe(true);
  });
});
