import { useState } from "react";
import { uploadFile, UploadFailed } from "./upload-file.ts";

/** One file on its way up, or up already (`fileId`); `file` is null for one kept from an earlier answer. */
export type UploadItem = {
  key: string;
  name: string;
  size: number;
  file: File | null;
  percent: number;
  uploadId: string | null;
  fileId: string | null;
  error: string | null;
};

/** A finished file the server handed back (a refused form keeps what was uploaded). */
export type KeptFile = { id: string; name: string; size: number };

const keptItem = (file: KeptFile): UploadItem => ({
  key: file.id,
  name: file.name,
  size: file.size,
  file: null,
  percent: 100,
  uploadId: null,
  fileId: file.id,
  error: null,
});

/**
 * Files being uploaded through the one upload path, each with its own progress; a failed one can
 * be sent again and resumes where it stopped. `whenUploaded` runs for each finished file (the
 * documents page adds it to the dossier); a failure there counts as the file's failure.
 */
export function useUploads(kept: readonly KeptFile[] = [], whenUploaded?: (fileId: string) => Promise<void>) {
  const [items, setItems] = useState<UploadItem[]>(() => kept.map(keptItem));

  const change = (key: string, patch: Partial<UploadItem>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function send(item: UploadItem) {
    if (!item.file) return;
    change(item.key, { error: null });
    try {
      const fileId = await uploadFile(
        item.file,
        (fraction) => change(item.key, { percent: Math.round(fraction * 100) }),
        (uploadId) => change(item.key, { uploadId }),
        item.uploadId,
      );
      await whenUploaded?.(fileId);
      change(item.key, { fileId, percent: 100 });
    } catch (error) {
      change(item.key, { error: error instanceof UploadFailed ? error.code : "network" });
    }
  }

  async function add(files: FileList | null) {
    const added = [...(files ?? [])].map((file): UploadItem => ({
      key: `${file.name}-${file.size}-${Math.random()}`,
      name: file.name,
      size: file.size,
      file,
      percent: 0,
      uploadId: null,
      fileId: null,
      error: null,
    }));
    setItems((all) => [...all, ...added]);
    // One after the other: the parts of two files at once would only share the same connection.
    for (const item of added) await send(item);
  }

  const remove = (key: string) => setItems((all) => all.filter((item) => item.key !== key));
  const busy = items.some((item) => item.fileId === null && item.error === null);
  return { items, add, send, remove, busy };
}
