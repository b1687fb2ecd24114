import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import type { Access } from "../../core/kernel/auth/access.ts";
import { hasPermission } from "../../core/kernel/auth/permissions.ts";
import {
  addGoal,
  caseload,
  commentOnGoal,
  editGoal,
  listGoals,
  moveProgress,
  setGoalStatus,
  viewGoal,
  type Actor,
  type Invalid,
  type Refusal,
} from "../../core/goals/desk.ts";
import { smartValuesFrom } from "../../core/goals/forms.ts";
import type { Goal, GoalComment, ProgressPoint } from "../../core/goals/goal.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import { newFormKey, readForm, throwIfKeyless } from "../kernel/forms.server.ts";
import { dateTimeFormat, localeOf } from "../kernel/i18n/format.server.ts";
import { goalForm, newGoalForm } from "./goal-forms.server.ts";

/**
 * What the goal pages share on the server. A client's pages (`/goals`) and the staff pages of one
 * client (`/clients/<client>/goals`) have the same loaders and actions; only the access the page
 * declares, the client and the addresses differ.
 */

/** Whose goals a page shows: the signed-in client's own, or one client of a staff member. */
export type GoalsPlace = { access: GoalsAccess; client: (accountId: string) => string; base: string };

export type GoalsAccess = Access & { feature: "goals" };

export const ownGoals = (access: GoalsAccess): GoalsPlace => ({
  access,
  client: (accountId) => accountId,
  base: "/goals",
});

export const clientGoals = (access: GoalsAccess, clientUserId: string): GoalsPlace => ({
  access,
  client: () => clientUserId,
  base: `/clients/${encodeURIComponent(clientUserId)}/goals`,
});

function requireGoals(
  context: AppLoadContext,
  request: Request,
  place: Pick<GoalsPlace, "access" | "client">,
) {
  const user = guard({ context, request }, place.access);
  const { account } = user;
  const actor: Actor = { id: account.id, role: account.role, timeZone: account.timeZone };
  return {
    actor,
    clientUserId: place.client(account.id),
    deps: context.services.goalsFor(user.tenant),
    origin: originOf(request),
    formats: goalFormats(context.language, account.timeZone),
  };
}

export function goalFormats(language: Language, zone: string) {
  const moment = dateTimeFormat(language, zone);
  const day = new Intl.DateTimeFormat(localeOf(language), { dateStyle: "long", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(localeOf(language), {
    day: "numeric",
    month: "short",
    timeZone: zone,
  });
  return {
    /** An instant on the viewer's clock. */
    moment: (instant: string) => moment.format(new Date(instant)),
    /** "7 dec.", on the viewer's clock: the chart's axis. */
    short: (instant: string) => short.format(new Date(instant)),
    /** A calendar date in words. */
    day: (value: string) => day.format(new Date(`${value}T12:00:00Z`)),
  };
}

type Formats = ReturnType<typeof goalFormats>;

const shownGoal = (goal: Goal, formats: Formats) => ({
  id: goal.id,
  title: goal.title,
  specific: goal.specific,
  measurable: goal.measurable,
  acceptable: goal.acceptable,
  realistic: goal.realistic,
  dueOn: goal.dueOn,
  due: goal.dueOn ? formats.day(goal.dueOn) : null,
  progress: goal.progress,
  status: goal.status,
  closedAt: goal.closedAt ? formats.moment(goal.closedAt) : null,
});

export type ShownGoal = ReturnType<typeof shownGoal>;

const shownPoint = (point: ProgressPoint, formats: Formats) => ({
  id: point.id,
  progress: point.progress,
  note: point.note,
  by: point.byName,
  at: point.at,
  when: formats.moment(point.at),
  axis: formats.short(point.at),
});

export type ShownPoint = ReturnType<typeof shownPoint>;

const shownComment = (comment: GoalComment, formats: Formats, viewer: string) => ({
  id: comment.id,
  author: comment.authorName,
  mine: comment.authorUserId === viewer,
  body: comment.body,
  when: formats.moment(comment.at),
});

/** A refusal that is not about what was typed: no such goal, not allowed, or closed meanwhile. */
function refusedWith(result: Refusal) {
  if (result.reason === "notFound") throw data(null, { status: 404 });
  if (result.reason === "forbidden") throw data(null, { status: 403 });
  return data({ form: "status" as const, refused: "notOpen" as const, errors: {}, values: {} }, 409);
}

/**
 * A form that came back: its messages per field and what was typed, to show again. The domain's
 * messages are goal codes, the form's own are full i18n keys.
 */
const invalid = (
  form: string,
  errors: Invalid["errors"] | Record<string, string>,
  values: Record<string, string>,
) => data({ form, refused: null, errors: errors as Record<string, string>, values }, 400);

/** Whether `/goals` shows this person their clients (staff) rather than their own goals. */
export const seesCaseload = (context: AppLoadContext) =>
  Boolean(context.auth && hasPermission(context.auth.account.role, "clients:read-assigned"));

/** A staff member's clients with their open goals at a glance, each leading to that client's goals. */
export async function loadCaseload(context: AppLoadContext, request: Request) {
  const { actor, deps, origin } = requireGoals(context, request, {
    access: { permission: "clients:read-assigned", feature: "goals" },
    client: (accountId) => accountId,
  });
  const clients = await caseload(deps, actor, origin);
  return { kind: "caseload" as const, clients };
}

export async function loadGoals(context: AppLoadContext, request: Request, place: GoalsPlace) {
  const { actor, clientUserId, deps, origin, formats } = requireGoals(context, request, place);
  const listed = await listGoals(deps, actor, clientUserId, origin);
  if (!listed.ok) throw data(null, { status: 404 });
  const goals = listed.goals.map((goal) => shownGoal(goal, formats));
  return {
    kind: "goals" as const,
    base: place.base,
    client: listed.access.client,
    ownGoals: actor.role === "client",
    canEdit: listed.access.canEdit,
    formKey: newFormKey(),
    open: goals.filter((goal) => goal.status === "open"),
    closed: goals.filter((goal) => goal.status !== "open"),
  };
}

/** The list page's one form: a new goal. */
export async function addGoalFromForm(context: AppLoadContext, request: Request, place: GoalsPlace) {
  const { actor, clientUserId, deps, origin } = requireGoals(context, request, place);
  const form = await readForm(request, newGoalForm);
  throwIfKeyless(form);
  if (!form.ok) return invalid("create", form.errors, form.values);
  const { formKey, ...values } = form.data;
  const result = await addGoal(deps, actor, clientUserId, values, formKey, origin);
  if (result.ok) return redirect(`${place.base}/${result.goal.id}?done=created`);
  if (result.reason === "invalid") return invalid("create", result.errors, form.values);
  return refusedWith(result);
}

export async function loadGoal(context: AppLoadContext, request: Request, place: GoalsPlace, goalId: string) {
  const { actor, clientUserId, deps, origin, formats } = requireGoals(context, request, place);
  const found = await viewGoal(deps, actor, goalId, origin, clientUserId);
  if (!found) throw data(null, { status: 404 });
  return {
    base: place.base,
    client: found.access.client,
    ownGoals: actor.role === "client",
    canEdit: found.access.canEdit,
    goal: shownGoal(found.goal, formats),
    smart: smartValuesFrom(found.goal),
    history: found.history.map((point) => shownPoint(point, formats)),
    comments: found.comments.map((comment) => shownComment(comment, formats, actor.id)),
  };
}

const statusOf = { achieve: "achieved", stop: "stopped", reopen: "open" } as const;

/** The goal page's forms: progress, a comment, the SMART fields, and closing or reopening. */
export async function changeGoalFromForm(
  context: AppLoadContext,
  request: Request,
  place: GoalsPlace,
  goalId: string,
) {
  const { actor, clientUserId, deps, origin } = requireGoals(context, request, place);
  // A goal of another client, on this client's address, is not found here.
  if ((await deps.goals.find(goalId))?.clientUserId !== clientUserId) throw data(null, { status: 404 });
  const form = await readForm(request, goalForm);
  if (!form.ok) return invalid(form.values.intent ?? "", form.errors, form.values);
  const input = form.data;
  const { values } = form;
  const done = (what: string) => redirect(`${place.base}/${goalId}?done=${what}`);
  if (input.intent === "progress") {
    const result = await moveProgress(deps, actor, goalId, input, origin);
    if (result.ok) return done("progress");
    return result.reason === "invalid" ? invalid(input.intent, result.errors, values) : refusedWith(result);
  }
  if (input.intent === "comment") {
    const result = await commentOnGoal(deps, actor, goalId, input.body, origin);
    if (result.ok) return done("comment");
    return result.reason === "invalid" ? invalid(input.intent, result.errors, values) : refusedWith(result);
  }
  if (input.intent === "edit") {
    const { intent, ...smart } = input;
    const result = await editGoal(deps, actor, goalId, smart, origin);
    if (result.ok) return done("edited");
    return result.reason === "invalid" ? invalid(intent, result.errors, values) : refusedWith(result);
  }
  const result = await setGoalStatus(deps, actor, goalId, statusOf[input.intent], origin);
  if (result.ok) return done(input.intent);
  return refusedWith(result);
}
