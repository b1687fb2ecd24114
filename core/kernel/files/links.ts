import type { StoredFile } from "./uploads.ts";

/**
 * Which finished uploads a capability may put on its own row (a message, an assignment, a
 * hand-in, a document). Only files this person uploaded and nobody linked yet qualify, so nobody
 * attaches someone else's file by guessing its id, and one file is never on two rows: the store
 * writes the row only while its files are still free (db/kernel/files/file-store.ts, `filesFree`).
 */
export interface LinkableFiles {
  /** This uploader's finished files among `fileIds`, linked (`expiresAt` null) or not. */
  finishedOf(uploaderId: string, fileIds: readonly string[]): Promise<StoredFile[]>;
}

/** A file nothing links yet waits for a capability until it expires. */
export const isLinked = (file: StoredFile) => file.expiresAt === null;

/** `taken`: a file of one's own that another row (a document, a message) already has. */
export type FilesChoice =
  { ok: true; files: StoredFile[] } | { ok: false; error: "tooMany" | "unknown" | "taken" };

/** The chosen files in the order chosen, when there are at most `max` and each may be linked. */
export async function chooseFiles(
  store: LinkableFiles,
  uploaderId: string,
  fileIds: readonly string[],
  max: number,
): Promise<FilesChoice> {
  const wanted = [...new Set(fileIds)];
  if (wanted.length === 0) return { ok: true, files: [] };
  if (wanted.length > max) return { ok: false, error: "tooMany" };
  const found = await store.finishedOf(uploaderId, wanted);
  const byId = new Map(found.map((file) => [file.id, file]));
  const files = wanted.flatMap((id) => byId.get(id) ?? []);
  if (files.length !== wanted.length) return { ok: false, error: "unknown" };
  return files.some(isLinked) ? { ok: false, error: "taken" } : { ok: true, files };
}
