/**
 * `npm test` needs programs npm cannot install. Fail loudly, naming the missing ones and how to
 * install them, instead of letting test suites skip or time out.
 */
import { accessSync, constants } from "node:fs";
import path from "node:path";

const REQUIRED = [
  { program: "/usr/bin/chromium", neededFor: "the Playwright journeys in e2e/", install: "apt-get install -y chromium" },
  { program: "redis-server", neededFor: "the engine's differential tests against real Redis", install: "apt-get install -y redis-server" },
  { program: "redis-cli", neededFor: "the engine's differential tests against real Redis", install: "apt-get install -y redis-tools" },
];

function isExecutable(program: string): boolean {
  const candidates = program.includes("/")
    ? [program]
    : (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, program));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const missing = REQUIRED.filter(({ program }) => !isExecutable(program));
if (missing.length > 0) {
  console.error("Cannot run the tests: required programs are missing.\n");
  for (const { program, neededFor, install } of missing) console.error(`  ${program} (for ${neededFor}): ${install}`);
  console.error("\nOn Debian/Ubuntu: apt-get update && apt-get install -y chromium redis-server redis-tools");
  process.exit(1);
}
console.log(`Test prerequisites present: ${REQUIRED.map(({ program }) => program).join(", ")}`);
