import { describe, expect, it } from "vitest";
import { compileErrorLocations } from "./workspace-compile-errors";

describe("compileErrorLocations", () => {
  it("reads esbuild's line and column from the grader's compile message", () => {
    const message = 'line 3:14: Expected ";" but found "redis"\n  const x = 1 redis\nline 9:1: Unexpected end of file\n  ';
    expect(compileErrorLocations(message)).toEqual([
      { line: 3, column: 14, message: 'Expected ";" but found "redis"' },
      { line: 9, column: 1, message: "Unexpected end of file" },
    ]);
    expect(compileErrorLocations("your solution is larger than 100 KB")).toEqual([]);
  });
});
