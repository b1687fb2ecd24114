import { env } from "cloudflare:workers";
import { defaultFilesSettings, partSize } from "../../../core/kernel/files/rules.ts";
import { finishUpload, sendPart, startUpload, type FilesDeps } from "../../../core/kernel/files/uploads.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import { D1FileStore } from "../../../db/kernel/files/file-store.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { R2Storage } from "../files/r2-storage.ts";

/** Test files whose content is what their names say. */
const encoder = new TextEncoder();

export type Bytes = Uint8Array<ArrayBuffer>;

/** A PDF of `size` bytes: a real one-page document, padded with a comment to the size asked. */
export function pdfOf(size = 1_000): Bytes {
  const page = encoder.encode(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n%",
  );
  const bytes = new Uint8Array(Math.max(size, page.length)).fill(0x20);
  bytes.set(page);
  return bytes;
}

/** A 1x1 PNG. */
export const png = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (char) => char.charCodeAt(0),
);

export const text = (content: string): Bytes => encoder.encode(content);

/** The parts a file is sent in. */
export function partsOf(bytes: Bytes): Bytes[] {
  const parts: Bytes[] = [];
  for (let start = 0; start < bytes.length; start += partSize)
    parts.push(bytes.slice(start, start + partSize));
  return parts;
}

/** A file sent through the one upload path (core/files, real R2) by this person; its id. */
export async function uploadedBy(
  tenant: Pick<TenantRecord, "id" | "cell">,
  uploaderId: string,
  name: string,
  bytes: Bytes,
): Promise<string> {
  const deps: FilesDeps = {
    store: new D1FileStore(platformData(env).scopeIn(tenant.cell, tenant.id)),
    storage: new R2Storage(env.UPLOADS),
    settings: defaultFilesSettings,
    tenantId: tenant.id,
    now: () => new Date(),
  };
  const started = await startUpload(deps, uploaderId, { name, size: bytes.length });
  if (!started.ok) throw new Error(started.reason);
  for (const [index, part] of partsOf(bytes).entries())
    await sendPart(deps, uploaderId, started.upload.id, index + 1, new Blob([part]).stream(), part.length);
  const finished = await finishUpload(deps, uploaderId, started.upload.id);
  if (!finished.ok) throw new Error(finished.reason);
  return finished.file.id;
}
