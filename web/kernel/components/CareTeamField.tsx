import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Coach } from "../../../core/kernel/care-team/care-team.ts";

/**
 * The staff who work with a client, as checkboxes (`coach`), with a refusal at the group. Used by
 * the invitation and by the admin's care-team page.
 */
export function CareTeamField({
  coaches,
  checked,
  error,
  hint,
}: {
  coaches: readonly Coach[];
  checked: (userId: string) => boolean;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? "coach-hint" : null, error ? "coach" : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field" aria-describedby={describedBy || undefined}>
      <legend>{t("users.coaches")}</legend>
      {hint ? (
        <p id="coach-hint" className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id="coach" className="field__error" tabIndex={-1}>
          {error}
        </p>
      ) : null}
      {coaches.map((coach) => (
        <label key={coach.userId} className="choice">
          <input type="checkbox" name="coach" value={coach.userId} defaultChecked={checked(coach.userId)} />
          {coach.displayName}
        </label>
      ))}
    </fieldset>
  );
}
