/**
 * Reply values produced by command handlers, independent of the wire protocol.
 *
 * Strings are "binary strings": every char code is one byte (0-255), the latin1 view of the
 * bytes, so values are binary-safe while still being cheap JS strings.
 */

/** `+OK`-style status reply. */
export class SimpleString {
  #line: string | undefined;

  constructor(readonly value: string) {}

  /** The wire form, built once: shared statuses (OK, PONG, QUEUED) are sent very often. */
  get line(): string {
    return (this.#line ??= `+${this.value}\r\n`);
  }
}

/** `-ERR ...` reply; `message` includes the error code prefix (ERR, WRONGTYPE, ...). */
export class ErrorReply {
  constructor(readonly message: string) {}
}

/**
 * A double: RESP3 `,` and RESP2 bulk string formatted like Redis's `%.17g`, or as `text` when
 * given (geo coordinates use Redis's "human" long-double format).
 */
export class DoubleReply {
  constructor(
    readonly value: number,
    readonly text?: string,
  ) {}
}

/** A map: RESP3 `%`, flattened to an array in RESP2. `entries` alternates keys and values. */
export class MapReply {
  constructor(readonly entries: Reply[]) {}
}

/** A set: RESP3 `~`, an array in RESP2. */
export class SetReply {
  constructor(readonly items: Reply[]) {}
}

/** Verbatim text (RESP3 `=txt:`), a bulk string in RESP2 (INFO, CLIENT INFO, ...). */
export class VerbatimReply {
  constructor(readonly text: string, readonly format = "txt") {}
}

/** Out-of-band push (RESP3 `>`), an array in RESP2: pub/sub messages, invalidations. */
export class PushReply {
  constructor(readonly items: Reply[]) {}
}

/** A null where RESP2 expects a null array (`*-1`) rather than a null bulk (`$-1`). */
export class NullArrayReply {
  private constructor() {}
  static readonly instance = new NullArrayReply();
}

/** Several replies sent back to back for one command (e.g. SUBSCRIBE to three channels). */
export class MultiReply {
  constructor(readonly replies: Reply[]) {}
}

/**
 * Only an array's `*N` header, its N elements following as separate replies: EXEC's reply when
 * a queued command answered with several replies (SUBSCRIBE a b), exactly as Redis frames it.
 */
export class ArrayHeader {
  constructor(readonly length: number) {}
}

/**
 * A reply value:
 * - `string` / `Buffer`: bulk string (binary string / raw bytes)
 * - `number` / `bigint`: integer
 * - `boolean`: RESP3 boolean, `:1`/`:0` in RESP2
 * - `null`: null bulk (`$-1`, RESP3 `_`)
 * - arrays: array reply
 */
export type Reply =
  | string
  | Buffer
  | number
  | bigint
  | boolean
  | null
  | Reply[]
  | SimpleString
  | ErrorReply
  | DoubleReply
  | MapReply
  | SetReply
  | VerbatimReply
  | PushReply
  | NullArrayReply
  | MultiReply
  | ArrayHeader;

export const OK = new SimpleString("OK");
export const QUEUED = new SimpleString("QUEUED");
export const PONG = new SimpleString("PONG");
export const NULL_ARRAY = NullArrayReply.instance;

export function isError(reply: Reply): reply is ErrorReply {
  return reply instanceof ErrorReply;
}
