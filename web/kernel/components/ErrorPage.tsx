import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { errorMessages } from "../i18n/locales/errors.ts";

export type ErrorKind = "notFound" | "forbidden" | "refused" | "serverError" | "unknownHost";

/** Which page an error status gets: a refusal other than 403 and 404 is the request's, not ours. */
export function errorKindOf(status: number): Exclude<ErrorKind, "unknownHost"> {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status >= 400 && status < 500) return "refused";
  return "serverError";
}

/**
 * An error page in the viewer's language, with the status it answers. Inside a tenant it sits in
 * the tenant's shell; without one (unknown host, or the page data itself failed) it stands alone
 * and names no tenant.
 */
export function ErrorPage({
  kind,
  status,
  language,
  standalone = false,
}: {
  kind: ErrorKind;
  /** The HTTP status shown large; an unknown host answers 404. */
  status: number;
  language: Language;
  standalone?: boolean;
}) {
  const text = errorMessages[language];
  const title = text[`${kind}Title`];
  const body = text[`${kind}Body`];
  const page = (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code" aria-hidden="true">
        {status}
      </p>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      {kind === "unknownHost" ? null : (
        <a className="button" href="/">
          {text.backHome}
        </a>
      )}
    </section>
  );
  return standalone ? (
    <main id="main" className="standalone">
      {page}
    </main>
  ) : (
    page
  );
}
