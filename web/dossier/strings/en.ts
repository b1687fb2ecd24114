import type { Strings } from "./nl.ts";

/** Texts of the staff's way into their clients' dossiers, and of who opened a dossier. */
export const en: Strings = {
  dossier: {
    clientsTitle: "My {{term.clients}}",
    clientsIntro: "The {{term.clients}} you work with. Open a dossier to see what is open for them.",
    clientsEmpty: "You are not in any {{term.client}}'s team yet. The administrator of {{tenant}} adds you.",
    dossierTitle: "Dossier of {{name}}",
    dossierIntro: "What you share with {{name}}, part by part.",
    backToClients: "Back to my {{term.clients}}",
    parts: {
      messages: "Conversations with {{name}}",
      documents: "Uploads and downloads of {{name}}",
      assignments: "{{term.assignments, capitalize}} of {{name}}",
      goals: "{{term.goals, capitalize}} of {{name}}",
      booking: "Your {{term.appointments}}",
    },
  },
  dossierAccess: {
    title: "Who opened your file",
    intro: "Every time someone else saw or changed your data, who and when. Times in your time zone.",
    empty: "Nobody else has seen or changed your data yet.",
    someone: "Someone whose account no longer exists",
    refused: "refused",
    what: {
      users: "Managed your account (invitation, access or role)",
      organisations: "Changed your place in your {{term.organisation}}",
      audit: "Looked at the audit log with your data",
      dossier: "Opened your file",
      booking: "Looked at or changed your {{term.appointments}}",
      assignments: "Looked at your {{term.assignments}}, gave feedback or set one",
      goals: "Looked at or changed your {{term.goals}}",
      other: "Used your data",
    },
  },
};
