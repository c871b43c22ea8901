/** Unit tests for the scripting runtime's building blocks (number formats, PRNG, shebang, bit). */
import { describe, expect, it } from "vitest";
import { ErrorReply } from "../protocol/reply";
import { formatDoubleG } from "../util/numbers";
import { toBit } from "./bit";
import { truncateToInteger } from "./convert";
import { formatLuaNumber } from "./lua-vm";
import { Rand48 } from "./rand48";
import { parseShebang, sha1hex } from "./runtime";

describe("formatDoubleG", () => {
  it("formats like C's %.14g and %.17g, ties to even", () => {
    const cases: [number, number, string][] = [
      [123456789012345, 14, "1.2345678901234e+14"],
      [1e15, 14, "1e+15"],
      [2 ** 53, 14, "9.007199254741e+15"],
      [0.1, 14, "0.1"],
      [0.1, 17, "0.10000000000000001"],
      [1 / 3, 14, "0.33333333333333"],
      [-2.5, 14, "-2.5"],
      [1e-5, 14, "1e-05"],
      [0.0001, 14, "0.0001"],
      [99999999999999.5, 14, "1e+14"],
      [100, 14, "100"],
      [-0, 14, "-0"],
      [Infinity, 14, "inf"],
    ];
    for (const [value, precision, text] of cases) expect(formatDoubleG(value, precision), `${value} %.${precision}g`).toBe(text);
  });

  it("prints NaN as glibc does for 0/0", () => {
    expect(formatLuaNumber(Number.NaN)).toBe("-nan");
  });
});

describe("truncateToInteger", () => {
  it("truncates like a C cast, with x86's INT64_MIN for out-of-range values", () => {
    expect(truncateToInteger(3.99)).toBe(3);
    expect(truncateToInteger(-3.99)).toBe(-3);
    expect(truncateToInteger(2 ** 60)).toBe(2n ** 60n);
    expect(truncateToInteger(1e30)).toBe(-(2n ** 63n));
    expect(truncateToInteger(Number.NaN)).toBe(-(2n ** 63n));
  });
});

describe("Rand48", () => {
  it("reproduces Redis's math.random sequence after randomseed", () => {
    const rand = new Rand48();
    rand.seed(7);
    const first = (rand.next() % 0x7fffffff) / 0x7fffffff;
    expect(formatLuaNumber(first)).toBe("0.26644419658298");
    expect(Math.floor(((rand.next() % 0x7fffffff) / 0x7fffffff) * 10) + 1).toBe(7);
  });
});

describe("parseShebang", () => {
  it("reads #!lua flags and rejects unknown engines and flags", () => {
    expect(parseShebang("return 1")).toEqual({ noWrites: false });
    expect(parseShebang("#!lua\nreturn 1")).toEqual({ noWrites: false });
    expect(parseShebang("#!lua flags=no-writes,allow-oom\nreturn 1")).toEqual({ noWrites: true });
    expect(parseShebang("#!foo\nreturn 1")).toEqual(new ErrorReply("ERR Unexpected engine in script shebang: #!foo"));
    expect(parseShebang("#!lua flags=bad\n")).toEqual(new ErrorReply("ERR Unexpected flag in script shebang: bad"));
  });
});

describe("bit.tobit", () => {
  it("keeps the low 32 bits, signed, rounding ties to even", () => {
    expect(toBit(2 ** 32 + 5)).toBe(5);
    expect(toBit(2 ** 31)).toBe(-(2 ** 31));
    expect(toBit(1.5)).toBe(2);
    expect(toBit(2.5)).toBe(2);
    expect(toBit(-1)).toBe(-1);
  });
});

describe("sha1hex", () => {
  it("hashes the script's bytes", () => {
    expect(sha1hex("")).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(sha1hex("return 1")).toBe("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
  });
});
