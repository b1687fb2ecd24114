import type { AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { Account } from "../kernel/auth/accounts.ts";
import type { Role } from "../kernel/auth/permissions.ts";
import type { CareTeamStore } from "../kernel/care-team/care-team.ts";
import { newId } from "../kernel/ids.ts";
import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import { requestKeyOf, type RequestKey } from "../kernel/request-keys.ts";
import type { Goal, GoalComment, GoalStatus, ProgressPoint, SmartFields } from "./goal.ts";
import { parseComment, parseProgress, parseSmart, type GoalFieldErrors, type SmartValues } from "./forms.ts";
import type { GoalSettings } from "./settings.ts";
import { summariseGoals } from "./summary.ts";

/**
 * Who may see and change a client's goals: the client, and the staff of their care team. Anyone
 * else finds nothing (not found, never "forbidden"), so nobody learns that a goal exists. Staff
 * may always change the goals of their clients; a client only when the tenant lets clients edit
 * their goals. Every read and change is in the audit log as touching the client's data.
 */

export type Actor = { id: string; role: Role; timeZone: string };

/** Where goals are kept; implemented in db/ over the tenant's cell. */
export interface GoalStore {
  /** The client's goals: open ones first, then achieved and stopped ones, newest first within each. */
  ofClient(clientUserId: string): Promise<Goal[]>;
  /** The open goals of these clients. */
  openOfClients(clientUserIds: readonly string[]): Promise<Goal[]>;
  find(id: string): Promise<Goal | null>;
  /** The goal's progress steps, oldest first, with the names of who moved it. */
  history(goalId: string): Promise<ProgressPoint[]>;
  comments(goalId: string): Promise<GoalComment[]>;
  /**
   * The goal and its first progress point, in one batch; the id of the goal the request holds:
   * this one's, or the one an earlier request with the same key wrote (then nothing is written).
   */
  create(goal: Goal, firstPointId: string, request?: RequestKey): Promise<string>;
  update(id: string, fields: SmartFields, at: string): Promise<void>;
  /** The goal's new progress (and status, when given) and its history row, in one batch. */
  moveProgress(
    id: string,
    point: Omit<ProgressPoint, "byName">,
    status?: { status: GoalStatus; closedAt: string | null },
  ): Promise<void>;
  setStatus(id: string, status: GoalStatus, closedAt: string | null, at: string): Promise<void>;
  addComment(goalId: string, comment: Omit<GoalComment, "authorName">): Promise<void>;
}

export type GoalDeps = {
  goals: GoalStore;
  people: { findById(id: string): Promise<Pick<Account, "id" | "role" | "displayName" | "status"> | null> };
  careTeams: Pick<CareTeamStore, "coachesOf" | "clientsOf">;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  settings: GoalSettings;
  now(): Date;
};

/** What the actor may do with one client's goals. */
export type GoalAccess = {
  client: { id: string; name: string };
  canEdit: boolean;
  /** The client's care team: told when the client changes something. */
  coachIds: string[];
};

export type Refusal = { ok: false; reason: "notFound" | "forbidden" | "notOpen" };
export type Invalid = { ok: false; reason: "invalid"; errors: GoalFieldErrors };

/** The actor's access to this client's goals, or null: not theirs to see. */
export async function accessTo(
  deps: GoalDeps,
  actor: Actor,
  clientUserId: string,
): Promise<GoalAccess | null> {
  if (actor.role === "client" && actor.id !== clientUserId) return null;
  if (actor.role !== "client" && actor.role !== "staff" && actor.role !== "admin") return null;
  const client = await deps.people.findById(clientUserId);
  if (!client || client.role !== "client") return null;
  const coachIds = (await deps.careTeams.coachesOf(client.id)).map((coach) => coach.userId);
  if (actor.role !== "client" && !coachIds.includes(actor.id)) return null;
  return {
    client: { id: client.id, name: client.displayName },
    canEdit: actor.role !== "client" || deps.settings.clientsMayEdit,
    coachIds,
  };
}

type Change = "create" | "edit" | "progress" | "comment" | "status";

/** The audit line of a read or change of the client's goals. */
function audit(
  deps: GoalDeps,
  actor: Actor,
  action: "list" | "view" | Change,
  clientUserId: string,
  origin: RequestOrigin,
  target: { goalId?: string; result?: "success" | "denied"; detail?: Record<string, string | number> } = {},
) {
  return deps.audit.record({
    action: `goals.${action}`,
    result: target.result ?? "success",
    actorUserId: actor.id,
    clientUserId,
    targetType: target.goalId ? "goal" : "user",
    targetId: target.goalId ?? clientUserId,
    ...origin,
    ...(target.detail ? { detail: target.detail } : {}),
  });
}

/** The other side hears of a change: the care team of what the client did, the client of what staff did. */
function tellOtherSide(deps: GoalDeps, actor: Actor, access: GoalAccess, goalId: string) {
  const fromClient = actor.role === "client";
  return deps.notify({
    kind: "goal",
    recipients: fromClient ? access.coachIds : [access.client.id],
    actorId: actor.id,
    link: fromClient ? `/clients/${access.client.id}/goals/${goalId}` : `/goals/${goalId}`,
  });
}

/** The calendar date in the actor's own zone ("today" for a due date). */
function todayOf(actor: Actor, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: actor.timeZone }).format(now);
}

export async function listGoals(deps: GoalDeps, actor: Actor, clientUserId: string, origin: RequestOrigin) {
  const access = await accessTo(deps, actor, clientUserId);
  if (!access) return { ok: false as const, reason: "notFound" as const };
  const goals = await deps.goals.ofClient(clientUserId);
  await audit(deps, actor, "list", clientUserId, origin, { detail: { goals: goals.length } });
  return { ok: true as const, access, goals };
}

/**
 * A staff member's clients, each with a summary of their open goals: where a coach starts. Each
 * client whose goals are summed up gets an audit line.
 */
export async function caseload(deps: GoalDeps, actor: Actor, origin: RequestOrigin) {
  if (actor.role === "client") return [];
  const clients = await deps.careTeams.clientsOf(actor.id);
  const open = await deps.goals.openOfClients(clients.map((client) => client.userId));
  for (const client of clients)
    await audit(deps, actor, "list", client.userId, origin, { detail: { overview: 1 } });
  return clients.map((client) => ({
    id: client.userId,
    name: client.displayName,
    summary: summariseGoals(open.filter((goal) => goal.clientUserId === client.userId)),
  }));
}

/** A goal with its access, when the actor may see it (and, given `clientUserId`, it is that client's). */
async function goalFor(deps: GoalDeps, actor: Actor, goalId: string, clientUserId?: string) {
  const goal = await deps.goals.find(goalId);
  if (!goal || (clientUserId !== undefined && goal.clientUserId !== clientUserId)) return null;
  const access = await accessTo(deps, actor, goal.clientUserId);
  return access ? { goal, access } : null;
}

export async function viewGoal(
  deps: GoalDeps,
  actor: Actor,
  goalId: string,
  origin: RequestOrigin,
  clientUserId?: string,
) {
  const found = await goalFor(deps, actor, goalId, clientUserId);
  if (!found) return null;
  const [history, comments] = await Promise.all([deps.goals.history(goalId), deps.goals.comments(goalId)]);
  await audit(deps, actor, "view", found.goal.clientUserId, origin, { goalId });
  return { ...found, history, comments };
}

/**
 * A change the actor may make to a goal of this client: refused (and the refusal audited) for a
 * client when the tenant does not let clients edit.
 */
async function mayChange(
  deps: GoalDeps,
  actor: Actor,
  access: GoalAccess | null,
  change: Change,
  origin: RequestOrigin,
  goalId?: string,
): Promise<Refusal | null> {
  if (!access) return { ok: false, reason: "notFound" };
  if (access.canEdit) return null;
  await audit(deps, actor, change, access.client.id, origin, { goalId, result: "denied" });
  return { ok: false, reason: "forbidden" };
}

/**
 * A new goal for the client. `requestKey` is the form's key or the API's Idempotency-Key: the same
 * request again writes nothing and answers with the goal the first one made (`replayed`).
 */
export async function addGoal(
  deps: GoalDeps,
  actor: Actor,
  clientUserId: string,
  values: SmartValues,
  requestKey: string,
  origin: RequestOrigin,
): Promise<{ ok: true; goal: Goal; replayed: boolean } | Refusal | Invalid> {
  const access = await accessTo(deps, actor, clientUserId);
  const refused = await mayChange(deps, actor, access, "create", origin);
  if (refused) return refused;
  const now = deps.now();
  const parsed = parseSmart(values, todayOf(actor, now));
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors };
  const at = now.toISOString();
  const goal: Goal = {
    ...parsed.value,
    id: newId("goal"),
    clientUserId,
    progress: 0,
    status: "open",
    createdByUserId: actor.id,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  const request = await requestKeyOf("goal", actor.id, requestKey, { clientUserId, values });
  const heldId = await deps.goals.create(goal, newId("goalProgress"), request);
  if (heldId !== goal.id) {
    const earlier = await deps.goals.find(heldId);
    if (!earlier) throw new Error(`The goal ${heldId} of an earlier request cannot be read`);
    return { ok: true, goal: earlier, replayed: true };
  }
  await audit(deps, actor, "create", clientUserId, origin, { goalId: goal.id });
  await tellOtherSide(deps, actor, access!, goal.id);
  return { ok: true, goal, replayed: false };
}

export async function editGoal(
  deps: GoalDeps,
  actor: Actor,
  goalId: string,
  values: SmartValues,
  origin: RequestOrigin,
): Promise<{ ok: true } | Refusal | Invalid> {
  const found = await goalFor(deps, actor, goalId);
  const refused = await mayChange(deps, actor, found?.access ?? null, "edit", origin, goalId);
  if (refused) return refused;
  const { goal } = found!;
  if (goal.status !== "open") return { ok: false, reason: "notOpen" };
  const now = deps.now();
  const parsed = parseSmart(values, todayOf(actor, now), goal.dueOn);
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors };
  await deps.goals.update(goalId, parsed.value, now.toISOString());
  await audit(deps, actor, "edit", goal.clientUserId, origin, { goalId });
  return { ok: true };
}

export async function moveProgress(
  deps: GoalDeps,
  actor: Actor,
  goalId: string,
  input: { progress: string | number; note?: string },
  origin: RequestOrigin,
): Promise<{ ok: true; goal: Goal } | Refusal | Invalid> {
  const found = await goalFor(deps, actor, goalId);
  const refused = await mayChange(deps, actor, found?.access ?? null, "progress", origin, goalId);
  if (refused) return refused;
  const { goal, access } = found!;
  if (goal.status !== "open") return { ok: false, reason: "notOpen" };
  const parsed = parseProgress(input.progress, input.note ?? "");
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors };
  const at = deps.now().toISOString();
  const { progress, note } = parsed.value;
  await deps.goals.moveProgress(goalId, {
    id: newId("goalProgress"),
    progress,
    note,
    byUserId: actor.id,
    at,
  });
  await audit(deps, actor, "progress", goal.clientUserId, origin, {
    goalId,
    detail: { from: goal.progress, to: progress },
  });
  await tellOtherSide(deps, actor, access, goalId);
  return { ok: true, goal: { ...goal, progress, updatedAt: at } };
}

/**
 * Marks a goal achieved (its progress goes to 100 %, in the history too), stops it, or opens it
 * again. A client who may read but not edit goals cannot do this either.
 */
export async function setGoalStatus(
  deps: GoalDeps,
  actor: Actor,
  goalId: string,
  status: GoalStatus,
  origin: RequestOrigin,
): Promise<{ ok: true } | Refusal> {
  const found = await goalFor(deps, actor, goalId);
  const refused = await mayChange(deps, actor, found?.access ?? null, "status", origin, goalId);
  if (refused) return refused;
  const { goal, access } = found!;
  // Only an open goal closes, and only a closed one opens again; pressed twice, nothing more happens.
  if ((status === "open") === (goal.status === "open")) return { ok: false, reason: "notOpen" };
  const at = deps.now().toISOString();
  const closedAt = status === "open" ? null : at;
  if (status === "achieved" && goal.progress < 100) {
    const point = { id: newId("goalProgress"), progress: 100, note: null, byUserId: actor.id, at };
    await deps.goals.moveProgress(goalId, point, { status, closedAt });
  } else {
    await deps.goals.setStatus(goalId, status, closedAt, at);
  }
  await audit(deps, actor, "status", goal.clientUserId, origin, { goalId, detail: { status } });
  await tellOtherSide(deps, actor, access, goalId);
  return { ok: true };
}

/** Comments stay open to the client and the care team, also where clients cannot edit goals. */
export async function commentOnGoal(
  deps: GoalDeps,
  actor: Actor,
  goalId: string,
  body: string,
  origin: RequestOrigin,
): Promise<{ ok: true } | Refusal | Invalid> {
  const found = await goalFor(deps, actor, goalId);
  if (!found) return { ok: false, reason: "notFound" };
  const parsed = parseComment(body);
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors };
  const id = newId("goalComment");
  await deps.goals.addComment(goalId, {
    id,
    authorUserId: actor.id,
    body: parsed.value,
    at: deps.now().toISOString(),
  });
  await audit(deps, actor, "comment", found.goal.clientUserId, origin, { goalId });
  await tellOtherSide(deps, actor, found.access, goalId);
  return { ok: true };
}
