import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../tenants/tenant.ts";
import { D1FileStore } from "../../../db/kernel/files/file-store.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { R2Storage } from "../../../worker/kernel/files/r2-storage.ts";
import { addUser, createTenant } from "../../../worker/kernel/testing/fixtures.ts";
import { partsOf, pdfOf, png, text, type Bytes } from "../../../worker/kernel/testing/files.ts";
import { defaultFilesSettings, partSize } from "./rules.ts";
import {
  cancelUpload,
  finishUpload,
  openFile,
  removeExpired,
  sendPart,
  startUpload,
  storageUsage,
  uploadProgress,
  type FilesDeps,
} from "./uploads.ts";

let tenant: TenantRecord;
let uploader: string;
let deps: FilesDeps;
let now = new Date();

const streamOf = (bytes: Bytes) => new Blob([bytes]).stream();

/** Sends a whole file, part by part, and finishes it. */
async function upload(name: string, bytes: Bytes, as = uploader, using = deps) {
  const started = await startUpload(using, as, { name, size: bytes.length });
  if (!started.ok) return started;
  const parts = partsOf(bytes);
  for (const [index, part] of parts.entries()) {
    const sent = await sendPart(using, as, started.upload.id, index + 1, streamOf(part), part.length);
    if (!sent.ok) return sent;
  }
  return finishUpload(using, as, started.upload.id);
}

/** A digest to compare contents by: comparing megabytes element by element costs gigabytes. */
const digest = async (bytes: Bytes | ReadableStream<Uint8Array>) => {
  const buffer = bytes instanceof Uint8Array ? bytes : await new Response(bytes).arrayBuffer();
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", buffer))].join(",");
};

async function stored(fileId: string) {
  const row = await deps.store.find(fileId);
  const objects = await env.UPLOADS.list({ prefix: `${tenant.id}/${fileId}` });
  return { row, objects: objects.objects.length };
}

beforeAll(async () => {
  tenant = await createTenant("files-core", "TENANT_DB_1");
  uploader = await addUser(tenant, { email: "client@files-core.test" });
  deps = {
    store: new D1FileStore(platformData(env).scopeIn(tenant.cell, tenant.id)),
    storage: new R2Storage(env.UPLOADS),
    settings: { ...defaultFilesSettings, maxFileMb: 25, quotaMb: 60 },
    tenantId: tenant.id,
    now: () => now,
  };
});

describe("uploads into R2", () => {
  it("stores a small file and reads it back byte for byte", async () => {
    const result = await upload("verslag.pdf", pdfOf(2_000));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toMatchObject({ name: "verslag.pdf", kind: "pdf", size: 2_000, status: "stored" });
    const opened = await openFile(deps, result.file.id);
    expect(await digest(opened!.body)).toBe(await digest(pdfOf(2_000)));
  });

  it("stores a file of several parts", async () => {
    const bytes = pdfOf(partSize * 2 + 12_345);
    const result = await upload("groot.pdf", bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const opened = await openFile(deps, result.file.id);
    expect(await digest(opened!.body)).toBe(await digest(bytes));
  });

  it("resumes an interrupted upload with the parts still missing", async () => {
    const bytes = pdfOf(partSize + 500);
    const parts = partsOf(bytes);
    const started = await startUpload(deps, uploader, { name: "onderbroken.pdf", size: bytes.length });
    if (!started.ok) throw new Error(started.reason);
    const id = started.upload.id;
    expect(started.upload.partCount).toBe(2);
    // The connection drops halfway through part 2: the body ends early and the part is refused.
    const cut = parts[1]!.slice(0, 200);
    expect(await sendPart(deps, uploader, id, 2, streamOf(cut), null)).toEqual({
      ok: false,
      reason: "part_invalid",
    });
    expect(await sendPart(deps, uploader, id, 1, streamOf(parts[0]!), parts[0]!.length)).toEqual({
      ok: true,
    });
    expect(await finishUpload(deps, uploader, id)).toEqual({ ok: false, reason: "upload_incomplete" });
    const progress = await uploadProgress(deps, uploader, id);
    expect(progress?.receivedParts).toEqual([1]);
    expect(await sendPart(deps, uploader, id, 2, streamOf(parts[1]!), parts[1]!.length)).toEqual({
      ok: true,
    });
    const finished = await finishUpload(deps, uploader, id);
    expect(finished.ok).toBe(true);
    expect(await digest((await openFile(deps, id))!.body)).toBe(await digest(bytes));
  });

  it("accepts images and plain text by their content", async () => {
    expect((await upload("foto.png", png)).ok).toBe(true);
    expect((await upload("lijst.csv", text("naam;datum\nSanne;2026-11-23\n"))).ok).toBe(true);
    expect((await upload("notitie.txt", text("Tot volgende week! ✓"))).ok).toBe(true);
  });

  it("refuses content that is not what the name says, and keeps nothing of it", async () => {
    const fake = await upload("factuur.pdf", png);
    expect(fake).toEqual({ ok: false, reason: "type_mismatch" });
    const renamed = await upload("foto.png", pdfOf());
    expect(renamed).toEqual({ ok: false, reason: "type_mismatch" });
    const binary = await upload("notitie.txt", Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
    expect(binary).toEqual({ ok: false, reason: "type_mismatch" });
    const disguised = await upload("notitie.txt", pdfOf());
    expect(disguised).toEqual({ ok: false, reason: "type_mismatch" });
    const { bytes, files } = await deps.store.usage();
    const objects = await env.UPLOADS.list({ prefix: `${tenant.id}/` });
    // Only the files the tests above accepted remain, each with its object.
    expect(objects.objects.length).toBe(files);
    expect(objects.objects.reduce((sum, object) => sum + object.size, 0)).toBe(bytes);
  });

  it("refuses unsafe names, other kinds, empty and too large files before anything is stored", async () => {
    const before = await deps.store.usage();
    const refusals = {
      "../../etc/passwd.pdf": "name_unsafe",
      "..\\boot.pdf": "name_unsafe",
      "rapport\u202Efdp.exe": "name_unsafe",
      "regel\nbreuk.pdf": "name_unsafe",
      "CON.pdf": "name_unsafe",
      ".verborgen.pdf": "name_unsafe",
      "script.html": "type_not_allowed",
      "tekening.svg": "type_not_allowed",
      geen_einde: "type_not_allowed",
    };
    for (const [name, reason] of Object.entries(refusals))
      expect(await startUpload(deps, uploader, { name, size: 10 }), name).toEqual({ ok: false, reason });
    expect(await startUpload(deps, uploader, { name: "leeg.pdf", size: 0 })).toEqual({
      ok: false,
      reason: "empty",
    });
    expect(await startUpload(deps, uploader, { name: "groot.pdf", size: 25 * 1024 * 1024 + 1 })).toEqual({
      ok: false,
      reason: "too_large",
    });
    expect(await deps.store.usage()).toEqual(before);
  });

  it("refuses what would pass the tenant's quota, uploads under way included", async () => {
    const megabyte = 1024 * 1024;
    const { bytes } = await deps.store.usage();
    const quotaMb = Math.ceil(bytes / megabyte) + 1;
    const tight = { ...deps, settings: { ...deps.settings, quotaMb } };
    const room = quotaMb * megabyte - bytes;
    const first = await startUpload(tight, uploader, { name: "eerste.pdf", size: room - 10 });
    expect(first.ok).toBe(true);
    expect(await startUpload(tight, uploader, { name: "tweede.pdf", size: 20 })).toEqual({
      ok: false,
      reason: "over_quota",
    });
    if (first.ok) expect(await cancelUpload(tight, uploader, first.upload.id)).toBe(true);
    const second = await startUpload(tight, uploader, { name: "tweede.pdf", size: 20 });
    expect(second.ok).toBe(true);
    const usage = await storageUsage(tight);
    expect(usage).toEqual({
      usedBytes: bytes + 20,
      quotaBytes: quotaMb * megabyte,
      files: expect.any(Number),
    });
    if (second.ok) await cancelUpload(tight, uploader, second.upload.id);
  });

  it("lets nobody but the uploader send, read the progress of or finish an upload", async () => {
    const other = await addUser(tenant, { email: "other@files-core.test" });
    const started = await startUpload(deps, uploader, { name: "eigen.pdf", size: 100 });
    if (!started.ok) throw new Error(started.reason);
    const id = started.upload.id;
    expect(await sendPart(deps, other, id, 1, streamOf(pdfOf(100)), 100)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await uploadProgress(deps, other, id)).toBeNull();
    expect(await finishUpload(deps, other, id)).toEqual({ ok: false, reason: "not_found" });
    expect(await cancelUpload(deps, other, id)).toBe(false);
  });

  it("removes abandoned uploads and unlinked files once they expire", async () => {
    const abandoned = await startUpload(deps, uploader, { name: "half.pdf", size: partSize + 1 });
    if (!abandoned.ok) throw new Error(abandoned.reason);
    const bytes = pdfOf(partSize + 1);
    await sendPart(deps, uploader, abandoned.upload.id, 1, streamOf(bytes.slice(0, partSize)), partSize);
    const unlinked = await upload("los.pdf", pdfOf(300));
    if (!unlinked.ok) throw new Error(unlinked.reason);
    expect((await stored(unlinked.file.id)).objects).toBe(1);
    now = new Date(Date.now() + 25 * 60 * 60_000);
    expect(await removeExpired(deps)).toBeGreaterThanOrEqual(2);
    expect(await stored(abandoned.upload.id)).toEqual({ row: null, objects: 0 });
    expect(await stored(unlinked.file.id)).toEqual({ row: null, objects: 0 });
    expect(await deps.store.parts(abandoned.upload.id)).toEqual([]);
    now = new Date();
  });
});
