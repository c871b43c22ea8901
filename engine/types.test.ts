import { describe, expect, it } from "vitest";
import { RedisObject } from "./object";
import { newUnencodedStringObject } from "./structures/string-value";
import { cloneObject, elementsOf, objectEncoding, readHashField, registerElementsReader, registerEncoding, registerTypeCloner } from "./types";

class FakeStream {
  constructor(readonly entries: string[]) {}
}

describe("per-type hooks", () => {
  it("uses registered hooks for COPY, OBJECT ENCODING and SORT", () => {
    registerTypeCloner("stream", (value) => new FakeStream([...(value as unknown as FakeStream).entries]) as never);
    registerEncoding("stream", () => "stream");
    registerElementsReader("stream", (value) => (value as unknown as FakeStream).entries);
    const original = new RedisObject("stream", new FakeStream(["a", "b"]) as never);
    const copy = cloneObject(original);
    (original.value as unknown as FakeStream).entries.push("c");
    expect(elementsOf(copy)).toEqual(["a", "b"]);
    expect(objectEncoding(copy)).toBe("stream");
  });

  it("falls back to clone(), encoding, get() and iteration", () => {
    const value = { encoding: "intset", items: ["1", "2"], clone() { return { ...this, items: [...this.items] }; }, *[Symbol.iterator]() { yield* this.items; } };
    const set = new RedisObject("set", value as never);
    expect(objectEncoding(set)).toBe("intset");
    expect(elementsOf(set)).toEqual(["1", "2"]);
    expect(cloneObject(set).value).not.toBe(value);
    expect(readHashField(new Map([["f", "v"]]) as never, "f")).toBe("v");
  });

  it("handles strings itself, keeping their encoding", () => {
    const copy = cloneObject(newUnencodedStringObject("42"));
    expect(copy.value).toBe("42");
    expect(objectEncoding(copy)).toBe("embstr");
  });

  it("fails loudly for a type without hooks", () => {
    expect(() => elementsOf(new RedisObject("zset", {} as never))).toThrow(/no elements reader registered for type zset/);
  });
});
