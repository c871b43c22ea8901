import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// npm scripts run from the repo root.
export const MIGRATIONS_DIR = path.resolve("prisma", "migrations");

export interface MigrationFileInfo {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum for a migration: lowercase hex SHA-256 of migration.sql. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Migration folders (`<timestamp>_<name>/migration.sql`) in the order Prisma applies them. */
export function readMigrations(migrationsDir = MIGRATIONS_DIR): MigrationFileInfo[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

// Same table Prisma's schema engine keeps, so `prisma migrate deploy` agrees with this runner.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface AppliedMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/** Prisma's schema engine writes SQLite timestamps in this form: `2026-11-22T02:20:51.912+00:00`. */
function prismaTimestamp(date = new Date()): string {
  return date.toISOString().replace("Z", "+00:00");
}

export interface DeployResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies pending migrations to the SQLite file in name order, each in its own transaction,
 * recording it in `_prisma_migrations`. Refuses to continue when an applied migration was
 * edited afterwards or an earlier run failed half-way, as `prisma migrate deploy` does.
 */
export function deployMigrations(databaseFile: string, migrationsDir = MIGRATIONS_DIR): DeployResult {
  const db = new Database(databaseFile);
  try {
    db.pragma("foreign_keys = ON");
    db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as AppliedMigrationRow[];
    const live = rows.filter((row) => row.rolled_back_at === null);

    const failed = live.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database and mark it rolled back before deploying.`,
      );
    }

    const appliedChecksums = new Map(live.map((row) => [row.migration_name, row.checksum]));
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    const result: DeployResult = { applied: [], alreadyApplied: [] };

    for (const migration of readMigrations(migrationsDir)) {
      const recordedChecksum = appliedChecksums.get(migration.name);
      if (recordedChecksum !== undefined) {
        if (recordedChecksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was modified after it was applied (checksum mismatch).`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const startedAt = prismaTimestamp();
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(randomUUID(), migration.checksum, prismaTimestamp(), migration.name, startedAt);
      })();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}
