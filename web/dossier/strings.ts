/** Texts of the staff's way into their clients' dossiers, Dutch first. */
const nl = {
  clientsTitle: "Mijn {{term.clients}}",
  clientsIntro:
    "De {{term.clients}} met wie je werkt. Open een dossier om te zien wat er voor hen openstaat.",
  clientsEmpty:
    "Je staat nog in geen enkel team van een {{term.client}}. De beheerder van {{tenant}} zet je erin.",
  dossierTitle: "Dossier van {{name}}",
  dossierIntro: "Wat je met {{name}} deelt, per onderdeel.",
  backToClients: "Terug naar mijn {{term.clients}}",
  parts: {
    messages: "Gesprekken met {{name}}",
    documents: "Uploads en downloads van {{name}}",
    assignments: "{{term.assignments, capitalize}} van {{name}}",
    goals: "{{term.goals, capitalize}} van {{name}}",
    booking: "Jouw {{term.appointments}}",
  },
};

const en: typeof nl = {
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
};

export const dossierMessages = { nl, en };
