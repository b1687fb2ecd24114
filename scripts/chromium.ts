import { spawnSync } from "node:child_process";
import { chromiumMissing, chromiumPath, hasChromium } from "../e2e/chromium.ts";

/**
 * The first step of `npm test`: make sure the end-to-end tests have their browser before anything
 * else runs. Playwright cannot download browsers here, so Debian's Chromium is installed through apt
 * when this runs as root; anyone else gets the one line to run.
 */
if (!hasChromium()) {
  const canInstall = process.getuid?.() === 0 && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    console.error(chromiumMissing);
    process.exit(1);
  }
  console.log(`Installing Debian's Chromium at ${chromiumPath} (apt-get)…`);
  const apt = (...args: string[]) =>
    spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (
    apt("update", "-qq").status !== 0 ||
    apt("install", "-y", "-qq", "chromium").status !== 0 ||
    !hasChromium()
  ) {
    console.error(chromiumMissing);
    process.exit(1);
  }
}
