import type { NewAttachment } from "./conversation.ts";

/**
 * Files sent with a message. The bytes go up through the files capability (core/files: parts
 * straight into R2, checked by content); a message only takes files its sender finished
 * uploading, within these limits, and keeps their name, type, size and object key with it.
 */

const megabyte = 1024 * 1024;

export const attachmentLimits = {
  maxCount: 5,
  /** Seed 001: attachments up to 250 MB. */
  maxBytes: 250 * megabyte,
  /** What a message may carry: documents, pictures and sound or video people send to their practitioner. */
  types: [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/heic",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "text/plain",
    "audio/mpeg",
    "video/mp4",
  ],
} as const;

/** An uploaded file as the files capability describes it. */
export type UploadedFile = {
  id: string;
  uploaderId: string;
  name: string;
  contentType: string;
  size: number;
  /** False while its parts are still arriving. */
  stored: boolean;
  storageKey: string;
};

/** Where a message finds the files its sender uploaded; implemented over core/files. */
export interface UploadedFiles {
  find(fileIds: readonly string[]): Promise<UploadedFile[]>;
}

export type AttachmentProblem =
  | { code: "tooMany"; max: number }
  | { code: "tooLarge" | "typeNotAllowed" | "empty" | "unknown"; name: string };

export type AttachmentCheck =
  { ok: true; files: NewAttachment[] } | { ok: false; problems: AttachmentProblem[] };

/**
 * The chosen files, when each is the sender's own finished upload of an allowed type and size,
 * and there are not too many; otherwise every problem, named by file, for the field.
 */
export function checkAttachments(
  senderId: string,
  chosenIds: readonly string[],
  found: readonly UploadedFile[],
): AttachmentCheck {
  const ids = [...new Set(chosenIds)];
  const problems: AttachmentProblem[] = [];
  if (ids.length > attachmentLimits.maxCount)
    problems.push({ code: "tooMany", max: attachmentLimits.maxCount });
  const byId = new Map(found.map((file) => [file.id, file]));
  const files: NewAttachment[] = [];
  for (const id of ids) {
    const file = byId.get(id);
    // Someone else's upload is as unknown as one that does not exist.
    if (!file || file.uploaderId !== senderId || !file.stored) {
      problems.push({ code: "unknown", name: file?.uploaderId === senderId ? file.name : id });
      continue;
    }
    if (file.size === 0) problems.push({ code: "empty", name: file.name });
    else if (file.size > attachmentLimits.maxBytes) problems.push({ code: "tooLarge", name: file.name });
    else if (!(attachmentLimits.types as readonly string[]).includes(file.contentType))
      problems.push({ code: "typeNotAllowed", name: file.name });
    else
      files.push({
        fileName: file.name,
        contentType: file.contentType,
        size: file.size,
        storageKey: file.storageKey,
      });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}
