import { describe, expect, it } from "vitest";
import { addLongDouble, formatLongDoubleHuman, parseLongDouble } from "./long-double";

function sum(a: string, b: string): string {
  const result = addLongDouble(parseLongDouble(a)!, parseLongDouble(b)!);
  return result.infinite ? "inf" : formatLongDoubleHuman(result);
}

describe("long double emulation", () => {
  it("adds with 64-bit significands, as x87 does", () => {
    expect(sum("0.1", "0.2")).toBe("0.3");
    expect(sum("10.5", "0.1")).toBe("10.6");
    expect(sum("1e20", "0.3")).toBe("100000000000000000000");
    expect(sum("1e17", "0.5")).toBe("100000000000000000.5");
    expect(sum("9007199254740993", "1")).toBe("9007199254740994");
    expect(sum("-1.5", "123456789012345678901234567890")).toBe("123456789012345678899921813504");
    expect(sum("1e4932", "1e4932")).toBe("inf");
    expect(sum("-0", "-0")).toBe("0");
    expect(sum("5", "-5")).toBe("0");
  });

  it("prints %.17Lf without trailing zeros", () => {
    expect(formatLongDoubleHuman(parseLongDouble("3.14159265358979323846264338327950288")!)).toBe("3.14159265358979324");
    expect(formatLongDoubleHuman(parseLongDouble("1.5e-5")!)).toBe("0.000015");
    expect(formatLongDoubleHuman(parseLongDouble("-1e-20")!)).toBe("0");
    expect(formatLongDoubleHuman(parseLongDouble("1e400")!)).toMatch(/^10{19}2818806839475865145864534336290520386259\d+$/);
    expect(formatLongDoubleHuman(parseLongDouble("-inf")!)).toBe("-inf");
  });

  it("parses what strtold accepts and string2ld keeps", () => {
    for (const [text, printed] of [["0x1.8p1", "3"], ["0X.8P-1", "0.25"], ["1.", "1"], [".5", "0.5"], ["+.5e+1", "5"], ["0x10", "16"], ["1e-4940", "0"]]) {
      expect(formatLongDoubleHuman(parseLongDouble(text!)!), text).toBe(printed);
    }
    expect(parseLongDouble("INFINITY")?.infinite).toBe(true);
    for (const bad of ["", " 1", "1 ", ".", "0x", "1e", "e5", "nan", "-nan", "1e-5000", "1e5000", "0x1p99999", "1".repeat(5120)]) {
      expect(parseLongDouble(bad), JSON.stringify(bad.slice(0, 20))).toBeUndefined();
    }
  });
});
