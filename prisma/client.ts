import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { resolveDatabaseFile } from "./database-url";

export type { PrismaClient };

/** A Prisma client on the SQLite file named by DATABASE_URL, through the better-sqlite3 driver adapter. */
export function createPrismaClient(databaseFile = resolveDatabaseFile()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${databaseFile}` }) });
}
