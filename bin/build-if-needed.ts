/**
 * `next build` unless .next/BUILD_ID is newer than every input of the build, so `npm start`
 * on a fresh clone builds once and later starts are instant.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = path.resolve(".next", "BUILD_ID");
// Everything the app bundles or configures its build with. Tests are not bundled.
const INPUTS = ["app", "content", "engine", "labs", "prisma/generated", "public", "next.config.js", "tsconfig.json", "package-lock.json"];
const IGNORED = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function newestModification(entry: string): number {
  if (!existsSync(entry) || IGNORED.test(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stats.mtimeMs);
}

function staleReason(): string | null {
  if (!existsSync(BUILD_ID)) return "no production build yet";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  const changed = INPUTS.find((input) => newestModification(input) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

const reason = staleReason();
if (reason) {
  console.log(`Building the app (${reason})…`);
  const result = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
console.log("Production build is up to date.");
