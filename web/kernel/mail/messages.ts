import type { Language } from "../../../core/kernel/tenants/languages.ts";

// An invitation and its reminder say the same about their link.
const nlInvitationNote =
  "De link in deze e-mail is {{days}} dagen geldig en werkt één keer. Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.";

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
  /** The button of account mail, which leads somewhere else than "the portal". */
  action: {
    invitation: "Account openen",
    "invitation-reminder": "Account openen",
    "password-reset": "Nieuw wachtwoord kiezen",
  },
  /** A line under the button, per kind; kinds without one have none. */
  note: {
    invitation: nlInvitationNote,
    "invitation-reminder": nlInvitationNote,
    "password-reset":
      "De link in deze e-mail is {{minutes}} minuten geldig en werkt één keer. Heb je geen nieuw wachtwoord aangevraagd? Dan kun je deze e-mail negeren: je wachtwoord blijft zoals het was.",
    "new-sign-in": "Was jij dit niet? Beëindig die sessie in het portaal en wijzig je wachtwoord.",
    "second-factor-reset":
      "Heb je hier niet om gevraagd? Neem dan meteen contact op met {{tenant}} en wijzig je wachtwoord.",
  },
  privacy:
    "Om je privacy te beschermen staat de inhoud niet in deze e-mail. Log in om te lezen wat er voor je klaarstaat.",
  why: "Je krijgt deze e-mail omdat je een account hebt in het portaal van {{tenant}}.",
  unsubscribe: "Geen e-mail meer over: {{kind}}",
  settings: "Meldingen instellen",
  sms: "{{tenant}}: {{line}}. {{url}}",
};

const enInvitationNote =
  "The link in this e-mail holds for {{days}} days and works once. Did you not expect this invitation? Then you can ignore this e-mail.";

const en: typeof nl = {
  greeting: "Dear {{name}},",
  intro: "Something new is waiting for you in the {{tenant}} portal:",
  introDigest: "{{count}} new notifications are waiting for you in the {{tenant}} portal:",
  digestSubject: "{{count}} new notifications in the {{tenant}} portal",
  open: "View in the portal",
  action: {
    invitation: "Open my account",
    "invitation-reminder": "Open my account",
    "password-reset": "Choose a new password",
  },
  note: {
    invitation: enInvitationNote,
    "invitation-reminder": enInvitationNote,
    "password-reset":
      "The link in this e-mail holds for {{minutes}} minutes and works once. Did you not ask for a new password? Then you can ignore this e-mail: your password stays as it was.",
    "new-sign-in": "Was this not you? End that session in the portal and change your password.",
    "second-factor-reset":
      "Did you not ask for this? Then contact {{tenant}} at once and change your password.",
  },
  privacy:
    "To protect your privacy the content is not in this e-mail. Sign in to read what is waiting for you.",
  why: "You get this e-mail because you have an account in the {{tenant}} portal.",
  unsubscribe: "No more e-mail about: {{kind}}",
  settings: "Notification settings",
  sms: "{{tenant}}: {{line}}. {{url}}",
};

export type MailMessages = typeof nl;
export const mailMessages: Record<Language, MailMessages> = { nl, en };
