/** The `struct` library (Roberto Ierusalimschy's struct 0.2) Redis bundles: binary pack/unpack. */
import { type LuaState, binaryOf, bytesOf, lauxlib, lua, pushBinary } from "./lua-vm";

const MAX_INT_SIZE = 32;
const MAX_ALIGN = 8;
const UINT64 = 2n ** 64n;

interface Header {
  littleEndian: boolean;
  align: number;
}

/** A format string walked option by option, with struct.c's size and alignment rules. */
class Format {
  position = 0;
  readonly header: Header = { littleEndian: true, align: 1 };

  constructor(
    private readonly L: LuaState,
    private readonly text: string,
  ) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  private number(fallback: number): number {
    if (!/[0-9]/.test(this.text[this.position] ?? "")) return fallback;
    let value = 0;
    while (/[0-9]/.test(this.text[this.position] ?? "")) value = value * 10 + Number(this.text[this.position++]);
    return value;
  }

  /** The next option and its size (0 for control options, 's' and 'c0'). */
  next(): [string, number] {
    const option = this.text[this.position++]!;
    switch (option) {
      case "b":
      case "B":
      case "x":
        return [option, 1];
      case "h":
      case "H":
        return [option, 2];
      case "l":
      case "L":
      case "T":
      case "d":
        return [option, 8];
      case "f":
        return [option, 4];
      case "c":
        return [option, this.number(1)];
      case "i":
      case "I": {
        const size = this.number(4);
        if (size > MAX_INT_SIZE) lauxlib.luaL_error(this.L, bytesOf(`integral size ${size} is larger than limit of ${MAX_INT_SIZE}`));
        return [option, size];
      }
      default:
        return [option, 0];
    }
  }

  /** Applies a control option (' ', '<', '>', '!n'); anything else is invalid. */
  control(option: string): void {
    switch (option) {
      case " ":
        return;
      case "<":
        this.header.littleEndian = true;
        return;
      case ">":
        this.header.littleEndian = false;
        return;
      case "!": {
        const align = this.number(MAX_ALIGN);
        if ((align & (align - 1)) !== 0) lauxlib.luaL_error(this.L, bytesOf(`alignment ${align} is not a power of 2`));
        this.header.align = align;
        return;
      }
      default:
        lauxlib.luaL_argerror(this.L, 1, bytesOf(`invalid format option '${option}'`));
    }
  }

  /** Padding needed before an option of `size` at offset `length`. */
  padding(length: number, option: string, size: number): number {
    if (size === 0 || option === "c") return 0;
    const unit = Math.min(size, this.header.align);
    return (unit - (length & (unit - 1))) & (unit - 1);
  }
}

const INTEGER_OPTIONS = "bBhHlLTiI";

function packInteger(value: number, size: number, littleEndian: boolean): string {
  // C's conversions: negative numbers through long long, the rest through unsigned long long.
  let bits = !Number.isFinite(value) || Math.abs(value) >= 2 ** 64 ? 0n : BigInt(Math.trunc(value));
  if (bits < 0n) bits = bits < -(2n ** 63n) ? 2n ** 63n : bits + UINT64;
  const bytes: number[] = [];
  for (let i = 0; i < size; i++) {
    bytes.push(Number(bits & 0xffn));
    bits >>= 8n;
  }
  if (!littleEndian) bytes.reverse();
  return String.fromCharCode(...bytes);
}

function packFloat(value: number, size: 4 | 8, littleEndian: boolean): string {
  const view = new DataView(new ArrayBuffer(size));
  if (size === 4) view.setFloat32(0, value, littleEndian);
  else view.setFloat64(0, value, littleEndian);
  return binaryOf(new Uint8Array(view.buffer));
}

function pack(L: LuaState): number {
  const format = new Format(L, binaryOf(lauxlib.luaL_checklstring(L, 1)));
  let out = "";
  let arg = 2;
  while (!format.done) {
    const [option, declared] = format.next();
    let size = declared;
    out += "\0".repeat(format.padding(out.length, option, size));
    const { littleEndian } = format.header;
    if (INTEGER_OPTIONS.includes(option)) {
      out += packInteger(lauxlib.luaL_checknumber(L, arg++), size, littleEndian);
    } else if (option === "x") {
      out += "\0";
    } else if (option === "f" || option === "d") {
      out += packFloat(lauxlib.luaL_checknumber(L, arg++), option === "f" ? 4 : 8, littleEndian);
    } else if (option === "c" || option === "s") {
      const text = binaryOf(lauxlib.luaL_checklstring(L, arg));
      if (size === 0) size = text.length;
      // struct.c checks after moving past the argument, so it names the next one.
      arg++;
      lauxlib.luaL_argcheck(L, text.length >= size, arg, bytesOf("string too short"));
      out += text.slice(0, size);
      if (option === "s") out += "\0";
    } else {
      format.control(option);
    }
  }
  pushBinary(L, out);
  return 1;
}

function unpackInteger(data: string, offset: number, size: number, littleEndian: boolean, signed: boolean): number {
  let value = 0n;
  for (let i = 0; i < size; i++) {
    const byte = data.charCodeAt(offset + (littleEndian ? size - 1 - i : i));
    value = ((value << 8n) | BigInt(byte)) & (UINT64 - 1n);
  }
  if (signed && size > 0 && size <= 8 && value & (1n << BigInt(size * 8 - 1))) value -= 1n << BigInt(size * 8);
  else if (signed && size > 8 && value >= 2n ** 63n) value -= UINT64;
  return Number(value);
}

function unpack(L: LuaState): number {
  const format = new Format(L, binaryOf(lauxlib.luaL_checklstring(L, 1)));
  const data = binaryOf(lauxlib.luaL_checklstring(L, 2));
  let position = (lua.lua_isnoneornil(L, 3) ? 1 : Math.trunc(lauxlib.luaL_checknumber(L, 3))) - 1;
  lauxlib.luaL_argcheck(L, position <= data.length && position >= 0, 3, bytesOf("offset out of range"));
  let results = 0;
  while (!format.done) {
    const [option, declared] = format.next();
    let size = declared;
    position += format.padding(position, option, size);
    lauxlib.luaL_argcheck(L, size <= data.length - position, 2, bytesOf("data string too short"));
    lauxlib.luaL_checkstack(L, 2, bytesOf("too many results"));
    const { littleEndian } = format.header;
    if (INTEGER_OPTIONS.includes(option)) {
      lua.lua_pushnumber(L, unpackInteger(data, position, size, littleEndian, option === option.toLowerCase()));
      results++;
    } else if (option === "f" || option === "d") {
      const view = new DataView(bytesOf(data.slice(position, position + size)).buffer);
      lua.lua_pushnumber(L, option === "f" ? view.getFloat32(0, littleEndian) : view.getFloat64(0, littleEndian));
      results++;
    } else if (option === "c") {
      if (size === 0) {
        if (results === 0 || !lua.lua_isnumber(L, -1)) lauxlib.luaL_error(L, bytesOf("format 'c0' needs a previous size"));
        size = Math.trunc(lua.lua_tonumber(L, -1));
        lua.lua_pop(L, 1);
        results--;
        lauxlib.luaL_argcheck(L, size <= data.length - position, 2, bytesOf("data string too short"));
      }
      pushBinary(L, data.slice(position, position + size));
      results++;
    } else if (option === "s") {
      const end = data.indexOf("\0", position);
      if (end < 0) lauxlib.luaL_error(L, bytesOf("unfinished string in data"));
      size = end - position + 1;
      pushBinary(L, data.slice(position, end));
      results++;
    } else if (option !== "x") {
      format.control(option);
    }
    position += size;
  }
  lua.lua_pushnumber(L, position + 1);
  return results + 1;
}

function size(L: LuaState): number {
  const format = new Format(L, binaryOf(lauxlib.luaL_checklstring(L, 1)));
  let total = 0;
  while (!format.done) {
    const [option, optionSize] = format.next();
    total += format.padding(total, option, optionSize);
    if (option === "s") lauxlib.luaL_argerror(L, 1, bytesOf("option 's' has no fixed size"));
    else if (option === "c" && optionSize === 0) lauxlib.luaL_argerror(L, 1, bytesOf("option 'c0' has no fixed size"));
    if (!INTEGER_OPTIONS.includes(option) && !"xfdc".includes(option)) format.control(option);
    total += optionSize;
  }
  lua.lua_pushnumber(L, total);
  return 1;
}

/** Leaves the `struct` table set as a global. */
export function registerStructLibrary(L: LuaState): void {
  lua.lua_newtable(L);
  for (const [name, fn] of [
    ["pack", pack],
    ["unpack", unpack],
    ["size", size],
  ] as const) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, bytesOf(name));
  }
  lua.lua_setglobal(L, bytesOf("struct"));
}
