/** Texts of the assignment pages, Dutch first; nl.ts and en.ts each take their own language. */
const nl = {
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
};

const en: typeof nl = {
  title: "{{term.assignments, capitalize}}",
  intro: "{{term.assignments, capitalize}} your {{term.coach}} set for you. New ones are at the top.",
  staffIntro:
    "The {{term.assignments}} you set. Those where a {{term.client}} handed in work awaiting your feedback come first.",
  none: "You have no {{term.assignments}} yet.",
  noneSet: "You have not set any {{term.assignments}} yet.",
  new: "New",
  newLabel: "New {{term.assignment}}",
  from: "From {{name}}, {{date}}",
  setOn: "Set on {{date}}",
  counts: "{{handedIn}} awaiting feedback · {{open}} open · {{reviewed}} reviewed",
  create: "New {{term.assignment}}",
  back: "Back to your {{term.assignments}}",
  backStaff: "Back to the {{term.assignments}}",
  status: {
    open: "Open",
    handedIn: "Handed in",
    reviewed: "Reviewed",
  },
  staffStatus: {
    open: "Not handed in yet",
    handedIn: "Awaiting your feedback",
    reviewed: "Reviewed",
  },
  form: {
    title: "New {{term.assignment}}",
    intro:
      "Set an {{term.assignment}} for one or more of your {{term.clients}}. Each {{term.client}} is notified and sees only their own work.",
    name: "Title",
    description: "Explanation",
    descriptionHint:
      "You can use Markdown: **bold**, *italic*, lists with - and links as [text](https://example.com). HTML is shown as plain text.",
    clients: "For which {{term.clients}}?",
    noClients: "No {{term.clients}} are assigned to you yet, so you cannot set an {{term.assignment}}.",
    submit: "Set {{term.assignment}}",
    addFiles: "Add attachments",
    problem: "The {{term.assignment}} has not been set yet",
    errors: {
      title: {
        required: "Enter a title.",
        tooLong: "Shorten the title: at most {{max}} characters.",
      },
      description: {
        required: "Write an explanation: what should the {{term.client}} do?",
        tooLong: "Shorten the explanation: at most {{max}} characters.",
      },
      clients: {
        required: "Choose at least one {{term.client}}.",
        tooMany: "Choose at most {{max}} {{term.clients}} at once.",
        unknown: "Choose only {{term.clients}} from the list: one of them no longer works with you.",
      },
      files: {
        tooMany: "Attach at most {{max}} files.",
        unknown: "An attachment is not available (any more). Upload it again.",
      },
    },
  },
  detail: {
    description: "Explanation",
    files: "Attachments",
    handedInFiles: "Files handed in",
    download: "{{name}} ({{size}})",
    thread: "Hand-ins and feedback",
    noThread: "Nothing handed in yet.",
    handedInBy: "Handed in by {{name}}, {{date}}",
    feedbackBy: "Feedback from {{name}}, {{date}}",
    response: "Your response",
    responseHint: "Write your response. Your {{term.coach}} is notified and can give you feedback.",
    handIn: "Hand in",
    handInAgain: "Hand in again",
    addFiles: "Add files",
    againHint: "Your {{term.coach}} gave feedback. You can improve your work and hand it in again.",
    waiting: "Handed in. Your {{term.coach}} will look at it and give you feedback.",
    handedIn: "Handed in. Your {{term.coach}} is notified.",
    feedback: "Feedback",
    feedbackHint: "The {{term.client}} is notified and may then hand in again.",
    giveFeedback: "Give feedback",
    feedbackSent: "Your feedback has been sent.",
    notHandedIn: "{{name}} has not handed anything in yet.",
    clients: "Per {{term.client}}",
    problem: "Not sent yet",
    errors: {
      files: {
        tooMany: "Hand in at most {{max}} files at once.",
        unknown: "A file is not available (any more). Upload it again.",
      },
      response: {
        required: "Write your response before you hand in.",
        tooLong: "Shorten your response: at most {{max}} characters.",
      },
      feedback: {
        required: "Write your feedback.",
        tooLong: "Shorten your feedback: at most {{max}} characters.",
      },
      handedIn: "You already handed this in; wait for feedback from your {{term.coach}}.",
      notHandedIn: "Nothing has been handed in to give feedback on.",
      reviewed: "You already gave feedback on this; wait until the {{term.client}} hands in again.",
      open: "Nothing has been handed in to give feedback on.",
    },
  },
  client: {
    title: "{{term.assignments, capitalize}} of {{name}}",
    none: "{{name}} has no {{term.assignments}} yet.",
    create: "New {{term.assignment}} for {{name}}",
  },
};

export const assignmentMessages = { nl, en };
