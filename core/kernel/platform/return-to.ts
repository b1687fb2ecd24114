/** Where to go back to after a form: only a path on this host, never another site (open redirect). */
export function safeReturnTo(value: unknown, fallback = "/"): string {
  return typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.includes("\\")
    ? value
    : fallback;
}
