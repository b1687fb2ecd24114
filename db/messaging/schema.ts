import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Conversations between a client and staff of the tenant (core/messaging). Messages are numbered
 * per conversation (`seq`), so that a reader, a page or a live room, asks for "everything after n"
 * and a read position is one number.
 */

export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    /** The client the conversation is with; staff of their care team find it in their inbox. */
    clientUserId: text("client_user_id").notNull(),
    subject: text("subject").notNull(),
    createdByUserId: text("created_by_user_id").notNull(),
    createdAt: text("created_at").notNull(),
    /** The number of the newest message; the next message gets one more (0: none yet). */
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: text("last_message_at"),
    /** The client message id of the first message: the same form sent twice starts one conversation. */
    startKey: text("start_key"),
  },
  (table) => [
    index("conversations_client_idx").on(table.tenantId, table.clientUserId, table.lastMessageAt),
    index("conversations_recent_idx").on(table.tenantId, table.lastMessageAt),
    uniqueIndex("conversations_start_idx").on(table.tenantId, table.createdByUserId, table.startKey),
  ],
);

/** Who takes part, and how far each of them has read (`read_seq`). */
export const conversationParticipants = sqliteTable(
  "conversation_participants",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    userId: text("user_id").notNull(),
    readSeq: integer("read_seq").notNull().default(0),
    joinedAt: text("joined_at").notNull(),
  },
  (table) => [
    uniqueIndex("conversation_participants_pair_idx").on(table.tenantId, table.conversationId, table.userId),
    index("conversation_participants_user_idx").on(table.tenantId, table.userId),
  ],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    seq: integer("seq").notNull(),
    senderUserId: text("sender_user_id").notNull(),
    /** Chosen by the sender's browser or app: sending it again finds the stored message. */
    clientMessageId: text("client_message_id").notNull(),
    body: text("body").notNull(),
    /** Whether the others were told by mail/SMS (the sender may untick it, seed 000). */
    notified: integer("notified", { mode: "boolean" }).notNull(),
    sentAt: text("sent_at").notNull(),
    /** When the body last changed within the tenant's edit window; earlier bodies are in message_edits. */
    editedAt: text("edited_at"),
  },
  (table) => [
    uniqueIndex("messages_seq_idx").on(table.tenantId, table.conversationId, table.seq),
    uniqueIndex("messages_client_id_idx").on(
      table.tenantId,
      table.conversationId,
      table.senderUserId,
      table.clientMessageId,
    ),
    check("messages_seq_positive", sql`${table.seq} > 0`),
  ],
);

/** The body a message had before each edit: published words stay on record. */
export const messageEdits = sqliteTable(
  "message_edits",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    messageId: text("message_id").notNull(),
    previousBody: text("previous_body").notNull(),
    editedAt: text("edited_at").notNull(),
  },
  (table) => [index("message_edits_message_idx").on(table.tenantId, table.messageId, table.editedAt)],
);

/** One unfinished message per person and conversation, saved while they write. */
export const messageDrafts = sqliteTable(
  "message_drafts",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    userId: text("user_id").notNull(),
    body: text("body").notNull(),
    notify: integer("notify", { mode: "boolean" }).notNull().default(true),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [uniqueIndex("message_drafts_pair_idx").on(table.tenantId, table.conversationId, table.userId)],
);

/** Files (core/files) sent with a message; a file is on one message only. */
export const messageAttachments = sqliteTable(
  "message_attachments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    messageId: text("message_id").notNull(),
    fileId: text("file_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("message_attachments_message_idx").on(table.tenantId, table.messageId),
    uniqueIndex("message_attachments_file_idx").on(table.tenantId, table.fileId),
  ],
);
