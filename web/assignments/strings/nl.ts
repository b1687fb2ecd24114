/**
 * Texts of the assignment pages. Dutch defines the keys; English follows them key for key.
 */
export const nl = {
  assignments: {
    title: "{{term.assignments, capitalize}}",
    intro:
      "{{term.assignments, capitalize}} die je {{term.coach}} voor je heeft klaargezet. Nieuwe staan bovenaan.",
    staffIntro:
      "De {{term.assignments}} die je hebt gegeven. Waar een {{term.client}} iets heeft ingeleverd dat nog op feedback wacht, staat bovenaan.",
    none: "Je hebt nog geen {{term.assignments}}.",
    noneSet: "Je hebt nog geen {{term.assignments}} gegeven.",
    new: "Nieuw",
    newLabel: "Nieuwe {{term.assignment}}",
    from: "Van {{name}}, {{date}}",
    setOn: "Gegeven op {{date}}",
    counts: "{{handedIn}} wacht op feedback · {{open}} open · {{reviewed}} met feedback",
    create: "Nieuwe {{term.assignment}}",
    back: "Terug naar je {{term.assignments}}",
    backStaff: "Terug naar de {{term.assignments}}",
    status: {
      open: "Open",
      handedIn: "Ingeleverd",
      reviewed: "Feedback gegeven",
    },
    staffStatus: {
      open: "Nog niet ingeleverd",
      handedIn: "Wacht op je feedback",
      reviewed: "Feedback gegeven",
    },
    form: {
      title: "Nieuwe {{term.assignment}}",
      intro:
        "Geef een {{term.assignment}} aan één of meer van je {{term.clients}}. Elke {{term.client}} krijgt een melding en ziet alleen het eigen werk.",
      name: "Titel",
      description: "Toelichting",
      descriptionHint:
        "Je kunt Markdown gebruiken: **vet**, *schuin*, lijstjes met - en links als [tekst](https://voorbeeld.nl). HTML wordt als gewone tekst getoond.",
      clients: "Voor welke {{term.clients}}?",
      noClients:
        "Er zijn nog geen {{term.clients}} aan je gekoppeld, dus je kunt nog geen {{term.assignment}} geven.",
      submit: "{{term.assignment, capitalize}} geven",
      addFiles: "Bijlagen toevoegen",
      problem: "De {{term.assignment}} is nog niet gegeven",
      errors: {
        title: {
          required: "Vul een titel in.",
          tooLong: "Maak de titel korter: hoogstens {{max}} tekens.",
        },
        description: {
          required: "Schrijf een toelichting: wat moet de {{term.client}} doen?",
          tooLong: "Maak de toelichting korter: hoogstens {{max}} tekens.",
        },
        clients: {
          required: "Kies minstens één {{term.client}}.",
          tooMany: "Kies hoogstens {{max}} {{term.clients}} tegelijk.",
          unknown: "Kies alleen {{term.clients}} uit de lijst: een van hen werkt niet (meer) met je.",
        },
        files: {
          tooMany: "Voeg hoogstens {{max}} bijlagen toe.",
          unknown: "Een bijlage is niet (meer) beschikbaar. Upload hem opnieuw.",
        },
      },
    },
    detail: {
      description: "Toelichting",
      files: "Bijlagen",
      handedInFiles: "Ingeleverde bestanden",
      download: "{{name}} ({{size}})",
      thread: "Ingeleverd en feedback",
      noThread: "Nog niets ingeleverd.",
      handedInBy: "Ingeleverd door {{name}}, {{date}}",
      feedbackBy: "Feedback van {{name}}, {{date}}",
      response: "Je antwoord",
      responseHint: "Schrijf je antwoord. Je {{term.coach}} krijgt een melding en kan je feedback geven.",
      handIn: "Inleveren",
      handInAgain: "Opnieuw inleveren",
      addFiles: "Bestanden toevoegen",
      againHint: "Je {{term.coach}} heeft feedback gegeven. Je kunt je werk verbeteren en opnieuw inleveren.",
      waiting: "Ingeleverd. Je {{term.coach}} kijkt ernaar en geeft je feedback.",
      handedIn: "Ingeleverd. Je {{term.coach}} krijgt een melding.",
      feedback: "Feedback",
      feedbackHint: "De {{term.client}} krijgt een melding en kan daarna opnieuw inleveren.",
      giveFeedback: "Feedback geven",
      feedbackSent: "Je feedback is verstuurd.",
      notHandedIn: "{{name}} heeft nog niets ingeleverd.",
      clients: "Per {{term.client}}",
      problem: "Nog niet verstuurd",
      errors: {
        files: {
          tooMany: "Lever hoogstens {{max}} bestanden tegelijk in.",
          unknown: "Een bestand is niet (meer) beschikbaar. Upload het opnieuw.",
        },
        response: {
          required: "Schrijf je antwoord voordat je inlevert.",
          tooLong: "Maak je antwoord korter: hoogstens {{max}} tekens.",
        },
        feedback: {
          required: "Schrijf je feedback.",
          tooLong: "Maak je feedback korter: hoogstens {{max}} tekens.",
        },
        handedIn: "Je hebt dit al ingeleverd; wacht op feedback van je {{term.coach}}.",
        notHandedIn: "Er is nog niets ingeleverd om feedback op te geven.",
        reviewed: "Je hebt hier al feedback op gegeven; wacht tot de {{term.client}} opnieuw inlevert.",
        open: "Er is nog niets ingeleverd om feedback op te geven.",
      },
    },
    client: {
      title: "{{term.assignments, capitalize}} van {{name}}",
      none: "{{name}} heeft nog geen {{term.assignments}}.",
      create: "Nieuwe {{term.assignment}} voor {{name}}",
    },
  },
};

export type Strings = typeof nl;
