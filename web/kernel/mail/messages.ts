import type { Language } from "../../../core/kernel/tenants/languages.ts";

/**
 * Words only mail and SMS use. The line per kind comes from the app's own messages
 * (notifications.kinds), so the bell and the mail say the same thing.
 */
const nl = {
  greeting: "Beste {{name}},",
  intro: "Er is iets nieuws voor je in het portaal van {{tenant}}:",
  introDigest: "Er zijn {{count}} nieuwe meldingen voor je in het portaal van {{tenant}}:",
  digestSubject: "{{count}} nieuwe meldingen in het portaal van {{tenant}}",
  open: "Bekijk in het portaal",
  accept: "Account openen",
  invitationValid:
    "De link in deze e-mail is 14 dagen geldig en werkt één keer. Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.",
  privacy:
    "Om je privacy te beschermen staat de inhoud niet in deze e-mail. Log in om te lezen wat er voor je klaarstaat.",
  why: "Je krijgt deze e-mail omdat je een account hebt in het portaal van {{tenant}}.",
  unsubscribe: "Geen e-mail meer over: {{kind}}",
  settings: "Meldingen instellen",
  sms: "{{tenant}}: {{line}}. {{url}}",
};

const en: typeof nl = {
  greeting: "Dear {{name}},",
  intro: "Something new is waiting for you in the {{tenant}} portal:",
  introDigest: "{{count}} new notifications are waiting for you in the {{tenant}} portal:",
  digestSubject: "{{count}} new notifications in the {{tenant}} portal",
  open: "View in the portal",
  accept: "Open my account",
  invitationValid:
    "The link in this e-mail holds for 14 days and works once. Did you not expect this invitation? Then you can ignore this e-mail.",
  privacy:
    "To protect your privacy the content is not in this e-mail. Sign in to read what is waiting for you.",
  why: "You get this e-mail because you have an account in the {{tenant}} portal.",
  unsubscribe: "No more e-mail about: {{kind}}",
  settings: "Notification settings",
  sms: "{{tenant}}: {{line}}. {{url}}",
};

export type MailMessages = typeof nl;
export const mailMessages: Record<Language, MailMessages> = { nl, en };
