import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { addGoal, listGoals, moveProgress, type Actor } from "../../core/goals/desk.ts";
import { noteMax, textMax, titleMax } from "../../core/goals/forms.ts";
import { goalStatuses, type Goal } from "../../core/goals/goal.ts";
import type { AppEnv } from "../context.ts";
import { personRoute, type PersonCaller } from "../kernel/api/access.ts";
import { errorSchema, json, refuse } from "../kernel/api/errors.ts";
import { idempotencyHeaders } from "../kernel/api/idempotency.ts";

const goalSchema = z
  .object({
    id: z.string().openapi({ example: "gol_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    clientUserId: z.string(),
    title: z.string(),
    specific: z.string(),
    measurable: z.string(),
    acceptable: z.string(),
    realistic: z.string(),
    dueOn: z
      .string()
      .nullable()
      .openapi({ description: "The time-bound part: a date, YYYY-MM-DD", example: "2026-12-31" }),
    progress: z.number().int().min(0).max(100),
    status: z.enum(goalStatuses),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .openapi("Goal");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such client or goal of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

const listGoalsRoute = personRoute(
  { permission: "portal:use", feature: "goals" },
  {
    method: "get",
    path: "/goals",
    operationId: "listGoals",
    summary: "A client's goals with their SMART fields and progress",
    description:
      "A client gets their own goals (leave `clientUserId` out); staff name one client of their care team. Open goals come first. `canEdit` says whether the caller may change them: staff always, a client when the tenant lets clients edit their goals.",
    request: { query: z.object({ clientUserId: z.string().min(1).max(40).optional() }) },
    responses: {
      200: json(
        z
          .object({
            client: z.object({ id: z.string(), name: z.string() }),
            canEdit: z.boolean(),
            goals: z.array(goalSchema),
          })
          .openapi("Goals"),
        "The client's goals",
      ),
      400: json(errorSchema, "Staff must name the client"),
      ...common,
    },
  },
);

const createGoalRoute = personRoute(
  { permission: "portal:use", feature: "goals" },
  {
    method: "post",
    path: "/goals",
    operationId: "createGoal",
    summary: "Add a SMART goal for a client",
    description:
      "A client adds their own (leave `clientUserId` out) when the tenant lets clients edit their goals; staff name one client of their care team. Only the title is required; `dueOn` is a date from today on. Send an `Idempotency-Key` header: a retry with the same key and body returns the same goal (200) instead of a second one.",
    request: {
      headers: idempotencyHeaders,
      body: {
        content: {
          "application/json": {
            schema: z.object({
              clientUserId: z.string().min(1).max(40).optional(),
              title: z.string().max(titleMax),
              specific: z.string().max(textMax).default(""),
              measurable: z.string().max(textMax).default(""),
              acceptable: z.string().max(textMax).default(""),
              realistic: z.string().max(textMax).default(""),
              dueOn: z.string().max(10).default("").openapi({ example: "2026-12-31" }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ goal: goalSchema }), "Added"),
      200: json(z.object({ goal: goalSchema }), "The goal this key added before"),
      400: json(errorSchema, "A field is missing, too long or not a date from today on; `field` names it"),
      ...common,
    },
  },
);

const updateGoalProgressRoute = personRoute(
  { permission: "portal:use", feature: "goals" },
  {
    method: "post",
    path: "/goals/{id}/progress",
    operationId: "updateGoalProgress",
    summary: "Move a goal's progress (0-100 %), with an optional note",
    description:
      "The new progress and its history step are written together. Only open goals move; a client may move their own only when the tenant lets clients edit their goals (else 403). The other side (the client or their care team) is notified.",
    request: {
      params: z.object({ id: z.string().min(1).max(40) }),
      body: {
        content: {
          "application/json": {
            schema: z.object({
              progress: z.number().int().min(0).max(100),
              note: z.string().max(noteMax).optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ goal: goalSchema }), "The goal with its new progress"),
      400: json(errorSchema, "The progress is not a whole number from 0 to 100, or the note is too long"),
      409: json(errorSchema, "The goal is achieved or stopped"),
      ...common,
    },
  },
);

export function registerGoalRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listGoalsRoute, async (c) => {
    const { deps, actor, origin } = goalDesk(c);
    const named = c.req.valid("query").clientUserId;
    if (actor.role !== "client" && !named) return refuse(c, "invalid", "Name the client: clientUserId");
    const listed = await listGoals(deps, actor, named ?? actor.id, origin);
    if (!listed.ok) return refuse(c, "notFound", "No such client of yours");
    const { client, canEdit } = listed.access;
    return c.json({ client, canEdit, goals: listed.goals.map(shown) }, 200);
  });

  api.openapi(createGoalRoute, async (c) => {
    const { deps, actor, origin } = goalDesk(c);
    const { clientUserId, ...values } = c.req.valid("json");
    if (actor.role !== "client" && !clientUserId)
      return refuse(c, "invalid", "Name the client: clientUserId");
    const key = c.req.valid("header")["idempotency-key"];
    const result = await addGoal(deps, actor, clientUserId ?? actor.id, values, key, origin);
    if (result.ok) return c.json({ goal: shown(result.goal) }, result.replayed ? 200 : 201);
    if (result.reason === "invalid") {
      const [field, code] = Object.entries(result.errors)[0]!;
      return refuse(c, "invalid", `The ${field} is ${code}`, { field });
    }
    if (result.reason === "forbidden")
      return refuse(c, "forbidden", "Your care team keeps your goals in this portal");
    return refuse(c, "notFound", "No such client of yours");
  });

  api.openapi(updateGoalProgressRoute, async (c) => {
    const { deps, actor, origin } = goalDesk(c);
    const result = await moveProgress(deps, actor, c.req.valid("param").id, c.req.valid("json"), origin);
    if (result.ok) return c.json({ goal: shown(result.goal) }, 200);
    if (result.reason === "invalid") return refuse(c, "invalid", "Progress is a whole number from 0 to 100");
    if (result.reason === "forbidden")
      return refuse(c, "forbidden", "Your care team keeps your goals in this portal");
    if (result.reason === "notOpen")
      return refuse(c, "notOpen", "This goal is achieved or stopped; open it again first");
    return refuse(c, "notFound", "No such goal of yours");
  });
}

function goalDesk(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  const actor: Actor = { id: account.id, role: account.role, timeZone: account.timeZone };
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  return { deps: c.get("services").goalsFor(tenant), actor, origin };
}

const shown = ({ createdByUserId: _creator, ...goal }: Goal) => goal;
