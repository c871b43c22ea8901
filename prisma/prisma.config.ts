// Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate deploy` on machines
// that have Prisma's native schema engine). Pass it with `--config prisma/prisma.config.ts`.
import { defineConfig } from "prisma/config";
import { resolveDatabaseFile } from "./database-url";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  // Absolute, so the CLI and the app agree on the file whatever directory the CLI resolves from.
  datasource: { url: `file:${resolveDatabaseFile()}` },
});
