import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { GoalPage } from "../components/GoalPage.tsx";
import goalStyles from "../components/goals.css?url";
import { changeGoalFromForm, loadGoal, ownGoals } from "../goals.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "dossier:read-own", feature: "goals" } satisfies Access;

export const handle = { i18n: ["goals"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: goalStyles }];

/** One of the client's own goals: progress and its history, comments, changes. */
export const loader = ({ context, request, params }: LoaderFunctionArgs) =>
  loadGoal(context, request, ownGoals(access), params.id ?? "");

export const action = ({ context, request, params }: ActionFunctionArgs) =>
  changeGoalFromForm(context, request, ownGoals(access), params.id ?? "");

export default GoalPage;
