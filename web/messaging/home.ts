import { correspondenceOf } from "../../core/messaging/summary.ts";
import { homeTile } from "../kernel/home-tile.ts";
import { Correspondence, type CorrespondenceSummary } from "./components/Correspondence.tsx";

/** Unread messages and the newest replies (who wrote in which conversation, when), for everyone. */
export const messagingHome = homeTile<CorrespondenceSummary>({
  load: async ({ services }, tenant, account, when) => {
    const { unread, replies } = await correspondenceOf(services.messagingFor(tenant), {
      id: account.id,
      role: account.role,
    });
    return {
      unread,
      replies: replies.map((reply) => ({
        path: `/messages/${reply.conversationId}#message-${reply.seq}`,
        senderName: reply.senderName,
        subject: reply.subject,
        when: when.format(new Date(reply.sentAt)),
      })),
    };
  },
  status: (summary, t) =>
    summary.unread > 0
      ? t("messaging.summary.unread", { count: summary.unread })
      : t("messaging.summary.none"),
  Section: Correspondence,
  namespaces: ["messaging"],
});
