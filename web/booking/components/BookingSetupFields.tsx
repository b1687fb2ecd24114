import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describedBy, FieldMessages } from "../../kernel/components/Field.tsx";

/** A refused field as the page shows it: the message's key and what the message names. */
export type ShownError = { key: string; values: Record<string, string | number> };
export type ShownErrors = Record<string, ShownError>;

/** The text of a refused field's error, in the viewer's language; nothing when the field is fine. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: ShownError | undefined) => (error ? t(error.key, error.values) : undefined);
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
      {messageBelow ? null : <FieldMessages id={id} error={error} hint={hint} />}
    </div>
  );
}
