/**
 * The value of a hash key. Fields live in a Dict in insertion order, which is exactly the
 * order Redis's listpack encoding keeps (updates stay in place, new fields go last), so small
 * hashes answer HGETALL/HKEYS in Redis's order. `encoding` only records what Redis would use:
 * "listpack" while small, then "hashtable" for good (the conversion is one-way, as in Redis).
 */
import { sampleDistinctKeys } from "../util/sampling";
import { Dict } from "./dict";
import { scanDict } from "./dict-scan";

export type HashEncoding = "listpack" | "hashtable";

/** The thresholds of hash-max-listpack-entries / hash-max-listpack-value. */
export interface HashLimits {
  maxListpackEntries: number;
  maxListpackValue: number;
}

export class HashValue {
  encoding: HashEncoding = "listpack";
  private readonly fields = new Dict<string>();

  get size(): number {
    return this.fields.size;
  }

  get(field: string): string | undefined {
    return this.fields.get(field);
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  /** Sets a field; true if it is new. Converts to "hashtable" when a limit is crossed. */
  set(field: string, value: string, limits: HashLimits): boolean {
    const isNew = !this.fields.has(field);
    this.fields.set(field, value);
    if (
      this.encoding === "listpack" &&
      (this.fields.size > limits.maxListpackEntries || field.length > limits.maxListpackValue || value.length > limits.maxListpackValue)
    ) {
      this.encoding = "hashtable";
    }
    return isNew;
  }

  delete(field: string): boolean {
    return this.fields.delete(field);
  }

  /** A uniformly random field, or undefined when empty. */
  randomField(random: () => number): string | undefined {
    return this.fields.randomKey(random);
  }

  /** `count` (< size) distinct random fields. */
  randomDistinct(count: number, random: () => number): string[] {
    return sampleDistinctKeys(this.fields.size, count, () => this.fields.randomKey(random)!, () => this.fields.keysIterator(), random);
  }

  entries(): IterableIterator<[string, string]> {
    return this.fields.entries();
  }

  keys(): IterableIterator<string> {
    return this.fields.keysIterator();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.fields.entries();
  }

  /**
   * One HSCAN step. A listpack-encoded hash is returned whole with cursor 0, as Redis does;
   * a hashtable pages through the Dict's cursor.
   */
  scan(cursor: number, count: number, visit: (field: string, value: string) => void): number {
    if (this.encoding === "listpack") {
      for (const [field, value] of this.fields) visit(field, value);
      return 0;
    }
    return scanDict(this.fields, cursor, count, visit);
  }

  /** An independent copy with the same encoding and field order (COPY). */
  clone(): HashValue {
    const copy = new HashValue();
    copy.encoding = this.encoding;
    for (const [field, value] of this.fields) copy.fields.set(field, value);
    return copy;
  }
}

declare module "../object" {
  interface ObjectValueMap {
    hash: HashValue;
  }
}
