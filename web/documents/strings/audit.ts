import { declareAuditWords } from "../../kernel/audit-words.ts";

/** The audit lines of documents in words (web/kernel/audit-words.ts says how they are read). */
export const auditWords = declareAuditWords({
  nl: {
    areas: {
      documents: "Documenten",
    },
    actions: {
      "documents.add": "Document toegevoegd",
      "documents.list": "Lijst van documenten bekeken",
      "documents.view": "Document geopend",
      "documents.download": "Document gedownload",
      "documents.delete": "Document verwijderd",
      "documents.restore": "Document teruggezet",
    },
  },
  en: {
    areas: {
      documents: "Documents",
    },
    actions: {
      "documents.add": "Added a document",
      "documents.list": "Viewed the list of documents",
      "documents.view": "Opened a document",
      "documents.download": "Downloaded a document",
      "documents.delete": "Deleted a document",
      "documents.restore": "Restored a document",
    },
  },
});
