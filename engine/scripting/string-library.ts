/**
 * String library functions with Lua 5.1's behaviour where fengari's 5.3 differs:
 * - string.format: numbers for %d/%x/... are truncated doubles of any size (5.3, and fengari's
 *   32-bit integers, refuse or wrap them), and floating-point conversions round like C's printf;
 * - string.byte and string.len return doubles, so arithmetic on them never wraps at 32 bits.
 */
import { formatDoubleG } from "../util/numbers";
import { type LuaState, binaryOf, bytesOf, lauxlib, lua, pushBinary } from "./lua-vm";

const FLAGS = "-+ #0";
const UINT64 = 2n ** 64n;
const INT64_MIN = -(2n ** 63n);
const NO_VALUE = bytesOf("no value");

interface Spec {
  flags: string;
  width: number;
  precision: number | undefined;
  conversion: string;
}

function raise(L: LuaState, message: string): never {
  lauxlib.luaL_where(L, 1);
  pushBinary(L, message);
  lua.lua_concat(L, 2);
  lua.lua_error(L);
  throw new Error("unreachable");
}

/** C's (long long) cast as x86 performs it: NaN and out-of-range values give INT64_MIN. */
function toInt64(value: number): bigint {
  if (!Number.isFinite(value) || value >= 2 ** 63 || value < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(value));
}

/** Pads to the field width: left-justified with '-', zero-filled after the sign with '0'. */
function pad(spec: Spec, sign: string, body: string, zeroFillAllowed: boolean): string {
  const length = sign.length + body.length;
  if (length >= spec.width) return sign + body;
  if (spec.flags.includes("-")) return sign + body + " ".repeat(spec.width - length);
  if (zeroFillAllowed && spec.flags.includes("0")) return sign + "0".repeat(spec.width - length) + body;
  return " ".repeat(spec.width - length) + sign + body;
}

function signOf(spec: Spec, negative: boolean): string {
  if (negative) return "-";
  if (spec.flags.includes("+")) return "+";
  return spec.flags.includes(" ") ? " " : "";
}

function formatInteger(spec: Spec, value: number): string {
  const signed = toInt64(value);
  let digits: string;
  let negative = false;
  if (spec.conversion === "d" || spec.conversion === "i") {
    negative = signed < 0n;
    digits = (negative ? -signed : signed).toString();
  } else {
    const unsigned = signed < 0n ? signed + UINT64 : signed;
    digits = unsigned.toString(spec.conversion === "o" ? 8 : spec.conversion === "u" ? 10 : 16);
    if (spec.conversion === "X") digits = digits.toUpperCase();
  }
  if (spec.precision !== undefined) digits = digits.padStart(spec.precision, "0");
  const sign = spec.conversion === "d" || spec.conversion === "i" ? signOf(spec, negative) : "";
  return pad(spec, sign, digits, spec.precision === undefined);
}

/**
 * `value` with `decimals` digits after the point (or in the mantissa, for exponent form),
 * rounding exact ties to even as C does where JS rounds them away from zero.
 */
function roundTiesToEven(value: number, decimals: number, exponentForm: boolean): string {
  const render = (v: number, d: number) => (exponentForm ? v.toExponential(d) : v.toFixed(d));
  const text = render(value, decimals);
  if (decimals + 25 > 100 || (!exponentForm && Math.abs(value) >= 1e21)) return text;
  const longer = render(value, decimals + 25);
  const [longDigits] = longer.split("e");
  const fraction = longDigits!.split(".")[1] ?? "";
  const tail = fraction.slice(decimals);
  if (!/^50*$/.test(tail)) return text;
  const lastKept = decimals === 0 ? longDigits!.replace(/\..*$/, "").slice(-1) : fraction[decimals - 1]!;
  if (Number(lastKept) % 2 !== 0) return text;
  // Even last digit on an exact tie: truncate instead of rounding up.
  const [mantissa, exponent] = longer.split("e");
  const truncated = decimals === 0 ? mantissa!.replace(/\..*$/, "") : mantissa!.slice(0, mantissa!.indexOf(".") + 1 + decimals);
  return exponent === undefined ? truncated : `${truncated}e${exponent}`;
}

function formatFloat(spec: Spec, value: number): string {
  const upper = spec.conversion === "E" || spec.conversion === "G";
  // NaN is printed "-nan": 0/0, its usual source, carries the sign bit on x86.
  const negative = value < 0 || Object.is(value, -0) || Number.isNaN(value);
  let body: string;
  if (!Number.isFinite(value)) {
    body = Number.isNaN(value) ? "nan" : "inf";
  } else {
    const magnitude = Math.abs(value);
    const precision = spec.precision ?? 6;
    switch (spec.conversion.toLowerCase()) {
      case "f":
        body = roundTiesToEven(magnitude, precision, false);
        break;
      case "e": {
        const [mantissa, exponent] = roundTiesToEven(magnitude, precision, true).split("e");
        const exponentValue = Number(exponent);
        body = `${mantissa}e${exponentValue < 0 ? "-" : "+"}${String(Math.abs(exponentValue)).padStart(2, "0")}`;
        break;
      }
      default:
        body = formatDoubleG(magnitude, precision === 0 ? 1 : precision);
    }
  }
  if (upper) body = body.toUpperCase();
  return pad(spec, signOf(spec, negative), body, Number.isFinite(value));
}

function quoted(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '"' || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\0") out += "\\000";
    else out += char;
  }
  return `${out}"`;
}

/** Lua 5.1's str_format. */
export function stringFormat(L: LuaState): number {
  const format = binaryOf(lauxlib.luaL_checklstring(L, 1));
  const top = lua.lua_gettop(L);
  let arg = 1;
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== "%") {
      out += char;
      continue;
    }
    if (format[++i] === "%") {
      out += "%";
      continue;
    }
    const start = i;
    while (i < format.length && FLAGS.includes(format[i]!)) i++;
    if (i - start > FLAGS.length) raise(L, "invalid format (repeated flags)");
    const flags = format.slice(start, i);
    const widthStart = i;
    while (i < format.length && /[0-9]/.test(format[i]!) && i - widthStart < 3) i++;
    const width = Number(format.slice(widthStart, i) || "0");
    let precision: number | undefined;
    if (format[i] === ".") {
      const precisionStart = ++i;
      while (i < format.length && /[0-9]/.test(format[i]!) && i - precisionStart < 3) i++;
      precision = Number(format.slice(precisionStart, i) || "0");
    }
    if (/[0-9]/.test(format[i] ?? "") || width > 99 || (precision ?? 0) > 99) raise(L, "invalid format (width or precision too long)");
    const conversion = format[i] ?? "";
    const spec: Spec = { flags, width, precision, conversion };
    if (++arg > top) lauxlib.luaL_argerror(L, arg, NO_VALUE);
    switch (conversion) {
      case "c":
        out += pad(spec, "", String.fromCharCode(Number(toInt64(lauxlib.luaL_checknumber(L, arg)) & 0xffn)), false);
        break;
      case "d":
      case "i":
      case "o":
      case "u":
      case "x":
      case "X":
        out += formatInteger(spec, lauxlib.luaL_checknumber(L, arg));
        break;
      case "e":
      case "E":
      case "f":
      case "g":
      case "G":
        out += formatFloat(spec, lauxlib.luaL_checknumber(L, arg));
        break;
      case "q":
        out += quoted(binaryOf(lauxlib.luaL_checklstring(L, arg)));
        break;
      case "s": {
        const text = binaryOf(lauxlib.luaL_checklstring(L, arg));
        out += pad(spec, "", precision === undefined ? text : text.slice(0, precision), false);
        break;
      }
      default:
        raise(L, `invalid option '%${conversion}' to 'format'`);
    }
  }
  pushBinary(L, out);
  return 1;
}

/** Lua's relative string position: negative counts from the end. */
function position(value: number, length: number): number {
  if (value >= 0) return value;
  return -value > length ? 0 : length + value + 1;
}

export function stringByte(L: LuaState): number {
  const bytes: Uint8Array = lauxlib.luaL_checklstring(L, 1);
  const start = Math.max(1, position(lua.lua_isnoneornil(L, 2) ? 1 : Math.trunc(lauxlib.luaL_checknumber(L, 2)), bytes.length));
  const end = Math.min(bytes.length, position(lua.lua_isnoneornil(L, 3) ? start : Math.trunc(lauxlib.luaL_checknumber(L, 3)), bytes.length));
  if (start > end) return 0;
  lauxlib.luaL_checkstack(L, end - start + 1, bytesOf("string slice too long"));
  for (let i = start; i <= end; i++) lua.lua_pushnumber(L, bytes[i - 1]!);
  return end - start + 1;
}

export function stringLen(L: LuaState): number {
  lua.lua_pushnumber(L, lauxlib.luaL_checklstring(L, 1).length);
  return 1;
}
