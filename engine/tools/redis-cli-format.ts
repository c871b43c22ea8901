/**
 * Formats engine Reply values exactly as redis-cli prints them on a terminal (cliFormatReplyTTY
 * in redis-cli.c, Redis 7.0): `OK`, `(integer) 3`, quoted bulk strings with C escapes,
 * `(nil)`, `(error) ERR ...`, numbered and indented arrays, and the RESP3 forms (`1# "k" => v`
 * maps, `1~` sets, `(double)`, `(true)`) when the connection speaks RESP3.
 *
 * Replies are protocol-independent values: a map or a double reaches a RESP2 client as an array
 * or a bulk string, so the protocol of the connection decides how it prints.
 */
import type { ProtocolVersion } from "../protocol/encoder";
import {
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
} from "../protocol/reply";
import { formatDouble17g } from "../util/numbers";

/** redis-cli's sdscatrepr: double quotes, C escapes, `\xhh` for bytes that are not printable ASCII. */
export function quoteBytes(text: string): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) & 0xff;
    const char = String.fromCharCode(code);
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (code === 0x0a) out += "\\n";
    else if (code === 0x0d) out += "\\r";
    else if (code === 0x09) out += "\\t";
    else if (code === 0x07) out += "\\a";
    else if (code === 0x08) out += "\\b";
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += `\\x${code.toString(16).padStart(2, "0")}`;
  }
  return `${out}"`;
}

type Aggregate = { items: Reply[]; kind: "array" | "map" | "set" | "push" };

function aggregateOf(reply: Reply, protocol: ProtocolVersion): Aggregate | null {
  if (Array.isArray(reply)) return { items: reply, kind: "array" };
  if (reply instanceof MapReply) return { items: reply.entries, kind: protocol === 3 ? "map" : "array" };
  if (reply instanceof SetReply) return { items: reply.items, kind: protocol === 3 ? "set" : "array" };
  if (reply instanceof PushReply) return { items: reply.items, kind: protocol === 3 ? "push" : "array" };
  return null;
}

const EMPTY: Record<Aggregate["kind"], string> = {
  array: "(empty array)",
  map: "(empty hash)",
  set: "(empty set)",
  push: "(empty push)",
};
const SEPARATOR: Record<Aggregate["kind"], string> = { array: ")", map: "#", set: "~", push: ")" };

/** cliFormatReplyTTY: the text for one reply, each line ending in "\n". */
function formatTTY(reply: Reply, prefix: string, protocol: ProtocolVersion): string {
  switch (typeof reply) {
    case "string":
      return `${quoteBytes(reply)}\n`;
    case "number":
    case "bigint":
      return `(integer) ${reply}\n`;
    case "boolean":
      return protocol === 3 ? `(${reply})\n` : `(integer) ${reply ? 1 : 0}\n`;
  }
  if (reply === null || reply instanceof NullArrayReply) return "(nil)\n";
  if (Buffer.isBuffer(reply)) return `${quoteBytes(reply.toString("latin1"))}\n`;
  if (reply instanceof SimpleString) return `${reply.value}\n`;
  if (reply instanceof ErrorReply) return `(error) ${reply.message}\n`;
  if (reply instanceof DoubleReply) {
    const text = formatDouble17g(reply.value);
    return protocol === 3 ? `(double) ${text}\n` : `${quoteBytes(text)}\n`;
  }
  if (reply instanceof VerbatimReply) return protocol === 3 ? `${reply.text}\n` : `${quoteBytes(reply.text)}\n`;
  if (reply instanceof MultiReply) return reply.replies.map((item) => formatTTY(item, prefix, protocol)).join("");
  const aggregate = aggregateOf(reply, protocol);
  if (!aggregate) throw new TypeError("cannot format reply object");
  const { items, kind } = aggregate;
  if (items.length === 0) return `${EMPTY[kind]}\n`;
  const count = kind === "map" ? items.length / 2 : items.length;
  const width = String(count).length;
  const childPrefix = prefix + " ".repeat(width + 2);
  let out = "";
  for (let index = 0; index < items.length; index++) {
    const human = (kind === "map" ? index / 2 : index) + 1;
    // The caller already printed the first element's indentation along with its own index.
    out += `${index === 0 ? "" : prefix}${String(human).padStart(width)}${SEPARATOR[kind]} `;
    out += formatTTY(items[index]!, childPrefix, protocol);
    if (kind === "map") {
      index++;
      out = `${out.slice(0, -1)} => ${formatTTY(items[index]!, childPrefix, protocol)}`;
    }
  }
  return out;
}

/** The lines redis-cli prints for `reply` on a terminal (no trailing newline). */
export function formatReply(reply: Reply, protocol: ProtocolVersion = 2): string[] {
  return formatTTY(reply, "", protocol).replace(/\n$/, "").split("\n");
}

/**
 * Commands whose text replies redis-cli prints raw even on a terminal (cliSendCommand's list),
 * so INFO shows its sections rather than one quoted line.
 */
function printsRaw(argv: readonly string[]): boolean {
  const [command = "", sub = ""] = argv.map((arg) => arg.toLowerCase());
  if (command === "info" || command === "lolwut") return true;
  if (command === "client") return sub === "list" || sub === "info";
  if (command === "cluster") return argv.length === 2 && (sub === "nodes" || sub === "info");
  if (command === "latency") return (argv.length === 3 && sub === "graph") || (argv.length === 2 && sub === "doctor");
  if (command === "memory") return sub === "doctor" || sub === "malloc-stats";
  return argv.length >= 2 && command === "debug" && sub === "htstats";
}

/** What redis-cli prints after sending `argv` and receiving `reply`. */
export function formatCommandReply(argv: readonly string[], reply: Reply, protocol: ProtocolVersion = 2): string[] {
  if (printsRaw(argv)) {
    const text = typeof reply === "string" ? reply : reply instanceof VerbatimReply ? reply.text : Buffer.isBuffer(reply) ? reply.toString("latin1") : null;
    if (text !== null) return text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  }
  return formatReply(reply, protocol);
}
