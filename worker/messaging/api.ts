import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  clientMessageIdPattern,
  markRead,
  publish,
  type BodyError,
  type FilesError,
} from "../../core/messaging/conversation.ts";
import { inbox } from "../../core/messaging/inbox.ts";
import type { Actor, Message, Participant } from "../../core/messaging/ports.ts";
import { messageLimits } from "../../core/messaging/settings.ts";
import { openThread, saveDraft } from "../../core/messaging/thread.ts";
import type { AppEnv } from "../context.ts";
import { personRoute, type PersonCaller } from "../kernel/api/access.ts";
import { errorSchema, json, refuse } from "../kernel/api/errors.ts";

const instant = z.iso.datetime().openapi({ example: "2026-12-03T09:00:00.000Z" });

const participantSchema = z
  .object({ userId: z.string(), displayName: z.string(), role: z.string(), readSeq: z.number().int() })
  .openapi("Participant");

const attachmentSchema = z
  .object({
    id: z.string().openapi({ description: "The file's id (the upload operations under /files/uploads)" }),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    inline: z.boolean().openapi({ description: "A browser may show it (PDF, image)" }),
  })
  .openapi("MessageAttachment");

const messageSchema = z
  .object({
    id: z.string().openapi({ example: "msg_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    seq: z.number().int().openapi({ description: "Number of the message within its conversation, from 1" }),
    senderUserId: z.string(),
    senderName: z.string(),
    clientMessageId: z.string(),
    body: z.string(),
    sentAt: instant,
    editedAt: instant.nullable(),
    attachments: z.array(attachmentSchema),
  })
  .openapi("Message");

const summarySchema = z
  .object({
    id: z.string(),
    clientUserId: z.string(),
    clientName: z.string(),
    subject: z.string().nullable().openapi({
      description: "Null for an admin who takes no part: they see that it exists, not what it is about",
    }),
    lastSeq: z.number().int(),
    lastMessageAt: instant.nullable(),
    unread: z.number().int(),
    participants: z.array(participantSchema),
  })
  .openapi("ConversationSummary");

const draftSchema = z.object({ body: z.string(), notify: z.boolean(), updatedAt: instant }).openapi("Draft");

const fieldRefusal = z
  .object({
    error: z.object({
      code: z.enum(["empty", "too_long", "too_many_files", "unknown_file", "file_taken", "invalid_request"]),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi("MessageRefused");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such conversation of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

const conversationId = z.object({ id: z.string().min(1).max(40) });
const body = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

const listConversationsRoute = personRoute(
  { permission: "portal:use", feature: "messages" },
  {
    method: "get",
    path: "/conversations",
    operationId: "listConversations",
    summary: "One's conversations, newest first",
    description:
      "A client's own conversations; staff's and those of the clients in their care; an admin also sees every other conversation of the tenant, without its subject or content. `search` looks at the client's name and the subject, never at what was written.",
    request: {
      query: z.object({
        filter: z.enum(["all", "unread"]).default("all"),
        search: z.string().max(100).default(""),
      }),
    },
    responses: {
      200: json(
        z.object({ conversations: z.array(summarySchema) }).openapi("Conversations"),
        "Conversations",
      ),
      ...common,
    },
  },
);

const getConversationRoute = personRoute(
  { permission: "portal:use", feature: "messages" },
  {
    method: "get",
    path: "/conversations/{id}",
    operationId: "getConversation",
    summary: "A conversation with its messages (recorded in the audit log)",
    description:
      "The newest 200 messages, or with `after` those numbered above it (what was missed since). An admin who takes no part gets 403: they may see that it exists, not what is in it.",
    request: {
      params: conversationId,
      query: z.object({ after: z.coerce.number().int().min(0).optional() }),
    },
    responses: {
      200: json(
        z
          .object({
            id: z.string(),
            clientUserId: z.string(),
            subject: z.string(),
            lastSeq: z.number().int(),
            participants: z.array(participantSchema),
            messages: z.array(messageSchema),
            draft: draftSchema.nullable(),
          })
          .openapi("Conversation"),
        "The conversation",
      ),
      ...common,
    },
  },
);

const sendMessageRoute = personRoute(
  { permission: "portal:use", feature: "messages" },
  {
    method: "post",
    path: "/conversations/{id}/messages",
    operationId: "sendMessage",
    summary: "Publish a message",
    description: `Stores the message and tells the others by mail or SMS unless \`notify\` is false; the mail says that a message waits, never what it says. Choose a \`clientMessageId\` per message: sending it again returns the stored message (200) instead of a second one. At most ${messageLimits.bodyMaxLength} characters.`,
    request: {
      params: conversationId,
      body: body(
        z.object({
          clientMessageId: z.string().regex(clientMessageIdPattern),
          body: z.string().max(messageLimits.bodyMaxLength * 2),
          notify: z.boolean().default(true),
          fileIds: z
            .array(z.string().max(40))
            .max(messageLimits.files * 2)
            .default([])
            .openapi({
              description: `Up to ${messageLimits.files} of your finished uploads (createUpload ... completeUpload) not sent or used elsewhere yet`,
            }),
        }),
      ),
    },
    responses: {
      201: json(z.object({ message: messageSchema }), "Published"),
      200: json(z.object({ message: messageSchema }), "Published before with this client message id"),
      400: json(fieldRefusal, "Empty or too long"),
      409: json(fieldRefusal, "A file went with another message or a document already (file_taken)"),
      ...common,
    },
  },
);

const saveDraftRoute = personRoute(
  { permission: "portal:use", feature: "messages" },
  {
    method: "put",
    path: "/conversations/{id}/draft",
    operationId: "saveDraft",
    summary: "Keep the unfinished message",
    description: "One draft per person and conversation; publishing a message removes it.",
    request: {
      params: conversationId,
      body: body(
        z.object({
          body: z.string().max(messageLimits.bodyMaxLength * 2),
          notify: z.boolean().default(true),
        }),
      ),
    },
    responses: {
      200: json(z.object({ draft: draftSchema }), "Saved"),
      400: json(fieldRefusal, "Too long"),
      ...common,
    },
  },
);

const markReadRoute = personRoute(
  { permission: "portal:use", feature: "messages" },
  {
    method: "post",
    path: "/conversations/{id}/read",
    operationId: "markConversationRead",
    summary: "Read up to a message number",
    description: "Moves one's read position forward (never back); without `seq`, to the newest message.",
    request: {
      params: conversationId,
      body: { ...body(z.object({ seq: z.number().int().min(0).optional() })), required: false },
    },
    responses: {
      200: json(z.object({ ok: z.literal(true) }), "Read"),
      ...common,
    },
  },
);

/** A refusal of the body field: the reason in `failures` (an empty body is not an empty file) and what it tells. */
const bodyRefusals: Record<BodyError, { reason: "emptyBody" | "tooLong"; message: string }> = {
  empty: { reason: "emptyBody", message: "The message is empty" },
  tooLong: { reason: "tooLong", message: `A message has at most ${messageLimits.bodyMaxLength} characters` },
};

const filesRefusals: Record<FilesError, { reason: "tooMany" | "unknown" | "file_taken"; message: string }> = {
  tooMany: { reason: "tooMany", message: `A message takes at most ${messageLimits.files} files` },
  unknown: { reason: "unknown", message: "A file is not a finished upload of yours" },
  taken: { reason: "file_taken", message: "A file was sent or used already" },
};

const bodyRefused = (c: Context, error: BodyError) =>
  refuse(c, bodyRefusals[error].reason, bodyRefusals[error].message, { field: "body" });

export function registerMessageRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listConversationsRoute, async (c) => {
    const { deps, actor } = messaging(c);
    const rows = await inbox(deps, actor, c.req.valid("query"));
    return c.json(
      {
        conversations: rows.map((row) => ({
          id: row.id,
          clientUserId: row.clientUserId,
          clientName: row.clientName,
          subject: row.subject,
          lastSeq: row.lastSeq,
          lastMessageAt: row.lastMessageAt,
          unread: row.unread,
          participants: row.participants.map(participant),
        })),
      },
      200,
    );
  });

  api.openapi(getConversationRoute, async (c) => {
    const { deps, actor, origin } = messaging(c);
    const { id } = c.req.valid("param");
    const thread = await openThread(deps, actor, id, origin);
    if (!thread) return refuse(c, "notFound", "No such conversation of yours");
    if (thread.access === "existence") return refuse(c, "forbidden", "You take no part in this conversation");
    const after = c.req.valid("query").after;
    const messages = after === undefined ? thread.messages : await deps.store.messagesAfter(id, after, 200);
    return c.json(
      {
        id: thread.conversation.id,
        clientUserId: thread.conversation.clientUserId,
        subject: thread.conversation.subject,
        lastSeq: thread.conversation.lastSeq,
        participants: thread.participants.map(participant),
        messages: messages.map(shown),
        draft: thread.draft
          ? { body: thread.draft.body, notify: thread.draft.notify, updatedAt: thread.draft.updatedAt }
          : null,
      },
      200,
    );
  });

  api.openapi(sendMessageRoute, async (c) => {
    const { deps, actor, origin } = messaging(c);
    const input = c.req.valid("json");
    const result = await publish(deps, actor, { conversationId: c.req.valid("param").id, ...input }, origin);
    if (!result.ok && result.reason === "notFound")
      return refuse(c, "notFound", "No such conversation of yours");
    if (!result.ok && result.reason === "invalidFiles")
      return refuse(c, filesRefusals[result.error].reason, filesRefusals[result.error].message, {
        field: "fileIds",
      });
    if (!result.ok) return bodyRefused(c, result.error);
    return c.json({ message: shown(result.message) }, result.created ? 201 : 200);
  });

  api.openapi(saveDraftRoute, async (c) => {
    const { deps, actor } = messaging(c);
    const input = c.req.valid("json");
    const result = await saveDraft(deps, actor, { conversationId: c.req.valid("param").id, ...input });
    if (!result.ok && result.reason === "notFound")
      return refuse(c, "notFound", "No such conversation of yours");
    if (!result.ok) return bodyRefused(c, result.error);
    const { draft } = result;
    return c.json({ draft: { body: draft.body, notify: draft.notify, updatedAt: draft.updatedAt } }, 200);
  });

  api.openapi(markReadRoute, async (c) => {
    const { deps, actor } = messaging(c);
    const input = c.req.valid("json") as { seq?: number } | undefined;
    const read = await markRead(deps, actor, c.req.valid("param").id, input?.seq ?? Number.MAX_SAFE_INTEGER);
    if (!read) return refuse(c, "notFound", "No such conversation of yours");
    return c.json({ ok: true as const }, 200);
  });
}

function messaging(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  const actor: Actor = { id: account.id, role: account.role };
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  return { deps: c.get("services").messagingFor(tenant), actor, origin };
}

const participant = (person: Participant) => ({
  userId: person.userId,
  displayName: person.displayName,
  role: person.role,
  readSeq: person.readSeq,
});

const shown = (message: Message) => ({
  id: message.id,
  seq: message.seq,
  senderUserId: message.senderUserId,
  senderName: message.senderName,
  clientMessageId: message.clientMessageId,
  body: message.body,
  sentAt: message.sentAt,
  editedAt: message.editedAt,
  attachments: message.attachments,
});
