/**
 * Helpers to run the course's ```redis snippets against a server and compare the replies with
 * what the lesson shows. Replies are rendered exactly like `redis-cli` does on a terminal
 * (cliFormatReplyTTY in redis-cli.c), so the expected text in a lesson can be compared line by line.
 *
 * Uses a tiny RESP2 client instead of ioredis because ioredis does not expose whether a reply
 * was a status ("OK") or a bulk string ("\"OK\""), and redis-cli prints them differently.
 */
import net from "node:net";
import type { Snippet } from "./types";

export type Resp =
  | { type: "status"; value: string }
  | { type: "error"; value: string }
  | { type: "integer"; value: bigint }
  | { type: "bulk"; value: Buffer | null }
  | { type: "array"; value: Resp[] | null };

/** redis-cli's sdscatrepr: quoted, with C-style escapes for non-printable bytes. */
export function quoteRepr(buf: Buffer): string {
  let out = '"';
  for (const b of buf) {
    const c = String.fromCharCode(b);
    if (c === "\\" || c === '"') out += "\\" + c;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (b === 7) out += "\\a";
    else if (b === 8) out += "\\b";
    else if (b >= 0x20 && b < 0x7f) out += c;
    else out += "\\x" + b.toString(16).padStart(2, "0");
  }
  return out + '"';
}

/** Render a reply as redis-cli prints it on a TTY; returns the lines without trailing newline. */
export function formatReply(r: Resp): string[] {
  return formatInner(r, "").replace(/\n$/, "").split("\n");
}

function formatInner(r: Resp, prefix: string): string {
  switch (r.type) {
    case "status":
      return r.value + "\n";
    case "error":
      return "(error) " + r.value + "\n";
    case "integer":
      return "(integer) " + r.value.toString() + "\n";
    case "bulk":
      return r.value === null ? "(nil)\n" : quoteRepr(r.value) + "\n";
    case "array": {
      if (r.value === null) return "(nil)\n";
      if (r.value.length === 0) return "(empty array)\n";
      const idxlen = String(r.value.length).length;
      const childPrefix = prefix + " ".repeat(idxlen + 2);
      let out = "";
      r.value.forEach((el, i) => {
        out += (i === 0 ? "" : prefix) + String(i + 1).padStart(idxlen, " ") + ") ";
        out += formatInner(el, childPrefix);
      });
      return out;
    }
  }
}

/** Incremental RESP2 parser. Returns [reply, bytesConsumed] or null if more data is needed. */
export function parseResp(buf: Buffer, pos = 0): [Resp, number] | null {
  if (pos >= buf.length) return null;
  const eol = buf.indexOf("\r\n", pos);
  if (eol < 0) return null;
  const kind = String.fromCharCode(buf[pos]);
  const line = buf.toString("utf8", pos + 1, eol);
  const next = eol + 2;
  switch (kind) {
    case "+":
      return [{ type: "status", value: line }, next];
    case "-":
      return [{ type: "error", value: line }, next];
    case ":":
      return [{ type: "integer", value: BigInt(line) }, next];
    case "$": {
      const len = Number(line);
      if (len < 0) return [{ type: "bulk", value: null }, next];
      if (buf.length < next + len + 2) return null;
      return [{ type: "bulk", value: Buffer.from(buf.subarray(next, next + len)) }, next + len + 2];
    }
    case "*": {
      const n = Number(line);
      if (n < 0) return [{ type: "array", value: null }, next];
      const items: Resp[] = [];
      let p = next;
      for (let i = 0; i < n; i++) {
        const r = parseResp(buf, p);
        if (!r) return null;
        items.push(r[0]);
        p = r[1];
      }
      return [{ type: "array", value: items }, p];
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(kind)}`);
  }
}

export function encodeCommand(args: string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.from(a, "utf8");
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/** A minimal sequential RESP2 connection: one command at a time. */
export class RespConnection {
  private buf = Buffer.alloc(0);
  private waiting: ((r: Resp) => void) | null = null;
  private failed: Error | null = null;

  private constructor(private socket: net.Socket) {
    socket.on("data", (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.drain();
    });
    socket.on("error", (e) => (this.failed = e));
  }

  static connect(port: number, host = "127.0.0.1"): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ port, host }, () => resolve(new RespConnection(s)));
      s.once("error", reject);
    });
  }

  private drain() {
    if (!this.waiting) return;
    const r = parseResp(this.buf);
    if (!r) return;
    this.buf = this.buf.subarray(r[1]);
    const w = this.waiting;
    this.waiting = null;
    w(r[0]);
  }

  call(args: string[]): Promise<Resp> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(encodeCommand(args));
      this.drain();
    });
  }

  close() {
    this.socket.end();
  }
}

export interface SnippetMismatch {
  snippet: Snippet;
  step: number;
  command: string;
  expected: string[];
  actual: string[];
}

/**
 * Run one snippet on a fresh database (FLUSHALL first, on the same connection) and return the
 * first mismatch, or null when every reply matches.
 */
export async function runSnippet(conn: RespConnection, snippet: Snippet): Promise<SnippetMismatch | null> {
  await conn.call(["FLUSHALL"]);
  for (let i = 0; i < snippet.steps.length; i++) {
    const step = snippet.steps[i];
    const actual = formatReply(await conn.call(step.args));
    if (actual.join("\n") !== step.reply.join("\n")) {
      return { snippet, step: i, command: step.command, expected: step.reply, actual };
    }
  }
  return null;
}
