/**
 * Texts of a client organisation's pages and of managing the organisations. Dutch defines the keys;
 * English follows them key for key.
 */
export const nl = {
  organisation: {
    chooseTitle: "Kies een {{term.organisation}}",
    chooseIntro:
      "Je hoort bij meer dan één {{term.organisation}}. Kies namens welke je nu werkt; je kunt later wisselen via het menu.",
    nothingToChoose: "Je werkt niet namens meerdere {{term.organisations}}: er is niets te kiezen.",
    choose: "Kiezen",
    chooseOne: "Werk namens {{name}}",
    current: "Nu gekozen",
    intro: "Je collega's in deze {{term.organisation}}. Jouw rol: {{role}}.",
    colleagues: "Collega's",
    you: "Jij",
    inviteColleague: "Collega uitnodigen",
    inviteIntro:
      "Je collega krijgt een e-mail met een link om een wachtwoord te kiezen en hoort daarna bij {{name}}.",
    change: "Rol van {{name}} wijzigen",
    newRole: "Nieuwe rol",
    saveRole: "Rol opslaan",
    remove: "Uit de {{term.organisation}} halen",
    rolesTitle: "Wat de rollen mogen",
    roles: { admin: "Beheerder", "member-plus": "Medewerker+", member: "Medewerker" },
    roleExplained: {
      admin:
        "Collega's, gegevens van de {{term.organisation}}, facturen en abonnement, en alle {{term.tickets}}.",
      "member-plus": "Eigen {{term.tickets}} en projecten, en die van collega's; geen facturen.",
      member: "Eigen {{term.tickets}} en projecten.",
    },
    done: {
      role: "De rol is gewijzigd.",
      remove: "De collega hoort niet meer bij de {{term.organisation}}.",
      invited: "De uitnodiging is verstuurd.",
    },
    refused: {
      invalid: "Kies een rol uit de lijst.",
      self: "Je kunt je eigen rol niet wijzigen; vraag een andere beheerder.",
      passwordWrong: "Dat wachtwoord klopt niet. Probeer het opnieuw.",
      throttled: "Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.",
    },
  },
  organisations: {
    title: "{{term.organisations, capitalize}}",
    intro:
      "De {{term.organisations}} die {{term.client}} zijn, met hun mensen en hun rol. De beheerders van een {{term.organisation}} beheren zelf hun collega's.",
    name: "Naam van een nieuwe {{term.organisation}}",
    create: "Toevoegen",
    empty: "Er zijn nog geen {{term.organisations}}.",
    add: "Iemand aan {{name}} toevoegen",
    clientEmail: "E-mailadres van de {{term.client}}",
    addSubmit: "Toevoegen aan de {{term.organisation}}",
    nameMissing: "Vul een naam in van minstens 2 tekens.",
    nameTaken: "Er is al een {{term.organisation}} met deze naam.",
    notFoundPerson: "Er is geen account met dit e-mailadres. Nodig de persoon eerst uit.",
    notClientPerson: "Alleen {{term.clients}} horen bij een {{term.organisation}}.",
    done: {
      created: "De {{term.organisation}} is toegevoegd.",
      added: "De persoon hoort nu bij de {{term.organisation}}.",
    },
  },
};

export type Strings = typeof nl;
