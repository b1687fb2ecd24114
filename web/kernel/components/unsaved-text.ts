/**
 * Text typed into a page's forms, kept in this tab (sessionStorage) when the session times out
 * and put back once the person is signed in again on the same page. Passwords and hidden fields
 * are never kept.
 */
const keyFor = (path: string) => `portaal:unsaved:${path}`;
const kept =
  "main form textarea, main form input:is([type=text], [type=email], [type=tel], [type=url], :not([type]))";

export function keepUnsavedText(path: string): void {
  const values: Record<string, string> = {};
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(kept)) {
    if (field.name && field.value && field.value !== field.defaultValue) values[field.name] = field.value;
  }
  if (Object.keys(values).length > 0) sessionStorage.setItem(keyFor(path), JSON.stringify(values));
}

/** Puts kept text back into the page's fields of the same name; true when there was any. */
export function restoreUnsavedText(path: string): boolean {
  const stored = sessionStorage.getItem(keyFor(path));
  if (!stored) return false;
  sessionStorage.removeItem(keyFor(path));
  const values = JSON.parse(stored) as Record<string, string>;
  let restored = false;
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(kept)) {
    const value = values[field.name];
    if (value !== undefined) {
      field.value = value;
      restored = true;
    }
  }
  return restored;
}
