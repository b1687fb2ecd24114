/**
 * Texts of the staff's way into their clients' dossiers, and of who opened a dossier. Dutch defines
 * the keys; English follows them key for key.
 */
export const nl = {
  dossier: {
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
  },
  dossierAccess: {
    title: "Wie je dossier heeft geopend",
    intro:
      "Elke keer dat iemand anders jouw gegevens bekeek of wijzigde, met wie en wanneer. Tijden in jouw tijdzone.",
    empty: "Nog niemand anders heeft je gegevens bekeken of gewijzigd.",
    someone: "Iemand van wie het account niet meer bestaat",
    refused: "geweigerd",
    what: {
      users: "Heeft je account beheerd (uitnodiging, toegang of rol)",
      organisations: "Heeft je plaats in je {{term.organisation}} gewijzigd",
      audit: "Heeft het auditlog met jouw gegevens bekeken",
      dossier: "Heeft je dossier geopend",
      booking: "Heeft je {{term.appointments}} bekeken of gewijzigd",
      assignments: "Heeft je {{term.assignments}} bekeken, feedback gegeven of er een gegeven",
      goals: "Heeft je {{term.goals}} bekeken of gewijzigd",
      other: "Heeft je gegevens gebruikt",
    },
  },
};

export type Strings = typeof nl;
