import type { AuditEvent } from "../kernel/audit/audit.ts";
import type { Role } from "../kernel/auth/permissions.ts";

/**
 * The interfaces of messaging. The pages, the API and the live chat room all go through
 * core/messaging/conversation.ts over these ports, so a message is stored, numbered and
 * announced the same way whichever door it came in by.
 */

/** The signed-in person acting. */
export type Actor = { id: string; role: Role };

export type Conversation = {
  id: string;
  clientUserId: string;
  subject: string;
  createdByUserId: string;
  createdAt: string;
  /** The number of the newest message (0: none yet). */
  lastSeq: number;
  lastMessageAt: string | null;
};

export type Participant = {
  userId: string;
  displayName: string;
  role: Role;
  /** Everything up to and including this message number has been read. */
  readSeq: number;
};

/** A file sent with a message (core/files); `id` is the file's, `inline` when a browser may show it. */
export type Attachment = { id: string; fileName: string; contentType: string; size: number; inline: boolean };

/** A published message as everyone who may read it sees it. */
export type Message = {
  id: string;
  conversationId: string;
  seq: number;
  senderUserId: string;
  senderName: string;
  clientMessageId: string;
  body: string;
  sentAt: string;
  editedAt: string | null;
  attachments: Attachment[];
};

/** An earlier body of an edited message. */
export type MessageEdit = { messageId: string; previousBody: string; editedAt: string };

export type Draft = { conversationId: string; body: string; notify: boolean; updatedAt: string };

/** A row of an inbox: the conversation with its people and the reader's unread count. */
export type ConversationSummary = Conversation & {
  clientName: string;
  participants: Participant[];
  /** Messages after the reader's read position; 0 for someone who does not take part. */
  unread: number;
};

export type NewMessage = {
  id: string;
  conversationId: string;
  senderUserId: string;
  clientMessageId: string;
  body: string;
  notified: boolean;
  sentAt: string;
  /** Finished uploads (core/files) that go with the message, linked in the same batch. */
  fileIds: string[];
  /** The audit line of the send, written in the same batch: a stored message is an audited one. */
  audit: AuditEvent;
};

/** A stored message; `created` false when this sender had sent this client message id here before. */
export type Published = { message: Message; created: boolean };

/** A message someone else wrote to the reader, without its text. */
export type Reply = {
  conversationId: string;
  subject: string;
  senderName: string;
  seq: number;
  sentAt: string;
};

/** The tenant's conversations; implemented in db/messaging/store.ts. */
export interface MessagingStore {
  find(conversationId: string): Promise<Conversation | null>;
  participants(conversationId: string): Promise<Participant[]>;
  /**
   * A new conversation with its participants, in one batch; its id. With a `startKey` (the first
   * message's client message id) a second start by the same person writes nothing and returns the
   * id of the conversation the first one started.
   */
  create(conversation: Conversation, participantIds: readonly string[], startKey?: string): Promise<string>;
  /** The conversation this person started with this key, if any. */
  startedWith(createdByUserId: string, startKey: string): Promise<string | null>;
  /**
   * Numbers and stores the message in one batch with its audit line, makes the sender a
   * participant who has read it, and drops their draft. When this sender already sent this client message id here, nothing is
   * written and the stored message comes back with `created: false`. Null when its files were
   * taken by another row (a document, another message) meanwhile: then nothing is written.
   */
  publish(message: NewMessage): Promise<Published | null>;
  /** Whether this file was sent with a message of this conversation. */
  sentFile(conversationId: string, fileId: string): Promise<boolean>;
  /** The message this sender sent here under this client message id, if any. */
  sent(conversationId: string, senderUserId: string, clientMessageId: string): Promise<Message | null>;
  /** Messages numbered above `afterSeq`, oldest first, at most `limit`. */
  messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** The newest `limit` messages, oldest first. */
  latest(conversationId: string, limit: number): Promise<Message[]>;
  message(conversationId: string, messageId: string): Promise<Message | null>;
  edits(conversationId: string): Promise<MessageEdit[]>;
  /** Replaces the body and keeps the old one in the edit history, in one batch. */
  edit(messageId: string, previousBody: string, body: string, at: string): Promise<void>;
  /** Moves the person's read position forward to `seq` (never back); makes them a participant if they were not. */
  markRead(conversationId: string, userId: string, seq: number, at: string): Promise<void>;
  draft(conversationId: string, userId: string): Promise<Draft | null>;
  saveDraft(userId: string, draft: Draft): Promise<void>;
  /** Conversations the person takes part in and, with `withCareTeam`, those of the clients in their care. */
  conversationsFor(query: {
    userId: string;
    withCareTeam: boolean;
    limit: number;
  }): Promise<ConversationSummary[]>;
  /** Every conversation of the tenant, for an admin's overview (no content). */
  allConversations(userId: string, limit: number): Promise<ConversationSummary[]>;
  /** The newest message from someone else in each of the person's conversations, newest first. */
  repliesTo(userId: string, limit: number): Promise<Reply[]>;
  /** The clients whose care team this staff member is in. */
  clientsOf(staffUserId: string): Promise<{ userId: string; displayName: string }[]>;
  /** Active staff and admins of the tenant, for tenants that let clients write to any of them. */
  staff(): Promise<{ userId: string; displayName: string }[]>;
}

/**
 * Where a stored message goes to reach people who have the conversation open live (the chat
 * room). `publish` calls it after the message is stored, whichever door the message came in by.
 */
export interface LiveRoom {
  announce(conversationId: string, message: Message): Promise<void>;
}
