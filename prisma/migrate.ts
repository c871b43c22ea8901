/**
 * Offline migrations in Prisma's own layout (prisma/migrations/<timestamp>_<name>/migration.sql).
 *
 *   tsx prisma/migrate.ts create <name>   diff the existing migrations against schema.prisma and
 *                                         write the SQL for the difference as a new migration
 *   tsx prisma/migrate.ts deploy          apply pending migrations to DATABASE_URL
 *
 * `prisma migrate dev|deploy` need Prisma's native schema engine, which cannot be downloaded
 * here; `create` runs the same engine compiled to WebAssembly instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { resolveDatabaseFile } from "./database-url";
import { deployMigrations, MIGRATIONS_DIR } from "./migrations-runner";
import { loadSchemaEngine, MIGRATION_LOCKFILE, migrationList, NO_SCHEMA_FILTERS } from "./schema-engine";

const SCHEMA_FILE = path.resolve("prisma", "schema.prisma");

/**
 * The engine replays existing migrations on a shadow database with `executeRaw`, which
 * better-sqlite3 rejects for files holding more than one statement; run those as scripts.
 */
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "executeRaw") {
        return async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
          try {
            return await target.executeRaw(query);
          } catch (error) {
            if (query.args.length > 0 || !/more than one statement/i.test(String(error))) throw error;
            await target.executeScript(query.sql);
            return 0;
          }
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function inMemoryAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: ":memory:" });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withScriptFallback(await factory.connect()),
    connectToShadowDb: async () => withScriptFallback(await factory.connectToShadowDb()),
  };
}

/** `20261122031500` in UTC, like Prisma's migration folder prefixes. */
function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function migrationFolderName(name: string, now = new Date()): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("Give the migration a name, e.g. `npm run db:migrate:create -- add_badges`");
  return `${migrationTimestamp(now)}_${slug}`;
}

async function createMigration(name: string): Promise<void> {
  const folder = migrationFolderName(name);
  const { SchemaEngine } = await loadSchemaEngine();
  const schema = { files: [{ path: SCHEMA_FILE, content: readFileSync(SCHEMA_FILE, "utf8") }] };
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, schema.files[0].content]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(inMemoryAdapterFactory()),
  );
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationList(MIGRATIONS_DIR) },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: NO_SCHEMA_FILTERS,
    });
    // exitCode 2 means "there is a difference"; 0 means the migrations already match the schema.
    if (result.exitCode === 0) {
      console.log("No changes: the migrations already match prisma/schema.prisma.");
      return;
    }
    mkdirSync(path.join(MIGRATIONS_DIR, folder), { recursive: true });
    writeFileSync(path.join(MIGRATIONS_DIR, MIGRATION_LOCKFILE.path), MIGRATION_LOCKFILE.content);
    writeFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), result.stdout ?? "");
    console.log(`Created prisma/migrations/${folder}/migration.sql`);
  } catch (error) {
    if (logs.length) console.error(logs.join("\n"));
    throw error;
  } finally {
    engine.free();
  }
}

function deploy(): void {
  const databaseFile = resolveDatabaseFile();
  const { applied, alreadyApplied } = deployMigrations(databaseFile);
  for (const name of applied) console.log(`Applied migration ${name}`);
  console.log(
    `Database ${path.relative(process.cwd(), databaseFile)} is up to date (${applied.length} applied now, ${alreadyApplied.length} before).`,
  );
}

async function main([verb, ...args]: string[]): Promise<void> {
  if (verb === "create" && args.length === 1) return createMigration(args[0]);
  if (verb === "deploy" && args.length === 0) return deploy();
  console.error("usage: tsx prisma/migrate.ts create <name> | deploy");
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
