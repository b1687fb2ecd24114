/**
 * The browser's WebAuthn answer, posted as JSON in a form field. Its shape is checked by the
 * WebAuthn verification itself; here only that it is a bounded JSON object with an id.
 */
export function parseCredential<T extends { id: string }>(field: FormDataEntryValue | null): T | null {
  if (typeof field !== "string" || field.length > 20_000) return null;
  try {
    const value: unknown = JSON.parse(field);
    return value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string"
      ? (value as T)
      : null;
  } catch {
    return null;
  }
}
