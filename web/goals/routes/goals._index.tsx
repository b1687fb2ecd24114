import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { CaseloadPage } from "../components/CaseloadPage.tsx";
import { GoalsPage } from "../components/GoalsPage.tsx";
import goalStyles from "../components/goals.css?url";
import { addGoalFromForm, loadCaseload, loadGoals, ownGoals, seesCaseload } from "../goals.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

// Staff find their caseload here and clients their own goals; each asks its own permission as well.
export const access = { permission: "portal:use", feature: "goals" } satisfies Access;

export const handle = { i18n: ["goals"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: goalStyles }];

/**
 * A client's own goals (seed 000 "Doelen"): the ones that run, the closed ones, a new one. Staff
 * find their clients here, each with their open goals at a glance.
 */
export const loader = ({ context, request }: LoaderFunctionArgs) =>
  seesCaseload(context)
    ? loadCaseload(context, request)
    : loadGoals(context, request, ownGoals({ ...access, permission: "dossier:read-own" }));

export const action = ({ context, request }: ActionFunctionArgs) =>
  addGoalFromForm(context, request, ownGoals({ ...access, permission: "dossier:read-own" }));

export default function Goals() {
  const page = useLoaderData<typeof loader>();
  return page.kind === "caseload" ? <CaseloadPage clients={page.clients} /> : <GoalsPage />;
}
