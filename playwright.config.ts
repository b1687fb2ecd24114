import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromiumMissing, chromiumPath, hasChromium } from "./e2e/chromium.ts";
import { port } from "./e2e/hosts.ts";

/**
 * End-to-end tests in a real Chromium against the whole Worker (`wrangler dev`, local D1/R2) on a
 * port and state directory of their own, so a running `npm start` is left alone.
 *
 * Playwright cannot download its own browsers here, so the tests use the system Chromium.
 */
if (!hasChromium()) throw new Error(chromiumMissing);

// The server below serves the last build as is (`npm test` builds first); without one wrangler
// fails with an import error that hides the cause.
if (!existsSync(new URL("build/server/index.js", import.meta.url))) {
  throw new Error("No build in build/: run `npm run build` before `npx playwright test`.");
}

const launchOptions = {
  executablePath: chromiumPath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  use: {
    // Tenants live on their own hosts; every test builds its URLs with e2e/hosts.ts.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "desktop",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions,
      },
    },
    {
      name: "phone",
      // Pixel 7's viewport, touch and user agent; the browser stays the system Chromium.
      use: { ...devices["Pixel 7"], browserName: "chromium", launchOptions },
    },
  ],
  webServer: {
    // `npm test` builds first; `npm run build` before a bare `npx playwright test`.
    command: "node scripts/start.ts --no-build",
    url: `http://127.0.0.1:${port}/healthz`,
    env: { PORT: String(port), PORTAAL_STATE: ".wrangler/e2e-state" },
    reuseExistingServer: Boolean(process.env.PW_REUSE),
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
