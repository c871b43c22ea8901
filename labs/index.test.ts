import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LAB_SLUGS } from "../content/index";
import { getLab, listLabs, runLab, SUBMISSION_LIMIT, SubmissionRateLimited } from "./index";

const scratch = mkdtempSync(path.join(os.tmpdir(), "labs-api-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("labs API", () => {
  it("lists every lab the course references, except those waiting for streams, geo and HyperLogLog", () => {
    const waiting = ["stream-work-queue", "nearby-drivers", "unique-visitors-hll"];
    expect(listLabs().map((lab) => lab.slug).sort()).toEqual(LAB_SLUGS.filter((slug) => !waiting.includes(slug)).sort());
  });

  it("shows a lab's statement, starter, hints and visible tests, and only counts the hidden ones", () => {
    const lab = getLab("distributed-lock");
    expect(lab.statement).toMatch(/fencing/i);
    expect(lab.starter).toMatch(/export async function acquire/);
    expect(lab.hints.length).toBeGreaterThan(0);
    expect(lab.visibleTests.map((test) => test.name)).toContain("only one app server holds the lock at a time");
    expect(lab.visibleTests.map((test) => test.name)).not.toContain("a paused holder's late write is refused by the storage (fencing)");
    expect(lab.hiddenTestCount).toBeGreaterThan(0);
    expect(JSON.stringify(lab)).not.toMatch(/async run|t\.advance/);
  });

  it("rejects unknown labs and malformed learner ids", async () => {
    expect(() => getLab("no-such-lab")).toThrow(/no lab named/);
    await expect(runLab("../../etc", "leaderboard", "", { mode: "run" })).rejects.toThrow(/invalid learner id/);
  });

  it("reports a compile error as a verdict, without running anything", async () => {
    const verdict = await runLab("compile-error-learner", "leaderboard", "export function top( {", { mode: "run" });
    expect(verdict.passed).toBe(false);
    expect(verdict.score).toBe(0);
    expect(verdict.sandboxError?.kind).toBe("compile");
    expect(verdict.sandboxError?.message).toMatch(/line 1/);
    expect(verdict.tests.every((test) => test.message === "not run: the solution does not compile")).toBe(true);
  });

  it("limits submissions per learner and per minute", async () => {
    for (let i = 0; i < SUBMISSION_LIMIT.perWindow; i++) await runLab("eager-learner", "session-store", "syntax error (", { mode: "run" });
    const refused = runLab("eager-learner", "session-store", "syntax error (", { mode: "run" });
    await expect(refused).rejects.toBeInstanceOf(SubmissionRateLimited);
    await expect(refused).rejects.toMatchObject({ retryAfterMs: expect.any(Number) });
    // Another learner is not affected.
    await expect(runLab("patient-learner", "session-store", "syntax error (", { mode: "run" })).resolves.toMatchObject({ passed: false });
  });

  it("the grade CLI prints a JSON verdict and exits 1 when a solution fails", () => {
    const file = path.join(scratch, "empty.ts");
    writeFileSync(file, "export {};\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", "labs/cli.ts", "session-store", file], { encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(1);
    const verdict = JSON.parse(result.stdout) as { lab: string; passed: boolean; tests: { message: string }[] };
    expect(verdict.lab).toBe("session-store");
    expect(verdict.passed).toBe(false);
    expect(verdict.tests[0]!.message).toMatch(/must export createSession\(\)/);
  }, 60_000);

  it("the grade CLI exits 0 for a reference solution", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "labs/cli.ts", "session-store", "labs/session-store/reference.ts"], { encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ passed: true, score: 100 });
  }, 60_000);
});
