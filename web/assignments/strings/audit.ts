import { declareAuditWords } from "../../kernel/audit-words.ts";

/** The audit lines of assignments in words (web/kernel/audit-words.ts says how they are read). */
export const auditWords = declareAuditWords({
  nl: {
    areas: {
      assignments: "{{term.assignments, capitalize}}",
    },
    actions: {
      "assignments.create": "{{term.assignment, capitalize}} klaargezet",
      "assignments.list": "Lijst van {{term.assignments}} bekeken",
      "assignments.view": "{{term.assignment, capitalize}} bekeken",
      "assignments.file": "Bestand van een {{term.assignment}} geopend",
      "assignments.hand-in": "{{term.assignment, capitalize}} ingeleverd",
      "assignments.feedback": "Reactie op een {{term.assignment}} gegeven",
    },
  },
  en: {
    areas: {
      assignments: "{{term.assignments, capitalize}}",
    },
    actions: {
      "assignments.create": "{{term.assignment, capitalize}} set",
      "assignments.list": "List of {{term.assignments}} viewed",
      "assignments.view": "{{term.assignment, capitalize}} viewed",
      "assignments.file": "File of the {{term.assignment}} opened",
      "assignments.hand-in": "{{term.assignment, capitalize}} handed in",
      "assignments.feedback": "Feedback given on the {{term.assignment}}",
    },
  },
});
