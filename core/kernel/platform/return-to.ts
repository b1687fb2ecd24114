/**
 * Where to go back to after a sign-in or a form: a path on the tenant's own origin, or `fallback`.
 *
 * The value is resolved the way a browser resolves a `Location` header (WHATWG URL): tab, CR and
 * LF are dropped, leading and trailing control characters and spaces are trimmed and `\` counts as
 * `/`, so `/\t/evil.example` and `/\evil.example` lead to another host and are refused here as
 * they would be followed there. What comes back is the resolved path, query and fragment,
 * percent-encoded, so no character of it can break a header either. `here` is the URL of the
 * request, whose origin is the tenant's.
 */
export function safeReturnTo(value: unknown, here: string, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  const origin = new URL(here).origin;
  const target = URL.parse(value, origin);
  if (target?.origin !== origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  return URL.parse(path, origin)?.href === target.href ? path : fallback;
}
