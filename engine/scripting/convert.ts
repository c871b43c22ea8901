/** Redis <-> Lua value conversions with Redis 7.0's rules (script_lua.c). */
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
import { type LuaState, binaryOf, bytesOf, lua as luaModule, pushBinary, toBinary } from "./lua-vm";

/** Direct references: module bindings re-exported across ES modules are read through getters. */
const lua = luaModule;

const INT64_MIN = -(2n ** 63n);
/** Field names as Lua strings, converted once (fengari re-encodes JS strings on every use). */
const FIELD_NAMES = new Map(["ok", "err", "double", "map", "set", "verbatim_string", "format", "string", "source", "line"].map((name) => [name, bytesOf(name)]));

function field(name: string): Uint8Array {
  return FIELD_NAMES.get(name)!;
}

/** The RESP version a script talks to Redis with (redis.setresp), which shapes conversions. */
export type ScriptResp = 2 | 3;

function pushField(L: LuaState, name: string, push: () => void): void {
  lua.lua_createtable(L, 0, 1);
  push();
  lua.lua_setfield(L, -2, field(name));
}

function pushArray(L: LuaState, items: Reply[], resp: ScriptResp): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushReply(L, items[i]!, resp);
    lua.lua_rawseti(L, -2, i + 1);
  }
}

/** Pushes a command's reply as the Lua value a script sees from redis.call/pcall. */
export function pushReply(L: LuaState, reply: Reply, resp: ScriptResp): void {
  switch (typeof reply) {
    case "string":
      pushBinary(L, reply);
      return;
    case "number":
      lua.lua_pushnumber(L, reply);
      return;
    case "bigint":
      lua.lua_pushnumber(L, Number(reply));
      return;
    case "boolean":
      if (resp === 3) lua.lua_pushboolean(L, reply);
      else lua.lua_pushnumber(L, reply ? 1 : 0);
      return;
  }
  if (reply === null || reply instanceof NullArrayReply) {
    if (resp === 3) lua.lua_pushnil(L);
    else lua.lua_pushboolean(L, false);
  } else if (Array.isArray(reply)) {
    pushArray(L, reply, resp);
  } else if (Buffer.isBuffer(reply)) {
    pushBinary(L, reply.latin1Slice(0, reply.length));
  } else if (reply instanceof SimpleString) {
    pushField(L, "ok", () => pushBinary(L, reply.value));
  } else if (reply instanceof ErrorReply) {
    pushField(L, "err", () => pushBinary(L, reply.message));
  } else if (reply instanceof DoubleReply) {
    if (resp === 3) pushField(L, "double", () => lua.lua_pushnumber(L, reply.value));
    else pushBinary(L, formatDouble17g(reply.value));
  } else if (reply instanceof MapReply) {
    if (resp === 2) return pushArray(L, reply.entries, resp);
    pushField(L, "map", () => {
      lua.lua_createtable(L, 0, reply.entries.length / 2);
      for (let i = 0; i + 1 < reply.entries.length; i += 2) {
        pushReply(L, reply.entries[i]!, resp);
        pushReply(L, reply.entries[i + 1]!, resp);
        lua.lua_settable(L, -3);
      }
    });
  } else if (reply instanceof SetReply) {
    if (resp === 2) return pushArray(L, reply.items, resp);
    pushField(L, "set", () => {
      lua.lua_createtable(L, 0, reply.items.length);
      for (const item of reply.items) {
        pushReply(L, item, resp);
        lua.lua_pushboolean(L, true);
        lua.lua_settable(L, -3);
      }
    });
  } else if (reply instanceof VerbatimReply) {
    if (resp === 2) return pushBinary(L, reply.text);
    pushField(L, "verbatim_string", () => {
      lua.lua_createtable(L, 0, 2);
      pushBinary(L, reply.format);
      lua.lua_setfield(L, -2, field("format"));
      pushBinary(L, reply.text);
      lua.lua_setfield(L, -2, field("string"));
    });
  } else if (reply instanceof PushReply) {
    pushArray(L, reply.items, resp);
  } else if (reply instanceof MultiReply) {
    pushArray(L, reply.replies, resp);
  } else {
    lua.lua_pushboolean(L, false);
  }
}

/** C's (long long) cast of a double as x86 performs it: out of range and NaN give INT64_MIN. */
export function truncateToInteger(value: number): number | bigint {
  const truncated = Math.trunc(value);
  if (Number.isSafeInteger(truncated)) return truncated;
  if (!Number.isFinite(truncated) || truncated >= 2 ** 63 || truncated < -(2 ** 63)) return INT64_MIN;
  return BigInt(truncated);
}

/** Error and status texts cannot carry line breaks on the wire; Redis turns them into spaces. */
export function singleLine(text: string): string {
  return text.includes("\r") || text.includes("\n") ? text.replace(/[\r\n]/g, " ") : text;
}

/** Reads a string field of the table at `index`, or undefined when absent / not a string. */
export function stringField(L: LuaState, index: number, name: string): string | undefined {
  lua.lua_getfield(L, index, field(name));
  const value = lua.lua_type(L, -1) === lua.LUA_TSTRING ? binaryOf(lua.lua_tolstring(L, -1)) : undefined;
  lua.lua_pop(L, 1);
  return value;
}

/** An {err=...} table's error text, with Redis's optional leading '-' removed. */
export function errorText(message: string): string {
  return singleLine(message.startsWith("-") ? message.slice(1) : message);
}

/** Converts the Lua value at the top of the stack to a reply (a script's return value). */
export function toReply(L: LuaState, resp: ScriptResp): Reply {
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING:
      return toBinary(L, -1);
    case lua.LUA_TNUMBER:
      return truncateToInteger(lua.lua_tonumber(L, -1));
    case lua.LUA_TBOOLEAN: {
      const value = lua.lua_toboolean(L, -1);
      if (resp === 3) return value;
      return value ? 1 : null;
    }
    case lua.LUA_TTABLE:
      return tableToReply(L, resp);
    default:
      return null;
  }
}

function tableToReply(L: LuaState, resp: ScriptResp): Reply {
  const top = lua.lua_gettop(L);
  const err = stringField(L, top, "err");
  if (err !== undefined) return new ErrorReply(errorText(err));
  const ok = stringField(L, top, "ok");
  if (ok !== undefined) return new SimpleString(singleLine(ok));
  lua.lua_getfield(L, top, field("double"));
  if (lua.lua_type(L, -1) === lua.LUA_TNUMBER) {
    const value = lua.lua_tonumber(L, -1);
    lua.lua_pop(L, 1);
    return new DoubleReply(value);
  }
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, top, field("map"));
  if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
    const entries: Reply[] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pushvalue(L, -2);
      entries.push(toReply(L, resp));
      lua.lua_pop(L, 1);
      entries.push(toReply(L, resp));
      lua.lua_pop(L, 1);
    }
    lua.lua_pop(L, 1);
    return new MapReply(entries);
  }
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, top, field("set"));
  if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
    const items: Reply[] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pop(L, 1);
      lua.lua_pushvalue(L, -1);
      items.push(toReply(L, resp));
      lua.lua_pop(L, 1);
    }
    lua.lua_pop(L, 1);
    return new SetReply(items);
  }
  lua.lua_pop(L, 1);
  // An array: elements 1, 2, ... up to the first nil.
  const items: Reply[] = [];
  for (let i = 1; ; i++) {
    if (lua.lua_rawgeti(L, top, i) === lua.LUA_TNIL) {
      lua.lua_pop(L, 1);
      break;
    }
    items.push(toReply(L, resp));
    lua.lua_pop(L, 1);
  }
  return items;
}
