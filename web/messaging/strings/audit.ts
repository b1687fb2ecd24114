import { declareAuditWords } from "../../kernel/audit-words.ts";

/** The audit lines of messaging in words (web/kernel/audit-words.ts says how they are read). */
export const auditWords = declareAuditWords({
  nl: {
    areas: {
      messages: "Berichten",
    },
    actions: {
      "messages.conversation.start": "Gesprek begonnen",
      "messages.conversation.overview": "Lijst van gesprekken bekeken",
      "messages.conversation.read": "Gesprek gelezen",
      "messages.message.send": "Bericht verstuurd",
      "messages.message.edit": "Bericht gewijzigd",
      "messages.attachment.view": "Bijlage van een bericht geopend",
      "messages.attachment.download": "Bijlage van een bericht gedownload",
    },
  },
  en: {
    areas: {
      messages: "Messages",
    },
    actions: {
      "messages.conversation.start": "Started a conversation",
      "messages.conversation.overview": "Viewed the list of conversations",
      "messages.conversation.read": "Read a conversation",
      "messages.message.send": "Sent a message",
      "messages.message.edit": "Edited a message",
      "messages.attachment.view": "Opened an attachment of a message",
      "messages.attachment.download": "Downloaded an attachment of a message",
    },
  },
});
