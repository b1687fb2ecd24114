import Bowser from "bowser";

/** Browser and system of a user agent, as people name them ("Chrome", "Linux"), or null. */
export function device(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent);
  return parsed.browser.name && parsed.os.name ? { browser: parsed.browser.name, os: parsed.os.name } : null;
}
