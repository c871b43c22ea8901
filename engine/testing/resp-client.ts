/**
 * A raw RESP client for tests: sends commands and returns each reply both as its exact wire
 * bytes and as a parsed tree, so differential tests can compare replies byte for byte.
 */
import net from "node:net";

export type RespValue =
  | { type: "simple"; value: string }
  | { type: "error"; value: string }
  | { type: "integer"; value: string }
  | { type: "bulk"; value: string }
  | { type: "null" }
  | { type: "nullarray" }
  | { type: "array" | "set" | "push"; items: RespValue[] }
  | { type: "map"; items: RespValue[] }
  | { type: "double" | "boolean" | "bignum"; value: string }
  | { type: "verbatim"; format: string; value: string };

export interface RawReply {
  raw: string;
  value: RespValue;
}

/** Parses one reply at `offset`; returns it and the next offset, or undefined if incomplete. */
export function parseReply(data: string, offset: number): [RespValue, number] | undefined {
  const lineEnd = data.indexOf("\r\n", offset);
  if (lineEnd === -1) return undefined;
  const prefix = data[offset]!;
  const line = data.slice(offset + 1, lineEnd);
  const next = lineEnd + 2;
  const aggregate = (type: "array" | "set" | "push" | "map", count: number): [RespValue, number] | undefined => {
    const items: RespValue[] = [];
    let at = next;
    for (let i = 0; i < count; i++) {
      const parsed = parseReply(data, at);
      if (!parsed) return undefined;
      items.push(parsed[0]);
      at = parsed[1];
    }
    return [{ type, items }, at];
  };
  switch (prefix) {
    case "+":
      return [{ type: "simple", value: line }, next];
    case "-":
      return [{ type: "error", value: line }, next];
    case ":":
      return [{ type: "integer", value: line }, next];
    case ",":
      return [{ type: "double", value: line }, next];
    case "#":
      return [{ type: "boolean", value: line }, next];
    case "(":
      return [{ type: "bignum", value: line }, next];
    case "_":
      return [{ type: "null" }, next];
    case "$":
    case "=": {
      const length = Number(line);
      if (length < 0) return [{ type: "null" }, next];
      if (data.length < next + length + 2) return undefined;
      const body = data.slice(next, next + length);
      if (prefix === "=") return [{ type: "verbatim", format: body.slice(0, 3), value: body.slice(4) }, next + length + 2];
      return [{ type: "bulk", value: body }, next + length + 2];
    }
    case "*":
      if (Number(line) < 0) return [{ type: "nullarray" }, next];
      return aggregate("array", Number(line));
    case "~":
      return aggregate("set", Number(line));
    case ">":
      return aggregate("push", Number(line));
    case "%":
      return aggregate("map", Number(line) * 2);
    default:
      throw new Error(`unexpected reply prefix ${JSON.stringify(prefix)} in ${JSON.stringify(data.slice(offset, offset + 40))}`);
  }
}

/** Encodes argv as a RESP multibulk request (binary strings). */
export function encodeCommand(argv: string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const arg of argv) out += `$${arg.length}\r\n${arg}\r\n`;
  return out;
}

export class RespClient {
  private buffer = "";
  private readonly waiting: ((reply: RawReply) => void)[] = [];
  /** Replies that arrived with nobody waiting (pushes, MONITOR lines). */
  readonly unsolicited: RawReply[] = [];
  private closedError: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffer += chunk.latin1Slice(0, chunk.length);
      this.drain();
    });
    socket.on("close", () => {
      this.closedError = new Error("connection closed");
      for (const resolve of this.waiting.splice(0)) resolve({ raw: "", value: { type: "error", value: "connection closed" } });
    });
    socket.on("error", () => undefined);
  }

  static connect(port: number, host = "127.0.0.1"): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RespClient(socket)));
      socket.once("error", reject);
    });
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  private drain(): void {
    for (;;) {
      const parsed = parseReply(this.buffer, 0);
      if (!parsed) return;
      const [value, end] = parsed;
      const reply = { raw: this.buffer.slice(0, end), value };
      this.buffer = this.buffer.slice(end);
      const resolve = value.type === "push" ? undefined : this.waiting.shift();
      if (resolve) resolve(reply);
      else this.unsolicited.push(reply);
    }
  }

  /** Sends raw bytes and waits for `replies` replies. */
  sendRaw(data: string, replies = 1): Promise<RawReply[]> {
    const pending = Array.from({ length: replies }, () => new Promise<RawReply>((resolve) => this.waiting.push(resolve)));
    this.socket.write(data, "latin1");
    return Promise.all(pending);
  }

  async call(...argv: string[]): Promise<RawReply> {
    const [reply] = await this.sendRaw(encodeCommand(argv));
    return reply!;
  }

  /** Waits for the next unsolicited reply (pub/sub message, MONITOR line). */
  async nextPush(timeoutMs = 2000): Promise<RawReply> {
    const started = Date.now();
    while (this.unsolicited.length === 0) {
      if (Date.now() - started > timeoutMs) throw new Error("no push message arrived");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.unsolicited.shift()!;
  }

  close(): void {
    this.socket.destroy();
  }
}
