import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DocumentsView } from "../documents.server.ts";
import { Uploader } from "./Uploader.tsx";
import { FormKey } from "../../kernel/components/FormKey.tsx";

type ActionResult =
  | { ok: true }
  | { values: Record<string, string | undefined>; errors: Record<string, string | undefined> }
  | undefined;

/** The documents of one dossier, for the client and for a staff member of their care team. */
export function DocumentsPage({ view }: { view: DocumentsView }) {
  const { t } = useTranslation();
  const result = useActionData<ActionResult>();
  const failed = result && "errors" in result ? result : null;
  const client = view.isClient ? null : view.clientUserId;
  const filters = ["all", "mine", "theirs"] as const;
  const urlError = failed?.errors.url ?? failed?.errors.form;
  const descriptionError = failed?.errors.description;
  return (
    <section className="narrow documents">
      <h1>{t("documents.title")}</h1>
      <p className="lead">
        {view.isClient ? t("documents.introClient") : t("documents.introStaff", { name: view.clientName })}
      </p>
      <Uploader client={client} maxFileMb={view.maxFileMb} />
      <details className="link-form" open={Boolean(failed)}>
        <summary>{t("documents.link.title")}</summary>
        <Form method="post" key={failed ? "open" : "sent"}>
          <input type="hidden" name="intent" value="link" />
          <FormKey value={view.formKey} />
          <label htmlFor="link-url">{t("documents.link.url")}</label>
          <input
            id="link-url"
            name="url"
            type="url"
            inputMode="url"
            required
            defaultValue={failed?.values.url}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? "link-url-error" : undefined}
          />
          {urlError ? (
            <p id="link-url-error" className="field-error">
              {t(urlError)}
            </p>
          ) : null}
          <label htmlFor="link-description">{t("documents.link.description")}</label>
          <input
            id="link-description"
            name="description"
            maxLength={500}
            defaultValue={failed?.values.description}
            aria-invalid={descriptionError ? true : undefined}
            aria-describedby={descriptionError ? "link-description-error" : undefined}
          />
          {descriptionError ? (
            <p id="link-description-error" className="field-error">
              {t(descriptionError)}
            </p>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" name="notify" defaultChecked /> {t("documents.upload.notify")}
          </label>
          <button type="submit" className="button">
            {t("documents.link.add")}
          </button>
        </Form>
      </details>
      <nav aria-label={t("documents.filters.label")} className="filters">
        {filters.map((filter) => (
          <Link
            key={filter}
            to={filter === "all" ? "?" : `?filter=${filter}`}
            aria-current={view.filter === filter ? "page" : undefined}
            className={view.filter === filter ? "filter filter--current" : "filter"}
          >
            {t(`documents.filters.${filter}`)}
          </Link>
        ))}
      </nav>
      <p className="zone-note">{t("documents.zone", { zone: view.zone })}</p>
      {view.documents.length === 0 ? (
        <p>{t("documents.list.empty")}</p>
      ) : (
        <ul className="item-list document-list">
          {view.documents.map((document) => (
            <li key={document.id} className="item-list__item">
              <div>
                <p className="item-list__title">
                  {document.deleted ? <s>{document.description}</s> : document.description}
                </p>
                <p className="item-list__meta">
                  {t("documents.list.by", { name: document.authorName, date: document.when })}
                  {document.file ? ` · ${document.file.size}` : null}
                  {document.link ? ` · ${t("documents.link.opensAt", { host: document.link.host })}` : null}
                </p>
                {document.deleted ? <p className="item-list__meta">{t("documents.list.deleted")}</p> : null}
              </div>
              <div className="document-actions">
                {document.deleted ? null : document.file ? (
                  <>
                    {document.file.inline ? (
                      <a
                        href={`/api/v1/documents/${document.id}/download?view=inline`}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {t("documents.list.open")}
                      </a>
                    ) : null}
                    <a href={`/api/v1/documents/${document.id}/download`} download={document.file.name}>
                      {t("documents.list.download")}
                    </a>
                  </>
                ) : document.link ? (
                  <a href={document.link.href} target="_blank" rel="noopener noreferrer nofollow">
                    {document.link.host}
                  </a>
                ) : null}
                {document.mine ? (
                  <Form method="post">
                    <input type="hidden" name="document" value={document.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={document.deleted ? "restore" : "delete"}
                      className="button button--secondary"
                    >
                      {t(document.deleted ? "documents.list.restore" : "documents.list.delete")}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
