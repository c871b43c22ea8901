/**
 * The `cjson` library (lua-cjson 2.1) Redis bundles: JSON encode/decode with its defaults —
 * numbers as "%.14g", "/" escaped, sparse-array detection, cjson.null for JSON null — and its
 * error messages.
 */
import { type LuaState, binaryOf, bytesOf, formatLuaNumber, lauxlib, lua, pushBinary } from "./lua-vm";

const MAX_DEPTH = 1000;
/** lua-cjson's defaults: arrays may be at most twice as sparse once past 10 elements. */
const SPARSE_RATIO = 2;
const SPARSE_SAFE = 10;

/** The lightuserdata cjson.null is; any unique object works as its address. */
const NULL_SENTINEL = {};

class EncodeError extends Error {}

function isNull(L: LuaState, index: number): boolean {
  return lua.lua_type(L, index) === lua.LUA_TLIGHTUSERDATA && lua.lua_touserdata(L, index) === NULL_SENTINEL;
}

const ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x2f: "\\/", 0x08: "\\b", 0x0c: "\\f", 0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t" };

function encodeString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escape = ESCAPES[code];
    if (escape !== undefined) out += escape;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += text[i];
  }
  return `${out}"`;
}

function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new EncodeError("Cannot serialise number: must not be NaN or Inf");
  return formatLuaNumber(value);
}

/** The array length of the table at `index`, or -1 when it must be encoded as an object. */
function arrayLength(L: LuaState, index: number): number {
  let max = 0;
  let items = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, index)) {
    lua.lua_pop(L, 1);
    if (lua.lua_type(L, -1) === lua.LUA_TNUMBER) {
      const key = lua.lua_tonumber(L, -1);
      if (Number.isInteger(key) && key >= 1) {
        if (key > max) max = key;
        items++;
        continue;
      }
    }
    lua.lua_pop(L, 1);
    return -1;
  }
  if (max > items * SPARSE_RATIO && max > SPARSE_SAFE) throw new EncodeError("Cannot serialise table: excessively sparse array");
  return max;
}

function encodeValue(L: LuaState, index: number, depth: number): string {
  switch (lua.lua_type(L, index)) {
    case lua.LUA_TSTRING:
      return encodeString(binaryOf(lua.lua_tolstring(L, index)));
    case lua.LUA_TNUMBER:
      return encodeNumber(lua.lua_tonumber(L, index));
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, index) ? "true" : "false";
    case lua.LUA_TNIL:
      return "null";
    case lua.LUA_TLIGHTUSERDATA:
      if (isNull(L, index)) return "null";
      break;
    case lua.LUA_TTABLE:
      return encodeTable(L, index, depth + 1);
  }
  throw new EncodeError(`Cannot serialise ${binaryOf(lua.lua_typename(L, lua.lua_type(L, index)))}: type not supported`);
}

function encodeTable(L: LuaState, index: number, depth: number): string {
  if (depth > MAX_DEPTH) throw new EncodeError(`Cannot serialise, excessive nesting (${depth})`);
  const table = lua.lua_absindex(L, index);
  lauxlib.luaL_checkstack(L, 6, null);
  const length = arrayLength(L, table);
  const parts: string[] = [];
  if (length > 0) {
    for (let i = 1; i <= length; i++) {
      lua.lua_rawgeti(L, table, i);
      parts.push(encodeValue(L, -1, depth));
      lua.lua_pop(L, 1);
    }
    return `[${parts.join(",")}]`;
  }
  // Lua 5.1 visits a table's array part (keys 1..n) before its hash part; fengari keeps one
  // insertion-ordered map, so put positive integer keys first to match the usual output.
  const indexed: [number, string][] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, table)) {
    const keyType = lua.lua_type(L, -2);
    let key: string;
    let position: number | undefined;
    if (keyType === lua.LUA_TSTRING) key = encodeString(binaryOf(lua.lua_tolstring(L, -2)));
    else if (keyType === lua.LUA_TNUMBER) {
      const number = lua.lua_tonumber(L, -2);
      if (Number.isInteger(number) && number >= 1) position = number;
      key = `"${encodeNumber(number)}"`;
    } else {
      const typeName = binaryOf(lua.lua_typename(L, keyType));
      lua.lua_pop(L, 2);
      throw new EncodeError(`Cannot serialise ${typeName}: table key must be a number or string`);
    }
    const member = `${key}:${encodeValue(L, -1, depth)}`;
    if (position === undefined) parts.push(member);
    else indexed.push([position, member]);
    lua.lua_pop(L, 1);
  }
  indexed.sort((a, b) => a[0] - b[0]);
  return `{${[...indexed.map(([, member]) => member), ...parts].join(",")}}`;
}

/** Raises a Lua error carrying the caller's position, as luaL_error does. */
function raise(L: LuaState, message: string): number {
  lauxlib.luaL_where(L, 1);
  pushBinary(L, message);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

function encode(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1) return raise(L, "bad argument #1 to 'encode' (expected 1 argument)");
  let json: string;
  try {
    json = encodeValue(L, 1, 0);
  } catch (error) {
    if (error instanceof EncodeError) return raise(L, error.message);
    throw error;
  }
  pushBinary(L, json);
  return 1;
}

// ---- decoding ---------------------------------------------------------------------------------

class DecodeError extends Error {}

type TokenType =
  | "T_OBJ_BEGIN"
  | "T_OBJ_END"
  | "T_ARR_BEGIN"
  | "T_ARR_END"
  | "T_STRING"
  | "T_NUMBER"
  | "T_BOOLEAN"
  | "T_NULL"
  | "T_COLON"
  | "T_COMMA"
  | "T_END"
  | "T_ERROR";

interface Token {
  type: TokenType;
  /** Byte offset where the token starts (errors count characters from 1). */
  index: number;
  string?: string;
  number?: number;
  boolean?: boolean;
  error?: string;
}

/** What strtod accepts after a '-' or digit (lua-cjson parses numbers with it): hex too. */
const NUMBER_TEXT = /^-?(?:0[xX][0-9a-fA-F]+|[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?)/;

/** A JSON tokenizer over a binary string, with lua-cjson's token names and messages. */
class Tokenizer {
  position = 0;
  constructor(private readonly text: string) {}

  next(): Token {
    const text = this.text;
    while (this.position < text.length && " \t\n\r".includes(text[this.position]!)) this.position++;
    const index = this.position;
    if (index >= text.length) return { type: "T_END", index };
    const char = text[index]!;
    const single: Record<string, TokenType> = { "{": "T_OBJ_BEGIN", "}": "T_OBJ_END", "[": "T_ARR_BEGIN", "]": "T_ARR_END", ":": "T_COLON", ",": "T_COMMA" };
    if (single[char]) {
      this.position++;
      return { type: single[char]!, index };
    }
    if (char === '"') return this.string(index);
    if (char === "-" || (char >= "0" && char <= "9")) {
      const match = NUMBER_TEXT.exec(text.slice(index, index + 400));
      if (match) {
        this.position += match[0].length;
        const negative = match[0].startsWith("-");
        const digits = negative ? match[0].slice(1) : match[0];
        const value = /^0[xX]/.test(digits) ? parseInt(digits, 16) : Number(digits);
        return { type: "T_NUMBER", index, number: negative ? -value : value };
      }
      return { type: "T_ERROR", index, error: "invalid number" };
    }
    for (const [word, token] of [
      ["true", { type: "T_BOOLEAN", boolean: true }],
      ["false", { type: "T_BOOLEAN", boolean: false }],
      ["null", { type: "T_NULL" }],
    ] as const) {
      if (text.startsWith(word, index)) {
        this.position += word.length;
        return { ...token, index };
      }
    }
    return { type: "T_ERROR", index, error: "invalid token" };
  }

  private string(index: number): Token {
    const text = this.text;
    let out = "";
    let at = index + 1;
    for (;;) {
      // String errors point at where decoding stopped, as lua-cjson reports them.
      if (at >= text.length) return { type: "T_ERROR", index: at, error: "unexpected end of string" };
      const char = text[at]!;
      if (char === '"') break;
      if (char !== "\\") {
        out += char;
        at++;
        continue;
      }
      const escape = text[at + 1];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (escape !== undefined && simple[escape] !== undefined) {
        out += simple[escape];
        at += 2;
        continue;
      }
      if (escape !== "u") return { type: "T_ERROR", index: at, error: "invalid escape code" };
      const decoded = this.unicodeEscape(at);
      if (decoded === undefined) return { type: "T_ERROR", index: at, error: "invalid unicode escape code" };
      out += decoded.bytes;
      at = decoded.next;
    }
    this.position = at + 1;
    return { type: "T_STRING", index, string: out };
  }

  /** A \uXXXX escape (or surrogate pair) at `at`, as UTF-8 bytes. */
  private unicodeEscape(at: number): { bytes: string; next: number } | undefined {
    const hex = (offset: number) => {
      const digits = this.text.slice(offset, offset + 4);
      return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : undefined;
    };
    let code = hex(at + 2);
    if (code === undefined) return undefined;
    let next = at + 6;
    if (code >= 0xdc00 && code <= 0xdfff) return undefined;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (this.text.slice(next, next + 2) !== "\\u") return undefined;
      const low = hex(next + 2);
      if (low === undefined || low < 0xdc00 || low > 0xdfff) return undefined;
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      next += 6;
    }
    return { bytes: Buffer.from(String.fromCodePoint(code), "utf8").latin1Slice(), next };
  }
}

function unexpected(token: Token, expected: string): DecodeError {
  const found = token.type === "T_ERROR" ? token.error! : token.type;
  return new DecodeError(`Expected ${expected} but found ${found} at character ${token.index + 1}`);
}

class Decoder {
  private readonly tokens: Tokenizer;
  private depth = 0;

  constructor(
    private readonly L: LuaState,
    text: string,
  ) {
    this.tokens = new Tokenizer(text);
  }

  decode(): void {
    this.value(this.tokens.next());
    const end = this.tokens.next();
    if (end.type !== "T_END") throw unexpected(end, "the end");
  }

  private value(token: Token): void {
    const L = this.L;
    switch (token.type) {
      case "T_STRING":
        return pushBinary(L, token.string!);
      case "T_NUMBER":
        return lua.lua_pushnumber(L, token.number!);
      case "T_BOOLEAN":
        return lua.lua_pushboolean(L, token.boolean!);
      case "T_NULL":
        return lua.lua_pushlightuserdata(L, NULL_SENTINEL);
      case "T_OBJ_BEGIN":
        return this.object(token);
      case "T_ARR_BEGIN":
        return this.array(token);
      default:
        throw unexpected(token, "value");
    }
  }

  private nest(token: Token): void {
    if (++this.depth > MAX_DEPTH) throw new DecodeError(`Found too many nested data structures (${this.depth}) at character ${token.index + 1}`);
    lauxlib.luaL_checkstack(this.L, 3, null);
  }

  private object(begin: Token): void {
    const L = this.L;
    this.nest(begin);
    lua.lua_newtable(L);
    let token = this.tokens.next();
    if (token.type === "T_OBJ_END") {
      this.depth--;
      return;
    }
    for (;;) {
      if (token.type !== "T_STRING") throw unexpected(token, "object key string");
      pushBinary(L, token.string!);
      const colon = this.tokens.next();
      if (colon.type !== "T_COLON") throw unexpected(colon, "colon");
      this.value(this.tokens.next());
      lua.lua_rawset(L, -3);
      token = this.tokens.next();
      if (token.type === "T_OBJ_END") break;
      if (token.type !== "T_COMMA") throw unexpected(token, "comma or object end");
      token = this.tokens.next();
    }
    this.depth--;
  }

  private array(begin: Token): void {
    const L = this.L;
    this.nest(begin);
    lua.lua_newtable(L);
    let token = this.tokens.next();
    if (token.type === "T_ARR_END") {
      this.depth--;
      return;
    }
    for (let i = 1; ; i++) {
      this.value(token);
      lua.lua_rawseti(L, -2, i);
      token = this.tokens.next();
      if (token.type === "T_ARR_END") break;
      if (token.type !== "T_COMMA") throw unexpected(token, "comma or array end");
      token = this.tokens.next();
    }
    this.depth--;
  }
}

function decode(L: LuaState): number {
  if (lua.lua_gettop(L) !== 1) return raise(L, "bad argument #1 to 'decode' (expected 1 argument)");
  const text = binaryOf(lauxlib.luaL_checklstring(L, 1));
  const top = lua.lua_gettop(L);
  try {
    new Decoder(L, text).decode();
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    lua.lua_settop(L, top);
    return raise(L, error.message);
  }
  return 1;
}

/** The configuration functions exist; the engine keeps lua-cjson's defaults whatever they get. */
function configurationNoop(L: LuaState): number {
  return lua.lua_gettop(L);
}

/** Leaves the `cjson` table set as a global. */
export function registerCjsonLibrary(L: LuaState): void {
  lua.lua_newtable(L);
  const set = (name: string, fn: (state: LuaState) => number) => {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, bytesOf(name));
  };
  set("encode", encode);
  set("decode", decode);
  for (const name of ["encode_sparse_array", "encode_max_depth", "decode_max_depth", "encode_number_precision", "encode_keep_buffer", "encode_invalid_numbers", "decode_invalid_numbers"]) {
    set(name, configurationNoop);
  }
  set("new", (state) => {
    lua.lua_getglobal(state, bytesOf("cjson"));
    return 1;
  });
  lua.lua_pushlightuserdata(L, NULL_SENTINEL);
  lua.lua_setfield(L, -2, bytesOf("null"));
  pushBinary(L, "cjson");
  lua.lua_setfield(L, -2, bytesOf("_NAME"));
  pushBinary(L, "2.1.0");
  lua.lua_setfield(L, -2, bytesOf("_VERSION"));
  lua.lua_setglobal(L, bytesOf("cjson"));
}
