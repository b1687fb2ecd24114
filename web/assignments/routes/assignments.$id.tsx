import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { limits, type AssignmentStatus } from "../../../core/assignments/assignment.ts";
import {
  assignmentForStaff,
  giveFeedback,
  handIn,
  openAssignment,
  type EntryOutcome,
} from "../../../core/assignments/desk.ts";
import { descriptionHtml, requireAssignments, shownFiles, shownThread } from "../assignments.server.ts";
import { Description, StatusBadge, Thread } from "../components/AssignmentParts.tsx";
import styles from "../components/assignments.css?url";
import { FileAttacher } from "../../kernel/components/files/FileAttacher.tsx";
import { FileLinks } from "../../kernel/components/files/FileLinks.tsx";
import filesStyles from "../../kernel/components/files/files.css?url";
import type { KeptFile } from "../../kernel/components/files/use-uploads.ts";
import { FormAlert, TextAreaField } from "../../kernel/components/Field.tsx";
import { keptFiles } from "../../kernel/files.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { parseForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { entryForm } from "../assignment-forms.server.ts";

export const access = { permission: "portal:use", feature: "assignments" } satisfies Access;

export const handle = { i18n: ["assignments"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: filesStyles },
];

/**
 * One assignment. Its client reads it (which makes it no longer new), hands in a response, reads
 * the feedback and may hand in again; the staff of the care teams of the clients it was set for
 * see each of those clients' hand-ins and give feedback. Anyone else: not found.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { account, actor, deps, origin, date, tenant } = requireAssignments(context, request, access);
  const id = params.id ?? "";
  if (account.role === "client") {
    const found = await openAssignment(deps, actor, id, origin);
    if (!found) throw data(null, { status: 404 });
    const { assignment, copy, files } = found;
    return {
      view: "client" as const,
      title: assignment.title,
      from: assignment.authorName,
      date: date(assignment.createdAt),
      html: descriptionHtml(assignment.description),
      files: shownFiles(assignment.id, files, context.language),
      status: copy.status,
      thread: shownThread(copy, date),
      handedInFiles: shownFiles(assignment.id, copy.files, context.language),
      maxFileMb: tenant.settings.files.maxFileMb,
    };
  }
  const found = await assignmentForStaff(deps, actor, id, origin);
  if (!found) throw data(null, { status: 404 });
  const { assignment, copies, files } = found;
  // Hand-ins awaiting feedback first, then by name.
  const order = (status: AssignmentStatus) => (status === "handedIn" ? 0 : 1);
  return {
    view: "staff" as const,
    title: assignment.title,
    from: assignment.authorName,
    date: date(assignment.createdAt),
    html: descriptionHtml(assignment.description),
    files: shownFiles(assignment.id, files, context.language),
    copies: copies
      .sort((a, b) => order(a.status) - order(b.status))
      .map((copy) => ({
        clientUserId: copy.clientUserId,
        name: copy.clientName,
        status: copy.status,
        thread: shownThread(copy, date),
        files: shownFiles(assignment.id, copy.files, context.language),
      })),
  };
}

type Refusal = {
  intent: "handIn" | "feedback";
  client: string;
  text: string;
  error: string;
  /** The hand-in's uploads, kept for the next try. */
  kept?: KeptFile[];
};

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, deps, origin } = requireAssignments(context, request, access);
  const id = params.id ?? "";
  const formData = await request.formData();
  const form = parseForm(entryForm, formData);
  throwIfUnknown(form, "client");
  if (!form.ok) throw data(null, { status: 400 });
  const input = form.data;
  const { text } = input;
  if (input.intent === "handIn") {
    // Files come as ids from the shared upload path (core/files), uploaded before the form is sent.
    const outcome = await handIn(deps, actor, id, { response: text, fileIds: input.file }, origin);
    const kept = outcome.ok ? [] : await keptFiles(deps.files, actor.id, formData, limits.files);
    return answer(
      outcome,
      { intent: "handIn", client: actor.id, text, kept },
      `/assignments/${id}?done=handedIn`,
    );
  }
  const { client } = input;
  const outcome = await giveFeedback(deps, actor, id, client, text, origin);
  return answer(
    outcome,
    { intent: "feedback", client, text },
    `/assignments/${id}?done=feedback#client-${client}`,
  );
}

function answer(outcome: EntryOutcome, sent: Omit<Refusal, "error">, done: string) {
  if (outcome.ok) return redirect(done);
  if (outcome.reason === "notFound") throw data(null, { status: 404 });
  if (outcome.reason === "wrongStatus")
    return data({ ...sent, error: outcome.status } satisfies Refusal, 409);
  const subject =
    outcome.reason === "invalidFiles" ? "files" : sent.intent === "handIn" ? "response" : "feedback";
  return data({ ...sent, error: `${subject}.${outcome.error}` } satisfies Refusal, 400);
}

export default function AssignmentPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{page.title}</h1>
      <p className="item-list__meta">{t("assignments.from", { name: page.from, date: page.date })}</p>
      <h2 className="section-title">{t("assignments.detail.description")}</h2>
      <Description html={page.html} />
      {page.files.length > 0 ? (
        <>
          <h2 className="section-title">{t("assignments.detail.files")}</h2>
          <FileLinks files={page.files} />
        </>
      ) : null}
      {page.view === "client" ? <ClientPart page={page} /> : <StaffPart page={page} />}
      <p>
        <Link to="/assignments">
          {t(page.view === "client" ? "assignments.back" : "assignments.backStaff")}
        </Link>
      </p>
    </section>
  );
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function ClientPart({ page }: { page: Extract<Page, { view: "client" }> }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const refused = useActionData<typeof action>();
  return (
    <>
      <h2 className="section-title">
        {t("assignments.detail.thread")}
        <StatusBadge status={page.status} />
      </h2>
      <Thread entries={page.thread} />
      {page.handedInFiles.length > 0 ? (
        <>
          <h3>{t("assignments.detail.handedInFiles")}</h3>
          <FileLinks files={page.handedInFiles} />
        </>
      ) : null}
      {params.get("done") === "handedIn" && !refused ? (
        <p className="notice notice--success" role="status">
          {t("assignments.detail.handedIn")}
        </p>
      ) : null}
      {page.status === "handedIn" ? (
        <p className="notice" role="status">
          {t("assignments.detail.waiting")}
        </p>
      ) : (
        <EntryForm
          intent="handIn"
          client=""
          label={t("assignments.detail.response")}
          hint={t(
            page.status === "reviewed" ? "assignments.detail.againHint" : "assignments.detail.responseHint",
          )}
          submit={t(
            page.status === "reviewed" ? "assignments.detail.handInAgain" : "assignments.detail.handIn",
          )}
          refused={refused}
          maxFileMb={page.maxFileMb}
        />
      )}
    </>
  );
}

function StaffPart({ page }: { page: Extract<Page, { view: "staff" }> }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const refused = useActionData<typeof action>();
  return (
    <>
      {params.get("done") === "feedback" && !refused ? (
        <p className="notice notice--success" role="status">
          {t("assignments.detail.feedbackSent")}
        </p>
      ) : null}
      <h2 className="section-title">{t("assignments.detail.clients")}</h2>
      {page.copies.map((copy) => (
        <section key={copy.clientUserId} id={`client-${copy.clientUserId}`} className="assignment-copy">
          <h3>
            {copy.name}
            <StatusBadge status={copy.status} staff />
          </h3>
          {copy.thread.length === 0 ? (
            <p>{t("assignments.detail.notHandedIn", { name: copy.name })}</p>
          ) : (
            <Thread entries={copy.thread} />
          )}
          {copy.files.length > 0 ? (
            <>
              <h4>{t("assignments.detail.handedInFiles")}</h4>
              <FileLinks files={copy.files} />
            </>
          ) : null}
          {copy.status === "handedIn" ? (
            <EntryForm
              intent="feedback"
              client={copy.clientUserId}
              label={t("assignments.detail.feedback")}
              hint={t("assignments.detail.feedbackHint")}
              submit={t("assignments.detail.giveFeedback")}
              refused={refused?.client === copy.clientUserId ? refused : undefined}
            />
          ) : null}
        </section>
      ))}
    </>
  );
}

/** A hand-in or a feedback form; a refusal comes back at its field with the text as typed. */
function EntryForm({
  intent,
  client,
  label,
  hint,
  submit,
  refused,
  maxFileMb,
}: {
  intent: "handIn" | "feedback";
  client: string;
  label: string;
  hint: string;
  submit: string;
  refused: Refusal | undefined;
  /** A hand-in takes files up to this size; feedback takes none. */
  maxFileMb?: number;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const id = intent === "handIn" ? "response" : `feedback-${client}`;
  const max = intent === "handIn" ? limits.response : limits.feedback;
  const filesRefused = refused?.error.startsWith("files.") ?? false;
  const message = refused
    ? t(`assignments.detail.errors.${refused.error}`, { max: filesRefused ? limits.files : max })
    : undefined;
  return (
    <Form method="post" className="form" noValidate>
      {refused ? (
        <FormAlert title={t("assignments.detail.problem")} answer={refused}>
          <p>
            <a href={`#${filesRefused ? "hand-in-files" : id}`}>{message}</a>
          </p>
        </FormAlert>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      {client ? <input type="hidden" name="client" value={client} /> : null}
      <TextAreaField
        name="text"
        id={id}
        label={label}
        hint={hint}
        defaultValue={refused?.text ?? ""}
        error={filesRefused ? undefined : message}
        rows={8}
        required={!maxFileMb}
      />
      {maxFileMb ? (
        <FileAttacher
          id="hand-in-files"
          name="file"
          label={t("assignments.detail.addFiles")}
          max={limits.files}
          maxFileMb={maxFileMb}
          kept={refused?.kept}
          error={filesRefused ? message : undefined}
        />
      ) : null}
      <p>
        <button type="submit" className="button" disabled={busy}>
          {submit}
        </button>
      </p>
    </Form>
  );
}
