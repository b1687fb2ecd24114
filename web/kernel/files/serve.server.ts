import { fileKinds } from "../../../core/kernel/files/rules.ts";
import type { StoredFile } from "../../../core/kernel/files/uploads.ts";

/**
 * How a stored file leaves the Worker: streamed from R2, never read whole. A PDF or image that is
 * viewed opens as a document of its own under a sandboxing Content-Security-Policy: no script,
 * no plugin content from the file reaches the portal's origin, it cannot be framed, and the
 * browser may not guess another type (nosniff). Chromium shows PDFs under this policy when they
 * are opened as a page (checked in e2e/documents.spec.ts; ADR 0014). Everything else is an
 * attachment with its name (RFC 6266, with the UTF-8 form of RFC 5987 for names beyond ASCII).
 */
export function fileResponse(file: StoredFile, body: ReadableStream<Uint8Array>, inline: boolean): Response {
  const kind = fileKinds[file.kind];
  const headers = new Headers({
    "Content-Type": kind.detected === "text" ? `${kind.mime}; charset=utf-8` : kind.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
    "Content-Security-Policy":
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
  });
  return new Response(body, { status: 200, headers });
}

/** `attachment; filename="plain"; filename*=UTF-8''encoded`: old browsers read the first, others the second. */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const plain = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
