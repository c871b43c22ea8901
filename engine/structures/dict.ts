/**
 * A string-keyed map with what Redis's dict gives and a JS Map lacks: O(1) random entries
 * (RANDOMKEY, SPOP, eviction sampling) and a SCAN cursor that never misses an entry that
 * stays present for the whole iteration.
 *
 * Entries live in dense arrays indexed by a slot; deleting leaves a hole, and holes are
 * compacted away once they are the majority. A cursor is `slot * 16 + generation % 16`; after
 * a compaction, cursors of the previous generation are translated through the old-to-new slot
 * map, and older ones restart from zero (duplicates are allowed by SCAN's contract, misses not).
 */
export class Dict<V> {
  private readonly slots = new Map<string, number>();
  private keys: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private holes = 0;
  private generation = 0;
  private previousSlotMap: Int32Array | undefined;

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  get(key: string): V | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.values[slot];
  }

  set(key: string, value: V): void {
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      this.values[slot] = value;
      return;
    }
    this.slots.set(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
  }

  /** Sets a value and returns the one it replaced (one lookup, for callers that need both). */
  replace(key: string, value: V): V | undefined {
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      const previous = this.values[slot];
      this.values[slot] = value;
      return previous;
    }
    this.slots.set(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
    return undefined;
  }

  delete(key: string): boolean {
    return this.remove(key) !== undefined;
  }

  /** Deletes a key and returns its value (undefined if absent; values must not be undefined). */
  remove(key: string): V | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const value = this.values[slot];
    this.slots.delete(key);
    this.keys[slot] = undefined;
    this.values[slot] = undefined;
    this.holes++;
    if (this.slots.size === 0) this.clear();
    else if (this.holes > 32 && this.holes * 2 > this.keys.length) this.compact();
    return value;
  }

  clear(): void {
    this.slots.clear();
    this.keys = [];
    this.values = [];
    this.holes = 0;
    this.generation++;
    this.previousSlotMap = undefined;
  }

  /** A uniformly random key, or undefined when empty. */
  randomKey(random: () => number = Math.random): string | undefined {
    if (this.slots.size === 0) return undefined;
    for (;;) {
      const key = this.keys[Math.floor(random() * this.keys.length)];
      if (key !== undefined) return key;
    }
  }

  *entries(): IterableIterator<[string, V]> {
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot];
      if (key !== undefined) yield [key, this.values[slot] as V];
    }
  }

  *keysIterator(): IterableIterator<string> {
    for (const key of this.keys) if (key !== undefined) yield key;
  }

  *valuesIterator(): IterableIterator<V> {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] !== undefined) yield this.values[slot] as V;
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /**
   * Visits about `count` slots starting at `cursor`, calling `visit` for each live entry.
   * Returns the next cursor, 0 when the iteration is complete.
   */
  scan(cursor: number, count: number, visit: (key: string, value: V) => void): number {
    let slot = this.cursorToSlot(cursor);
    const end = Math.min(this.keys.length, slot + Math.max(1, count));
    for (; slot < end; slot++) {
      const key = this.keys[slot];
      if (key !== undefined) visit(key, this.values[slot] as V);
    }
    if (slot >= this.keys.length) return 0;
    return slot * 16 + (this.generation % 16);
  }

  private cursorToSlot(cursor: number): number {
    if (cursor === 0) return 0;
    const generation = cursor % 16;
    const slot = Math.floor(cursor / 16);
    if (generation === this.generation % 16) return slot;
    if (generation === (this.generation - 1) % 16 && this.previousSlotMap && slot < this.previousSlotMap.length) {
      return this.previousSlotMap[slot]!;
    }
    return 0;
  }

  private compact(): void {
    const slotMap = new Int32Array(this.keys.length + 1);
    const keys: string[] = [];
    const values: V[] = [];
    for (let slot = 0; slot < this.keys.length; slot++) {
      slotMap[slot] = keys.length;
      const key = this.keys[slot];
      if (key === undefined) continue;
      this.slots.set(key, keys.length);
      keys.push(key);
      values.push(this.values[slot] as V);
    }
    slotMap[this.keys.length] = keys.length;
    this.keys = keys;
    this.values = values;
    this.holes = 0;
    this.generation++;
    this.previousSlotMap = slotMap;
  }
}
