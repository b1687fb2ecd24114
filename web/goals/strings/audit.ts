import { declareAuditWords } from "../../kernel/audit-words.ts";

/** The audit lines of goals in words (web/kernel/audit-words.ts says how they are read). */
export const auditWords = declareAuditWords({
  nl: {
    areas: {
      goals: "{{term.goals, capitalize}}",
    },
    actions: {
      "goals.list": "{{term.goals, capitalize}} bekeken",
      "goals.view": "{{term.goal, capitalize}} bekeken",
      "goals.create": "{{term.goal, capitalize}} toegevoegd",
      "goals.edit": "{{term.goal, capitalize}} gewijzigd",
      "goals.progress": "Voortgang van een {{term.goal}} bijgewerkt",
      "goals.comment": "Reactie bij een {{term.goal}} geplaatst",
      "goals.status": "{{term.goal, capitalize}} afgerond of heropend",
      "goals.settings-change": "Instellingen voor {{term.goals}} gewijzigd",
    },
  },
  en: {
    areas: {
      goals: "{{term.goals, capitalize}}",
    },
    actions: {
      "goals.list": "{{term.goals, capitalize}} viewed",
      "goals.view": "{{term.goal, capitalize}} viewed",
      "goals.create": "{{term.goal, capitalize}} added",
      "goals.edit": "{{term.goal, capitalize}} changed",
      "goals.progress": "Progress recorded on the {{term.goal}}",
      "goals.comment": "Comment on the {{term.goal}}",
      "goals.status": "{{term.goal, capitalize}} closed or reopened",
      "goals.settings-change": "Settings for {{term.goals}} changed",
    },
  },
});
