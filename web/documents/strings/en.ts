import type { Strings } from "./nl.ts";

/** Texts of documents and uploads. */
export const en: Strings = {
  documents: {
    title: "Uploads and downloads",
    introClient:
      "Share files with your {{term.coach}}. What your {{term.coach}} shares with you is here as well.",
    introStaff: "The files of {{name}}: what they uploaded and what you shared.",
    zone: "Times in {{zone}} (your time zone)",
    filters: { label: "Show", all: "All", mine: "Mine", theirs: "Shared with me" },
    upload: {
      title: "Add files",
      drop: "Drag files here, or choose them",
      notify: "Let the other side know there is something new",
      limit: "Up to {{mb}} MB per file: PDF, images, Office documents, text and CSV.",
    },
    link: {
      title: "Add a link",
      url: "Address (https://...)",
      description: "Description (optional)",
      add: "Add link",
      invalid: "Enter a full address starting with https://.",
      opensAt: "opens {{host}}",
    },
    list: {
      empty: "No files or links yet.",
      by: "{{name}}, {{date}}",
      open: "View",
      download: "Download",
      delete: "Delete",
      deleted: "Deleted. You can restore it for 30 days.",
      restore: "Restore",
    },
    storage: {
      title: "Storage",
      usage: "{{used}} MB of {{quota}} MB used, in {{files}} files.",
    },
  },
};
