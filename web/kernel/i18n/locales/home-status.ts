/** What the start page's tiles say is open, Dutch first. */
const nl = {
  documents_one: "{{count}} nieuw document van je {{term.coach}}",
  documents_other: "{{count}} nieuwe documenten van je {{term.coach}}",
  documentsNone: "Geen nieuwe documenten.",
  assignmentsNew_one: "{{count}} nieuwe {{term.assignment}}",
  assignmentsNew_other: "{{count}} nieuwe {{term.assignments}}",
  assignmentsOpen_one: "{{count}} open {{term.assignment}}",
  assignmentsOpen_other: "{{count}} open {{term.assignments}}",
  assignmentsNone: "Geen open {{term.assignments}}.",
  awaitingReview_one: "{{count}} inlevering wacht op je feedback",
  awaitingReview_other: "{{count}} inleveringen wachten op je feedback",
  goals_one: "{{count}} open {{term.goal}}, {{progress}}% op weg",
  goals_other: "{{count}} open {{term.goals}}, gemiddeld {{progress}}% op weg",
  goalsNone: "Nog geen open {{term.goals}}.",
};

const en: typeof nl = {
  documents_one: "{{count}} new document from your {{term.coach}}",
  documents_other: "{{count}} new documents from your {{term.coach}}",
  documentsNone: "No new documents.",
  assignmentsNew_one: "{{count}} new {{term.assignment}}",
  assignmentsNew_other: "{{count}} new {{term.assignments}}",
  assignmentsOpen_one: "{{count}} open {{term.assignment}}",
  assignmentsOpen_other: "{{count}} open {{term.assignments}}",
  assignmentsNone: "No open {{term.assignments}}.",
  awaitingReview_one: "{{count}} hand-in awaits your feedback",
  awaitingReview_other: "{{count}} hand-ins await your feedback",
  goals_one: "{{count}} open {{term.goal}}, {{progress}}% of the way",
  goals_other: "{{count}} open {{term.goals}}, on average {{progress}}% of the way",
  goalsNone: "No open {{term.goals}} yet.",
};

export const homeStatusMessages = { nl, en };
