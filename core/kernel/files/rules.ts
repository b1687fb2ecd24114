import { z } from "zod";

/**
 * What a tenant accepts as a file: the kinds of file, how large one may be and how much the
 * tenant may store in all. A kind is recognised by its content (magic bytes, core/kernel/files/detect.ts)
 * and its name must agree with it, so a renamed program is not a "PDF".
 */

export type FileKind = {
  mime: string;
  /** Name endings that announce this kind, lower case, without the dot. */
  extensions: readonly string[];
  /**
   * What file-type reports for its content, or "text" for kinds without magic bytes (plain text,
   * CSV): those are accepted as valid UTF-8 without control characters and always downloaded.
   */
  detected: readonly string[] | "text";
  /** Browsers show it safely in a sandboxed view; everything else is downloaded. */
  inline: boolean;
};

export const fileKinds = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], detected: ["pdf"], inline: true },
  png: { mime: "image/png", extensions: ["png"], detected: ["png"], inline: true },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], detected: ["jpg"], inline: true },
  gif: { mime: "image/gif", extensions: ["gif"], detected: ["gif"], inline: true },
  webp: { mime: "image/webp", extensions: ["webp"], detected: ["webp"], inline: true },
  heic: { mime: "image/heic", extensions: ["heic"], detected: ["heic"], inline: false },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    detected: ["docx"],
    inline: false,
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    detected: ["xlsx"],
    inline: false,
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    detected: ["pptx"],
    inline: false,
  },
  odt: {
    mime: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    detected: ["odt"],
    inline: false,
  },
  mp4: { mime: "video/mp4", extensions: ["mp4"], detected: ["mp4"], inline: false },
  mp3: { mime: "audio/mpeg", extensions: ["mp3"], detected: ["mp3"], inline: false },
  txt: { mime: "text/plain", extensions: ["txt"], detected: "text", inline: false },
  csv: { mime: "text/csv", extensions: ["csv"], detected: "text", inline: false },
} as const satisfies Record<string, FileKind>;

export type FileKindKey = keyof typeof fileKinds;
export const fileKindKeys = Object.keys(fileKinds) as FileKindKey[];

const megabyte = 1024 * 1024;
/** The platform's ceiling for one file; a tenant may set a lower one. */
export const largestFileMb = 250;

export const filesSettingsSchema = z.object({
  allowedKinds: z.array(z.enum(fileKindKeys as [FileKindKey, ...FileKindKey[]])),
  maxFileMb: z.number().int().min(1).max(largestFileMb),
  /** Everything the tenant stores, uploads under way included. */
  quotaMb: z
    .number()
    .int()
    .min(1)
    .max(10 * 1024 * 1024),
});

export type FilesSettings = z.infer<typeof filesSettingsSchema>;

export const defaultFilesSettings: FilesSettings = {
  allowedKinds: fileKindKeys,
  maxFileMb: largestFileMb,
  quotaMb: 20 * 1024,
};

export const bytesOf = (mb: number) => mb * megabyte;

/**
 * Parts of a multipart upload: every part but the last has exactly this size (R2 wants at least
 * 5 MiB and equal parts), so a 250 MB file goes up in 25 requests, each far below the request
 * limits, and a dropped connection costs at most one part.
 */
export const partSize = 10 * megabyte;

export const partCountOf = (size: number) => Math.max(1, Math.ceil(size / partSize));

/** The size part `partNumber` (1-based) of a file of `size` bytes must have. */
export function expectedPartSize(size: number, partNumber: number): number | null {
  const count = partCountOf(size);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > count) return null;
  return partNumber < count ? partSize : size - partSize * (count - 1);
}

export type NameProblem = "name_unsafe" | "type_not_allowed";

// Windows refuses these as names whatever their ending; a download must open everywhere.
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
// Control characters, and the direction overrides that make "exe.pdf" look like "fdp.exe".
const hidden = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The name as stored and shown: trimmed and composed; null when it is not a safe file name. */
export function cleanName(name: string): string | null {
  const clean = name.normalize("NFC").trim();
  if (clean.length === 0 || clean.length > 200) return null;
  if (hidden.test(clean) || /[/\\:*?"<>|]/.test(clean)) return null;
  if (clean.startsWith(".") || clean.endsWith(".")) return null;
  const base = clean.split(".")[0] ?? "";
  if (reserved.test(base.trim())) return null;
  return clean;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The kind a name announces among the tenant's allowed kinds. */
export function kindOfName(name: string, allowed: readonly FileKindKey[]): FileKindKey | null {
  const extension = extensionOf(name);
  return allowed.find((key) => (fileKinds[key].extensions as readonly string[]).includes(extension)) ?? null;
}

export function checkName(
  name: string,
  allowed: readonly FileKindKey[],
): { ok: true; name: string; kind: FileKindKey } | { ok: false; reason: NameProblem } {
  const clean = cleanName(name);
  if (!clean) return { ok: false, reason: "name_unsafe" };
  const kind = kindOfName(clean, allowed);
  if (!kind) return { ok: false, reason: "type_not_allowed" };
  return { ok: true, name: clean, kind };
}
