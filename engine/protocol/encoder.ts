import { formatDouble17g } from "../util/numbers";
import {
  ArrayHeader,
  DoubleReply,
  ErrorReply,
  MapReply,
  MultiReply,
  NullArrayReply,
  PushReply,
  type Reply,
  SetReply,
  SimpleString,
  VerbatimReply,
} from "./reply";

export type ProtocolVersion = 2 | 3;

/** Headers of short bulks and arrays and small integers, built once like Redis's shared objects. */
const SHARED_HEADERS = 1024;
const BULK_HEADERS = Array.from({ length: SHARED_HEADERS }, (_, length) => `$${length}\r\n`);
const ARRAY_HEADERS = Array.from({ length: SHARED_HEADERS }, (_, length) => `*${length}\r\n`);
const INTEGERS = Array.from({ length: SHARED_HEADERS }, (_, value) => `:${value}\r\n`);

function bulkHeader(length: number): string {
  return length < SHARED_HEADERS ? BULK_HEADERS[length]! : `$${length}\r\n`;
}

function arrayHeader(length: number): string {
  return length < SHARED_HEADERS ? ARRAY_HEADERS[length]! : `*${length}\r\n`;
}

/**
 * Appends the wire form of `reply` to `out` as binary (latin1) strings. The connection joins
 * and writes them once per read, so a pipeline of N commands costs one socket write.
 */
export function encodeReply(reply: Reply, protocol: ProtocolVersion, out: string[]): void {
  switch (typeof reply) {
    case "string":
      out.push(bulkHeader(reply.length), reply, "\r\n");
      return;
    case "number":
      out.push(reply >= 0 && reply < SHARED_HEADERS && Number.isInteger(reply) ? INTEGERS[reply]! : `:${reply}\r\n`);
      return;
    case "bigint":
      out.push(`:${reply}\r\n`);
      return;
    case "boolean":
      out.push(protocol === 3 ? (reply ? "#t\r\n" : "#f\r\n") : reply ? ":1\r\n" : ":0\r\n");
      return;
    case "object":
      break;
    default:
      throw new TypeError(`cannot encode reply of type ${typeof reply}`);
  }
  if (reply === null) {
    out.push(protocol === 3 ? "_\r\n" : "$-1\r\n");
  } else if (Array.isArray(reply)) {
    out.push(arrayHeader(reply.length));
    for (const item of reply) encodeReply(item, protocol, out);
  } else if (reply instanceof SimpleString) {
    out.push(reply.line);
  } else if (reply instanceof ErrorReply) {
    out.push(`-${errorLine(reply.message)}\r\n`);
  } else if (Buffer.isBuffer(reply)) {
    out.push(bulkHeader(reply.length), reply.latin1Slice(0, reply.length), "\r\n");
  } else if (reply instanceof DoubleReply) {
    const text = reply.text ?? formatDouble17g(reply.value);
    out.push(protocol === 3 ? `,${text}\r\n` : `$${text.length}\r\n${text}\r\n`);
  } else if (reply instanceof MapReply) {
    out.push(protocol === 3 ? `%${reply.entries.length / 2}\r\n` : `*${reply.entries.length}\r\n`);
    for (const item of reply.entries) encodeReply(item, protocol, out);
  } else if (reply instanceof SetReply) {
    out.push(`${protocol === 3 ? "~" : "*"}${reply.items.length}\r\n`);
    for (const item of reply.items) encodeReply(item, protocol, out);
  } else if (reply instanceof PushReply) {
    out.push(`${protocol === 3 ? ">" : "*"}${reply.items.length}\r\n`);
    for (const item of reply.items) encodeReply(item, protocol, out);
  } else if (reply instanceof VerbatimReply) {
    if (protocol === 3) out.push(`=${reply.text.length + 4}\r\n${reply.format}:`, reply.text, "\r\n");
    else out.push(`$${reply.text.length}\r\n`, reply.text, "\r\n");
  } else if (reply instanceof NullArrayReply) {
    out.push(protocol === 3 ? "_\r\n" : "*-1\r\n");
  } else if (reply instanceof MultiReply) {
    for (const item of reply.replies) encodeReply(item, protocol, out);
  } else if (reply instanceof ArrayHeader) {
    out.push(arrayHeader(reply.length));
  } else {
    throw new TypeError("cannot encode reply object");
  }
}

/** An error is one line: Redis turns CR and LF inside its text into spaces. */
export function errorLine(message: string): string {
  return message.includes("\r") || message.includes("\n") ? message.replace(/[\r\n]/g, " ") : message;
}

/** Encodes a whole reply to one binary string (tests, MONITOR-style tooling). */
export function encodeToString(reply: Reply, protocol: ProtocolVersion): string {
  const out: string[] = [];
  encodeReply(reply, protocol, out);
  return out.join("");
}
