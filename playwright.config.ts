import { defineConfig, devices } from "@playwright/test";

// A production server on its own port and its own throwaway database, recreated every run.
const E2E_PORT = 3100;
export const E2E_DATABASE_URL = "file:./data/e2e.db";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Generous: argon2 hashing and a shared 2-core machine make some journeys slow.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium: Playwright's own browser download is not reachable here.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -f data/e2e.db data/e2e.db-journal && npm run db:setup && npm run build:if-needed && next start -p ${E2E_PORT}`,
    url: `http://localhost:${E2E_PORT}`,
    env: { DATABASE_URL: E2E_DATABASE_URL, PORT: String(E2E_PORT) },
    reuseExistingServer: false,
    // Includes a production build when the sources changed since the last one.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
