import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../core/assignments/assignment.ts";
import { assignableClients, setAssignment, type DraftErrors } from "../../../core/assignments/desk.ts";
import { requireAssignments } from "../assignments.server.ts";
import { newAssignmentForm } from "../assignment-forms.server.ts";
import { newFormKey, parseForm, throwIfKeyless } from "../../kernel/forms.server.ts";
import { FormKey } from "../../kernel/components/FormKey.tsx";
import styles from "../components/assignments.css?url";
import { Field, FormAlert, TextAreaField } from "../../kernel/components/Field.tsx";
import { FileAttacher } from "../../kernel/components/files/FileAttacher.tsx";
import filesStyles from "../../kernel/components/files/files.css?url";
import { keptFiles } from "../../kernel/files.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "assignments:set", feature: "assignments" } satisfies Access;

export const handle = { i18n: ["assignments"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: filesStyles },
];

/** A staff member sets an assignment for one or more clients of their care teams (`?client=` ticks one). */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { actor, deps, tenant } = requireAssignments(context, request, access);
  const clients = await assignableClients(deps, actor);
  const chosen = new URL(request.url).searchParams.get("client");
  return {
    clients: clients.map((client) => ({ id: client.userId, name: client.displayName })),
    chosen: clients.some((client) => client.userId === chosen) ? [chosen!] : [],
    maxFileMb: tenant.settings.files.maxFileMb,
    formKey: newFormKey(),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, deps, origin } = requireAssignments(context, request, access);
  const formData = await request.formData();
  const form = parseForm(newAssignmentForm, formData);
  throwIfKeyless(form);
  const values = {
    title: form.values.title ?? "",
    description: form.values.description ?? "",
    clients: formData.getAll("client").map(String),
    // Ids of files uploaded through the shared upload path (core/files) for this assignment.
    files: formData.getAll("file").map(String),
  };
  const kept = () => keptFiles(deps.files, actor.id, formData, limits.files);
  if (!form.ok) {
    const { title, description, client, file } = form.errors;
    const errors = { title, description, clients: client, files: file } as DraftErrors;
    return data({ values, errors, kept: await kept() }, 400);
  }
  const outcome = await setAssignment(
    deps,
    actor,
    {
      title: values.title,
      description: values.description,
      clientUserIds: values.clients,
      fileIds: values.files,
    },
    form.data.formKey,
    origin,
  );
  if (outcome.ok) return redirect(`/assignments/${outcome.assignmentId}?done=set`);
  return data({ values, errors: outcome.errors, kept: await kept() }, 400);
}

const maxOf = {
  title: limits.title,
  description: limits.description,
  clients: limits.clients,
  files: limits.files,
};

export default function NewAssignment() {
  const { t } = useTranslation();
  const { clients, chosen, maxFileMb, formKey } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: DraftErrors = answer?.errors ?? {};
  const message = (name: keyof DraftErrors) =>
    errors[name] ? t(`assignments.form.errors.${name}.${errors[name]}`, { max: maxOf[name] }) : undefined;
  const ticked = new Set(answer?.values.clients ?? chosen);
  return (
    <section className="narrow">
      <h1>{t("assignments.form.title")}</h1>
      <p className="lead">{t("assignments.form.intro")}</p>
      {clients.length === 0 ? (
        <p className="notice" role="status">
          {t("assignments.form.noClients")}
        </p>
      ) : (
        <Form method="post" className="form" noValidate>
          <FormKey value={formKey} />
          {answer ? (
            <FormAlert title={t("assignments.form.problem")} answer={answer}>
              <ul>
                {(["title", "description", "clients", "files"] as const).map((name) =>
                  errors[name] ? (
                    <li key={name}>
                      <a href={`#${name === "clients" ? "client-error" : name === "files" ? "files" : name}`}>
                        {message(name)}
                      </a>
                    </li>
                  ) : null,
                )}
              </ul>
            </FormAlert>
          ) : null}
          <Field
            name="title"
            label={t("assignments.form.name")}
            defaultValue={answer?.values.title ?? ""}
            error={message("title")}
            maxLength={limits.title}
            required
          />
          <TextAreaField
            name="description"
            label={t("assignments.form.description")}
            hint={t("assignments.form.descriptionHint")}
            defaultValue={answer?.values.description ?? ""}
            error={message("description")}
            rows={10}
            required
          />
          <fieldset className="field" aria-describedby={errors.clients ? "client-error" : undefined}>
            <legend>{t("assignments.form.clients")}</legend>
            {errors.clients ? (
              <p id="client-error" className="field__error" tabIndex={-1}>
                {message("clients")}
              </p>
            ) : null}
            {clients.map((client) => (
              <label key={client.id} className="choice">
                <input
                  type="checkbox"
                  name="client"
                  value={client.id}
                  defaultChecked={ticked.has(client.id)}
                />
                {client.name}
              </label>
            ))}
          </fieldset>
          <FileAttacher
            id="files"
            name="file"
            label={t("assignments.form.addFiles")}
            max={limits.files}
            maxFileMb={maxFileMb}
            kept={answer?.kept}
            error={message("files")}
          />
          <p>
            <button type="submit" className="button" disabled={busy}>
              {t("assignments.form.submit")}
            </button>
          </p>
        </Form>
      )}
      <p>
        <Link to="/assignments">{t("assignments.backStaff")}</Link>
      </p>
    </section>
  );
}
