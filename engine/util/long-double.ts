/**
 * Exact emulation of the x87 80-bit `long double` Redis uses for INCRBYFLOAT and HINCRBYFLOAT:
 * strtold parsing (decimal and hex forms, correctly rounded), IEEE addition with
 * round-half-even to a 64-bit significand, and `%.17Lf` printing with Redis's trimming of
 * trailing zeros. JS doubles would answer "0.30000000000000004" where Redis answers "0.3".
 */

/** value = ±mantissa × 2^exponent with mantissa < 2^64, or ±infinity. */
export interface LongDouble {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly infinite: boolean;
}

const SIGNIFICAND_BITS = 64;
/** Exponent of the lowest significand bit of the smallest denormal (2^-16445). */
const MIN_EXPONENT = -16445;
/** Values at or above 2^16384 overflow to infinity. */
const OVERFLOW_BITS = 16384;
/** Redis refuses numbers written with this many characters or more (MAX_LONG_DOUBLE_CHARS). */
const MAX_TEXT_LENGTH = 5 * 1024;
const PRINTED_DECIMALS = 17n;
const DECIMAL_SCALE = 10n ** PRINTED_DECIMALS;

const DECIMAL_FORM = /^([+-]?)(?:(\d+)\.?(\d*)|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const HEX_FORM = /^([+-]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([+-]?\d+))?$/;
const INFINITY_FORM = /^([+-]?)(?:inf|infinity)$/i;

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function finite(negative: boolean, mantissa: bigint, exponent: number): LongDouble {
  return { negative, mantissa, exponent, infinite: false };
}

function infinity(negative: boolean): LongDouble {
  return { negative, mantissa: 0n, exponent: 0, infinite: true };
}

/**
 * Rounds the exact value `mantissa × 2^exponent` (plus a nonzero tail below its last bit when
 * `sticky`) to the nearest long double, ties to even, with gradual underflow and overflow.
 */
function round(negative: boolean, mantissa: bigint, exponent: number, sticky: boolean): LongDouble {
  let shift = bitLength(mantissa) - SIGNIFICAND_BITS;
  if (exponent + shift < MIN_EXPONENT) shift = MIN_EXPONENT - exponent;
  if (shift > 0) {
    const bigShift = BigInt(shift);
    const dropped = mantissa & ((1n << bigShift) - 1n);
    const half = 1n << (bigShift - 1n);
    mantissa >>= bigShift;
    exponent += shift;
    if (dropped > half || (dropped === half && (sticky || (mantissa & 1n) === 1n))) {
      mantissa += 1n;
      if (bitLength(mantissa) > SIGNIFICAND_BITS) {
        mantissa >>= 1n;
        exponent += 1;
      }
    }
  }
  if (mantissa !== 0n && exponent + bitLength(mantissa) > OVERFLOW_BITS) return infinity(negative);
  return finite(negative, mantissa, exponent);
}

/**
 * Parses text the way Redis's string2ld does (strtold plus its checks): no surrounding
 * spaces, the whole text consumed, no NaN, no overflow and no underflow to zero. Accepts
 * decimal, hexadecimal (`0x1.8p3`) and `inf`/`infinity` forms. Undefined when invalid.
 */
export function parseLongDouble(text: string): LongDouble | undefined {
  if (text.length === 0 || text.length >= MAX_TEXT_LENGTH) return undefined;
  const decimal = DECIMAL_FORM.exec(text);
  if (decimal) {
    const [, sign, intDigits, fracDigits, onlyFraction, exponentText] = decimal;
    const fraction = onlyFraction ?? fracDigits ?? "";
    const digits = ((intDigits ?? "") + fraction).replace(/^0+/, "");
    const exponent = Number(exponentText ?? "0") - fraction.length;
    return fromDecimal(sign === "-", digits, exponent);
  }
  const hex = HEX_FORM.exec(text);
  if (hex) {
    const [, sign, intDigits, fracDigits, onlyFraction, exponentText] = hex;
    const fraction = onlyFraction ?? fracDigits ?? "";
    const mantissa = BigInt(`0x${(intDigits ?? "") + fraction}`);
    const exponent = Number(exponentText ?? "0") - 4 * fraction.length;
    return fromBinary(sign === "-", mantissa, exponent);
  }
  const inf = INFINITY_FORM.exec(text);
  if (inf) return infinity(inf[1] === "-");
  return undefined;
}

/** digits × 10^exponent, correctly rounded; undefined on overflow or underflow to zero. */
function fromDecimal(negative: boolean, digits: string, exponent: number): LongDouble | undefined {
  if (digits.length === 0) return finite(negative, 0n, 0);
  // The value lies in [10^(magnitude-1), 10^magnitude): decide extreme cases before
  // building huge powers of ten (the long double range is about 3.6e-4951 .. 1.19e4932).
  const magnitude = digits.length + exponent;
  if (magnitude > 4934) return undefined;
  if (magnitude < -4952) return undefined;
  const value = BigInt(digits);
  let result: LongDouble;
  if (exponent >= 0) {
    result = round(negative, value * 10n ** BigInt(exponent), 0, false);
  } else {
    const divisor = 10n ** BigInt(-exponent);
    // Keep at least 66 significant quotient bits: 64 for the significand, 2 for rounding.
    const scale = Math.max(0, SIGNIFICAND_BITS + 2 + bitLength(divisor) - bitLength(value));
    const numerator = value << BigInt(scale);
    const quotient = numerator / divisor;
    result = round(negative, quotient, -scale, quotient * divisor !== numerator);
  }
  return result.infinite || result.mantissa === 0n ? undefined : result;
}

/** mantissa × 2^exponent, correctly rounded; undefined on overflow or underflow to zero. */
function fromBinary(negative: boolean, mantissa: bigint, exponent: number): LongDouble | undefined {
  if (mantissa === 0n) return finite(negative, 0n, 0);
  const top = bitLength(mantissa) + exponent;
  if (top > OVERFLOW_BITS || top < MIN_EXPONENT - 1) return undefined;
  const result = round(negative, mantissa, exponent, false);
  return result.infinite || result.mantissa === 0n ? undefined : result;
}

/** a + b for finite operands, rounded as the x87 FPU does in extended precision. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.infinite || b.infinite) throw new Error("addLongDouble needs finite operands");
  const exponent = Math.min(a.exponent, b.exponent);
  const signedA = (a.negative ? -a.mantissa : a.mantissa) << BigInt(a.exponent - exponent);
  const signedB = (b.negative ? -b.mantissa : b.mantissa) << BigInt(b.exponent - exponent);
  const sum = signedA + signedB;
  // Round-to-nearest gives +0 for x + (-x), and -0 only for (-0) + (-0).
  if (sum === 0n) return finite(a.negative && b.negative, 0n, 0);
  return round(sum < 0n, sum < 0n ? -sum : sum, exponent, false);
}

/**
 * Formats like Redis's ld2string in LD_STR_HUMAN mode: `%.17Lf`, trailing zeros (and a
 * trailing point) removed, and "-0" shown as "0".
 */
export function formatLongDoubleHuman(value: LongDouble): string {
  if (value.infinite) return value.negative ? "-inf" : "inf";
  let scaled: bigint;
  if (value.exponent >= 0) {
    scaled = (value.mantissa << BigInt(value.exponent)) * DECIMAL_SCALE;
  } else {
    const shift = BigInt(-value.exponent);
    const numerator = value.mantissa * DECIMAL_SCALE;
    scaled = numerator >> shift;
    const remainder = numerator - (scaled << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (scaled & 1n) === 1n)) scaled += 1n;
  }
  const integerPart = (scaled / DECIMAL_SCALE).toString();
  const fractionPart = (scaled % DECIMAL_SCALE).toString().padStart(Number(PRINTED_DECIMALS), "0").replace(/0+$/, "");
  const text = fractionPart === "" ? integerPart : `${integerPart}.${fractionPart}`;
  return value.negative && text !== "0" ? `-${text}` : text;
}
