import { describe, expect, it } from "vitest";
import {
  HLL_DENSE,
  HLL_DENSE_SIZE,
  HLL_REGISTERS,
  type HllStorage,
  cachedCardinality,
  hasValidCache,
  hllAdd,
  hllCount,
  invalidateCache,
  isValidHllHeader,
  mergeInto,
  murmurHash64ABig,
  newSparseHll,
  rawCount,
  sparseToDense,
  storeCardinality,
} from "./hyperloglog";

/** A plain growable storage for tests. */
function storageFor(bytes: Buffer): HllStorage {
  const storage: HllStorage = {
    bytes,
    resize(length) {
      const grown = Buffer.alloc(length);
      storage.bytes.copy(grown, 0, 0, Math.min(length, storage.bytes.length));
      storage.bytes = grown;
      return grown;
    },
    replace(next) {
      storage.bytes = next;
      return next;
    },
  };
  return storage;
}

/** MurmurHash64A written directly with BigInt, as the reference. */
function referenceHash(text: string): bigint {
  const m = 0xc6a4a7935bd1e995n;
  const mask = (1n << 64n) - 1n;
  const data = Buffer.from(text, "latin1");
  let h = (0xadc83b19n ^ (BigInt(data.length) * m)) & mask;
  const end = data.length - (data.length & 7);
  for (let i = 0; i < end; i += 8) {
    let k = data.readBigUInt64LE(i);
    k = (k * m) & mask;
    k ^= k >> 47n;
    k = (k * m) & mask;
    h ^= k;
    h = (h * m) & mask;
  }
  const tail = data.length & 7;
  if (tail > 0) {
    for (let j = tail - 1; j >= 0; j--) h ^= BigInt(data[end + j]!) << BigInt(8 * j);
    h = (h * m) & mask;
  }
  h ^= h >> 47n;
  h = (h * m) & mask;
  h ^= h >> 47n;
  return h;
}

describe("HyperLogLog structure", () => {
  it("hashes with MurmurHash64A (seed 0xadc83b19) over every tail length and binary bytes", () => {
    const inputs = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "\x00\xff\x80\x7f", "x".repeat(1000)];
    for (const input of inputs) expect(murmurHash64ABig(input), JSON.stringify(input)).toBe(referenceHash(input));
  });

  it("starts sparse: the header, then XZERO runs covering 16384 registers", () => {
    const bytes = newSparseHll();
    expect(bytes.toString("hex")).toBe("48594c4c010000000000000000000000" + "7fff");
    expect(isValidHllHeader(bytes)).toBe(true);
    expect(hllCount(bytes)).toBe(0);
  });

  it("keeps and invalidates the cached cardinality in the header", () => {
    const bytes = newSparseHll();
    expect(hasValidCache(bytes)).toBe(true);
    invalidateCache(bytes);
    expect(hasValidCache(bytes)).toBe(false);
    storeCardinality(bytes, 123456789);
    expect(hasValidCache(bytes)).toBe(true);
    expect(cachedCardinality(bytes)).toBe(123456789);
  });

  it("adds elements sparsely, then promotes to dense with the same registers", () => {
    const storage = storageFor(newSparseHll());
    for (let i = 0; i < 500; i++) hllAdd(storage, `e${i}`, 3000);
    expect(storage.bytes[4]).toBe(1);
    const sparseCount = hllCount(storage.bytes)!;
    const registers = new Uint8Array(HLL_REGISTERS);
    expect(mergeInto(registers, storage.bytes)).toBe(true);
    expect(sparseToDense(storage)).toBe(true);
    expect(storage.bytes[4]).toBe(HLL_DENSE);
    expect(storage.bytes.length).toBe(HLL_DENSE_SIZE);
    const denseRegisters = new Uint8Array(HLL_REGISTERS);
    mergeInto(denseRegisters, storage.bytes);
    expect(denseRegisters).toEqual(registers);
    expect(hllCount(storage.bytes)).toBe(sparseCount);
    expect(rawCount(registers)).toBe(sparseCount);
    expect(Math.abs(sparseCount - 500)).toBeLessThan(25);
  });

  it("promotes past the sparse size limit and answers 0 for repeated elements", () => {
    const storage = storageFor(newSparseHll());
    expect(hllAdd(storage, "x", 3000)).toBe(1);
    expect(hllAdd(storage, "x", 3000)).toBe(0);
    for (let i = 0; i < 50; i++) hllAdd(storage, `y${i}`, 40);
    expect(storage.bytes[4]).toBe(HLL_DENSE);
  });

  it("estimates large cardinalities within HLL's error", () => {
    const storage = storageFor(newSparseHll());
    for (let i = 0; i < 100_000; i++) hllAdd(storage, `item:${i}`, 3000);
    const count = hllCount(storage.bytes)!;
    expect(Math.abs(count - 100_000) / 100_000).toBeLessThan(0.02);
  });

  it("flags corrupt sparse data and non-HLL headers", () => {
    const corrupt = Buffer.concat([newSparseHll().subarray(0, 16), Buffer.from([0x7f, 0xfe])]);
    expect(hllCount(corrupt)).toBeUndefined();
    expect(mergeInto(new Uint8Array(HLL_REGISTERS), corrupt)).toBe(false);
    expect(sparseToDense(storageFor(corrupt))).toBe(false);
    expect(isValidHllHeader(Buffer.from("HYLL"))).toBe(false);
    expect(isValidHllHeader(Buffer.from("HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "latin1"))).toBe(false);
    expect(isValidHllHeader(Buffer.from("HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "latin1"))).toBe(false);
    expect(isValidHllHeader(Buffer.from("HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "latin1"))).toBe(false);
  });
});
