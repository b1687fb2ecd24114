import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import { roles } from "../../../core/kernel/auth/permissions.ts";
import type { SessionStrength } from "../../../core/kernel/auth/sessions.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { finishSignIn, login } from "../../../core/kernel/auth/login.ts";
import { completeSecondStep } from "../../../core/kernel/auth/second-factor.ts";
import { deviceCookie, deviceTokenOf } from "../../../web/kernel/cookies.ts";
import type { AppEnv } from "../../context.ts";
import { personRoute } from "./access.ts";
import { errorSchema, json, refuse } from "./errors.ts";

const meSchema = z
  .object({
    id: z.string().openapi({ example: "usr_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    email: z.string().openapi({ example: "sanne.visser@example.nl" }),
    displayName: z.string().openapi({ example: "Sanne Visser" }),
    role: z.enum(roles),
    language: z.enum(["nl", "en"]),
    timeZone: z.string().openapi({ example: "Europe/Amsterdam" }),
    mustChangePassword: z.boolean(),
    secondFactorSetupRequired: z.boolean().openapi({
      description:
        "The tenant requires a second factor of this role and this session was opened with the password alone: set one up in the portal first",
    }),
  })
  .openapi("Me");

const loginAnswer = z
  .object({ token: z.string(), expiresInSeconds: z.number().int(), user: meSchema })
  .openapi("Login");

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
    200: json(loginAnswer, "Signed in"),
    202: json(
      z
        .object({ challenge: z.string(), expiresInSeconds: z.number().int() })
        .openapi("SecondFactorChallenge"),
      "Password right; send a code of the second factor with this challenge to completeSecondFactor",
    ),
    400: json(errorSchema, "Invalid input"),
    401: json(errorSchema, "E-mail address and password do not match"),
    404: json(errorSchema, "No tenant on this host"),
    429: json(errorSchema, "Too many failed attempts; see Retry-After"),
  },
});

const secondFactorRoute = createRoute({
  method: "post",
  path: "/auth/second-factor",
  operationId: "completeSecondFactor",
  summary: "Finish a sign-in with a code from the authenticator app or a recovery code",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({ challenge: z.string().min(1).max(200), code: z.string().trim().min(1).max(40) })
            .openapi("SecondFactorRequest"),
        },
      },
    },
  },
  responses: {
    200: json(loginAnswer, "Signed in"),
    400: json(errorSchema, "Invalid input"),
    401: json(errorSchema, "Wrong or used code, or the challenge expired"),
    404: json(errorSchema, "No tenant on this host"),
    429: json(errorSchema, "Too many wrong codes"),
  },
});

const notAPerson = "Not signed in; an API key is not a person and gets 401 here";

const logoutRoute = personRoute(
  { permission: "portal:use", opensAt: "password-change" },
  {
    method: "post",
    path: "/auth/logout",
    operationId: "logout",
    summary: "End the session of the bearer token (or cookie)",
    responses: { 204: { description: "Signed out" }, 401: json(errorSchema, notAPerson) },
  },
);

const meRoute = personRoute(
  { permission: "portal:use", opensAt: "password-change" },
  {
    method: "get",
    path: "/me",
    operationId: "getMe",
    summary: "The signed-in person",
    responses: { 200: json(meSchema, "The signed-in person"), 401: json(errorSchema, notAPerson) },
  },
);

function me(account: Account, tenant: Tenant, strength: SessionStrength): z.infer<typeof meSchema> {
  const { id, email, displayName, role, language, timeZone, mustChangePassword } = account;
  const secondFactorSetupRequired =
    strength !== "two-step" && tenant.settings.secondFactor.required.includes(account.role);
  return { id, email, displayName, role, language, timeZone, mustChangePassword, secondFactorSetupRequired };
}

export function registerAuthRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(loginRoute, async (c) => {
    const site = c.get("site");
    if (site.kind !== "tenant") return refuse(c, "notFound", "No tenant on this host");
    const identity = c.get("services").identityFor(site.tenant);
    const { email, password } = c.req.valid("json");
    const result = await login(identity, {
      email,
      password,
      ipAddress: c.req.header("cf-connecting-ip") ?? null,
      userAgent: c.req.header("user-agent") ?? null,
      deviceToken: deviceTokenOf(c.req.raw),
    });
    if (!result.ok && result.reason === "second-factor") {
      return c.json({ challenge: result.challenge, expiresInSeconds: 300 }, 202);
    }
    if (!result.ok && result.reason === "throttled") {
      c.header("Retry-After", String(result.retryAfterSeconds ?? 60));
      return refuse(c, "throttled", "Too many failed attempts");
    }
    if (!result.ok) return refuse(c, "wrongCredentials", "E-mail address and password do not match");
    c.header("Set-Cookie", deviceCookie(result.deviceToken));
    return c.json(
      {
        token: result.token,
        expiresInSeconds: identity.timeouts.absoluteHours * 3600,
        user: me(result.account, site.tenant, "password"),
      },
      200,
    );
  });

  api.openapi(secondFactorRoute, async (c) => {
    const site = c.get("site");
    if (site.kind !== "tenant") return refuse(c, "notFound", "No tenant on this host");
    const identity = c.get("services").identityFor(site.tenant);
    const { challenge, code } = c.req.valid("json");
    const client = {
      ipAddress: c.req.header("cf-connecting-ip") ?? null,
      userAgent: c.req.header("user-agent") ?? null,
    };
    const result = await completeSecondStep(identity, challenge, code, client);
    if (!result.ok && result.reason === "throttled") return refuse(c, "throttled", "Too many wrong codes");
    if (!result.ok) return refuse(c, "wrongCode", "Wrong or used code, or the challenge expired");
    const { token, deviceToken } = await finishSignIn(
      identity,
      result.account,
      { ...client, deviceToken: deviceTokenOf(c.req.raw) },
      "two-step",
      { method: result.method },
    );
    c.header("Set-Cookie", deviceCookie(deviceToken));
    return c.json(
      {
        token,
        expiresInSeconds: identity.timeouts.absoluteHours * 3600,
        user: me(result.account, site.tenant, "two-step"),
      },
      200,
    );
  });

  api.openapi(logoutRoute, async (c) => {
    const { tenant, account, session } = c.get("caller");
    const identity = c.get("services").identityFor(tenant);
    await identity.sessions.end(session.id);
    await identity.audit.record({ action: "auth.logout", result: "success", actorUserId: account.id });
    return c.body(null, 204);
  });

  api.openapi(meRoute, (c) => {
    const { tenant, account, session } = c.get("caller");
    return c.json(me(account, tenant, session.strength), 200);
  });
}
