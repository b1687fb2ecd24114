import { and, asc, desc, eq, gt, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { fileKinds, type FileKindKey } from "../../core/kernel/files/rules.ts";
import { newId } from "../../core/kernel/ids.ts";
import type {
  Attachment,
  Conversation,
  ConversationSummary,
  Draft,
  Message,
  MessageEdit,
  MessagingStore,
  NewMessage,
  Participant,
  Published,
  Reply,
} from "../../core/messaging/ports.ts";
import { auditRow } from "../kernel/audit-log.ts";
import { claimFiles, filesFree } from "../kernel/files/file-store.ts";
import { auditEvents, careTeamMembers, users } from "../kernel/schema.ts";
import { files } from "../kernel/files/schema.ts";
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messageDrafts,
  messageEdits,
  messages,
} from "./schema.ts";
import {
  chunked,
  maxParameters,
  placeholdersOf,
  valuesOf,
  type Row,
  type TenantScope,
} from "../kernel/scope.ts";

const inboxLimit = 500;
/** Ids per `in (...)`, leaving room for the tenant and the other parameters of the statement. */
const idsPerQuery = maxParameters - 10;

/** The columns of a new message that `write` stores as they come. */
const messageRowOf = (message: NewMessage) => ({
  id: message.id,
  conversationId: message.conversationId,
  senderUserId: message.senderUserId,
  clientMessageId: message.clientMessageId,
  body: message.body,
  notified: message.notified,
  sentAt: message.sentAt,
});
type MessageRow = ReturnType<typeof messageRowOf>;

/** Conversations of one tenant's cell; every statement is scoped to the tenant. */
export class D1MessagingStore implements MessagingStore {
  readonly #scope: TenantScope;
  /** The batch that stores a message, prepared once per shape (number given or not, how many files). */
  readonly #writes = new Map<string, (values: Record<string, unknown>) => Promise<unknown[]>>();

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async find(conversationId: string): Promise<Conversation | null> {
    const row = await this.#scope.findById(conversations, conversationId);
    return row ? conversationOf(row) : null;
  }

  async participants(conversationId: string): Promise<Participant[]> {
    return (await this.#participantsOf([conversationId])).get(conversationId) ?? [];
  }

  async create(
    conversation: Conversation,
    participantIds: readonly string[],
    startKey: string | null = null,
  ): Promise<string> {
    const scope = this.#scope;
    // A second start with the same key writes nothing: its participants go in only with a
    // conversation of their own id, which the first start already took the key from.
    const inserted = sql`select 1 from ${conversations} where ${conversations.tenantId} = ${scope.tenantId}
      and ${conversations.id} = ${conversation.id}`;
    await scope.batch([
      scope.insert(conversations, { ...conversation, startKey }).onConflictDoNothing(),
      ...[...new Set(participantIds)].map((userId) =>
        scope.insertWhen(
          conversationParticipants,
          {
            id: newId("participant"),
            conversationId: conversation.id,
            userId,
            joinedAt: conversation.createdAt,
          },
          sql`exists (${inserted})`,
        ),
      ),
    ]);
    if (startKey === null) return conversation.id;
    return (await this.startedWith(conversation.createdByUserId, startKey)) ?? conversation.id;
  }

  async startedWith(createdByUserId: string, startKey: string): Promise<string | null> {
    const [started] = await this.#scope.list(conversations, {
      where: and(
        eq(conversations.createdByUserId, createdByUserId),
        eq(conversations.startKey, startKey),
      ) as SQL,
      limit: 1,
    });
    return started?.id ?? null;
  }

  publish(message: NewMessage): Promise<Published | null> {
    return this.write(message, null);
  }

  /**
   * Stores the message as `publish` does, under the number its conversation's chat room gave it
   * (`seq`), or with `null` under the next number the cell has. The room is the one writer of its
   * conversation and writes in the order it numbered (ADR 0016); the unique number per
   * conversation still refuses a number taken twice.
   */
  async write(message: NewMessage, seq: number | null): Promise<Published | null> {
    const stored = messageRowOf(message);
    const audit = auditRow(message.audit, message.sentAt);
    const shape = `${seq === null ? "next" : "given"}:${message.fileIds.length}`;
    let run = this.#writes.get(shape);
    if (!run) {
      const statements = this.#writeStatements(stored, audit, seq !== null, message.fileIds.length);
      run = this.#scope.prepareBatch(statements);
      this.#writes.set(shape, run);
    }
    const [, inserted, ...rest] = await run({
      ...valuesOf(stored, "message."),
      ...valuesOf(audit, "audit."),
      seq,
      participantId: newId("participant"),
      ...Object.fromEntries(
        message.fileIds.flatMap((fileId, index) => [
          [`file${index}`, fileId],
          [`attachment${index}`, newId("messageAttachment")],
        ]),
      ),
    });
    const [row] = inserted as Row<typeof messages>[];
    const [sender] = rest.at(-1) as Row<typeof users>[];
    // A new message without files is known whole from the batch; with files it is read back with them.
    if (row && sender && message.fileIds.length === 0)
      return { message: messageOf(row, sender.displayName, []), created: true };
    const found = await this.sent(message.conversationId, message.senderUserId, message.clientMessageId);
    // Its files went to another row (a document, another message) between the check and the write.
    if (!found && message.fileIds.length > 0) return null;
    if (!found) throw new Error(`The message ${message.id} was neither stored nor found`);
    return { message: found, created: row !== undefined };
  }

  /**
   * The batch that stores a message, with placeholders for its values (`write` fills them): the
   * message, its number, the sender's read position, the draft gone, the audit line, its files.
   */
  #writeStatements(
    row: MessageRow,
    audit: ReturnType<typeof auditRow>,
    seqGiven: boolean,
    fileCount: number,
  ) {
    const scope = this.#scope;
    const tenantId = scope.tenantId;
    const message = placeholdersOf(row, "message.");
    const sameMessage = sql`select 1 from ${messages} where ${messages.tenantId} = ${tenantId}
      and ${messages.conversationId} = ${message.conversationId}
      and ${messages.senderUserId} = ${message.senderUserId}
      and ${messages.clientMessageId} = ${message.clientMessageId}`;
    // Without a given number it is taken inside the batch, which D1 runs as one transaction: no
    // two messages of a conversation can get the same number, and a resent one takes none.
    const lastSeq = sql`(select ${conversations.lastSeq} from ${conversations}
      where ${conversations.tenantId} = ${tenantId} and ${conversations.id} = ${message.conversationId})`;
    const seq = sql`${sql.placeholder("seq")}`;
    const number = seqGiven ? seq : lastSeq;
    const storedNow = sql`select 1 from ${messages} where ${messages.tenantId} = ${tenantId} and ${messages.id} = ${message.id}`;
    const fileIds = Array.from({ length: fileCount }, (_, index) =>
      sql.placeholder(`file${index}`),
    ) as unknown as string[];
    // A message with files is numbered and stored only while its files are the sender's and free.
    const free = fileCount > 0 ? filesFree(scope, message.senderUserId, fileIds) : undefined;
    return [
      scope.updateWhere(
        conversations,
        and(eq(conversations.id, message.conversationId), sql`not exists (${sameMessage})`, free) as SQL,
        {
          lastSeq: seqGiven ? sql`max(${conversations.lastSeq}, ${seq})` : sql`${conversations.lastSeq} + 1`,
          lastMessageAt: message.sentAt,
        },
      ),
      (free
        ? scope.insertWhen(messages, { ...message, seq: number as unknown as number }, free)
        : scope.insert(messages, {
            ...message,
            // drizzle writes an SQL value as an expression; the row type only knows numbers.
            seq: number as unknown as number,
          })
      )
        .onConflictDoNothing()
        .returning(),
      // A resent message (same client message id) takes no files: only a message stored now does.
      ...fileIds.map((fileId, index) =>
        scope.insertWhen(
          messageAttachments,
          {
            id: sql.placeholder(`attachment${index}`) as unknown as string,
            conversationId: message.conversationId,
            messageId: message.id,
            fileId,
            createdAt: message.sentAt,
          },
          sql`exists (${storedNow})`,
        ),
      ),
      ...(fileCount > 0 ? [claimFiles(scope, fileIds, sql`exists (${storedNow})`)] : []),
      this.#readUpTo(
        message.conversationId,
        message.senderUserId,
        number,
        message.sentAt,
        sql.placeholder("participantId") as unknown as string,
      ),
      scope.deleteWhere(
        messageDrafts,
        and(
          eq(messageDrafts.conversationId, message.conversationId),
          eq(messageDrafts.userId, message.senderUserId),
        ) as SQL,
      ),
      scope.insertWhen(auditEvents, placeholdersOf(audit, "audit."), sql`exists (${storedNow})`),
      // The sender's name, so a new message needs no read after the batch.
      scope.select(users, { where: eq(users.id, message.senderUserId), limit: 1 }),
    ];
  }

  /** Who sent each message of the conversation under which client message id, and its number. */
  async sentKeys(
    conversationId: string,
  ): Promise<{ senderUserId: string; clientMessageId: string; seq: number }[]> {
    const rows = await this.#scope.list(messages, {
      where: eq(messages.conversationId, conversationId),
      orderBy: asc(messages.seq),
      limit: 1_000_000,
    });
    return rows.map(({ senderUserId, clientMessageId, seq }) => ({ senderUserId, clientMessageId, seq }));
  }

  async sentFile(conversationId: string, fileId: string): Promise<boolean> {
    const rows = await this.#scope.list(messageAttachments, {
      where: and(
        eq(messageAttachments.conversationId, conversationId),
        eq(messageAttachments.fileId, fileId),
      ) as SQL,
      limit: 1,
    });
    return rows.length > 0;
  }

  async sent(conversationId: string, senderUserId: string, clientMessageId: string): Promise<Message | null> {
    const found = await this.#messagesWhere(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.senderUserId, senderUserId),
        eq(messages.clientMessageId, clientMessageId),
      ) as SQL,
      asc(messages.seq),
      1,
    );
    return found[0] ?? null;
  }

  messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.#messagesWhere(
      and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)) as SQL,
      asc(messages.seq),
      limit,
    );
  }

  async latest(conversationId: string, limit: number): Promise<Message[]> {
    const newestFirst = await this.#messagesWhere(
      eq(messages.conversationId, conversationId),
      desc(messages.seq),
      limit,
    );
    return newestFirst.reverse();
  }

  async message(conversationId: string, messageId: string): Promise<Message | null> {
    const rows = await this.#messagesWhere(
      and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)) as SQL,
      asc(messages.seq),
      1,
    );
    return rows[0] ?? null;
  }

  async edits(conversationId: string): Promise<MessageEdit[]> {
    const rows = await this.#scope.joinMany(
      messageEdits,
      messages,
      eq(messages.id, messageEdits.messageId),
      eq(messages.conversationId, conversationId),
      { orderBy: asc(messageEdits.editedAt), limit: 1_000 },
    );
    return rows.map(({ left }) => ({
      messageId: left.messageId,
      previousBody: left.previousBody,
      editedAt: left.editedAt,
    }));
  }

  async edit(messageId: string, previousBody: string, body: string, at: string): Promise<void> {
    await this.#scope.batch([
      this.#scope.insert(messageEdits, { id: newId("messageEdit"), messageId, previousBody, editedAt: at }),
      this.#scope.update(messages, messageId, { body, editedAt: at }),
    ]);
  }

  async markRead(conversationId: string, userId: string, seq: number, at: string): Promise<void> {
    await this.#readUpTo(conversationId, userId, sql`${seq}`, at);
  }

  async draft(conversationId: string, userId: string): Promise<Draft | null> {
    const row = await this.#scope.findOne(
      messageDrafts,
      and(eq(messageDrafts.conversationId, conversationId), eq(messageDrafts.userId, userId)),
    );
    return row
      ? { conversationId: row.conversationId, body: row.body, notify: row.notify, updatedAt: row.updatedAt }
      : null;
  }

  async saveDraft(userId: string, draft: Draft): Promise<void> {
    await this.#scope
      .insert(messageDrafts, { id: newId("messageDraft"), userId, ...draft })
      .onConflictDoUpdate({
        target: [messageDrafts.tenantId, messageDrafts.conversationId, messageDrafts.userId],
        set: { body: draft.body, notify: draft.notify, updatedAt: draft.updatedAt },
      });
  }

  async conversationsFor(query: {
    userId: string;
    withCareTeam: boolean;
    limit: number;
  }): Promise<ConversationSummary[]> {
    const tenantId = this.#scope.tenantId;
    const taking = sql`${conversations.id} in (select ${conversationParticipants.conversationId}
      from ${conversationParticipants} where ${conversationParticipants.tenantId} = ${tenantId}
      and ${conversationParticipants.userId} = ${query.userId})`;
    const ofTeam = sql`${conversations.clientUserId} in (select ${careTeamMembers.clientUserId}
      from ${careTeamMembers} where ${careTeamMembers.tenantId} = ${tenantId}
      and ${careTeamMembers.staffUserId} = ${query.userId})`;
    const where = query.withCareTeam ? or(taking, ofTeam) : taking;
    return this.#summaries(query.userId, where, Math.min(query.limit, inboxLimit));
  }

  allConversations(userId: string, limit: number): Promise<ConversationSummary[]> {
    return this.#summaries(userId, undefined, Math.min(limit, inboxLimit));
  }

  async repliesTo(userId: string, limit: number): Promise<Reply[]> {
    // One line per conversation, its newest message from someone else: three replies in one
    // conversation are one thing to read, not three.
    const newestReply = sql`${messages.seq} = (select max(newer.seq) from ${messages} as newer
      where newer.conversation_id = ${messages.conversationId} and newer.sender_user_id <> ${userId})`;
    const rows = await this.#scope.joinMany(
      messages,
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, messages.conversationId),
        eq(conversationParticipants.userId, userId),
      ) as SQL,
      and(ne(messages.senderUserId, userId), newestReply),
      { orderBy: desc(messages.sentAt), limit },
    );
    const conversationIds = [...new Set(rows.map(({ left }) => left.conversationId))];
    const senderIds = [...new Set(rows.map(({ left }) => left.senderUserId))];
    const [subjects, senders] = await Promise.all([
      conversationIds.length
        ? this.#scope.list(conversations, { where: inArray(conversations.id, conversationIds), limit })
        : [],
      senderIds.length ? this.#scope.list(users, { where: inArray(users.id, senderIds), limit }) : [],
    ]);
    const subjectOf = new Map(subjects.map((row) => [row.id, row.subject]));
    const nameOf = new Map(senders.map((row) => [row.id, row.displayName]));
    return rows.map(({ left }) => ({
      conversationId: left.conversationId,
      subject: subjectOf.get(left.conversationId) ?? "",
      senderName: nameOf.get(left.senderUserId) ?? "",
      seq: left.seq,
      sentAt: left.sentAt,
    }));
  }

  async clientsOf(staffUserId: string): Promise<{ userId: string; displayName: string }[]> {
    const rows = await this.#scope.joinMany(
      careTeamMembers,
      users,
      eq(users.id, careTeamMembers.clientUserId),
      eq(careTeamMembers.staffUserId, staffUserId),
      { orderBy: asc(users.displayName), limit: 1_000 },
    );
    return rows
      .filter(({ right }) => right.status !== "disabled")
      .map(({ right }) => ({ userId: right.id, displayName: right.displayName }));
  }

  async staff(): Promise<{ userId: string; displayName: string }[]> {
    const rows = await this.#scope.list(users, {
      where: and(inArray(users.role, ["staff", "admin"]), eq(users.status, "active")),
      orderBy: asc(users.displayName),
      limit: 1_000,
    });
    return rows.map((row) => ({ userId: row.id, displayName: row.displayName }));
  }

  /** Inserts the participant or moves their read position forward to `seq`, never back. */
  #readUpTo(conversationId: string, userId: string, seq: SQL, at: string, id: string = newId("participant")) {
    return this.#scope
      .insert(conversationParticipants, {
        id,
        conversationId,
        userId,
        readSeq: seq as unknown as number,
        joinedAt: at,
      })
      .onConflictDoUpdate({
        target: [
          conversationParticipants.tenantId,
          conversationParticipants.conversationId,
          conversationParticipants.userId,
        ],
        set: { readSeq: sql`max(${conversationParticipants.readSeq}, excluded.read_seq)` },
      });
  }

  async #messagesWhere(where: SQL, orderBy: SQL, limit: number): Promise<Message[]> {
    const rows = await this.#scope.joinMany(messages, users, eq(users.id, messages.senderUserId), where, {
      orderBy,
      limit,
    });
    const ids = rows.map(({ left }) => left.id);
    const linked = (
      await Promise.all(
        chunked(ids, idsPerQuery).map((some) =>
          this.#scope.joinMany(
            messageAttachments,
            files,
            eq(files.id, messageAttachments.fileId),
            inArray(messageAttachments.messageId, some),
            { orderBy: asc(messageAttachments.createdAt), limit: 1_000 },
          ),
        ),
      )
    ).flat();
    const byMessage = new Map<string, Attachment[]>();
    for (const { left, right } of linked) {
      const list = byMessage.get(left.messageId) ?? [];
      const kind = fileKinds[right.kind as FileKindKey];
      list.push({
        id: right.id,
        fileName: right.name,
        contentType: kind.mime,
        size: right.size,
        inline: kind.inline,
      });
      byMessage.set(left.messageId, list);
    }
    return rows.map(({ left, right }) => messageOf(left, right.displayName, byMessage.get(left.id) ?? []));
  }

  async #summaries(userId: string, where: SQL | undefined, limit: number): Promise<ConversationSummary[]> {
    const rows = await this.#scope.joinMany(
      conversations,
      users,
      eq(users.id, conversations.clientUserId),
      where,
      {
        orderBy: desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`),
        limit,
      },
    );
    const people = await this.#participantsOf(rows.map(({ left }) => left.id));
    return rows.map(({ left, right }) => {
      const participants = people.get(left.id) ?? [];
      const own = participants.find((participant) => participant.userId === userId);
      return {
        ...conversationOf(left),
        clientName: right.displayName,
        participants,
        // A read position can run a moment ahead of the cell's newest number while the chat room
        // writes what it already sent on (ADR 0016).
        unread: Math.max(0, left.lastSeq - (own?.readSeq ?? 0)),
      };
    });
  }

  async #participantsOf(conversationIds: readonly string[]): Promise<Map<string, Participant[]>> {
    const result = new Map<string, Participant[]>();
    const rows = (
      await Promise.all(
        chunked(conversationIds, idsPerQuery).map((some) =>
          this.#scope.joinMany(
            conversationParticipants,
            users,
            eq(users.id, conversationParticipants.userId),
            inArray(conversationParticipants.conversationId, some),
            { orderBy: asc(users.displayName), limit: 5_000 },
          ),
        ),
      )
    ).flat();
    for (const { left, right } of rows) {
      const list = result.get(left.conversationId) ?? [];
      list.push({
        userId: right.id,
        displayName: right.displayName,
        role: right.role,
        readSeq: left.readSeq,
      });
      result.set(left.conversationId, list);
    }
    return result;
  }
}

function messageOf(row: Row<typeof messages>, senderName: string, attachments: Attachment[]): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    senderUserId: row.senderUserId,
    senderName,
    clientMessageId: row.clientMessageId,
    body: row.body,
    sentAt: row.sentAt,
    editedAt: row.editedAt,
    attachments,
  };
}

function conversationOf(row: Row<typeof conversations>): Conversation {
  return {
    id: row.id,
    clientUserId: row.clientUserId,
    subject: row.subject,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt,
    lastSeq: row.lastSeq,
    lastMessageAt: row.lastMessageAt,
  };
}
