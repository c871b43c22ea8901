/** Number parsing and formatting with Redis's exact rules (string2ll, strtold, %.17g). */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
export const INT64_RANGE = { min: INT64_MIN, max: INT64_MAX };

const DECIMAL_INTEGER = /^(?:0|-?[1-9][0-9]*)$/;

/**
 * Parses a 64-bit signed integer the way Redis's string2ll does: no spaces, no '+',
 * no leading zeros, in range. Returns a number when it is exactly representable,
 * a bigint otherwise, or undefined when the text is not such an integer.
 */
export function parseInt64(text: string): number | bigint | undefined {
  if (text.length === 0 || text.length > 20 || !DECIMAL_INTEGER.test(text)) return undefined;
  if (text.length < 16) return Number(text);
  const big = BigInt(text);
  if (big < INT64_MIN || big > INT64_MAX) return undefined;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}

/** Like parseInt64 but only accepts values that fit a safe JS integer (counts, indexes, offsets). */
export function parseSafeInteger(text: string): number | undefined {
  const value = parseInt64(text);
  if (typeof value === "number") return value;
  if (value === undefined) return undefined;
  // Out of the safe range but inside int64: clamp, since every caller treats it as "huge".
  return value > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
}

const FLOAT_TEXT = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity)$/i;

/**
 * Parses a double the way Redis's string2d/strtold accept it: decimal or exponent forms,
 * "inf"/"-inf"/"+inf", no surrounding spaces, not NaN. Returns undefined when invalid.
 */
export function parseDouble(text: string): number | undefined {
  if (text.length === 0 || text.length > 5000 || !FLOAT_TEXT.test(text)) return undefined;
  const lower = text.toLowerCase();
  if (lower.endsWith("inf") || lower.endsWith("infinity")) return lower.startsWith("-") ? -Infinity : Infinity;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** Formats like C's `%.17g` (what Redis 7.0 uses for double replies). */
export function formatDouble17g(value: number): string {
  // Fast paths for the common cases (scores are mostly integers or short decimals).
  if (Number.isSafeInteger(value)) return value === 0 && 1 / value < 0 ? "-0" : String(value);
  const magnitude = value < 0 ? -value : value;
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    return trimFractionZeros(roundTiesToEven(value.toPrecision(17), value.toPrecision(18), () => value.toPrecision(60)));
  }
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Number.isNaN(value)) return "nan";
  const [mantissa, expText] = value.toExponential(16).split("e");
  const exponent = Number(expText);
  if (exponent < -4 || exponent >= 17) {
    const [longer, longerExp] = value.toExponential(17).split("e");
    const digits = roundTiesToEven(mantissa!, longer!, () => value.toExponential(60).split("e")[0]!);
    // Truncating a tie keeps the 18-digit form's exponent.
    const finalExponent = digits === mantissa ? exponent : Number(longerExp);
    const sign = finalExponent < 0 ? "-" : "+";
    return `${trimFractionZeros(digits)}e${sign}${String(Math.abs(finalExponent)).padStart(2, "0")}`;
  }
  return trimFractionZeros(value.toFixed(Math.max(0, 16 - exponent)));
}

/**
 * V8 rounds an exact decimal tie away from zero, C's printf rounds it to even. `rounded` is the
 * 17-digit text, `longer` the same number with 18 digits and `exact` many more: a tie is an
 * 18th digit 5 with only zeros after it, and then the 17th digit decides.
 */
function roundTiesToEven(rounded: string, longer: string, exact: () => string): string {
  if (longer.charCodeAt(longer.length - 1) !== 53) return rounded;
  const full = exact();
  if (!/^0*$/.test(full.slice(longer.length))) return rounded;
  const truncated = longer.slice(0, -1);
  return (truncated.charCodeAt(truncated.length - 1) - 48) % 2 === 0 ? truncated : rounded;
}

/**
 * Formats like Redis's human-friendly long double output (INCRBYFLOAT, HINCRBYFLOAT):
 * plain decimal notation, no exponent, no trailing zeros.
 */
export function formatHumanDouble(value: number): string {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Object.is(value, -0) || value === 0) return "0";
  const shortest = String(value);
  if (!/e/i.test(shortest)) return shortest;
  // Expand the exponent form into plain digits, as %Lf would.
  const negative = value < 0;
  const [digitsPart, expPart] = Math.abs(value).toString().split("e");
  const exponent = Number(expPart);
  const [intDigits, fracDigits = ""] = digitsPart!.split(".");
  const allDigits = intDigits! + fracDigits;
  const pointAt = intDigits!.length + exponent;
  let text: string;
  if (pointAt <= 0) text = "0." + "0".repeat(-pointAt) + allDigits;
  else if (pointAt >= allDigits.length) text = allDigits + "0".repeat(pointAt - allDigits.length);
  else text = allDigits.slice(0, pointAt) + "." + allDigits.slice(pointAt);
  return (negative ? "-" : "") + trimFractionZeros(text);
}

function trimFractionZeros(text: string): string {
  if (!text.includes(".")) return text;
  return text.replace(/\.?0+$/, "");
}

/** True when the string is the canonical text of an int64, as Redis's "int" encoding requires. */
export function isCanonicalInt64(text: string): boolean {
  return text.length <= 20 && parseInt64(text) !== undefined;
}

/** Formats like C's `%.<precision>g` (Lua's tostring uses %.14g); non-finite as "inf"/"-inf"/"nan". */
export function formatDoubleG(value: number, precision: number): string {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Number.isNaN(value)) return "nan";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  let [mantissa, expText] = value.toExponential(precision - 1).split("e");
  // JS rounds exact ties away from zero, C to even: redo those from the longer expansion.
  const [longMantissa, longExp] = value.toExponential(precision + 24).split("e");
  const longDigits = longMantissa!.replace(/^-/, "").replace(".", "");
  if (/^50*$/.test(longDigits.slice(precision)) && Number(longDigits[precision - 1]) % 2 === 0) {
    const kept = longDigits.slice(0, precision);
    mantissa = `${value < 0 ? "-" : ""}${kept[0]}${precision > 1 ? "." + kept.slice(1) : ""}`;
    expText = longExp;
  }
  const exponent = Number(expText);
  if (exponent < -4 || exponent >= precision) {
    const digits = String(Math.abs(exponent)).padStart(2, "0");
    return `${trimFractionZeros(mantissa!)}e${exponent < 0 ? "-" : "+"}${digits}`;
  }
  // Plain notation: place the decimal point in the (correctly rounded) mantissa digits.
  const digits = mantissa!.replace(/^-/, "").replace(".", "");
  const sign = value < 0 ? "-" : "";
  if (exponent < 0) return `${sign}${trimFractionZeros(`0.${"0".repeat(-exponent - 1)}${digits}`)}`;
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${fraction ? trimFractionZeros(`${integer}.${fraction}`) : integer}`;
}

const C_DOUBLE_TEXT =
  /^[ \t\n\v\f\r]*([+-]?)(?:((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)|0x((?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?[0-9]+)?)|(inf(?:inity)?)|nan(?:\([0-9a-z_]*\))?)$/i;
const SIMPLE_INTEGER = /^-?[0-9]{1,15}$/;

/**
 * C's strtod applied to the whole text: leading whitespace, hex floats ("0x1p3"), "inf",
 * "infinity" and "nan" are accepted as C accepts them. Returns NaN when the text is not
 * exactly one number; a too-large value gives ±Infinity (see `strtodRangeError`).
 */
export function cStrtod(text: string): number {
  if (SIMPLE_INTEGER.test(text)) return Number(text);
  const match = C_DOUBLE_TEXT.exec(text);
  if (match === null) return NaN;
  const [, sign, decimal, hex, infinity] = match;
  let magnitude: number;
  if (decimal !== undefined) magnitude = Number(decimal);
  else if (hex !== undefined) magnitude = parseHexFloat(hex);
  else if (infinity !== undefined) magnitude = Infinity;
  else return NaN;
  return sign === "-" ? -magnitude : magnitude;
}

function parseHexFloat(body: string): number {
  const [mantissa, exponent] = body.split(/p/i);
  const [whole, fraction = ""] = mantissa!.split(".");
  let value = 0;
  for (const digit of whole! + fraction) value = value * 16 + parseInt(digit, 16);
  return value * 2 ** (Number(exponent ?? 0) - 4 * fraction.length);
}

/** True when strtod would set ERANGE with ±HUGE_VAL or 0: the text overflowed or underflowed to zero. */
export function strtodRangeError(text: string, value: number): boolean {
  if (!Number.isFinite(value)) return !/inf/i.test(text);
  if (value !== 0) return false;
  const mantissa = text.replace(/^[^0-9a-fx.]*/i, "").replace(/^0x/i, "").split(/[ep]/i)[0]!;
  return /[1-9a-f]/i.test(mantissa);
}

/**
 * Parses a double the way Redis's getDoubleFromObject does (scores, weights, increments):
 * strtod over the whole text, but no leading space, no NaN, no overflow or underflow.
 */
export function parseStrictDouble(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const value = cStrtod(text);
  if (Number.isNaN(value) || /^[ \t\n\v\f\r]/.test(text) || strtodRangeError(text, value)) return undefined;
  return value;
}
