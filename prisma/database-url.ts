import { mkdirSync } from "node:fs";
import path from "node:path";

const DEFAULT_DATABASE_URL = "file:./data/app.db";

/**
 * Absolute path of the SQLite file named by DATABASE_URL (default `file:./data/app.db`).
 * Relative paths are resolved against the working directory, which is the repo root for every
 * npm script and for `next start`. The parent folder is created so a fresh clone just works.
 */
export function resolveDatabaseFile(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${databaseUrl}"`);
  }
  const file = path.resolve(databaseUrl.slice("file:".length).replace(/\?.*$/, ""));
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
