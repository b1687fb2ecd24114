import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { pageOfPeople } from "../../../core/kernel/auth/accounts.ts";
import { isId } from "../../../core/kernel/ids.ts";
import { roles } from "../../../core/kernel/auth/permissions.ts";
import type { AppEnv } from "../../context.ts";
import { scopedRoute } from "./access.ts";
import { errorSchema, json } from "./errors.ts";

const personSchema = z
  .object({
    id: z.string().openapi({ example: "usr_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    email: z.string().openapi({ example: "sanne.visser@example.nl" }),
    displayName: z.string().openapi({ example: "Sanne Visser" }),
    role: z.enum(roles),
    status: z.enum(["invited", "active", "disabled"]),
    createdAt: z.string().openapi({ example: "2026-11-22T09:30:00.000Z" }),
  })
  .openapi("Person");

const listUsersRoute = scopedRoute(
  { permission: "users:manage", scope: "users:read" },
  {
    method: "get",
    path: "/users",
    operationId: "listUsers",
    summary: "The tenant's people with their role and status, a page at a time",
    description:
      "In the order they were added. Pass `nextCursor` of a page as `cursor` for the next; it is null on the last page. No passwords, factors or sessions.",
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(50),
        cursor: z
          .string()
          .refine((value) => isId("user", value), "cursor is not a cursor of this list")
          .optional(),
      }),
    },
    responses: {
      200: json(
        z.object({ users: z.array(personSchema), nextCursor: z.string().nullable() }).openapi("PeoplePage"),
        "A page of people",
      ),
      400: json(errorSchema, "Invalid limit or cursor"),
      401: json(errorSchema, "No valid session or API key"),
      403: json(errorSchema, "The person may not manage users, or the key lacks the scope users:read"),
      429: json(errorSchema, "Too many requests; see Retry-After"),
    },
  },
);

export function registerUserRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listUsersRoute, async (c) => {
    const { tenant } = c.get("caller");
    const { limit, cursor } = c.req.valid("query");
    const page = await pageOfPeople(c.get("services").identityFor(tenant).accounts, cursor ?? null, limit);
    return c.json({ users: page.people, nextCursor: page.nextCursor }, 200);
  });
}
