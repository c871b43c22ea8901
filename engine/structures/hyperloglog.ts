/**
 * HyperLogLog exactly as Redis's hyperloglog.c lays it out, so the string value is
 * byte-identical to redis-server's: a 16-byte header ("HYLL", encoding, 3 unused bytes, the
 * cached cardinality little-endian with bit 7 of its last byte meaning "stale"), then either
 * 16384 packed 6-bit registers (dense) or the sparse run-length opcodes:
 *   ZERO  00xxxxxx           1..64 zero registers
 *   XZERO 01xxxxxx yyyyyyyy  1..16384 zero registers
 *   VAL   1vvvvvxx           1..4 registers of value 1..32
 * Elements hash with MurmurHash64A (seed 0xadc83b19); counts use Ertl's improved estimator.
 */

export const HLL_P = 14;
export const HLL_REGISTERS = 1 << HLL_P;
const HLL_P_MASK = HLL_REGISTERS - 1;
const HLL_Q = 64 - HLL_P;
const HLL_BITS = 6;
const HLL_REGISTER_MAX = (1 << HLL_BITS) - 1;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + Math.ceil((HLL_REGISTERS * HLL_BITS) / 8);
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
const HLL_ALPHA_INF = 0.721347520444481703680;

const SPARSE_VAL_MAX_VALUE = 32;
const SPARSE_VAL_MAX_LEN = 4;
const SPARSE_ZERO_MAX_LEN = 64;
const SPARSE_XZERO_MAX_LEN = 16384;
const XZERO_BIT = 0x40;
const VAL_BIT = 0x80;

const isZero = (byte: number) => (byte & 0xc0) === 0;
const isXzero = (byte: number) => (byte & 0xc0) === XZERO_BIT;
const isVal = (byte: number) => (byte & VAL_BIT) !== 0;
const zeroLength = (byte: number) => (byte & 0x3f) + 1;
const xzeroLength = (first: number, second: number) => (((first & 0x3f) << 8) | second) + 1;
const valValue = (byte: number) => ((byte >> 2) & 0x1f) + 1;
const valLength = (byte: number) => (byte & 0x3) + 1;
const valOpcode = (value: number, length: number) => (((value - 1) << 2) | (length - 1) | VAL_BIT) & 0xff;

// ---- MurmurHash64A on 32-bit halves (BigInt would be far slower) ---------------------------

const M_HIGH = 0xc6a4a793;
const M_LOW = 0x5bd1e995;
let resultHigh = 0;
let resultLow = 0;

/** (aHigh:aLow * bHigh:bLow) mod 2^64 into resultHigh:resultLow. */
function multiply64(aHigh: number, aLow: number, bHigh: number, bLow: number): void {
  const a0 = aLow & 0xffff;
  const a1 = aLow >>> 16;
  const b0 = bLow & 0xffff;
  const b1 = bLow >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const t = a0 * b0 + ((p01 & 0xffff) + (p10 & 0xffff)) * 65536;
  const low = t % 4294967296;
  const carry = (t - low) / 4294967296;
  const high = a1 * b1 + Math.floor(p01 / 65536) + Math.floor(p10 / 65536) + carry;
  resultLow = low >>> 0;
  resultHigh = (high + Math.imul(aHigh, bLow) + Math.imul(aLow, bHigh)) >>> 0;
}

/** Redis's MurmurHash64A over the element's bytes (a binary string); result in resultHigh:resultLow. */
function murmurHash64A(data: string): void {
  const length = data.length;
  // h = seed ^ (len * m)
  multiply64(0, length, M_HIGH, M_LOW);
  let hHigh = resultHigh;
  let hLow = (resultLow ^ 0xadc83b19) >>> 0;
  const blocks = length - (length & 7);
  for (let i = 0; i < blocks; i += 8) {
    const kLow = (data.charCodeAt(i) | (data.charCodeAt(i + 1) << 8) | (data.charCodeAt(i + 2) << 16) | (data.charCodeAt(i + 3) << 24)) >>> 0;
    const kHigh = (data.charCodeAt(i + 4) | (data.charCodeAt(i + 5) << 8) | (data.charCodeAt(i + 6) << 16) | (data.charCodeAt(i + 7) << 24)) >>> 0;
    multiply64(kHigh, kLow, M_HIGH, M_LOW);
    // k ^= k >> 47
    const high = resultHigh;
    multiply64(high, (resultLow ^ (high >>> 15)) >>> 0, M_HIGH, M_LOW);
    hHigh = (hHigh ^ resultHigh) >>> 0;
    hLow = (hLow ^ resultLow) >>> 0;
    multiply64(hHigh, hLow, M_HIGH, M_LOW);
    hHigh = resultHigh;
    hLow = resultLow;
  }
  const tail = length & 7;
  if (tail > 0) {
    for (let j = tail - 1; j >= 0; j--) {
      const byte = data.charCodeAt(blocks + j);
      if (j >= 4) hHigh = (hHigh ^ (byte << ((j - 4) * 8))) >>> 0;
      else hLow = (hLow ^ (byte << (j * 8))) >>> 0;
    }
    multiply64(hHigh, hLow, M_HIGH, M_LOW);
    hHigh = resultHigh;
    hLow = resultLow;
  }
  hLow = (hLow ^ (hHigh >>> 15)) >>> 0;
  multiply64(hHigh, hLow, M_HIGH, M_LOW);
  resultLow = (resultLow ^ (resultHigh >>> 15)) >>> 0;
}

/** The 64-bit hash as a BigInt (tests compare it with reference values). */
export function murmurHash64ABig(data: string): bigint {
  murmurHash64A(data);
  return (BigInt(resultHigh) << 32n) | BigInt(resultLow);
}

let patternIndex = 0;

/** hllPatLen: the element's register (into patternIndex) and its run of trailing zeros + 1. */
function patternLength(element: string): number {
  murmurHash64A(element);
  patternIndex = resultLow & HLL_P_MASK;
  // The 50 bits above the index, with bit 50 set so the count stops at Q+1.
  const low = ((resultLow >>> HLL_P) | (resultHigh << (32 - HLL_P))) >>> 0;
  const high = ((resultHigh >>> HLL_P) | (1 << (HLL_Q - 32))) >>> 0;
  if (low !== 0) return 1 + (31 - Math.clz32(low & -low));
  return 33 + (31 - Math.clz32(high & -high));
}

// ---- header -------------------------------------------------------------------------------

/** isHLLObjectOrReply's checks: magic, a known encoding, and the exact size when dense. */
export function isValidHllHeader(bytes: Uint8Array): boolean {
  if (bytes.length < HLL_HDR_SIZE) return false;
  if (bytes[0] !== 0x48 || bytes[1] !== 0x59 || bytes[2] !== 0x4c || bytes[3] !== 0x4c) return false;
  const encoding = bytes[4]!;
  if (encoding > HLL_SPARSE) return false;
  return encoding !== HLL_DENSE || bytes.length === HLL_DENSE_SIZE;
}

export function invalidateCache(bytes: Uint8Array): void {
  bytes[15] = bytes[15]! | 0x80;
}

export function hasValidCache(bytes: Uint8Array): boolean {
  return (bytes[15]! & 0x80) === 0;
}

export function cachedCardinality(bytes: Uint8Array): number {
  let value = 0;
  for (let i = 7; i >= 0; i--) value = value * 256 + bytes[8 + i]!;
  return value;
}

export function storeCardinality(bytes: Uint8Array, cardinality: number): void {
  let value = cardinality;
  for (let i = 0; i < 8; i++) {
    bytes[8 + i] = value % 256;
    value = Math.floor(value / 256);
  }
}

/** A new, empty HLL (createHLLObject): sparse, all registers in XZERO runs. */
export function newSparseHll(): Buffer {
  const runs = Math.ceil(HLL_REGISTERS / SPARSE_XZERO_MAX_LEN);
  const bytes = Buffer.alloc(HLL_HDR_SIZE + runs * 2);
  bytes.write("HYLL", 0, "latin1");
  bytes[4] = HLL_SPARSE;
  let remaining = HLL_REGISTERS;
  for (let p = HLL_HDR_SIZE; remaining > 0; p += 2) {
    const run = Math.min(remaining, SPARSE_XZERO_MAX_LEN);
    bytes[p] = ((run - 1) >> 8) | XZERO_BIT;
    bytes[p + 1] = (run - 1) & 0xff;
    remaining -= run;
  }
  return bytes;
}

// ---- dense registers ----------------------------------------------------------------------

function denseGet(bytes: Uint8Array, index: number): number {
  const bit = index * HLL_BITS;
  const byte = HLL_HDR_SIZE + (bit >> 3);
  const shift = bit & 7;
  const next = byte + 1 < bytes.length ? bytes[byte + 1]! : 0;
  return ((bytes[byte]! >> shift) | (next << (8 - shift))) & HLL_REGISTER_MAX;
}

function denseSet(bytes: Uint8Array, index: number, value: number): void {
  const bit = index * HLL_BITS;
  const byte = HLL_HDR_SIZE + (bit >> 3);
  const shift = bit & 7;
  bytes[byte] = (bytes[byte]! & ~(HLL_REGISTER_MAX << shift)) | ((value << shift) & 0xff);
  if (byte + 1 < bytes.length) {
    bytes[byte + 1] = (bytes[byte + 1]! & ~(HLL_REGISTER_MAX >> (8 - shift))) | (value >> (8 - shift));
  }
}

/** hllDenseSet: raises the register to `count`; true when it changed. */
function denseRaise(bytes: Uint8Array, index: number, count: number): boolean {
  if (count <= denseGet(bytes, index)) return false;
  denseSet(bytes, index, count);
  return true;
}

// ---- the value as a whole -----------------------------------------------------------------

/**
 * Access to the HLL string's bytes that may need to grow or be replaced (sparse edits,
 * promotion to dense); the command layer backs it with the key's string object.
 */
export interface HllStorage {
  bytes: Buffer;
  /** Length-changing edits: returns a buffer of the new length with the old prefix kept. */
  resize(length: number): Buffer;
  /** Replaces the whole value (promotion to dense). */
  replace(bytes: Buffer): Buffer;
}

/** hllSparseToDense; false when the sparse data is corrupt. Already-dense values are left alone. */
export function sparseToDense(storage: HllStorage): boolean {
  const sparse = storage.bytes;
  if (sparse[4] === HLL_DENSE) return true;
  const dense = Buffer.alloc(HLL_DENSE_SIZE);
  sparse.copy(dense, 0, 0, HLL_HDR_SIZE);
  dense[4] = HLL_DENSE;
  let index = 0;
  for (let p = HLL_HDR_SIZE; p < sparse.length; ) {
    const op = sparse[p]!;
    if (isZero(op)) {
      index += zeroLength(op);
      p++;
    } else if (isXzero(op)) {
      index += xzeroLength(op, sparse[p + 1] ?? 0);
      p += 2;
    } else {
      const run = valLength(op);
      const value = valValue(op);
      if (run + index > HLL_REGISTERS) break;
      for (let i = 0; i < run; i++) denseSet(dense, index++, value);
      p++;
    }
  }
  if (index !== HLL_REGISTERS) return false;
  storage.replace(dense);
  return true;
}

/** hllSparseSet: 1 when a register changed, 0 when not, -1 when the data is corrupt. */
function sparseSet(storage: HllStorage, index: number, count: number, sparseMaxBytes: number): number {
  if (count > SPARSE_VAL_MAX_VALUE) return promote(storage, index, count);
  let bytes = storage.bytes;
  let end = bytes.length;
  let p = HLL_HDR_SIZE;
  let first = 0;
  let prev = -1;
  let span = 0;
  let opLength = 1;
  while (p < end) {
    const op = bytes[p]!;
    opLength = 1;
    if (isZero(op)) span = zeroLength(op);
    else if (isVal(op)) span = valLength(op);
    else {
      span = xzeroLength(op, bytes[p + 1] ?? 0);
      opLength = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += opLength;
    first += span;
  }
  if (span === 0 || p >= end) return -1;
  const next = p + opLength;

  const op = bytes[p]!;
  const zero = isZero(op);
  const xzero = isXzero(op);
  const runLength = zero ? zeroLength(op) : xzero ? xzeroLength(op, bytes[p + 1] ?? 0) : valLength(op);

  let updatedInPlace = false;
  if (!zero && !xzero) {
    if (valValue(op) >= count) return 0;
    if (runLength === 1) {
      bytes[p] = valOpcode(count, 1);
      updatedInPlace = true;
    }
  }
  if (zero && runLength === 1) {
    bytes[p] = valOpcode(count, 1);
    updatedInPlace = true;
  }

  if (!updatedInPlace) {
    // Split the opcode holding the register into up to three: before, the register, after.
    const sequence: number[] = [];
    const last = first + span - 1;
    const pushZeros = (length: number) => {
      if (length > SPARSE_ZERO_MAX_LEN) sequence.push(((length - 1) >> 8) | XZERO_BIT, (length - 1) & 0xff);
      else sequence.push(length - 1);
    };
    if (zero || xzero) {
      if (index !== first) pushZeros(index - first);
      sequence.push(valOpcode(count, 1));
      if (index !== last) pushZeros(last - index);
    } else {
      const current = valValue(op);
      if (index !== first) sequence.push(valOpcode(current, index - first));
      sequence.push(valOpcode(count, 1));
      if (index !== last) sequence.push(valOpcode(current, last - index));
    }
    const oldLength = xzero ? 2 : 1;
    const delta = sequence.length - oldLength;
    if (delta > 0 && end + delta > sparseMaxBytes) return promote(storage, index, count);
    if (delta !== 0) {
      if (delta > 0) {
        bytes = storage.resize(end + delta);
        bytes.copyWithin(next + delta, next, end);
      } else {
        bytes.copyWithin(next + delta, next, end);
        bytes = storage.resize(end + delta);
      }
      end += delta;
    }
    for (let i = 0; i < sequence.length; i++) bytes[p + i] = sequence[i]!;
  }

  // Merge adjacent VAL opcodes of equal value, scanning up to 5 opcodes from the previous one.
  let q = prev >= 0 ? prev : HLL_HDR_SIZE;
  let scan = 5;
  while (q < end && scan-- > 0) {
    const current = bytes[q]!;
    if (isXzero(current)) {
      q += 2;
      continue;
    }
    if (isZero(current)) {
      q++;
      continue;
    }
    if (q + 1 < end && isVal(bytes[q + 1]!)) {
      const value = valValue(current);
      if (value === valValue(bytes[q + 1]!)) {
        const length = valLength(current) + valLength(bytes[q + 1]!);
        if (length <= SPARSE_VAL_MAX_LEN) {
          bytes[q + 1] = valOpcode(value, length);
          bytes.copyWithin(q, q + 1, end);
          bytes = storage.resize(end - 1);
          end--;
          continue;
        }
      }
    }
    q++;
  }
  invalidateCache(bytes);
  return 1;
}

function promote(storage: HllStorage, index: number, count: number): number {
  if (!sparseToDense(storage)) return -1;
  denseRaise(storage.bytes, index, count);
  return 1;
}

/** hllAdd: 1 when the element changed a register, 0 when not, -1 for a corrupt value. */
export function hllAdd(storage: HllStorage, element: string, sparseMaxBytes: number): number {
  const count = patternLength(element);
  const index = patternIndex;
  const encoding = storage.bytes[4];
  if (encoding === HLL_DENSE) return denseRaise(storage.bytes, index, count) ? 1 : 0;
  if (encoding === HLL_SPARSE) return sparseSet(storage, index, count, sparseMaxBytes);
  return -1;
}

/** hllMerge: raises `max[i]` to each register of the HLL; false for corrupt sparse data. */
export function mergeInto(max: Uint8Array, bytes: Uint8Array): boolean {
  if (bytes[4] === HLL_DENSE) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const value = denseGet(bytes, i);
      if (value > max[i]!) max[i] = value;
    }
    return true;
  }
  let index = 0;
  for (let p = HLL_HDR_SIZE; p < bytes.length; ) {
    const op = bytes[p]!;
    if (isZero(op)) {
      index += zeroLength(op);
      p++;
    } else if (isXzero(op)) {
      index += xzeroLength(op, bytes[p + 1] ?? 0);
      p += 2;
    } else {
      const run = valLength(op);
      const value = valValue(op);
      if (run + index > HLL_REGISTERS) break;
      for (let i = 0; i < run; i++, index++) if (value > max[index]!) max[index] = value;
      p++;
    }
  }
  return index === HLL_REGISTERS;
}

/** PFMERGE's write-back: raises each register of the HLL to `max` (sparse values may promote). */
export function raiseRegisters(storage: HllStorage, max: Uint8Array, sparseMaxBytes: number): void {
  for (let i = 0; i < HLL_REGISTERS; i++) {
    if (max[i] === 0) continue;
    if (storage.bytes[4] === HLL_DENSE) denseRaise(storage.bytes, i, max[i]!);
    else sparseSet(storage, i, max[i]!, sparseMaxBytes);
  }
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let zPrime: number;
  let y = 1;
  let z = x;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let zPrime: number;
  let y = 1.0;
  let z = 1 - x;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (zPrime !== z);
  return z / 3;
}

/** Ertl's estimator over a register histogram (hllCount after the histogram). */
function estimate(histogram: Float64Array): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histogram[HLL_Q + 1]!) / m);
  for (let j = HLL_Q; j >= 1; --j) {
    z += histogram[j]!;
    z *= 0.5;
  }
  z += m * sigma(histogram[0]! / m);
  return Math.round((HLL_ALPHA_INF * m * m) / z);
}

/** The histogram sized like Redis's (64 slots: corrupt register values still land somewhere). */
const histogram = new Float64Array(64);

/** The estimated cardinality of a stored HLL; undefined when its sparse data is corrupt. */
export function hllCount(bytes: Uint8Array): number | undefined {
  histogram.fill(0);
  if (bytes[4] === HLL_DENSE) {
    for (let i = 0; i < HLL_REGISTERS; i++) histogram[denseGet(bytes, i)]!++;
  } else {
    let index = 0;
    for (let p = HLL_HDR_SIZE; p < bytes.length; ) {
      const op = bytes[p]!;
      if (isZero(op)) {
        const run = zeroLength(op);
        index += run;
        histogram[0] = histogram[0]! + run;
        p++;
      } else if (isXzero(op)) {
        const run = xzeroLength(op, bytes[p + 1] ?? 0);
        index += run;
        histogram[0] = histogram[0]! + run;
        p += 2;
      } else {
        const run = valLength(op);
        index += run;
        histogram[valValue(op)] = histogram[valValue(op)]! + run;
        p++;
      }
    }
    if (index !== HLL_REGISTERS) return undefined;
  }
  return estimate(histogram);
}

/** The estimated cardinality of raw registers (one byte each: PFCOUNT's multi-key union). */
export function rawCount(registers: Uint8Array): number {
  histogram.fill(0);
  for (let i = 0; i < HLL_REGISTERS; i++) histogram[registers[i]!]!++;
  return estimate(histogram);
}
