/**
 * Command-line grader for instructors and CI:
 *   npm run grade -- <lab-slug> <solution-file>
 * Prints the verdict (all tests, hidden ones included) as JSON; exits 1 unless every test passes.
 */
import { readFileSync } from "node:fs";
import { gradeSolution } from "./grader/grade";
import { labs } from "./registry";
import { WorkerPool } from "./sandbox/pool";

async function main(): Promise<number> {
  const [slug, file] = process.argv.slice(2);
  const lab = labs.find((candidate) => candidate.slug === slug);
  if (!lab || !file) {
    console.error(`usage: npm run grade -- <lab-slug> <solution-file>\nlabs: ${labs.map((l) => l.slug).join(", ")}`);
    return 2;
  }
  const pool = new WorkerPool({ idle: 1 });
  try {
    const verdict = await gradeSolution(lab, readFileSync(file, "utf8"), "submit", pool);
    console.log(JSON.stringify(verdict, null, 2));
    return verdict.passed ? 0 : 1;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
