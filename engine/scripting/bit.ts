/** The `bit` library (LuaBitOp) Redis bundles: 32-bit operations on numbers, signed results. */
import { type LuaState, bytesOf, lauxlib, lua, pushBinary } from "./lua-vm";

const TWO_32 = 2 ** 32;

/** LuaBitOp's normalisation: round to nearest (ties to even), keep the low 32 bits, signed. */
export function toBit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  let rounded = Math.round(value);
  if (Math.abs(value % 1) === 0.5 && rounded % 2 !== 0) rounded -= 1;
  return ((rounded % TWO_32) + TWO_32) % TWO_32 | 0;
}

function arg(L: LuaState, index: number): number {
  return toBit(lauxlib.luaL_checknumber(L, index));
}

function result(L: LuaState, value: number): number {
  lua.lua_pushnumber(L, value | 0);
  return 1;
}

function fold(L: LuaState, combine: (a: number, b: number) => number): number {
  let value = arg(L, 1);
  const count = lua.lua_gettop(L);
  for (let i = 2; i <= count; i++) value = combine(value, arg(L, i));
  return result(L, value);
}

const functions: Record<string, (L: LuaState) => number> = {
  tobit: (L) => result(L, arg(L, 1)),
  bnot: (L) => result(L, ~arg(L, 1)),
  band: (L) => fold(L, (a, b) => a & b),
  bor: (L) => fold(L, (a, b) => a | b),
  bxor: (L) => fold(L, (a, b) => a ^ b),
  lshift: (L) => result(L, arg(L, 1) << (arg(L, 2) & 31)),
  rshift: (L) => result(L, arg(L, 1) >>> (arg(L, 2) & 31)),
  arshift: (L) => result(L, arg(L, 1) >> (arg(L, 2) & 31)),
  rol: (L) => {
    const value = arg(L, 1);
    const count = arg(L, 2) & 31;
    return result(L, (value << count) | (value >>> (32 - count)));
  },
  ror: (L) => {
    const value = arg(L, 1);
    const count = arg(L, 2) & 31;
    return result(L, (value >>> count) | (value << (32 - count)));
  },
  bswap: (L) => {
    const value = arg(L, 1);
    return result(L, ((value >>> 24) & 0xff) | ((value >>> 8) & 0xff00) | ((value & 0xff00) << 8) | (value << 24));
  },
  tohex: (L) => {
    const value = arg(L, 1);
    let digits = lua.lua_isnone(L, 2) ? 8 : arg(L, 2);
    const upper = digits < 0;
    if (upper) digits = -digits;
    if (digits > 8) digits = 8;
    const text = (value >>> 0).toString(16).padStart(8, "0").slice(8 - digits);
    pushBinary(L, upper ? text.toUpperCase() : text);
    return 1;
  },
};

/** Leaves the `bit` table set as a global. */
export function registerBitLibrary(L: LuaState): void {
  lua.lua_createtable(L, 0, Object.keys(functions).length);
  for (const [name, fn] of Object.entries(functions)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, bytesOf(name));
  }
  lua.lua_setglobal(L, bytesOf("bit"));
}
