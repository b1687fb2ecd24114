import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** A refused field as the page shows it: the message's key and what the message names. */
export type ShownError = { key: string; values: Record<string, string | number> };
export type ShownErrors = Record<string, ShownError>;

/** The text of a refused field's error, in the viewer's language; nothing when the field is fine. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: ShownError | undefined) => (error ? t(error.key, error.values) : undefined);
}

/** The error (and hint) of a field, tied to it for screen readers as the Field component does. */
function describedBy(id: string, error: string | undefined, hint: ReactNode) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function Messages({ id, error, hint }: { id: string; error: string | undefined; hint: ReactNode }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
    </>
  );
}

/**
 * A labelled input whose short visible label ("From") gets its context ("Monday, block 2") for
 * screen readers only, so a row of a repeating form stays compact on a phone.
 */
export function ContextField({
  name,
  id = name,
  label,
  context,
  error,
  hint,
  messageBelow = false,
  ...input
}: {
  name: string;
  id?: string;
  label: string;
  context: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** The caller shows the error (with id `<id>-error`) below a row of fields, not under this one. */
  messageBelow?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> ({context})</span>
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      {messageBelow ? null : <Messages id={id} error={error} hint={hint} />}
    </div>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  options,
  error,
  hint,
  ...select
}: {
  name: string;
  id?: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  hint?: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}
