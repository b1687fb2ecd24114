import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { errorMessages } from "../i18n/locales/errors.ts";

export type ErrorKind = "notFound" | "serverError" | "unknownHost";

/**
 * 404 and 500 in the viewer's language. Inside a tenant it sits in the tenant's shell; without
 * one (unknown host, or the page data itself failed) it stands alone and names no tenant.
 */
export function ErrorPage({
  kind,
  language,
  standalone = false,
}: {
  kind: ErrorKind;
  language: Language;
  standalone?: boolean;
}) {
  const text = errorMessages[language];
  const title =
    kind === "unknownHost"
      ? text.unknownHostTitle
      : kind === "notFound"
        ? text.notFoundTitle
        : text.serverErrorTitle;
  const body =
    kind === "unknownHost"
      ? text.unknownHostBody
      : kind === "notFound"
        ? text.notFoundBody
        : text.serverErrorBody;
  const page = (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code" aria-hidden="true">
        {kind === "serverError" ? "500" : "404"}
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
