import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";

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
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
    </div>
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
