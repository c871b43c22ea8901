import { describe, expect, it } from "vitest";
import {
  appendBytes,
  cloneStringObject,
  isSharedInteger,
  newRawStringObject,
  newStringObject,
  newUnencodedStringObject,
  stringEncoding,
  toBinaryString,
  writableBytes,
  writeBytes,
} from "./string-value";

describe("string values", () => {
  it("report Redis's encodings", () => {
    expect(stringEncoding(newStringObject("12345"))).toBe("int");
    expect(stringEncoding(newStringObject("-9223372036854775808"))).toBe("int");
    expect(stringEncoding(newStringObject("9223372036854775808"))).toBe("embstr");
    expect(stringEncoding(newStringObject("007"))).toBe("embstr");
    expect(stringEncoding(newStringObject("x".repeat(44)))).toBe("embstr");
    expect(stringEncoding(newStringObject("x".repeat(45)))).toBe("raw");
    expect(stringEncoding(newUnencodedStringObject("3"))).toBe("embstr");
    expect(stringEncoding(newRawStringObject("3"))).toBe("raw");
    expect(stringEncoding(cloneStringObject(newUnencodedStringObject("3")))).toBe("embstr");
  });

  it("knows which integers Redis shares", () => {
    expect(isSharedInteger(newStringObject("9999"), true)).toBe(true);
    expect(isSharedInteger(newStringObject("10000"), true)).toBe(false);
    expect(isSharedInteger(newStringObject("-1"), true)).toBe(false);
    expect(isSharedInteger(newStringObject("5"), false)).toBe(false);
    expect(isSharedInteger(newUnencodedStringObject("5"), true)).toBe(false);
    expect(isSharedInteger(cloneStringObject(newStringObject("5")), true)).toBe(false);
  });

  it("grows in place within its capacity and zero-fills new bytes", () => {
    const object = newStringObject("ab");
    const first = writableBytes(object, 4);
    expect(toBinaryString(object.value)).toBe("ab\x00\x00");
    expect(stringEncoding(object)).toBe("raw");
    first[3] = 0x41;
    const second = writableBytes(object, 6);
    // Same backing store: no copy of the existing bytes.
    expect(second.buffer).toBe(first.buffer);
    expect(toBinaryString(object.value)).toBe("ab\x00A\x00\x00");
  });

  it("copies buffers it does not own before writing", () => {
    const shared = Buffer.from("hello", "latin1");
    const object = newRawStringObject(shared);
    const bytes = writableBytes(object, 8);
    bytes[0] = 0x4a;
    expect(shared.toString("latin1")).toBe("hello");
    expect(toBinaryString(object.value)).toBe("Jello\x00\x00\x00");
  });

  it("appends to strings and buffers, and writes at offsets", () => {
    const object = newStringObject("abc");
    expect(appendBytes(object, "de")).toBe(5);
    expect(writeBytes(object, 7, "\xff")).toBe(8);
    expect(appendBytes(object, "!")).toBe(9);
    expect(toBinaryString(object.value)).toBe("abcde\x00\x00\xff!");
    const clone = cloneStringObject(object);
    writeBytes(object, 0, "X");
    expect(toBinaryString(clone.value)).toBe("abcde\x00\x00\xff!");
    expect(stringEncoding(clone)).toBe("raw");
  });

  it("keeps many small appends to a buffer amortised", () => {
    const object = newRawStringObject(Buffer.alloc(0));
    writableBytes(object, 1);
    const buffers = new Set<unknown>();
    for (let i = 0; i < 200_000; i++) {
      appendBytes(object, "xy");
      buffers.add((object.value as Buffer).buffer);
    }
    expect(object.value.length).toBe(400_001);
    // Capacity grows geometrically, so the value is reallocated O(log n) times, not per append.
    expect(buffers.size).toBeLessThan(64);
  });
});
