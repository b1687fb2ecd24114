import { useTranslation } from "react-i18next";
import { organisationRoles } from "../../../core/kernel/auth/permissions.ts";

/** The choice of someone's role in a client organisation (admin, member+, member), with its label. */
export function OrganisationRoleField({
  id,
  name,
  label,
  defaultValue = "member",
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {organisationRoles.map((role) => (
          <option key={role} value={role}>
            {t(`organisation.roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
