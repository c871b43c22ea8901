/**
 * Redis Cluster key → slot → node (pure; safe to run in the browser).
 * slot = CRC16-XMODEM(hashed part) mod 16384, where the hashed part is the hash tag when the key
 * has a non-empty `{...}` (first `{`, then the first `}` after it), else the whole key.
 */
export const SLOT_COUNT = 16384;

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** CRC16-CCITT (XMODEM): polynomial 0x1021, initial value 0, as in Redis's crc16.c. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ b) & 0xff]!;
  return crc;
}

/** The part of the key that is hashed: the hash tag if there is a non-empty one, else the key. */
export function hashedPart(key: string): { part: string; tagged: boolean } {
  const open = key.indexOf("{");
  if (open >= 0) {
    const close = key.indexOf("}", open + 1);
    if (close > open + 1) return { part: key.slice(open + 1, close), tagged: true };
  }
  return { part: key, tagged: false };
}

/** The slot of a key given as text (hashed as UTF-8, like a client sends it). */
export function keySlot(key: string): number {
  return crc16(new TextEncoder().encode(hashedPart(key).part)) % SLOT_COUNT;
}

export interface SlotRange {
  node: number;
  from: number;
  to: number;
}

/** Slots split evenly over `masters` in contiguous ranges, as `redis-cli --cluster create` does. */
export function evenSlotRanges(masters: number): SlotRange[] {
  if (!Number.isInteger(masters) || masters < 1 || masters > SLOT_COUNT) throw new RangeError("masters must be 1..16384");
  const per = SLOT_COUNT / masters;
  return Array.from({ length: masters }, (_, node) => ({
    node,
    from: Math.round(node * per),
    to: Math.round((node + 1) * per) - 1,
  }));
}

export function nodeForSlot(slot: number, ranges: SlotRange[]): number {
  const range = ranges.find((r) => slot >= r.from && slot <= r.to);
  if (!range) throw new RangeError(`slot ${slot} is not covered`);
  return range.node;
}
