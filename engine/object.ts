/** The value stored under a key, with the metadata Redis keeps per object. */

export type ObjectType = "string" | "list" | "set" | "zset" | "hash" | "stream";

/** Types implemented outside this file declare their value shape by augmenting this map. */
export interface ObjectValueMap {
  /** A binary string, or a Buffer once mutated in place (SETRANGE, SETBIT, BITFIELD). */
  string: string | Buffer;
}

export class RedisObject<T extends ObjectType = ObjectType> {
  /**
   * LRU clock (ms, of the engine's clock) of the last access, or under an LFU policy the
   * packed `minutes << 8 | logCounter` pair, exactly as Redis reuses one field for both.
   */
  lru = 0;
  /**
   * Set for strings that were modified in place or grown by APPEND, which Redis reports as
   * "raw" whatever their length.
   */
  forceRaw = false;
  /** Bytes its database counted for it when last written (memory.ts); 0 while not stored. */
  memory = 0;

  constructor(
    readonly type: T,
    public value: T extends keyof ObjectValueMap ? ObjectValueMap[T] : unknown,
  ) {}
}

export const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
