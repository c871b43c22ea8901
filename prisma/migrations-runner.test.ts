import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deployMigrations, migrationChecksum, MIGRATIONS_DIR, readMigrations } from "./migrations-runner";
import { loadSchemaEngine, migrationList, NO_SCHEMA_FILTERS } from "./schema-engine";

let workDir: string;
let databaseFile: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  databaseFile = path.join(workDir, "test.db");
});
afterEach(() => rmSync(workDir, { recursive: true, force: true }));

function recordedMigrations(file = databaseFile) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)
      .all() as { migration_name: string; checksum: string; finished_at: string; applied_steps_count: number }[];
  } finally {
    db.close();
  }
}

function tableNames(file = databaseFile): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    db.close();
  }
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("deployMigrations on the project's migrations", () => {
  it("creates every table and records each migration with Prisma's checksum", () => {
    const result = deployMigrations(databaseFile);
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    expect(tableNames()).toEqual(
      expect.arrayContaining(["User", "Session", "Cohort", "CohortMembership", "LessonProgress", "QuizAttempt", "LabSubmission", "LabDraft", "_prisma_migrations"]),
    );
    const recorded = recordedMigrations();
    expect(recorded.map((row) => row.migration_name)).toEqual(result.applied);
    for (const [index, row] of recorded.entries()) {
      expect(row.checksum).toBe(migrationChecksum(migrations[index].sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    }
  });

  it("is idempotent", () => {
    deployMigrations(databaseFile);
    const second = deployMigrations(databaseFile);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(readMigrations().map((m) => m.name));
    expect(recordedMigrations()).toHaveLength(readMigrations().length);
  });

  it("leaves a database that Prisma's own schema engine considers fully migrated", async () => {
    deployMigrations(databaseFile);
    const { SchemaEngine } = await loadSchemaEngine();
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: `file:${databaseFile}` }));
    const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
    try {
      const result = await engine.applyMigrations({ migrationsList: migrationList(MIGRATIONS_DIR), filters: NO_SCHEMA_FILTERS });
      expect(result.appliedMigrationNames).toEqual([]);
    } finally {
      engine.free();
    }
  });
});

describe("deployMigrations on a scratch migrations folder", () => {
  let migrationsDir: string;
  beforeEach(() => {
    migrationsDir = path.join(workDir, "migrations");
    writeMigration(migrationsDir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);\nCREATE TABLE "B" ("id" INTEGER PRIMARY KEY);\n`);
  });

  it("applies only the new migrations, in name order", () => {
    deployMigrations(databaseFile, migrationsDir);
    writeMigration(migrationsDir, "20260103000000_third", `CREATE TABLE "D" ("id" INTEGER PRIMARY KEY);`);
    writeMigration(migrationsDir, "20260102000000_second", `CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);`);
    const result = deployMigrations(databaseFile, migrationsDir);
    expect(result.applied).toEqual(["20260102000000_second", "20260103000000_third"]);
    expect(result.alreadyApplied).toEqual(["20260101000000_first"]);
  });

  it("rolls a failing migration back completely and records nothing for it", () => {
    writeMigration(migrationsDir, "20260102000000_broken", `CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;`);
    expect(() => deployMigrations(databaseFile, migrationsDir)).toThrow();
    expect(tableNames()).not.toContain("C");
    expect(recordedMigrations().map((row) => row.migration_name)).toEqual(["20260101000000_first"]);
  });

  it("refuses to continue when an applied migration was edited", () => {
    deployMigrations(databaseFile, migrationsDir);
    writeMigration(migrationsDir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY, "x" TEXT);`);
    expect(() => deployMigrations(databaseFile, migrationsDir)).toThrow(/modified after it was applied/);
  });

  it("refuses to continue after a migration that failed half-way under Prisma", () => {
    deployMigrations(databaseFile, migrationsDir);
    const db = new Database(databaseFile);
    db.prepare(`UPDATE "_prisma_migrations" SET finished_at = NULL`).run();
    db.close();
    expect(() => deployMigrations(databaseFile, migrationsDir)).toThrow(/failed earlier/);
  });

  it("ignores folders without a migration.sql", () => {
    mkdirSync(path.join(migrationsDir, "20260102000000_empty"));
    cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(migrationsDir, "migration_lock.toml"));
    expect(readMigrations(migrationsDir).map((m) => m.name)).toEqual(["20260101000000_first"]);
  });
});
