/**
 * Texts of documents and uploads. Dutch defines the keys; English follows them key for key.
 */
export const nl = {
  documents: {
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
    },
    storage: {
      title: "Opslag",
      usage: "{{used}} MB van {{quota}} MB gebruikt, in {{files}} bestanden.",
    },
  },
};

export type Strings = typeof nl;
