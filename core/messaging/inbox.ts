import type { RequestOrigin } from "../kernel/audit/audit.ts";
import { chooseFiles } from "../kernel/files/links.ts";
import { newId } from "../kernel/ids.ts";
import {
  checkBody,
  publish,
  type BodyError,
  type FilesError,
  type MessagingDeps,
  type PublishResult,
} from "./conversation.ts";
import type { Actor, ConversationSummary } from "./ports.ts";
import { messageLimits } from "./settings.ts";

export type InboxFilter = "all" | "unread";

/** An inbox row; `subject` is absent for an admin who takes no part (they see that it exists). */
export type InboxRow = Omit<ConversationSummary, "subject"> & { subject: string | null };

/**
 * A client sees their own conversations; staff those they take part in and those of the clients
 * in their care; an admin also every other conversation of the tenant, without its subject.
 * The search looks at the client's name and the subject, never at what was written.
 */
export async function inbox(
  deps: MessagingDeps,
  actor: Actor,
  query: { filter: InboxFilter; search: string },
): Promise<InboxRow[]> {
  const staff = actor.role === "staff" || actor.role === "admin";
  const own = await deps.store.conversationsFor({ userId: actor.id, withCareTeam: staff, limit: 500 });
  const rows: InboxRow[] = own;
  if (actor.role === "admin") {
    const seen = new Set(own.map((row) => row.id));
    const others = (await deps.store.allConversations(actor.id, 500)).filter((row) => !seen.has(row.id));
    rows.push(...others.map((row) => ({ ...row, subject: null, unread: 0 })));
  }
  const words = query.search.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (query.filter === "all" || row.unread > 0) &&
      (!words ||
        row.clientName.toLocaleLowerCase().includes(words) ||
        (row.subject ?? "").toLocaleLowerCase().includes(words)),
  );
}

/** Whom this person can start a conversation with. */
export type Correspondents =
  | { kind: "staff"; people: { userId: string; displayName: string }[] }
  | { kind: "clients"; people: { userId: string; displayName: string }[] };

export async function correspondentsOf(deps: MessagingDeps, actor: Actor): Promise<Correspondents> {
  if (actor.role === "client") {
    const people = deps.settings.clientsWriteToAllStaff
      ? await deps.store.staff()
      : (await deps.careTeams.coachesOf(actor.id)).map(({ userId, displayName }) => ({
          userId,
          displayName,
        }));
    return { kind: "staff", people };
  }
  return { kind: "clients", people: await deps.store.clientsOf(actor.id) };
}

export type StartInput = {
  subject: string;
  /** For a client: the staff to write to; for staff: the one client. */
  to: string[];
  body: string;
  notify: boolean;
  clientMessageId: string;
  /** The sender's finished uploads (core/files) to send with the first message. */
  fileIds?: readonly string[];
};

export type StartErrors = Partial<{
  subject: "empty" | "tooLong";
  to: "empty" | "unknown";
  body: BodyError;
  files: FilesError;
}>;

export type StartResult =
  { ok: true; conversationId: string; publish: PublishResult } | { ok: false; errors: StartErrors };

/** A new conversation with its first message; every field is checked before anything is written. */
export async function startConversation(
  deps: MessagingDeps,
  actor: Actor,
  input: StartInput,
  origin: RequestOrigin,
): Promise<StartResult> {
  const errors: StartErrors = {};
  const subject = input.subject.trim();
  if (!subject) errors.subject = "empty";
  else if (subject.length > messageLimits.subjectMaxLength) errors.subject = "tooLong";
  const fileIds = input.fileIds ?? [];
  const bodyError = checkBody(input.body, fileIds.length > 0);
  if (bodyError) errors.body = bodyError;
  // The same form sent again (a double click, a retry) finds the conversation it started.
  const earlier = await deps.store.startedWith(actor.id, input.clientMessageId);
  // Checked before anything is written, so a refused file leaves no conversation without its message.
  const files = earlier ? null : await chooseFiles(deps.files, actor.id, fileIds, messageLimits.files);
  if (files && !files.ok) errors.files = files.error;
  const chosen = [...new Set(input.to)];
  const allowed = new Set((await correspondentsOf(deps, actor)).people.map((person) => person.userId));
  if (chosen.length === 0) errors.to = "empty";
  else if (chosen.some((id) => !allowed.has(id)) || (actor.role !== "client" && chosen.length > 1))
    errors.to = "unknown";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = deps.now();
  const clientUserId = actor.role === "client" ? actor.id : chosen[0]!;
  const fresh = newId("conversation", now.getTime());
  const id =
    earlier ??
    (await deps.store.create(
      {
        id: fresh,
        clientUserId,
        subject,
        createdByUserId: actor.id,
        createdAt: now.toISOString(),
        lastSeq: 0,
        lastMessageAt: null,
      },
      [actor.id, ...chosen],
      input.clientMessageId,
    ));
  if (id === fresh)
    await deps.audit.record({
      action: "messages.conversation.start",
      result: "success",
      actorUserId: actor.id,
      clientUserId,
      targetType: "conversation",
      targetId: id,
      ...origin,
    });
  const sent = await publish(
    deps,
    actor,
    {
      conversationId: id,
      clientMessageId: input.clientMessageId,
      body: input.body,
      notify: input.notify,
      fileIds,
    },
    origin,
  );
  return { ok: true, conversationId: id, publish: sent };
}
