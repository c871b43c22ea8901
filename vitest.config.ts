import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// One run for the whole repo: app/, prisma/, engine/, content/, labs/ ... Playwright owns e2e/.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: [...configDefaults.exclude, "e2e/**", ".next/**", "prisma/generated/**", "data/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
