import { fileTypeFromBuffer } from "file-type";
import { fileKinds, type FileKindKey } from "./rules.ts";

/** How much of a file's start the content check reads: magic bytes, and the first entries of a zip (docx). */
export const headBytes = 256 * 1024;

/**
 * Whether the content of a file (its first `headBytes`) is what its name says. Binary kinds must
 * carry their magic bytes (file-type); text kinds have none, so their start must be UTF-8 text
 * without control characters (tab, line ends and form feed aside) and must not be any binary
 * kind file-type knows. Text is never shown inline, so a text file that only starts clean can do
 * no more than be downloaded.
 */
export async function contentMatches(kind: FileKindKey, head: Uint8Array): Promise<boolean> {
  const detected = (await fileTypeFromBuffer(head))?.ext;
  const expected = fileKinds[kind].detected;
  if (expected !== "text")
    return detected !== undefined && (expected as readonly string[]).includes(detected);
  return detected === undefined && isPlainText(head);
}

/** Tab, line feed, form feed and carriage return. */
const allowedControls = new Set([0x09, 0x0a, 0x0c, 0x0d]);

// A head cut off in the middle of a character is still text: `stream: true` keeps the tail open.
function isPlainText(head: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !allowedControls.has(code)) || code === 0x7f) return false;
  }
  return true;
}
