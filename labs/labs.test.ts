/**
 * Every lab's reference solution must score 100%, and every wrong solution must fail the test
 * its header names (`// expect-fail: <test name>`): a lab whose tests cannot catch the mistake
 * it was written for is broken. Solutions in `alternatives/` take another valid approach and
 * must score 100% too: the tests check behaviour, not one way of writing it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeSolution } from "./grader/grade";
import { labs } from "./registry";
import { WorkerPool } from "./sandbox/pool";

let pool: WorkerPool;
beforeAll(async () => {
  pool = new WorkerPool({ idle: 4 });
  await pool.warm();
});
afterAll(async () => {
  await pool.close();
});

function targetTest(source: string, file: string): string {
  const match = /^\/\/ expect-fail: (.+)$/m.exec(source);
  if (!match) throw new Error(`${file} must declare the test it fails with "// expect-fail: <test name>"`);
  return match[1]!.trim();
}

for (const lab of labs) {
  describe(lab.slug, () => {
    it("has a statement, a starter and at least one visible and one hidden test", () => {
      expect(readFileSync(path.join("labs", lab.slug, "statement.md"), "utf8").length).toBeGreaterThan(200);
      expect(readFileSync(path.join("labs", lab.slug, "starter.ts"), "utf8")).toContain("export");
      expect(lab.tests.some((test) => test.visible)).toBe(true);
      expect(lab.tests.some((test) => !test.visible)).toBe(true);
    });

    it("the reference solution scores 100%", async () => {
      const verdict = await gradeSolution(lab, readFileSync(path.join("labs", lab.slug, "reference.ts"), "utf8"), "submit", pool);
      expect(verdict.tests.filter((test) => !test.passed)).toEqual([]);
      expect(verdict.score).toBe(100);
    }, 60_000);

    const alternativesDir = path.join("labs", lab.slug, "alternatives");
    const alternatives = existsSync(alternativesDir) ? readdirSync(alternativesDir).filter((file) => file.endsWith(".ts")) : [];
    for (const file of alternatives) {
      it(`alternatives/${file} (another valid approach) scores 100%`, async () => {
        const verdict = await gradeSolution(lab, readFileSync(path.join(alternativesDir, file), "utf8"), "submit", pool);
        expect(verdict.tests.filter((test) => !test.passed)).toEqual([]);
      }, 60_000);
    }

    const wrongDir = path.join("labs", lab.slug, "wrong");
    const wrongFiles = readdirSync(wrongDir).filter((file) => file.endsWith(".ts"));
    it("has at least two wrong solutions", () => {
      expect(wrongFiles.length).toBeGreaterThanOrEqual(2);
    });
    for (const file of wrongFiles) {
      it(`wrong/${file} fails the test aimed at its mistake`, async () => {
        const source = readFileSync(path.join(wrongDir, file), "utf8");
        const target = targetTest(source, file);
        expect(lab.tests.map((test) => test.name)).toContain(target);
        const verdict = await gradeSolution(lab, source, "submit", pool);
        const result = verdict.tests.find((test) => test.name === target)!;
        expect(result.passed, `${file} should fail "${target}"`).toBe(false);
        // It must fail on the answer, not because the sandbox stopped it.
        expect(result.sandboxError).toBeUndefined();
        expect(verdict.score).toBeLessThan(100);
      }, 60_000);
    }
  });
}
