import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { markRead, publish, type BodyError, type FilesError } from "../../../core/messaging/conversation.ts";
import type { Message, MessageEdit, Participant } from "../../../core/messaging/ports.ts";
import { messageLimits } from "../../../core/messaging/limits.ts";
import { editMessage, openThread, saveDraft } from "../../../core/messaging/thread.ts";
import { LiveConversation, liveConversationStyles } from "../components/LiveConversation.tsx";
import { FileLinks } from "../../kernel/components/files/FileLinks.tsx";
import { fileSize } from "../../kernel/components/files/file-size.ts";
import { localeOf } from "../../kernel/i18n/format.server.ts";
import { Composer } from "../components/Composer.tsx";
import type { KeptFile } from "../../kernel/components/files/use-uploads.ts";
import filesStyles from "../../kernel/components/files/files.css?url";
import messagingStyles from "../components/messaging.css?url";
import { keptFiles } from "../../kernel/files.server.ts";
import { parseForm } from "../../kernel/forms.server.ts";
import { threadForm } from "../message-forms.server.ts";
import { newClientMessageId, requireMessaging } from "../messaging.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "messages" } satisfies Access;

export const handle = { i18n: ["messaging"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: messagingStyles },
  { rel: "stylesheet", href: filesStyles },
  { rel: "stylesheet", href: liveConversationStyles },
];

/**
 * One conversation: the messages with sender, time on the viewer's clock and who read them, the
 * draft, and the box to write. Opening it is recorded in the audit log and counts as reading
 * everything shown. An admin who takes no part sees who and when, never what.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { account, actor, deps, origin, at, zone, tenant } = requireMessaging(context, request, access);
  const id = params.id ?? "";
  const thread = await openThread(deps, actor, id, origin);
  if (!thread) throw data(null, { status: 404 });
  if (thread.access === "existence") {
    return {
      kind: "existence" as const,
      zone,
      clientName: nameOf(thread.participants, thread.conversation.clientUserId),
      participants: thread.participants.map((person) => person.displayName),
      started: at(thread.conversation.createdAt),
      count: thread.conversation.lastSeq,
    };
  }
  await markRead(deps, actor, id, thread.conversation.lastSeq);
  const { conversation, participants } = thread;
  const url = new URL(request.url);
  return {
    kind: "thread" as const,
    zone,
    id,
    subject: conversation.subject,
    sent: url.searchParams.has("sent"),
    others: participants.filter((person) => person.userId !== account.id).map((person) => person.displayName),
    messages: thread.messages.map((message) =>
      shown(message, {
        own: message.senderUserId === account.id,
        fromClient: message.senderUserId === conversation.clientUserId,
        readers: readersOf(message, participants, account.id),
        history: thread.edits.filter((edit) => edit.messageId === message.id),
        editableUntil: thread.editable.includes(message.id)
          ? at(new Date(Date.parse(message.sentAt) + deps.settings.editMinutes * 60_000).toISOString())
          : null,
        at,
        locale: localeOf(context.language),
      }),
    ),
    draft: thread.draft
      ? { body: thread.draft.body, notify: thread.draft.notify, savedAt: at(thread.draft.updatedAt) }
      : null,
    // A new id per page: pressing "publish" twice, or the browser resending, stores one message.
    clientMessageId: newClientMessageId(),
    maxFileMb: tenant.settings.files.maxFileMb,
    staff: actor.role !== "client",
  };
}

type Refusal = {
  intent: "publish" | "draft" | "edit";
  body: string;
  notify: boolean;
  messageId?: string;
  error: BodyError | "closed" | null;
  length: number;
  filesError?: FilesError;
  /** The finished files the refused message was to take, so they stay in the composer. */
  kept?: KeptFile[];
};

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, deps, origin } = requireMessaging(context, request, access);
  const id = params.id ?? "";
  const formData = await request.formData();
  const form = parseForm(threadForm, formData);
  const body = form.values.body ?? "";
  const notify = form.values.notify === "yes";
  const refused = (refusal: Omit<Refusal, "body" | "notify" | "length">) =>
    data({ ...refusal, body, notify, length: body.trim().length } satisfies Refusal, 400);
  // Every field but the text is the page's own: a wrong one is no typing error to show.
  if (!form.ok) throw data(null, { status: 400 });
  const input = form.data;

  if (input.intent === "draft") {
    const result = await saveDraft(deps, actor, { conversationId: id, body, notify });
    if (result.ok) return redirect(`/messages/${id}`);
    if (result.reason === "notFound") throw data(null, { status: 404 });
    return refused({ intent: input.intent, error: result.error });
  }
  if (input.intent === "publish") {
    const { clientMessageId, file: fileIds } = input;
    const result = await publish(
      deps,
      actor,
      { conversationId: id, clientMessageId, body, notify, fileIds },
      origin,
    );
    if (result.ok) return redirect(`/messages/${id}?sent=1#message-${result.message.seq}`);
    if (result.reason === "notFound") throw data(null, { status: 404 });
    const kept = await keptFiles(deps.files, actor.id, formData, messageLimits.files);
    if (result.reason === "invalidFiles")
      return refused({ intent: input.intent, error: null, filesError: result.error, kept });
    return refused({ intent: input.intent, error: result.error, kept });
  }
  const { messageId } = input;
  const result = await editMessage(deps, actor, { conversationId: id, messageId, body }, origin);
  if (result.ok) return redirect(`/messages/${id}`);
  if (result.reason === "notFound") throw data(null, { status: 404 });
  return refused({ intent: input.intent, messageId, error: "error" in result ? result.error : "closed" });
}

const nameOf = (participants: Participant[], userId: string) =>
  participants.find((person) => person.userId === userId)?.displayName ?? "";

/** Who besides the sender has read up to this message. */
function readersOf(message: Message, participants: Participant[], viewerId: string): string[] {
  return participants
    .filter((person) => person.userId !== message.senderUserId && person.userId !== viewerId)
    .filter((person) => person.readSeq >= message.seq)
    .map((person) => person.displayName);
}

function shown(
  message: Message,
  options: {
    own: boolean;
    fromClient: boolean;
    readers: string[];
    history: MessageEdit[];
    editableUntil: string | null;
    at: (instant: string) => string;
    locale: string;
  },
) {
  return {
    id: message.id,
    seq: message.seq,
    senderName: message.senderName,
    body: message.body,
    sentAt: options.at(message.sentAt),
    editedAt: message.editedAt ? options.at(message.editedAt) : null,
    history: options.history.map((edit) => ({ body: edit.previousBody, until: options.at(edit.editedAt) })),
    own: options.own,
    fromClient: options.fromClient,
    readers: options.readers,
    editableUntil: options.editableUntil,
    attachments: message.attachments.map((file) => ({
      id: file.id,
      href: `/messages/${message.conversationId}/files/${file.id}`,
      name: file.fileName,
      size: fileSize(file.size, options.locale),
      inline: file.inline,
    })),
  };
}

export default function Conversation() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>() as Refusal | undefined;
  if (page.kind === "existence") {
    return (
      <section className="narrow">
        <p>
          <Link to="/messages">{t("messaging.thread.back")}</Link>
        </p>
        <h1>{t("messaging.hiddenSubject", { name: page.clientName })}</h1>
        <p className="notice">{t("messaging.hidden")}</p>
        <dl>
          <dt>{t("messaging.thread.participants")}</dt>
          <dd>{page.participants.join(", ")}</dd>
          <dt>{t("messaging.thread.overview")}</dt>
          <dd>
            {t("messaging.startedAt", { date: page.started })} ·{" "}
            {t("messaging.thread.messageCount", { count: page.count })}
          </dd>
        </dl>
      </section>
    );
  }
  const bodyError = (error: Refusal["error"], length: number) =>
    error === null
      ? null
      : error === "closed"
        ? t("messaging.errors.edit.closed")
        : t(`messaging.errors.body.${error}`, { max: messageLimits.bodyMaxLength, count: length });
  const composerRefusal = refusal && refusal.intent !== "edit" ? refusal : null;
  return (
    <section className="narrow">
      <p>
        <Link to="/messages">{t("messaging.thread.back")}</Link>
      </p>
      <h1>{page.subject}</h1>
      <p className="item-list__meta">{t("messaging.with", { names: page.others.join(", ") })}</p>
      <p className="zone-note">{t("messaging.zone", { zone: page.zone })}</p>
      {page.sent ? (
        <p className="notice notice--success" role="status">
          {t("messaging.thread.sent")}
        </p>
      ) : null}
      {page.messages.length === 0 ? <p>{t("messaging.thread.empty")}</p> : null}
      <ol className="thread">
        {page.messages.map((message) => (
          <li
            key={message.id}
            id={`message-${message.seq}`}
            className={`bubble ${message.fromClient ? "bubble--client" : "bubble--coach"}`}
          >
            <p className="bubble__meta">
              {message.own
                ? t("messaging.thread.you")
                : t("messaging.thread.from", { name: message.senderName })}{" "}
              · <time>{message.sentAt}</time>
              {message.editedAt ? <> · {t("messaging.thread.edited", { date: message.editedAt })}</> : null}
            </p>
            {message.body ? <p className="bubble__body">{message.body}</p> : null}
            <FileLinks files={message.attachments} />
            {message.own ? (
              <p className="bubble__receipt">
                {message.readers.length > 0
                  ? t("messaging.thread.readBy", { names: message.readers.join(", ") })
                  : t("messaging.thread.notReadYet")}
              </p>
            ) : null}
            {message.history.length > 0 ? (
              <details>
                <summary>{t("messaging.thread.history")}</summary>
                <ul className="bubble__history">
                  {message.history.map((edit) => (
                    <li key={edit.until}>
                      {t("messaging.thread.earlier", { date: edit.until })}{" "}
                      <span className="bubble__body">{edit.body}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {message.editableUntil ? (
              <details open={refusal?.intent === "edit" && refusal.messageId === message.id}>
                <summary>{t("messaging.thread.edit")}</summary>
                <Form method="post">
                  <input type="hidden" name="messageId" value={message.id} />
                  <div className="field">
                    <label htmlFor={`edit-${message.id}`}>{t("messaging.composer.label")}</label>
                    <textarea
                      id={`edit-${message.id}`}
                      name="body"
                      defaultValue={
                        refusal?.intent === "edit" && refusal.messageId === message.id
                          ? refusal.body
                          : message.body
                      }
                      aria-describedby={`edit-${message.id}-hint`}
                    />
                    {refusal?.intent === "edit" && refusal.messageId === message.id ? (
                      <p className="field__error">{bodyError(refusal.error, refusal.length)}</p>
                    ) : null}
                    <p id={`edit-${message.id}-hint`} className="field__hint">
                      {t("messaging.thread.editUntil", { time: message.editableUntil })}
                    </p>
                  </div>
                  <button type="submit" name="intent" value="edit" className="button button--secondary">
                    {t("messaging.thread.editSave")}
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <LiveConversation
        conversationId={page.id}
        after={page.messages.at(-1)?.seq ?? 0}
        timeZone={page.zone}
        composerId="body"
      />
      {page.draft && !composerRefusal ? (
        <p>
          <span className="draft-badge">{t("messaging.thread.draftStatus")}</span>{" "}
          {t("messaging.thread.draftSaved", { time: page.draft.savedAt })}
        </p>
      ) : null}
      <Composer
        key={page.clientMessageId}
        conversationId={page.id}
        clientMessageId={page.clientMessageId}
        body={composerRefusal?.body ?? page.draft?.body ?? ""}
        notify={composerRefusal?.notify ?? page.draft?.notify ?? true}
        staff={page.staff}
        error={composerRefusal ? bodyError(composerRefusal.error, composerRefusal.length) : null}
        files={{
          kept: composerRefusal?.kept ?? [],
          error: composerRefusal?.filesError
            ? t(`files.chosen.${composerRefusal.filesError}`, { max: messageLimits.files })
            : undefined,
          maxFileMb: page.maxFileMb,
        }}
      />
    </section>
  );
}
