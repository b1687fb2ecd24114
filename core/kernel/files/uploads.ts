import { newId } from "../ids.ts";
import type { LinkableFiles } from "./links.ts";
import { contentMatches, headBytes } from "./detect.ts";
import {
  bytesOf,
  checkName,
  expectedPartSize,
  fileKinds,
  partCountOf,
  partSize,
  type FileKindKey,
  type FilesSettings,
} from "./rules.ts";

/**
 * The one way a file gets into Portaal and out again, for every capability (documents,
 * assignments, messages). A file goes up in parts straight into object storage (R2 multipart):
 * `startUpload` reserves its size within the tenant's quota, `sendPart` streams one part,
 * `uploadProgress` says which parts arrived (to resume after a dropped connection), and
 * `finishUpload` joins the parts and checks the content against the name. A refused or abandoned
 * upload leaves nothing: its object and rows are removed at once, or by the cron once it expires.
 *
 * A finished file belongs to nobody yet: the capability links it to its own row (a document, an
 * assignment's attachment) and clears its expiry in the same batch, and decides on every request
 * who may see it. A file nobody links is removed when its expiry passes.
 */

export type FileStatus = "uploading" | "stored";

export type StoredFile = {
  id: string;
  uploaderId: string;
  name: string;
  kind: FileKindKey;
  size: number;
  status: FileStatus;
  /** R2 key of the object. */
  objectKey: string;
  /** The R2 multipart upload while the parts arrive. */
  multipartId: string | null;
  createdAt: string;
  /** When an unfinished upload, or a finished file no capability linked, is removed. */
  expiresAt: string | null;
};

export type ReceivedPart = { partNumber: number; etag: string; size: number };

/** The tenant's file rows; implemented in db/ over the tenant's cell. */
export interface FileStore extends LinkableFiles {
  /** Adds the upload unless the tenant's files and this one would pass `quotaBytes`; false when over. */
  reserve(file: StoredFile, quotaBytes: number): Promise<boolean>;
  find(id: string): Promise<StoredFile | null>;
  parts(fileId: string): Promise<ReceivedPart[]>;
  /** Records an arrived part; a part sent again replaces the earlier one. */
  savePart(fileId: string, part: ReceivedPart): Promise<void>;
  /** The parts were joined: the file is stored, waiting until `expiresAt` for a capability to link it. */
  markStored(fileId: string, expiresAt: string): Promise<void>;
  /** Removes the file's rows (the file and its parts) in one batch. */
  remove(fileId: string): Promise<void>;
  /** Bytes and number of files the tenant keeps, uploads under way included. */
  usage(): Promise<{ bytes: number; files: number }>;
  /** Uploads and unlinked files whose expiry has passed, oldest first. */
  expired(now: Date, limit: number): Promise<StoredFile[]>;
}

/** Object storage (R2), as files need it. */
export interface ObjectStorage {
  createMultipart(key: string, mime: string): Promise<string>;
  /** Streams one part into storage; null when the body did not have exactly `length` bytes. */
  uploadPart(
    key: string,
    multipartId: string,
    partNumber: number,
    body: ReadableStream<Uint8Array>,
    length: number,
  ): Promise<string | null>;
  completeMultipart(
    key: string,
    multipartId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void>;
  abortMultipart(key: string, multipartId: string): Promise<void>;
  /** The first `bytes` bytes of an object, or null when it does not exist. */
  head(key: string, bytes: number): Promise<Uint8Array | null>;
  read(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  remove(key: string): Promise<void>;
}

export type FilesDeps = {
  store: FileStore;
  storage: ObjectStorage;
  settings: FilesSettings;
  tenantId: string;
  now(): Date;
};

/** Stable codes: the API returns them, the pages translate them. */
export type UploadRefusal =
  | "name_unsafe"
  | "type_not_allowed"
  | "too_large"
  | "empty"
  | "over_quota"
  | "type_mismatch"
  | "upload_incomplete"
  | "part_invalid"
  | "not_found";

export type Refused = { ok: false; reason: UploadRefusal };

/** What the client needs to send the parts, and, when resuming, which ones arrived. */
export type UploadView = {
  id: string;
  name: string;
  size: number;
  status: FileStatus;
  partSize: number;
  partCount: number;
  receivedParts: number[];
  expiresAt: string | null;
};

/** An upload, or a finished file, has this long before it is removed unless a capability links it. */
const keepUnlinkedHours = 24;
const hour = 60 * 60_000;

/** Where a file's bytes live in R2: under its tenant, by its id. */
export const objectKeyOf = (tenantId: string, fileId: string) => `${tenantId}/${fileId}`;

function viewOf(file: StoredFile, parts: ReceivedPart[]): UploadView {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    status: file.status,
    partSize,
    partCount: partCountOf(file.size),
    receivedParts: parts.map((part) => part.partNumber).sort((a, b) => a - b),
    expiresAt: file.expiresAt,
  };
}

export async function startUpload(
  deps: FilesDeps,
  uploaderId: string,
  request: { name: string; size: number },
): Promise<{ ok: true; upload: UploadView } | Refused> {
  const named = checkName(request.name, deps.settings.allowedKinds);
  if (!named.ok) return named;
  if (!Number.isSafeInteger(request.size) || request.size <= 0) return { ok: false, reason: "empty" };
  if (request.size > bytesOf(deps.settings.maxFileMb)) return { ok: false, reason: "too_large" };
  const quota = bytesOf(deps.settings.quotaMb);
  if (request.size > quota) return { ok: false, reason: "over_quota" };
  const now = deps.now();
  const id = newId("file", now.getTime());
  const objectKey = objectKeyOf(deps.tenantId, id);
  const multipartId = await deps.storage.createMultipart(objectKey, fileKinds[named.kind].mime);
  const file: StoredFile = {
    id,
    uploaderId,
    name: named.name,
    kind: named.kind,
    size: request.size,
    status: "uploading",
    objectKey,
    multipartId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + keepUnlinkedHours * hour).toISOString(),
  };
  if (!(await deps.store.reserve(file, quota))) {
    await deps.storage.abortMultipart(objectKey, multipartId);
    return { ok: false, reason: "over_quota" };
  }
  return { ok: true, upload: viewOf(file, []) };
}

/** The uploader's own upload that is still taking parts. */
async function openUpload(deps: FilesDeps, uploaderId: string, fileId: string) {
  const file = await deps.store.find(fileId);
  if (!file || file.uploaderId !== uploaderId) return null;
  return file;
}

export async function sendPart(
  deps: FilesDeps,
  uploaderId: string,
  fileId: string,
  partNumber: number,
  body: ReadableStream<Uint8Array>,
  length: number | null,
): Promise<{ ok: true } | Refused> {
  // A refused part's body is left unread rather than cancelled: the runtime drops it with the
  // request, while cancelling it makes the local runtime fail the whole answer (bench/README.md).
  const file = await openUpload(deps, uploaderId, fileId);
  if (!file || file.status !== "uploading" || !file.multipartId) return { ok: false, reason: "not_found" };
  const expected = expectedPartSize(file.size, partNumber);
  if (expected === null || (length !== null && length !== expected))
    return { ok: false, reason: "part_invalid" };
  const etag = await deps.storage.uploadPart(file.objectKey, file.multipartId, partNumber, body, expected);
  if (!etag) return { ok: false, reason: "part_invalid" };
  await deps.store.savePart(file.id, { partNumber, etag, size: expected });
  return { ok: true };
}

export async function uploadProgress(
  deps: FilesDeps,
  uploaderId: string,
  fileId: string,
): Promise<UploadView | null> {
  const file = await openUpload(deps, uploaderId, fileId);
  if (!file) return null;
  return viewOf(file, file.status === "uploading" ? await deps.store.parts(file.id) : []);
}

/**
 * Joins the parts and checks the content. A file whose content is not what its name says is
 * removed at once, object and rows, so a refusal leaves nothing behind.
 */
export async function finishUpload(
  deps: FilesDeps,
  uploaderId: string,
  fileId: string,
): Promise<{ ok: true; file: StoredFile } | Refused> {
  const file = await openUpload(deps, uploaderId, fileId);
  if (!file) return { ok: false, reason: "not_found" };
  if (file.status === "stored") return { ok: true, file };
  const parts = await deps.store.parts(file.id);
  const count = partCountOf(file.size);
  const received = new Set(parts.map((part) => part.partNumber));
  if (!file.multipartId || received.size !== count || parts.some((part) => part.partNumber > count))
    return { ok: false, reason: "upload_incomplete" };
  await deps.storage.completeMultipart(
    file.objectKey,
    file.multipartId,
    parts.sort((a, b) => a.partNumber - b.partNumber).map(({ partNumber, etag }) => ({ partNumber, etag })),
  );
  const head = await deps.storage.head(file.objectKey, headBytes);
  if (!head || !(await contentMatches(file.kind, head))) {
    await deps.storage.remove(file.objectKey);
    await deps.store.remove(file.id);
    return { ok: false, reason: "type_mismatch" };
  }
  const expiresAt = new Date(deps.now().getTime() + keepUnlinkedHours * hour).toISOString();
  await deps.store.markStored(file.id, expiresAt);
  return { ok: true, file: { ...file, status: "stored", multipartId: null, expiresAt } };
}

/** The uploader stops an upload (or throws away a finished file nobody linked yet). */
export async function cancelUpload(deps: FilesDeps, uploaderId: string, fileId: string): Promise<boolean> {
  const file = await openUpload(deps, uploaderId, fileId);
  if (!file || (file.status === "stored" && file.expiresAt === null)) return false;
  await discard(deps, file);
  return true;
}

/** Removes a file for good: its object, then its rows (a row without object would be a broken link). */
export async function discard(deps: Pick<FilesDeps, "store" | "storage">, file: StoredFile): Promise<void> {
  if (file.status === "uploading" && file.multipartId)
    await deps.storage.abortMultipart(file.objectKey, file.multipartId);
  else await deps.storage.remove(file.objectKey);
  await deps.store.remove(file.id);
}

/** Cron: removes uploads and unlinked files whose expiry passed; returns how many. */
export async function removeExpired(deps: FilesDeps, limit = 100): Promise<number> {
  const expired = await deps.store.expired(deps.now(), limit);
  for (const file of expired) await discard(deps, file);
  return expired.length;
}

/**
 * The content of a stored file, streamed from storage. Whoever calls this has decided that the
 * person may see it (the capability that linked the file).
 */
/** A stored file to stream out; `inline` when it was asked to be shown and is a kind a browser may show. */
export type OpenedFile = { file: StoredFile; body: ReadableStream<Uint8Array>; inline: boolean };

export async function openFile(
  deps: Pick<FilesDeps, "store" | "storage">,
  fileId: string,
  wantInline = false,
): Promise<OpenedFile | null> {
  const file = await deps.store.find(fileId);
  if (!file || file.status !== "stored") return null;
  const object = await deps.storage.read(file.objectKey);
  return object ? { file, body: object.body, inline: wantInline && fileKinds[file.kind].inline } : null;
}

export type StorageUsage = { usedBytes: number; quotaBytes: number; files: number };

export async function storageUsage(deps: FilesDeps): Promise<StorageUsage> {
  const { bytes, files } = await deps.store.usage();
  return { usedBytes: bytes, quotaBytes: bytesOf(deps.settings.quotaMb), files };
}
