import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { correspondentsOf, startConversation, type StartErrors } from "../../../core/messaging/inbox.ts";
import { messageLimits } from "../../../core/messaging/limits.ts";
import { Field, FormAlert } from "../../kernel/components/Field.tsx";
import { FileAttacher } from "../../kernel/components/files/FileAttacher.tsx";
import filesStyles from "../../kernel/components/files/files.css?url";
import type { KeptFile } from "../../kernel/components/files/use-uploads.ts";
import messagingStyles from "../components/messaging.css?url";
import { NotifyChoice, sendShortcut, useSendShortcut } from "../components/SendChoices.tsx";
import { keptFiles } from "../../kernel/files.server.ts";
import { parseForm } from "../../kernel/forms.server.ts";
import { startForm } from "../message-forms.server.ts";
import { newClientMessageId, requireMessaging } from "../messaging.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "messages" } satisfies Access;

export const handle = { i18n: ["messaging"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: messagingStyles },
  { rel: "stylesheet", href: filesStyles },
];

/**
 * A new conversation: a client writes to one or more of their care team (or, where the tenant
 * allows it, any practitioner); staff write to one of their clients.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, actor, deps } = requireMessaging(context, request, access);
  const correspondents = await correspondentsOf(deps, actor);
  const chosen = new URL(request.url).searchParams.get("to");
  return {
    tenantName: tenant.name,
    kind: correspondents.kind,
    people: correspondents.people,
    chosen: correspondents.people.some((person) => person.userId === chosen) ? chosen : null,
    clientMessageId: newClientMessageId(),
    maxFileMb: tenant.settings.files.maxFileMb,
  };
}

type Refusal = {
  errors: StartErrors;
  subject: string;
  to: string[];
  body: string;
  notify: boolean;
  length: number;
  kept: KeptFile[];
  /** The same form goes again with the same id, so a second press still starts one conversation. */
  clientMessageId: string;
};

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, deps, origin } = requireMessaging(context, request, access);
  const formData = await request.formData();
  const form = parseForm(startForm, formData);
  if (!form.ok && "clientMessageId" in form.errors) throw data(null, { status: 400 });
  const typed = {
    subject: form.values.subject ?? "",
    to: formData.getAll("to").map(String),
    body: form.values.body ?? "",
    notify: form.values.notify === "yes",
    clientMessageId: form.values.clientMessageId ?? "",
  };
  const kept = () => keptFiles(deps.files, actor.id, formData, messageLimits.files);
  if (!form.ok) {
    const { subject, to, body, file } = form.errors;
    const errors = { subject, to, body, files: file } as StartErrors;
    return data(
      { ...typed, errors, length: typed.body.trim().length, kept: await kept() } satisfies Refusal,
      400,
    );
  }
  const { file: fileIds, ...fields } = form.data;
  const input = { ...fields, fileIds };
  const result = await startConversation(deps, actor, input, origin);
  if (result.ok) return redirect(`/messages/${result.conversationId}?sent=1`);
  const refusal: Refusal = {
    ...typed,
    errors: result.errors,
    length: input.body.trim().length,
    kept: await kept(),
  };
  return data(refusal, 400);
}

export default function NewConversation() {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  useSendShortcut(form);
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>() as Refusal | undefined;
  const errors = refusal?.errors ?? {};
  const chosen = new Set(refusal?.to ?? (page.chosen ? [page.chosen] : []));
  const errorText = {
    subject: errors.subject
      ? t(`messaging.errors.subject.${errors.subject}`, { max: messageLimits.subjectMaxLength })
      : undefined,
    to: errors.to ? t(`messaging.errors.to.${errors.to}`) : undefined,
    body: errors.body
      ? t(`messaging.errors.body.${errors.body}`, {
          max: messageLimits.bodyMaxLength,
          count: refusal?.length ?? 0,
        })
      : undefined,
    files: errors.files ? t(`files.chosen.${errors.files}`, { max: messageLimits.files }) : undefined,
  };
  if (page.people.length === 0) {
    return (
      <section className="narrow">
        <h1>{t("messaging.start.title")}</h1>
        <p>
          {page.kind === "staff"
            ? t("messaging.start.noneStaff", { tenant: page.tenantName })
            : t("messaging.start.noneClients")}
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("messaging.start.title")}</h1>
      {refusal ? (
        <FormAlert title={t("messaging.start.failed")} answer={refusal}>
          <ul>
            {Object.values(errorText)
              .filter(Boolean)
              .map((text) => (
                <li key={text}>{text}</li>
              ))}
          </ul>
        </FormAlert>
      ) : null}
      <Form method="post" className="composer" ref={form}>
        <input
          type="hidden"
          name="clientMessageId"
          value={refusal?.clientMessageId ?? page.clientMessageId}
        />
        {page.kind === "staff" ? (
          <fieldset className="field" aria-describedby={errorText.to ? "to-error" : "to-hint"}>
            <legend>{t("messaging.start.toStaff")}</legend>
            <p id="to-hint" className="field__hint">
              {t("messaging.start.toStaffHint")}
            </p>
            {page.people.map((person) => (
              <label key={person.userId} className="choice">
                <input
                  type="checkbox"
                  name="to"
                  value={person.userId}
                  defaultChecked={chosen.has(person.userId)}
                />
                {person.displayName}
              </label>
            ))}
            {errorText.to ? (
              <p id="to-error" className="field__error">
                {errorText.to}
              </p>
            ) : null}
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor="to">{t("messaging.start.toClient")}</label>
            <select
              id="to"
              name="to"
              defaultValue={[...chosen][0] ?? ""}
              aria-invalid={errorText.to ? true : undefined}
              aria-describedby={errorText.to ? "to-error" : undefined}
            >
              <option value="">{t("messaging.start.choose")}</option>
              {page.people.map((person) => (
                <option key={person.userId} value={person.userId}>
                  {person.displayName}
                </option>
              ))}
            </select>
            {errorText.to ? (
              <p id="to-error" className="field__error">
                {errorText.to}
              </p>
            ) : null}
          </div>
        )}
        <Field
          name="subject"
          label={t("messaging.start.subject")}
          defaultValue={refusal?.subject ?? ""}
          maxLength={messageLimits.subjectMaxLength * 2}
          error={errorText.subject}
        />
        <div className="field">
          <label htmlFor="body">{t("messaging.composer.label")}</label>
          <textarea
            id="body"
            name="body"
            defaultValue={refusal?.body ?? ""}
            aria-invalid={errorText.body ? true : undefined}
            aria-describedby={errorText.body ? "body-error" : undefined}
          />
          {errorText.body ? (
            <p id="body-error" className="field__error">
              {errorText.body}
            </p>
          ) : null}
        </div>
        <FileAttacher
          id="message-files"
          name="file"
          label={t("messaging.composer.attachments")}
          max={messageLimits.files}
          maxFileMb={page.maxFileMb}
          kept={refusal?.kept}
          error={errorText.files}
        />
        <NotifyChoice staff={page.kind === "clients"} defaultChecked={refusal?.notify ?? true} />
        <div className="composer__actions">
          <button type="submit" className="button" data-send aria-keyshortcuts={sendShortcut}>
            {t("messaging.composer.send")}
          </button>
        </div>
      </Form>
    </section>
  );
}
