import { declareAuditWords } from "../../kernel/audit-words.ts";

/** The audit lines of booking in words (web/kernel/audit-words.ts says how they are read). */
export const auditWords = declareAuditWords({
  nl: {
    areas: {
      booking: "{{term.appointments, capitalize}}",
    },
    actions: {
      "booking.created": "{{term.appointment, capitalize}} aangevraagd",
      "booking.confirmed": "{{term.appointment, capitalize}} bevestigd",
      "booking.cancelled": "{{term.appointment, capitalize}} geannuleerd",
      "booking.restored": "Annulering van {{term.appointment}} ongedaan gemaakt",
      "booking.moved": "{{term.appointment, capitalize}} verplaatst",
      "booking.viewed": "{{term.appointment, capitalize}} bekeken",
      "booking.agenda-viewed": "Agenda bekeken",
      "booking.waitlist-joined": "Op de wachtlijst gezet",
      "booking.waitlist-offered": "Vrijgekomen tijd aangeboden van de wachtlijst",
      "booking.hours-changed": "Werktijden gewijzigd",
      "booking.exception-added": "Uitzondering op de werktijden toegevoegd",
      "booking.exception-removed": "Uitzondering op de werktijden verwijderd",
      "booking.type-created": "Soort {{term.appointment}} toegevoegd",
      "booking.type-changed": "Soort {{term.appointment}} gewijzigd",
      "booking.type-deactivated": "Soort {{term.appointment}} uitgezet",
      "booking.type-reactivated": "Soort {{term.appointment}} weer aangezet",
      "booking.rules-changed": "Regels voor {{term.appointments}} gewijzigd",
      "booking.feed-issue": "Agendalink gemaakt",
      "booking.feed-read": "Agenda gelezen via de agendalink",
      "booking.feed-revoke": "Agendalink ingetrokken",
    },
  },
  en: {
    areas: {
      booking: "{{term.appointments, capitalize}}",
    },
    actions: {
      "booking.created": "{{term.appointment, capitalize}} booked",
      "booking.confirmed": "{{term.appointment, capitalize}} confirmed",
      "booking.cancelled": "{{term.appointment, capitalize}} cancelled",
      "booking.restored": "Cancellation of {{term.appointment}} undone",
      "booking.moved": "{{term.appointment, capitalize}} moved",
      "booking.viewed": "{{term.appointment, capitalize}} viewed",
      "booking.agenda-viewed": "Viewed the agenda",
      "booking.waitlist-joined": "Joined the waiting list",
      "booking.waitlist-offered": "Offered freed-up time from the waiting list",
      "booking.hours-changed": "Changed working hours",
      "booking.exception-added": "Added an exception to the working hours",
      "booking.exception-removed": "Removed an exception to the working hours",
      "booking.type-created": "{{term.appointment, capitalize}} type added",
      "booking.type-changed": "{{term.appointment, capitalize}} type changed",
      "booking.type-deactivated": "{{term.appointment, capitalize}} type switched off",
      "booking.type-reactivated": "{{term.appointment, capitalize}} type switched back on",
      "booking.rules-changed": "Rules for {{term.appointments}} changed",
      "booking.feed-issue": "Made a calendar link",
      "booking.feed-read": "Calendar read through the calendar link",
      "booking.feed-revoke": "Revoked a calendar link",
    },
  },
});
