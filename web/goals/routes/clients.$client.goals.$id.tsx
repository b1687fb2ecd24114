import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { GoalPage } from "../components/GoalPage.tsx";
import goalStyles from "../components/goals.css?url";
import { changeGoalFromForm, clientGoals, loadGoal } from "../goals.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:read-assigned", feature: "goals" } satisfies Access;

export const handle = { i18n: ["goals"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: goalStyles }];

/** One goal of a client, for the staff of their care team: progress, comments, changes. */
export const loader = ({ context, request, params }: LoaderFunctionArgs) =>
  loadGoal(context, request, clientGoals(access, params.client ?? ""), params.id ?? "");

export const action = ({ context, request, params }: ActionFunctionArgs) =>
  changeGoalFromForm(context, request, clientGoals(access, params.client ?? ""), params.id ?? "");

export default GoalPage;
