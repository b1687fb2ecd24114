/**
 * The key a create request carries: a page form's hidden `formKey`, made when the page is
 * rendered, or the API's `Idempotency-Key` header. The same request sent again (a double click,
 * a resend, a retry after a lost answer) writes once and answers as the first did. A key is kept
 * per person and kind of row, with a fingerprint of what was asked: the same key with other
 * content (a form the browser brought back and filled in anew) is another request.
 */
export type RequestKey = { kind: string; userId: string; key: string };

export async function requestKeyOf(
  kind: string,
  userId: string,
  key: string,
  content: unknown,
): Promise<RequestKey> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(content)));
  const fingerprint = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return { kind, userId, key: `${key}:${fingerprint}` };
}
