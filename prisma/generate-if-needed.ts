/** Runs `npm run db:generate` when prisma/generated is missing or older than schema.prisma. */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const schemaFile = path.resolve("prisma", "schema.prisma");
const generatedClient = path.resolve("prisma", "generated", "client.ts");

const upToDate = existsSync(generatedClient) && statSync(generatedClient).mtimeMs >= statSync(schemaFile).mtimeMs;
if (!upToDate) {
  const result = spawnSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("prisma generate failed");
    process.exit(result.status ?? 1);
  }
}
