import { describe, expect, it } from "vitest";
import { attachmentLimits, checkAttachments, type UploadedFile } from "./attachments.ts";

const file = (id: string, fields: Partial<UploadedFile> = {}): UploadedFile => ({
  id,
  uploaderId: "usr_sender",
  name: `${id}.pdf`,
  contentType: "application/pdf",
  size: 1024,
  stored: true,
  storageKey: `ten_x/${id}`,
  ...fields,
});

describe("attachments of a message", () => {
  it("takes the sender's finished uploads of allowed types", () => {
    const result = checkAttachments(
      "usr_sender",
      ["a", "b"],
      [file("a"), file("b", { contentType: "image/png" })],
    );
    expect(result).toEqual({
      ok: true,
      files: [
        { fileName: "a.pdf", contentType: "application/pdf", size: 1024, storageKey: "ten_x/a" },
        { fileName: "b.pdf", contentType: "image/png", size: 1024, storageKey: "ten_x/b" },
      ],
    });
  });

  it("refuses too many files, a file too large, a type not allowed and an empty file, each by name", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const found = [
      file("a", { size: attachmentLimits.maxBytes + 1, name: "scan.pdf" }),
      file("b", { contentType: "application/x-msdownload", name: "setup.exe" }),
      file("c", { size: 0, name: "leeg.txt" }),
      file("d"),
      file("e"),
      file("f"),
    ];
    const result = checkAttachments("usr_sender", ids, found);
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "tooMany", max: 5 },
        { code: "tooLarge", name: "scan.pdf" },
        { code: "typeNotAllowed", name: "setup.exe" },
        { code: "empty", name: "leeg.txt" },
      ],
    });
  });

  it("treats someone else's upload, an unfinished one and an unknown id alike", () => {
    const result = checkAttachments(
      "usr_sender",
      ["theirs", "half", "nothing"],
      [file("theirs", { uploaderId: "usr_other", name: "geheim.pdf" }), file("half", { stored: false })],
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "unknown", name: "theirs" },
        { code: "unknown", name: "half.pdf" },
        { code: "unknown", name: "nothing" },
      ],
    });
  });
});
