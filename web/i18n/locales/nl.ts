import { errorMessages } from "./errors.ts";
/**
 * Dutch, the first language. `{{term.x}}` is the tenant's word for x (see core/tenants/terminology.ts);
 * `{{term.x, capitalize}}` starts it with a capital.
 */
export const nl = {
  shell: {
    skipToContent: "Direct naar de inhoud",
    menu: "Menu",
    closeMenu: "Menu sluiten",
    mainNavigation: "Hoofdmenu",
    home: "Mijn dossier",
    logoAlt: "Logo van {{tenant}}",
    language: "Taal",
    switchLanguage: "Taal wijzigen",
    poweredBy: "Een veilige omgeving van {{tenant}}",
  },
  languages: { nl: "Nederlands", en: "English" },
  features: {
    messages: "Berichten",
    documents: "Uploads en downloads",
    assignments: "{{term.assignments, capitalize}}",
    goals: "{{term.goals, capitalize}}",
    booking: "{{term.appointments, capitalize}}",
    questionnaires: "Vragenlijsten",
    treatmentPlan: "Behandelplan",
    planning: "Planning",
    contactRequests: "Contactverzoeken",
    absence: "Afwezigheid melden",
    contactPersons: "Contactpersonen",
    tickets: "{{term.tickets, capitalize}}",
    projects: "Projecten",
    invoices: "Facturen",
    organisation: "{{term.organisation, capitalize}}",
    forum: "Forum",
    library: "Inspiratie",
  },
  featureDescriptions: {
    messages: "Schrijf je {{term.coach}} en lees de antwoorden terug.",
    documents: "Wissel bestanden en links uit met je {{term.coach}}.",
    assignments: "Bekijk je {{term.assignments}} en lever ze in.",
    goals: "Werk aan je {{term.goals}} en volg je voortgang.",
    booking: "Plan een 1-op-1 {{term.appointment}} met je {{term.coach}}.",
    questionnaires: "Vul de vragenlijsten in die voor je klaarstaan.",
    treatmentPlan: "Lees en bespreek je behandelplan.",
    planning: "Zie wanneer je {{term.coach}} langskomt.",
    contactRequests: "Stel een vraag aan {{tenant}} en volg het antwoord.",
    absence: "Geef door wanneer je er niet bent.",
    contactPersons: "Beheer je familie, huisarts en andere contactpersonen.",
    tickets: "Stel een {{term.ticket}} en volg de afhandeling.",
    projects: "Volg de projecten van je {{term.organisation}}.",
    invoices: "Bekijk openstaande en betaalde facturen.",
    organisation: "Gegevens en collega's van je {{term.organisation}}.",
    forum: "Praat mee met andere {{term.clients}}.",
    library: "Artikelen, video's en oefeningen om verder te komen.",
  },
  home: {
    title: "Welkom bij {{tenant}}",
    intro: "Alles wat je met je {{term.coach}} deelt, op één veilige plek.",
    overview: "Wat je hier kunt doen",
  },
  crisis: {
    title: "Direct hulp nodig?",
  },
  platform: {
    title: "Portaal: één veilige plek voor {{term.clients}} en hun {{term.coaches}}",
    intro:
      "Portaal is het cliëntportaal voor coachpraktijken, ggz-praktijken, thuiszorg, zorgbemiddeling en supportafdelingen. Elke organisatie krijgt een eigen omgeving met eigen naam, kleuren en woorden.",
    points: {
      talk: "Berichten en chat met de eigen {{term.coach}}",
      documents: "Documenten veilig uitwisselen",
      booking: "Zelf afspraken plannen, zonder dubbele boekingen",
      plan: "Vragenlijsten, doelen en plannen op één plek",
    },
    contact: "Wil je Portaal voor je organisatie? Neem contact op met ons team.",
  },
  errors: errorMessages.nl,
};
