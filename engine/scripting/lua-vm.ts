/**
 * Access to the fengari Lua VM (Lua 5.3 in JavaScript), adjusted to behave like the Lua 5.1
 * Redis embeds where scripts can tell the difference:
 * - every numeral and string-to-number conversion yields a float, as 5.1 has only doubles
 *   (fengari's integers are 32-bit and would wrap where Redis's Lua does not);
 * - numbers print with "%.14g" and no ".0" suffix ("3", "1e+15", "inf", "-nan").
 * These patches change fengari's module state for the whole process; the engine is its only user.
 */
import fengari from "fengari";
import lobject from "fengari/src/lobject.js";
import lstring from "fengari/src/lstring.js";
import ldo from "fengari/src/ldo.js";
import { formatDoubleG } from "../util/numbers";

export const lua = fengari.lua;
export const lauxlib = fengari.lauxlib;
export const lualib = fengari.lualib;

/** A fengari lua_State (opaque to the engine). */
export type LuaState = object;

let patched = false;

function patchNumberSemantics(): void {
  if (patched) return;
  patched = true;
  const str2num = lobject.luaO_str2num;
  lobject.luaO_str2num = (text: Uint8Array, value: { ttisinteger(): boolean; value: number; setfltvalue(n: number): void }) => {
    const consumed = str2num(text, value);
    if (consumed !== 0 && value.ttisinteger()) value.setfltvalue(value.value);
    return consumed;
  };
  lobject.luaO_tostring = (L: LuaState, value: { ttisinteger(): boolean; value: number; setsvalue(s: unknown): void }) => {
    const text = value.ttisinteger() ? String(value.value) : formatLuaNumber(value.value);
    value.setsvalue(lstring.luaS_bless(L, bytesOf(text)));
  };
  // The VM shrinks its stack with `delete`, which degrades the array V8 keeps it in; clearing
  // slots instead keeps stack access fast (the same values are read back: undefined).
  ldo.adjust_top = (L: { top: number; stack: unknown[] }, newTop: number) => {
    while (L.top < newTop) L.stack[L.top++] = new lobject.TValue(lua.LUA_TNIL, null);
    while (L.top > newTop) L.stack[--L.top] = undefined;
  };
  // tostring() formats floats through pushfstring("%f"), which does not go through luaO_tostring.
  const pushvfstring = lobject.luaO_pushvfstring;
  const stringFormat = bytesOf("%s");
  lobject.luaO_pushvfstring = (L: LuaState, format: Uint8Array, args: unknown[]) => {
    if (format.length === 2 && format[0] === 0x25 && format[1] === 0x66 && typeof args[0] === "number") {
      return pushvfstring(L, stringFormat, [bytesOf(formatLuaNumber(args[0]))]);
    }
    return pushvfstring(L, format, args);
  };
}

/** Lua 5.1's tostring(number): "%.14g", with glibc's spelling of non-finite values. */
export function formatLuaNumber(value: number): string {
  // 0/0 is the usual source of NaN and carries the sign bit on x86, which glibc prints.
  if (Number.isNaN(value)) return "-nan";
  return formatDoubleG(value, 14);
}

/** The bytes of a binary (latin1) string as a Lua string buffer. */
export function bytesOf(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A Lua string buffer as a binary (latin1) string. */
export function binaryOf(bytes: Uint8Array): string {
  if (bytes.length < 64) {
    let text = "";
    for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
    return text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).latin1Slice(0, bytes.length);
}

/** Pushes a binary string; hands the fresh buffer to Lua instead of lua_pushstring's slow copy. */
export function pushBinary(L: LuaState, text: string): void {
  lobject.pushsvalue2s(L, lstring.luaS_bless(L, bytesOf(text)));
}

/**
 * A string interned for repeated use as a table key: fengari hashes string keys by building a
 * hex text of their bytes, cached on the string object, so reusing one object avoids rehashing.
 */
export function internedKey(L: LuaState, text: string): unknown {
  return lstring.luaS_bless(L, bytesOf(text));
}

export function pushInterned(L: LuaState, key: unknown): void {
  lobject.pushsvalue2s(L, key);
}

/** Reads the string (or number, converted) at `index` as a binary string. */
export function toBinary(L: LuaState, index: number): string {
  return binaryOf(lua.lua_tolstring(L, index));
}

/** A new Lua state with the patched number semantics. */
export function newState(): LuaState {
  patchNumberSemantics();
  return lauxlib.luaL_newstate();
}
