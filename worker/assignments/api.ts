import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { assignmentStatuses, limits, type ClientAssignment } from "../../core/assignments/assignment.ts";
import { assignmentsOfClient, assignmentsSetBy, handIn, type Actor } from "../../core/assignments/desk.ts";
import { renderMarkdown } from "../../core/assignments/markdown.ts";
import type { AppEnv } from "../context.ts";
import { personRoute, type PersonCaller } from "../kernel/api/access.ts";
import { errorSchema, json, refuse } from "../kernel/api/errors.ts";

const instant = z.iso.datetime().openapi({ example: "2026-12-03T09:00:00.000Z" });

const clientAssignmentSchema = z
  .object({
    id: z.string().openapi({ example: "asg_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    title: z.string(),
    description: z.string().openapi({ description: "Markdown as the staff member wrote it" }),
    descriptionHtml: z.string().openapi({
      description: "The description as safe HTML: no raw HTML, links to http(s) and mailto only",
    }),
    authorName: z.string(),
    createdAt: instant,
    status: z.enum(assignmentStatuses),
    isNew: z.boolean().openapi({ description: "The client has not opened it yet" }),
  })
  .openapi("ClientAssignment");

const setAssignmentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: instant,
    counts: z
      .object({ open: z.number().int(), handedIn: z.number().int(), reviewed: z.number().int() })
      .openapi({ description: "Copies of the clients of one's care teams, by status" }),
  })
  .openapi("SetAssignment");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such assignment of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

const listAssignmentsRoute = personRoute(
  { permission: "portal:use", feature: "assignments" },
  {
    method: "get",
    path: "/assignments",
    operationId: "listAssignments",
    summary: "One's assignments",
    description:
      "A client gets their own assignments, new (unopened) ones first; staff get the assignments they set, those with hand-ins awaiting feedback first, counted over the clients of their care teams.",
    responses: {
      200: json(
        z
          .object({ assignments: z.array(clientAssignmentSchema), set: z.array(setAssignmentSchema) })
          .openapi("Assignments"),
        "For a client `assignments`, for staff `set`; the other list is empty",
      ),
      ...common,
    },
  },
);

const submitAssignmentRoute = personRoute(
  { permission: "assignments:hand-in", feature: "assignments" },
  {
    method: "post",
    path: "/assignments/{id}/submit",
    operationId: "submitAssignment",
    summary: "Hand in a response to one's assignment",
    description:
      "A response, files, or both. Allowed while the assignment is open, and again after feedback; while a hand-in awaits feedback it answers 409. The staff member who set it is notified.",
    request: {
      params: z.object({ id: z.string().min(1).max(40) }),
      body: {
        content: {
          "application/json": {
            schema: z.object({
              response: z.string().max(limits.response).default(""),
              fileIds: z.array(z.string().min(1).max(40)).max(limits.files).default([]).openapi({
                description: "Files uploaded before through the upload operations, to hand in with it",
              }),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ assignment: clientAssignmentSchema }), "Handed in"),
      400: json(errorSchema, "Empty or too long response, or files that are not one's own new uploads"),
      409: json(errorSchema, "Handed in already, awaiting feedback"),
      ...common,
    },
  },
);

export function registerAssignmentRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listAssignmentsRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    if (actor.role === "client") {
      const items = await assignmentsOfClient(deps, actor, origin);
      return c.json({ assignments: items.map(shown), set: [] }, 200);
    }
    const set = await assignmentsSetBy(deps, actor);
    return c.json(
      {
        assignments: [],
        set: set.map(({ id, title, createdAt, counts }) => ({ id, title, createdAt, counts })),
      },
      200,
    );
  });

  api.openapi(submitAssignmentRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    const id = c.req.valid("param").id;
    const outcome = await handIn(deps, actor, id, c.req.valid("json"), origin);
    if (!outcome.ok) {
      if (outcome.reason === "notFound") return refuse(c, "notFound", "No such assignment of yours");
      if (outcome.reason === "invalidFiles")
        return refuse(c, "invalidFiles", "Hand in only files you uploaded and have not used yet");
      if (outcome.reason === "invalid")
        return refuse(
          c,
          "invalid",
          outcome.error === "required" ? "Write a response" : `At most ${limits.response} characters`,
        );
      return refuse(c, "wrongStatus", "Handed in already; wait for feedback");
    }
    const [assignment, copy] = await Promise.all([deps.store.find(id), deps.store.copyOf(id, actor.id)]);
    if (!assignment || !copy) throw new Error(`Assignment ${id} was just handed in and cannot be read`);
    return c.json({ assignment: shown({ assignment, copy }) }, 200);
  });
}

function desk(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  const actor: Actor = { id: account.id, role: account.role };
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  return { deps: c.get("services").assignmentsFor(tenant), actor, origin };
}

function shown({ assignment, copy }: ClientAssignment) {
  return {
    id: assignment.id,
    title: assignment.title,
    description: assignment.description,
    descriptionHtml: renderMarkdown(assignment.description),
    authorName: assignment.authorName,
    createdAt: assignment.createdAt,
    status: copy.status,
    isNew: copy.openedAt === null,
  };
}
