import {
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

/**
 * A labelled input with its error right below it, tied together for screen readers
 * (aria-invalid, aria-describedby), so every message sits at the field it concerns.
 */
export function Field({
  name,
  id = name,
  label,
  error,
  hint,
  ...input
}: {
  name: string;
  /** Needed when one page has several fields of the same name. */
  id?: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled text area, with its error and hint tied to it as for `Field`. */
export function TextAreaField({
  name,
  id = name,
  label,
  error,
  hint,
  rows = 3,
  ...area
}: {
  name: string;
  id?: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...area}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled choice from a list, with its error and hint tied to it as for `Field`. */
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
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** The ids of a field's error and hint, for its `aria-describedby`. */
export function describedBy(id: string, error: string | undefined, hint: ReactNode) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's error and hint, with the ids `describedBy` names. */
export function FieldMessages({
  id,
  error,
  hint,
}: {
  id: string;
  error: string | undefined;
  hint: ReactNode;
}) {
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
 * Shown above a form that came back with errors; focus lands here so nobody misses it, again for
 * every new answer (`answer` is the action's result object).
 */
export function FormAlert({
  title,
  answer,
  children,
}: {
  title: string;
  answer: unknown;
  children: ReactNode;
}) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), [answer]);
  return (
    <div ref={alert} className="form-alert" role="alert" tabIndex={-1}>
      <p className="form-alert__title">{title}</p>
      <div>{children}</div>
    </div>
  );
}
