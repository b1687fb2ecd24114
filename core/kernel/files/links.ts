import type { StoredFile } from "./uploads.ts";

/**
 * Which finished uploads a capability may put on its own row (a message, an assignment, a
 * hand-in). Only files this person uploaded and nobody linked yet qualify, so nobody attaches
 * someone else's file by guessing its id, and one file is never on two rows.
 */
export interface LinkableFiles {
  /** This uploader's stored files among `fileIds` that no capability linked yet. */
  linkable(uploaderId: string, fileIds: readonly string[]): Promise<StoredFile[]>;
}

export type FilesChoice = { ok: true; files: StoredFile[] } | { ok: false; error: "tooMany" | "unknown" };

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
  const found = await store.linkable(uploaderId, wanted);
  const byId = new Map(found.map((file) => [file.id, file]));
  const files = wanted.flatMap((id) => byId.get(id) ?? []);
  return files.length === wanted.length ? { ok: true, files } : { ok: false, error: "unknown" };
}
