/** The `cmsgpack` library (lua-cmsgpack 0.4.0) Redis bundles: MessagePack pack/unpack. */
import { type LuaState, binaryOf, bytesOf, lauxlib, lua, pushBinary } from "./lua-vm";

/** Tables nested deeper than this are packed as nil, as lua-cmsgpack does. */
const MAX_NESTING = 16;

class PackBuffer {
  private bytes = new Uint8Array(64);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  /** An unsigned big-endian integer of `size` bytes. */
  unsigned(value: number | bigint, size: number): void {
    this.reserve(size);
    let big = BigInt(value);
    for (let i = size - 1; i >= 0; i--) {
      this.bytes[this.length + i] = Number(big & 0xffn);
      big >>= 8n;
    }
    this.length += size;
  }

  float(value: number, size: 4 | 8): void {
    this.reserve(size);
    const view = new DataView(this.bytes.buffer, this.length, size);
    if (size === 4) view.setFloat32(0, value);
    else view.setFloat64(0, value);
    this.length += size;
  }

  raw(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  result(): string {
    return binaryOf(this.bytes.subarray(0, this.length));
  }
}

function packInteger(out: PackBuffer, value: bigint): void {
  if (value >= 0n) {
    if (value <= 127n) out.byte(Number(value));
    else if (value <= 0xffn) (out.byte(0xcc), out.unsigned(value, 1));
    else if (value <= 0xffffn) (out.byte(0xcd), out.unsigned(value, 2));
    else if (value <= 0xffffffffn) (out.byte(0xce), out.unsigned(value, 4));
    else (out.byte(0xcf), out.unsigned(value, 8));
    return;
  }
  const twos = (size: number) => (1n << BigInt(size * 8)) + value;
  if (value >= -32n) out.byte(Number(0x100n + value));
  else if (value >= -128n) (out.byte(0xd0), out.unsigned(twos(1), 1));
  else if (value >= -32768n) (out.byte(0xd1), out.unsigned(twos(2), 2));
  else if (value >= -(2n ** 31n)) (out.byte(0xd2), out.unsigned(twos(4), 4));
  else (out.byte(0xd3), out.unsigned(twos(8), 8));
}

function packNumber(out: PackBuffer, value: number): void {
  // Integral values that survive a round trip through int64 are packed as integers.
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) return packInteger(out, BigInt(value));
  if (Number.isNaN(value)) {
    // 0/0 carries the sign bit on x86: the packed double is fff8000000000000.
    out.byte(0xcb);
    out.unsigned(0xfff8000000000000n, 8);
  } else if (Math.fround(value) === value) {
    out.byte(0xca);
    out.float(value, 4);
  } else {
    out.byte(0xcb);
    out.float(value, 8);
  }
}

function packString(out: PackBuffer, text: string): void {
  const length = text.length;
  if (length < 32) out.byte(0xa0 | length);
  else if (length <= 0xff) (out.byte(0xd9), out.unsigned(length, 1));
  else if (length <= 0xffff) (out.byte(0xda), out.unsigned(length, 2));
  else (out.byte(0xdb), out.unsigned(length, 4));
  out.raw(text);
}

/** The array length if the table's keys are exactly 1..n, else undefined (packed as a map). */
function arrayLength(L: LuaState, index: number): number | undefined {
  let count = 0;
  let max = 0;
  let isArray = true;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, index)) {
    lua.lua_pop(L, 1);
    count++;
    if (lua.lua_type(L, -1) !== lua.LUA_TNUMBER) {
      isArray = false;
      continue;
    }
    const key = lua.lua_tonumber(L, -1);
    if (!Number.isInteger(key) || key < 1) isArray = false;
    else if (key > max) max = key;
  }
  return isArray && max === count ? count : undefined;
}

function packTable(out: PackBuffer, L: LuaState, index: number, level: number): void {
  const table = lua.lua_absindex(L, index);
  lauxlib.luaL_checkstack(L, 4, null);
  const length = arrayLength(L, table);
  if (length !== undefined) {
    if (length < 16) out.byte(0x90 | length);
    else if (length <= 0xffff) (out.byte(0xdc), out.unsigned(length, 2));
    else (out.byte(0xdd), out.unsigned(length, 4));
    for (let i = 1; i <= length; i++) {
      lua.lua_rawgeti(L, table, i);
      packValue(out, L, -1, level + 1);
      lua.lua_pop(L, 1);
    }
    return;
  }
  // Lua 5.1 visits the array part first: integer keys lead, in order, as in Redis's output.
  const entries: { order: number; key: PackBuffer; value: PackBuffer }[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, table)) {
    const key = new PackBuffer();
    const value = new PackBuffer();
    packValue(key, L, -2, level + 1);
    packValue(value, L, -1, level + 1);
    const isIndex = lua.lua_type(L, -2) === lua.LUA_TNUMBER && Number.isInteger(lua.lua_tonumber(L, -2)) && lua.lua_tonumber(L, -2) >= 1;
    entries.push({ order: isIndex ? lua.lua_tonumber(L, -2) : Infinity, key, value });
    lua.lua_pop(L, 1);
  }
  entries.sort((a, b) => (a.order === b.order ? 0 : a.order - b.order));
  if (entries.length < 16) out.byte(0x80 | entries.length);
  else if (entries.length <= 0xffff) (out.byte(0xde), out.unsigned(entries.length, 2));
  else (out.byte(0xdf), out.unsigned(entries.length, 4));
  for (const { key, value } of entries) {
    out.raw(key.result());
    out.raw(value.result());
  }
}

function packValue(out: PackBuffer, L: LuaState, index: number, level: number): void {
  switch (lua.lua_type(L, index)) {
    case lua.LUA_TSTRING:
      return packString(out, binaryOf(lua.lua_tolstring(L, index)));
    case lua.LUA_TNUMBER:
      return packNumber(out, lua.lua_tonumber(L, index));
    case lua.LUA_TBOOLEAN:
      return out.byte(lua.lua_toboolean(L, index) ? 0xc3 : 0xc2);
    case lua.LUA_TTABLE:
      if (level < MAX_NESTING) return packTable(out, L, index, level);
      return out.byte(0xc0);
    default:
      return out.byte(0xc0);
  }
}

function pack(L: LuaState): number {
  const count = lua.lua_gettop(L);
  if (count === 0) return lauxlib.luaL_argerror(L, 0, bytesOf("MessagePack pack needs input."));
  const out = new PackBuffer();
  for (let i = 1; i <= count; i++) packValue(out, L, i, 0);
  pushBinary(L, out.result());
  return 1;
}

// ---- unpacking --------------------------------------------------------------------------------

class UnpackError extends Error {}
const MISSING = "Missing bytes in input.";
const BAD_FORMAT = "Bad data format in input.";

class Reader {
  constructor(
    private readonly data: string,
    public offset: number,
  ) {}

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  private need(count: number): void {
    if (this.offset + count > this.data.length) throw new UnpackError(MISSING);
  }

  unsigned(size: number): bigint {
    this.need(size);
    let value = 0n;
    for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(this.data.charCodeAt(this.offset++));
    return value;
  }

  signed(size: number): bigint {
    const value = this.unsigned(size);
    const bits = BigInt(size * 8);
    return value >= 1n << (bits - 1n) ? value - (1n << bits) : value;
  }

  float(size: 4 | 8): number {
    this.need(size);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = this.data.charCodeAt(this.offset++);
    const view = new DataView(bytes.buffer);
    return size === 4 ? view.getFloat32(0) : view.getFloat64(0);
  }

  text(length: number): string {
    this.need(length);
    const text = this.data.slice(this.offset, this.offset + length);
    this.offset += length;
    return text;
  }

  /** Decodes one object and pushes it. */
  value(L: LuaState): void {
    this.need(1);
    const type = this.data.charCodeAt(this.offset++);
    lauxlib.luaL_checkstack(L, 3, null);
    if (type <= 0x7f) return lua.lua_pushnumber(L, type);
    if (type >= 0xe0) return lua.lua_pushnumber(L, type - 0x100);
    if (type >= 0xa0 && type <= 0xbf) return pushBinary(L, this.text(type & 0x1f));
    if (type >= 0x90 && type <= 0x9f) return this.array(L, type & 0x0f);
    if (type >= 0x80 && type <= 0x8f) return this.map(L, type & 0x0f);
    switch (type) {
      case 0xc0:
        return lua.lua_pushnil(L);
      case 0xc2:
        return lua.lua_pushboolean(L, false);
      case 0xc3:
        return lua.lua_pushboolean(L, true);
      case 0xca:
        return lua.lua_pushnumber(L, this.float(4));
      case 0xcb:
        return lua.lua_pushnumber(L, this.float(8));
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf:
        return lua.lua_pushnumber(L, Number(this.unsigned(1 << (type - 0xcc))));
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xd3:
        return lua.lua_pushnumber(L, Number(this.signed(1 << (type - 0xd0))));
      case 0xc4:
      case 0xd9:
        return pushBinary(L, this.text(Number(this.unsigned(1))));
      case 0xc5:
      case 0xda:
        return pushBinary(L, this.text(Number(this.unsigned(2))));
      case 0xc6:
      case 0xdb:
        return pushBinary(L, this.text(Number(this.unsigned(4))));
      case 0xdc:
        return this.array(L, Number(this.unsigned(2)));
      case 0xdd:
        return this.array(L, Number(this.unsigned(4)));
      case 0xde:
        return this.map(L, Number(this.unsigned(2)));
      case 0xdf:
        return this.map(L, Number(this.unsigned(4)));
      default:
        throw new UnpackError(BAD_FORMAT);
    }
  }

  private array(L: LuaState, length: number): void {
    lua.lua_newtable(L);
    for (let i = 1; i <= length; i++) {
      this.value(L);
      lua.lua_rawseti(L, -2, i);
    }
  }

  private map(L: LuaState, length: number): void {
    lua.lua_newtable(L);
    for (let i = 0; i < length; i++) {
      this.value(L);
      this.value(L);
      // A nil key cannot be stored; lua-cmsgpack drops such pairs too.
      if (lua.lua_isnil(L, -2)) lua.lua_pop(L, 2);
      else lua.lua_rawset(L, -3);
    }
  }
}

function raise(L: LuaState, message: string): number {
  lauxlib.luaL_where(L, 1);
  pushBinary(L, message);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

/**
 * Pushes up to `limit` objects (0 = all) decoded from `offset`. With `withOffset`, first
 * pushes the offset after the last object, or -1 once the input is consumed.
 */
function unpackMany(L: LuaState, limit: number, offset: number, withOffset: boolean): number {
  const data = binaryOf(lauxlib.luaL_checklstring(L, 1));
  const base = lua.lua_gettop(L);
  const reader = new Reader(data, offset);
  if (withOffset) lua.lua_pushnil(L);
  let count = 0;
  try {
    while (!reader.done && (limit === 0 || count < limit)) {
      reader.value(L);
      count++;
    }
  } catch (error) {
    if (!(error instanceof UnpackError)) throw error;
    lua.lua_settop(L, base);
    return raise(L, error.message);
  }
  if (withOffset) {
    lua.lua_pushnumber(L, reader.done ? -1 : reader.offset);
    lua.lua_replace(L, base + 1);
    return count + 1;
  }
  return count;
}

function optionalInteger(L: LuaState, index: number): number {
  return lua.lua_isnoneornil(L, index) ? 0 : Math.trunc(lauxlib.luaL_checknumber(L, index));
}

/** Leaves the `cmsgpack` table set as a global. */
export function registerCmsgpackLibrary(L: LuaState): void {
  lua.lua_newtable(L);
  const set = (name: string, fn: (state: LuaState) => number) => {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, bytesOf(name));
  };
  set("pack", pack);
  set("unpack", (state) => unpackMany(state, 0, 0, false));
  set("unpack_one", (state) => unpackMany(state, 1, optionalInteger(state, 2), true));
  set("unpack_limit", (state) => unpackMany(state, optionalInteger(state, 2), optionalInteger(state, 3), true));
  for (const [name, value] of [
    ["_NAME", "cmsgpack"],
    ["_VERSION", "lua-cmsgpack 0.4.0"],
    ["_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo"],
    ["_DESCRIPTION", "MessagePack C implementation for Lua"],
  ]) {
    pushBinary(L, value!);
    lua.lua_setfield(L, -2, bytesOf(name!));
  }
  lua.lua_setglobal(L, bytesOf("cmsgpack"));
}
