/**
 * Incremental parser for client requests: RESP multibulk (`*2\r\n$3\r\nGET\r\n...`) and
 * inline commands (`GET key\r\n`), with Redis's protocol limits and error texts.
 * Arguments come out as binary (latin1) strings.
 */

export class ProtocolError extends Error {}

/** The client's unparsed input outgrew client-query-buffer-limit: Redis drops it without a reply. */
export class QueryBufferLimitError extends ProtocolError {
  constructor() {
    super("query buffer limit");
  }
}

/**
 * Read on every use, so an object whose fields follow CONFIG SET applies new values to
 * connections that are already open.
 */
export interface ParserLimits {
  /** proto-max-bulk-len: the largest bulk string accepted. */
  maxBulkLength: number;
  /** client-query-buffer-limit: the most unparsed bytes a client may accumulate. */
  queryBufferLimit: number;
  /** Before AUTH succeeds Redis accepts only small requests. */
  isAuthenticated: () => boolean;
}

const CR = 13;
const LF = 10;
/** PROTO_INLINE_MAX_SIZE: a header line or inline request may not exceed this without a newline. */
const INLINE_MAX = 64 * 1024;
const MAX_MULTIBULK = 1024 * 1024 * 1024 * 2 - 1;

export class RequestParser {
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;
  /** Multibulk state: arguments still expected and those read so far. */
  private expectedArgs = 0;
  private args: string[] = [];
  /** Length of the bulk being read, or -1 while its `$<len>` header is not yet read. */
  private bulkLength = -1;
  /** Chunks of a large bulk collected without concatenating on every read. */
  private pendingChunks: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly limits: ParserLimits) {}

  /** Bytes received but not yet turned into commands (for CLIENT LIST qbuf). */
  get bufferedBytes(): number {
    return this.buffer.length - this.offset + this.pendingBytes;
  }

  /** Feeds bytes; calls `onCommand` for each complete request. Throws ProtocolError. */
  feed(chunk: Buffer, onCommand: (argv: string[]) => void): void {
    if (this.pendingChunks.length > 0) {
      this.pendingChunks.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes > this.limits.queryBufferLimit) throw new QueryBufferLimitError();
      if (this.pendingBytes < this.bulkLength + 2) return;
      this.buffer = Buffer.concat(this.pendingChunks, this.pendingBytes);
      this.offset = 0;
      this.pendingChunks = [];
      this.pendingBytes = 0;
    } else if (this.offset < this.buffer.length) {
      this.buffer = Buffer.concat([this.buffer.subarray(this.offset), chunk]);
      this.offset = 0;
    } else {
      this.buffer = chunk;
      this.offset = 0;
    }
    while (this.offset < this.buffer.length) {
      const argv = this.expectedArgs > 0 || this.buffer[this.offset] === 42 /* '*' */ ? this.parseMultibulk() : this.parseInline();
      if (argv === undefined) break;
      if (argv.length > 0) onCommand(argv);
    }
    this.compact();
  }

  private compact(): void {
    const remaining = this.buffer.length - this.offset;
    if (remaining === 0) {
      this.buffer = Buffer.alloc(0);
      this.offset = 0;
      return;
    }
    if (remaining > this.limits.queryBufferLimit) throw new QueryBufferLimitError();
    // A bulk far from complete: park its bytes as chunks so later reads don't re-copy them.
    if (this.bulkLength >= 0 && remaining < this.bulkLength + 2 && this.bulkLength > 64 * 1024) {
      this.pendingChunks = [this.buffer.subarray(this.offset)];
      this.pendingBytes = remaining;
      this.buffer = Buffer.alloc(0);
      this.offset = 0;
    }
  }

  private findLineEnd(from: number, tooLongMessage: string): number {
    const buf = this.buffer;
    // Headers are a few bytes long: a plain loop is much cheaper than indexOf's call overhead.
    const scanned = Math.min(buf.length, from + 24);
    let end = -1;
    for (let i = from; i < scanned; i++) {
      if (buf[i] === CR) {
        end = i;
        break;
      }
    }
    if (end === -1 && scanned < buf.length) end = buf.indexOf(CR, scanned);
    if (end === -1 || end + 1 >= buf.length) {
      if (this.buffer.length - from > INLINE_MAX) throw new ProtocolError(tooLongMessage);
      return -1;
    }
    return end;
  }

  private readHeaderNumber(start: number, end: number): number {
    let value = 0;
    let negative = false;
    let i = start;
    if (this.buffer[i] === 45 /* '-' */) {
      negative = true;
      i++;
    }
    if (i === end) return Number.NaN;
    for (; i < end; i++) {
      const digit = this.buffer[i]! - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /** Returns the next argv, `[]` for an empty request, or undefined when more bytes are needed. */
  private parseMultibulk(): string[] | undefined {
    const buf = this.buffer;
    if (this.expectedArgs === 0) {
      const end = this.findLineEnd(this.offset, "too big mbulk count string");
      if (end === -1) return undefined;
      const count = this.readHeaderNumber(this.offset + 1, end);
      if (Number.isNaN(count) || count > MAX_MULTIBULK) throw new ProtocolError("invalid multibulk length");
      if (count > 10 && !this.limits.isAuthenticated()) throw new ProtocolError("unauthenticated multibulk length");
      this.offset = end + 2;
      if (count <= 0) return [];
      this.expectedArgs = count;
      this.args = [];
    }
    while (this.args.length < this.expectedArgs) {
      if (this.bulkLength === -1) {
        if (this.offset >= buf.length) return undefined;
        const end = this.findLineEnd(this.offset, "too big bulk count string");
        if (end === -1) return undefined;
        if (buf[this.offset] !== 36 /* '$' */) {
          throw new ProtocolError(`expected '$', got '${String.fromCharCode(buf[this.offset]!)}'`);
        }
        const length = this.readHeaderNumber(this.offset + 1, end);
        if (Number.isNaN(length) || length < 0 || length > this.limits.maxBulkLength) {
          throw new ProtocolError("invalid bulk length");
        }
        if (length > 16384 && !this.limits.isAuthenticated()) throw new ProtocolError("unauthenticated bulk length");
        this.bulkLength = length;
        this.offset = end + 2;
      }
      if (buf.length - this.offset < this.bulkLength + 2) return undefined;
      this.args.push(buf.latin1Slice(this.offset, this.offset + this.bulkLength));
      this.offset += this.bulkLength + 2;
      this.bulkLength = -1;
    }
    const argv = this.args;
    this.args = [];
    this.expectedArgs = 0;
    return argv;
  }

  private parseInline(): string[] | undefined {
    const newline = this.buffer.indexOf(LF, this.offset);
    // Redis looks for the newline with strchr, which stops at a NUL byte: a line with a NUL
    // before its newline waits for more input (until it is too big).
    if (newline === -1 || this.buffer.subarray(this.offset, newline).includes(0)) {
      if (this.buffer.length - this.offset > INLINE_MAX) throw new ProtocolError("too big inline request");
      return undefined;
    }
    let lineEnd = newline;
    if (lineEnd > this.offset && this.buffer[lineEnd - 1] === CR) lineEnd--;
    const line = this.buffer.latin1Slice(this.offset, lineEnd);
    this.offset = newline + 1;
    const argv = splitInlineArgs(line);
    if (argv === undefined) throw new ProtocolError("unbalanced quotes in request");
    return argv;
  }
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", a: "\x07" };

function isHexDigit(char: string | undefined): boolean {
  return char !== undefined && /[0-9a-fA-F]/.test(char);
}

/**
 * Splits an inline request into arguments with the quoting rules of Redis's sdssplitargs:
 * "double quotes" with \n \r \t \b \a \xHH escapes, 'single quotes' with \' only, and a closing
 * quote must be followed by a space or the end. Returns undefined for unbalanced quotes.
 */
export function splitInlineArgs(line: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
  while (true) {
    while (i < line.length && isSpace(line[i])) i++;
    if (i >= line.length) return args;
    let current = "";
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = line[i];
      if (inDouble) {
        if (c === undefined) return undefined;
        if (c === "\\" && line[i + 1] === "x" && isHexDigit(line[i + 2]) && isHexDigit(line[i + 3])) {
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === "\\" && i + 1 < line.length) {
          i++;
          current += ESCAPES[line[i]!] ?? line[i];
        } else if (c === '"') {
          if (i + 1 < line.length && !isSpace(line[i + 1])) return undefined;
          done = true;
        } else {
          current += c;
        }
      } else if (inSingle) {
        if (c === undefined) return undefined;
        if (c === "\\" && line[i + 1] === "'") {
          i++;
          current += "'";
        } else if (c === "'") {
          if (i + 1 < line.length && !isSpace(line[i + 1])) return undefined;
          done = true;
        } else {
          current += c;
        }
      } else if (c === undefined || isSpace(c)) {
        done = true;
      } else if (c === '"') {
        inDouble = true;
      } else if (c === "'") {
        inSingle = true;
      } else {
        current += c;
      }
      if (i < line.length) i++;
    }
    args.push(current);
  }
}
