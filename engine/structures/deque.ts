/**
 * A double-ended queue on a growable ring buffer: O(1) amortized push and pop at both ends and
 * O(1) access by index. Inserting or removing in the middle moves the elements on the shorter
 * side, so it costs O(min(i, n - i)).
 */
export class Deque<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;
  /** capacity - 1; the capacity is always a power of two so wrapping is a mask. */
  private mask: number;

  constructor(capacity = 4) {
    let size = 4;
    while (size < capacity) size *= 2;
    this.items = new Array<T | undefined>(size);
    this.mask = size - 1;
  }

  get length(): number {
    return this.count;
  }

  pushFront(value: T): void {
    if (this.count === this.items.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = value;
    this.count++;
  }

  pushBack(value: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = value;
    this.count++;
  }

  popFront(): T | undefined {
    if (this.count === 0) return undefined;
    const value = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    this.shrinkIfSparse();
    return value;
  }

  popBack(): T | undefined {
    if (this.count === 0) return undefined;
    const slot = (this.head + this.count - 1) & this.mask;
    const value = this.items[slot];
    this.items[slot] = undefined;
    this.count--;
    this.shrinkIfSparse();
    return value;
  }

  /** The element at `index` (0 = front); undefined when out of range. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.head + index) & this.mask];
  }

  /** Replaces the element at `index`, which must be in range. */
  set(index: number, value: T): void {
    if (index < 0 || index >= this.count) throw new RangeError("deque index out of range");
    this.items[(this.head + index) & this.mask] = value;
  }

  /** Inserts so that the new element ends up at `index` (0..length). */
  insertAt(index: number, value: T): void {
    if (index < 0 || index > this.count) throw new RangeError("deque index out of range");
    if (this.count === this.items.length) this.grow();
    const mask = this.mask;
    if (index < this.count / 2) {
      // Shift the first `index` elements one slot towards the front.
      this.head = (this.head - 1) & mask;
      for (let i = 0; i < index; i++) this.items[(this.head + i) & mask] = this.items[(this.head + i + 1) & mask];
    } else {
      for (let i = this.count; i > index; i--) this.items[(this.head + i) & mask] = this.items[(this.head + i - 1) & mask];
    }
    this.items[(this.head + index) & mask] = value;
    this.count++;
  }

  /** Removes and returns the element at `index`, which must be in range. */
  removeAt(index: number): T {
    if (index < 0 || index >= this.count) throw new RangeError("deque index out of range");
    const mask = this.mask;
    const value = this.items[(this.head + index) & mask] as T;
    if (index < this.count / 2) {
      for (let i = index; i > 0; i--) this.items[(this.head + i) & mask] = this.items[(this.head + i - 1) & mask];
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & mask;
    } else {
      for (let i = index; i < this.count - 1; i++) this.items[(this.head + i) & mask] = this.items[(this.head + i + 1) & mask];
      this.items[(this.head + this.count - 1) & mask] = undefined;
    }
    this.count--;
    this.shrinkIfSparse();
    return value;
  }

  /** Drops `front` elements from the front and `back` from the back (LTRIM). */
  trim(front: number, back: number): void {
    if (front + back >= this.count) {
      this.clear();
      return;
    }
    for (let i = 0; i < front; i++) this.items[(this.head + i) & this.mask] = undefined;
    for (let i = this.count - back; i < this.count; i++) this.items[(this.head + i) & this.mask] = undefined;
    this.head = (this.head + front) & this.mask;
    this.count -= front + back;
    this.shrinkIfSparse();
  }

  /**
   * Removes up to `limit` elements matching `predicate` (0 = no limit), scanning from the
   * front, or from the back when `fromBack`; one O(n) compaction pass. Returns how many went.
   */
  removeWhere(predicate: (value: T) => boolean, limit: number, fromBack: boolean): number {
    const mask = this.mask;
    const n = this.count;
    let removed = 0;
    if (!fromBack) {
      let write = 0;
      for (let read = 0; read < n; read++) {
        const value = this.items[(this.head + read) & mask] as T;
        if ((limit === 0 || removed < limit) && predicate(value)) removed++;
        else this.items[(this.head + write++) & mask] = value;
      }
      for (let i = write; i < n; i++) this.items[(this.head + i) & mask] = undefined;
    } else {
      let write = n - 1;
      for (let read = n - 1; read >= 0; read--) {
        const value = this.items[(this.head + read) & mask] as T;
        if ((limit === 0 || removed < limit) && predicate(value)) removed++;
        else this.items[(this.head + write--) & mask] = value;
      }
      for (let i = 0; i <= write; i++) this.items[(this.head + i) & mask] = undefined;
      this.head = (this.head + write + 1) & mask;
    }
    this.count -= removed;
    this.shrinkIfSparse();
    return removed;
  }

  /** Elements from `start` to `end` inclusive, front to back (indexes must be in range). */
  slice(start: number, end: number): T[] {
    const out = new Array<T>(Math.max(0, end - start + 1));
    for (let i = start; i <= end; i++) out[i - start] = this.items[(this.head + i) & this.mask] as T;
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(4);
    this.mask = 3;
    this.head = 0;
    this.count = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) & this.mask] as T;
  }

  toArray(): T[] {
    return this.slice(0, this.count - 1);
  }

  private grow(): void {
    this.resize(this.items.length * 2);
  }

  /** Gives memory back after a list shrank to a small fraction of its capacity. */
  private shrinkIfSparse(): void {
    if (this.items.length > 64 && this.count * 8 < this.items.length) this.resize(this.items.length / 4);
  }

  private resize(capacity: number): void {
    const items = new Array<T | undefined>(capacity);
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = capacity - 1;
  }
}
