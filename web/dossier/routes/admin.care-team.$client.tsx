import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { setCareTeam } from "../../../core/kernel/care-team/care-team.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import { CareTeamField } from "../../kernel/components/CareTeamField.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm } from "../../kernel/forms.server.ts";
import { careTeamForm } from "../dossier-forms.server.ts";

export const access = { permission: "users:manage" } satisfies Access;

/** Who works with a client: the admin ticks the tenant's staff members in the client's care team. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant } = guard({ context, request }, access);
  const client = await context.services.identityFor(tenant).accounts.findById(params.client ?? "");
  // Another tenant's person, or someone who is no client, has no care team here.
  if (!client || client.role !== "client") throw data(null, { status: 404 });
  const { careTeams } = context.services.clientsFor(tenant);
  const [coaches, current] = await Promise.all([careTeams.possibleCoaches(), careTeams.coachesOf(client.id)]);
  return {
    name: client.displayName,
    coaches,
    current: current.map((coach) => coach.userId),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const form = await readForm(request, careTeamForm);
  if (!form.ok) return data({ error: form.errors.coach ?? "users.coachUnknown" }, 400);
  const client = await context.services.identityFor(tenant).accounts.findById(params.client ?? "");
  const result = await setCareTeam(
    context.services.clientsFor(tenant),
    account.id,
    client,
    form.data.coach,
    originOf(request),
  );
  if (!result.ok && result.reason === "notFound") throw data(null, { status: 404 });
  if (!result.ok) return data({ error: "users.coachUnknown" }, 400);
  return redirect("/admin/users?done=care-team");
}

export default function CareTeam() {
  const { t } = useTranslation();
  const { name, coaches, current } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t("users.careTeamTitle", { name })}</h1>
      <p className="lead">{t("users.careTeamIntro")}</p>
      <Form method="post" className="form">
        <CareTeamField
          coaches={coaches}
          error={refused ? t(refused.error) : undefined}
          checked={(id) => current.includes(id)}
        />
        <button type="submit" className="button">
          {t("users.careTeamSave")}
        </button>
      </Form>
    </section>
  );
}
