/** Texts of documents and uploads, Dutch first; nl.ts and en.ts each take their own language. */
const nl = {
  title: "Uploads en downloads",
  introClient: "Deel bestanden met je {{term.coach}}. Wat je {{term.coach}} met jou deelt, staat hier ook.",
  introStaff: "De bestanden van {{name}}: wat hij of zij uploadde en wat jij deelde.",
  zone: "Tijden in {{zone}} (jouw tijdzone)",
  filters: { label: "Toon", all: "Alles", mine: "Van mij", theirs: "Gedeeld met mij" },
  upload: {
    title: "Bestanden toevoegen",
    drop: "Sleep bestanden hierheen, of kies ze",
    notify: "Laat de ander weten dat er iets nieuws is",
    limit: "Tot {{mb}} MB per bestand: PDF, afbeeldingen, Office-documenten, tekst en CSV.",
  },
  link: {
    title: "Link toevoegen",
    url: "Adres (https://...)",
    description: "Omschrijving (mag leeg)",
    add: "Link toevoegen",
    invalid: "Vul een volledig adres in dat met https:// begint.",
    opensAt: "opent {{host}}",
  },
  list: {
    empty: "Nog geen bestanden of links.",
    by: "{{name}}, {{date}}",
    open: "Bekijken",
    download: "Downloaden",
    delete: "Verwijderen",
    deleted: "Verwijderd. Je kunt het nog 30 dagen terugzetten.",
    restore: "Terugzetten",
    size: "{{size}} MB",
  },
  storage: {
    title: "Opslag",
    usage: "{{used}} MB van {{quota}} MB gebruikt, in {{files}} bestanden.",
  },
};

const en: typeof nl = {
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
    size: "{{size}} MB",
  },
  storage: {
    title: "Storage",
    usage: "{{used}} MB of {{quota}} MB used, in {{files}} files.",
  },
};

export const documentsMessages = { nl, en };
