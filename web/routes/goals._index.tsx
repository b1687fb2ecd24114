import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { GoalsPage } from "../components/goals/GoalsPage.tsx";
import goalStyles from "../components/goals/goals.css?url";
import { addGoalFromForm, loadGoals, ownGoals } from "../goals.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: goalStyles }];

/** The client's own goals (seed 000 "Doelen"): the ones that run, the closed ones, a new one. */
export const loader = ({ context, request }: LoaderFunctionArgs) => loadGoals(context, request, ownGoals);

export const action = ({ context, request }: ActionFunctionArgs) =>
  addGoalFromForm(context, request, ownGoals);

export default GoalsPage;
