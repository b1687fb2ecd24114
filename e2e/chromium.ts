import { accessSync, constants } from "node:fs";

/** The browser of the end-to-end tests: Debian's Chromium, or the binary CHROMIUM_PATH names. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumMissing =
  `No Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
  "(as root, after `apt-get update`), or point CHROMIUM_PATH at a Chromium or Chrome binary.";

export function hasChromium(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
