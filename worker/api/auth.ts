import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Account } from "../../core/auth/accounts.ts";
import { login } from "../../core/auth/login.ts";
import type { AppEnv } from "../context.ts";
import { apiError, errorSchema } from "./errors.ts";

const meSchema = z
  .object({
    id: z.string().openapi({ example: "usr_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    email: z.string().openapi({ example: "sanne.visser@example.nl" }),
    displayName: z.string().openapi({ example: "Sanne Visser" }),
    role: z.enum(["admin", "staff", "client"]),
    language: z.enum(["nl", "en"]),
    timeZone: z.string().openapi({ example: "Europe/Amsterdam" }),
    mustChangePassword: z.boolean(),
  })
  .openapi("Me");

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  operationId: "login",
  summary: "Sign in with e-mail and password; answers a bearer token for this tenant",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(1024) })
            .openapi("LoginRequest"),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ token: z.string(), expiresInSeconds: z.number().int(), user: meSchema }).openapi("Login"),
      "Signed in",
    ),
    400: json(errorSchema, "Invalid input"),
    401: json(errorSchema, "E-mail address and password do not match"),
    404: json(errorSchema, "No tenant on this host"),
    429: json(errorSchema, "Too many failed attempts; see Retry-After"),
  },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  operationId: "logout",
  summary: "End the session of the bearer token (or cookie)",
  responses: { 204: { description: "Signed out" }, 401: json(errorSchema, "Not signed in") },
});

const meRoute = createRoute({
  method: "get",
  path: "/me",
  operationId: "getMe",
  summary: "The signed-in person",
  responses: { 200: json(meSchema, "The signed-in person"), 401: json(errorSchema, "Not signed in") },
});

const notSignedIn = apiError("unauthorized", "Not signed in");

function me(account: Account): z.infer<typeof meSchema> {
  const { id, email, displayName, role, language, timeZone, mustChangePassword } = account;
  return { id, email, displayName, role, language, timeZone, mustChangePassword };
}

export function registerAuthRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(loginRoute, async (c) => {
    const site = c.get("site");
    if (site.kind !== "tenant") return c.json(apiError("not_found", "No tenant on this host"), 404);
    const identity = c.get("services").identityFor(site.tenant);
    const { email, password } = c.req.valid("json");
    const result = await login(identity, {
      email,
      password,
      ipAddress: c.req.header("cf-connecting-ip") ?? null,
      userAgent: c.req.header("user-agent") ?? null,
    });
    if (!result.ok && result.reason === "throttled") {
      c.header("Retry-After", String(result.retryAfterSeconds ?? 60));
      return c.json(apiError("throttled", "Too many failed attempts"), 429);
    }
    if (!result.ok)
      return c.json(apiError("invalid_credentials", "E-mail address and password do not match"), 401);
    return c.json(
      {
        token: result.token,
        expiresInSeconds: identity.timeouts.absoluteHours * 3600,
        user: me(result.account),
      },
      200,
    );
  });

  api.openapi(logoutRoute, async (c) => {
    const auth = c.get("auth");
    const site = c.get("site");
    if (!auth || site.kind !== "tenant") return c.json(notSignedIn, 401);
    const identity = c.get("services").identityFor(site.tenant);
    await identity.sessions.end(auth.session.id);
    await identity.audit.record({ action: "auth.logout", result: "success", actorUserId: auth.account.id });
    return c.body(null, 204);
  });

  api.openapi(meRoute, (c) => {
    const auth = c.get("auth");
    if (!auth) return c.json(notSignedIn, 401);
    return c.json(me(auth.account), 200);
  });
}
