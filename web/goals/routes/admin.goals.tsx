import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { defaultGoalSettings, saveGoalSettings } from "../../../core/goals/settings.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm, refused } from "../../kernel/forms.server.ts";
import { goalSettingsForm } from "../goal-forms.server.ts";

export const access = { permission: "tenant:configure", feature: "goals" } satisfies Access;

export const handle = { i18n: ["goals"] };

/** The tenant's rule for goals: whether clients keep their own goals, or only their care team does. */
function requireGoalSettings(context: LoaderFunctionArgs["context"], request: Request) {
  const user = guard({ context, request }, access);
  const deps = {
    settings: context.services.settingsIn(user.tenant.cell),
    audit: context.services.identityFor(user.tenant).audit,
    tenantId: user.tenant.id,
  };
  return { ...user, deps };
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { deps } = requireGoalSettings(context, request);
  // The stored settings, not the copy this request was resolved with (it may be a little older).
  const stored = await deps.settings.read(deps.tenantId);
  return { clientsMayEdit: (stored?.goals ?? defaultGoalSettings).clientsMayEdit };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { account, deps } = requireGoalSettings(context, request);
  const form = await readForm(request, goalSettingsForm);
  if (!form.ok) return refused(form);
  const saved = await saveGoalSettings(deps, account.id, form.data, originOf(request));
  if (!saved) throw data(null, { status: 404 });
  return redirect("/admin/goals?done=saved");
}

export default function GoalSettings() {
  const { t } = useTranslation();
  const { clientsMayEdit } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t("goals.settings.title")}</h1>
      <p className="lead">{t("goals.settings.intro")}</p>
      {searchParams.get("done") === "saved" ? (
        <p className="notice notice--success" role="status">
          {t("goals.settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="form">
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="clientsMayEdit"
              defaultChecked={clientsMayEdit}
              aria-describedby="clientsMayEdit-hint"
            />
            {t("goals.settings.clientsMayEdit")}
          </label>
          <div id="clientsMayEdit-hint" className="field__hint">
            {t("goals.settings.clientsMayEditHint")}
          </div>
        </div>
        <button type="submit" className="button">
          {t("goals.settings.save")}
        </button>
      </Form>
    </section>
  );
}
