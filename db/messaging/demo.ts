import { eq, inArray } from "drizzle-orm";
import { newId } from "../../core/kernel/ids.ts";
import { sendAudit } from "../../core/messaging/conversation.ts";
import { D1MessagingStore } from "./store.ts";
import { users } from "../kernel/schema.ts";
import { conversations } from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

/** One demo conversation, by address: a client, their coach and what they wrote, oldest first. */
type DemoConversation = {
  client: string;
  coach: string;
  subject: string;
  messages: { from: "client" | "coach"; body: string }[];
};

const demoConversations: Record<string, DemoConversation[]> = {
  coaching: [
    {
      client: "sanne.visser@example.nl",
      coach: "anouk.devries@koerscoaching.nl",
      subject: "Voorbereiding volgende sessie",
      messages: [
        {
          from: "coach",
          body: "Hoi Sanne, wil je voor onze volgende sessie de opdracht over je energiegevers doen?",
        },
        { from: "client", body: "Doe ik! Mag ik ook iets meenemen over mijn werk?" },
        { from: "coach", body: "Zeker, neem het mee. Tot dan!" },
      ],
    },
  ],
};

/** The demo tenant's conversations, once: a client who already has one is left as they are. */
export async function seedMessages(slug: string, scope: TenantScope): Promise<void> {
  const store = new D1MessagingStore(scope);
  for (const demo of demoConversations[slug] ?? []) {
    const people = await scope.list(users, { where: inArray(users.email, [demo.client, demo.coach]) });
    const clientId = people.find((person) => person.email === demo.client)?.id;
    const coachId = people.find((person) => person.email === demo.coach)?.id;
    if (!clientId || !coachId) throw new Error(`Demo messages of ${slug}: unknown people`);
    if (await scope.findOne(conversations, eq(conversations.clientUserId, clientId))) continue;
    const id = newId("conversation");
    const start = Date.now() - demo.messages.length * 60 * 60_000;
    await store.create(
      {
        id,
        clientUserId: clientId,
        subject: demo.subject,
        createdByUserId: coachId,
        createdAt: new Date(start).toISOString(),
        lastSeq: 0,
        lastMessageAt: null,
      },
      [clientId, coachId],
    );
    for (const [index, message] of demo.messages.entries()) {
      const messageId = newId("message");
      const senderUserId = message.from === "client" ? clientId : coachId;
      await store.publish({
        id: messageId,
        conversationId: id,
        senderUserId,
        clientMessageId: `demo-${id}-${index}`,
        body: message.body,
        notified: false,
        sentAt: new Date(start + (index + 1) * 60 * 60_000).toISOString(),
        fileIds: [],
        // The demo's history reads as if it was sent: audited like every message.
        audit: sendAudit(
          { actorId: senderUserId, messageId, conversation: { id, clientUserId: clientId }, notified: false },
          { ipAddress: null, userAgent: "demo data" },
        ),
      });
    }
  }
}
