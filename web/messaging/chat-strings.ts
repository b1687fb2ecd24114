/** Texts of the live conversation (web/components/chat/), Dutch first. */
const nl = {
  title: "Live gesprek",
  messages: "Nieuwe berichten",
  offline: "Geen live verbinding; we proberen het opnieuw. Je kunt gewoon verder schrijven.",
  onlineNobody: "Verder is nu niemand in dit gesprek.",
  online: "Nu in dit gesprek: {{names}}",
  typing: "{{names}} typt…",
  you: "Jij",
  sent: "Verstuurd",
  delivered: "Afgeleverd",
  read: "Gelezen",
  notifyAsk: "Meldingen op het bureaublad aanzetten",
  notificationTitle: "Nieuw bericht van {{name}}",
  notificationBody: "Open Portaal om het te lezen.",
};

const en: typeof nl = {
  title: "Live conversation",
  messages: "New messages",
  offline: "No live connection; trying again. You can go on writing.",
  onlineNobody: "Nobody else is in this conversation right now.",
  online: "In this conversation now: {{names}}",
  typing: "{{names}} is typing…",
  you: "You",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  notifyAsk: "Turn on desktop notifications",
  notificationTitle: "New message from {{name}}",
  notificationBody: "Open Portaal to read it.",
};

export const chatMessages = { nl, en };
