/** Texts of one capability, Dutch first; nl.ts and en.ts each take their own language. */
export const calendarFeedMessages = {
  nl: {
    event: {
      summary: "{{type}} met {{person}}",
      locations: { online: "Online", onSite: "Op locatie", phone: "Telefonisch" },
      description: "{{location}}. Bekijken of wijzigen in het portaal van {{tenant}}: {{url}}",
      fileName: "{{term.appointment}}",
      calendarName: "{{tenant}}: {{term.appointments}}",
    },
  },
  en: {
    event: {
      summary: "{{type}} with {{person}}",
      locations: { online: "Online", onSite: "On site", phone: "By phone" },
      description: "{{location}}. See or change it in the {{tenant}} portal: {{url}}",
      fileName: "{{term.appointment}}",
      calendarName: "{{tenant}}: {{term.appointments}}",
    },
  },
};
