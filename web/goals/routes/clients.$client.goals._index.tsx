import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { GoalsPage } from "../components/GoalsPage.tsx";
import goalStyles from "../components/goals.css?url";
import { addGoalFromForm, clientGoals, loadGoals } from "../goals.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:read-assigned", feature: "goals" } satisfies Access;

export const handle = { i18n: ["goals"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: goalStyles }];

/** The goals of one client, for the staff of their care team (anyone else: not found). */
export const loader = ({ context, request, params }: LoaderFunctionArgs) =>
  loadGoals(context, request, clientGoals(access, params.client ?? ""));

export const action = ({ context, request, params }: ActionFunctionArgs) =>
  addGoalFromForm(context, request, clientGoals(access, params.client ?? ""));

export default GoalsPage;
