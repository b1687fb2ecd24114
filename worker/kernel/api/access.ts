import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import { authenticateApiKey, looksLikeApiKey, type ApiKey } from "../../../core/kernel/auth/api-keys.ts";
import type { ApiScope } from "../../../core/kernel/auth/api-scopes.ts";
import { hasPermission, type Permission } from "../../../core/kernel/auth/permissions.ts";
import type { SessionRecord } from "../../../core/kernel/auth/sessions.ts";
import type { BucketRule } from "../../../core/kernel/platform/token-bucket.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import type { AppEnv } from "../../context.ts";
import { takeFromBucket } from "../middleware/rate-limit.ts";
import { apiError } from "./errors.ts";

/**
 * The one authentication step of the API. Every operation behind it declares what it needs:
 * `personRoute` a permission of a signed-in person (the session token, or the cookie in the
 * browser), `scopedRoute` that permission or an API key with one scope. The step answers 401 to
 * no or a bad credential, 403 to a caller without the permission or scope (RFC 6750), and puts
 * the caller on the context; the declaration is also the operation's `security` in the OpenAPI
 * document.
 */
export type PersonCaller = { kind: "person"; tenant: Tenant; account: Account; session: SessionRecord };
export type KeyCaller = { kind: "key"; tenant: Tenant; key: ApiKey };
export type Caller = PersonCaller | KeyCaller;

type CallerEnv<C extends Caller> = AppEnv & { Variables: { caller: C } };

/** Per key, apart from the per-address budget every API request has: a burst of 60, then one a second. */
const perKey: BucketRule = { capacity: 60, refillPerSecond: 1 };

const sessionScheme = "session";
const keyScheme = "apiKey";

export function registerSecuritySchemes(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent("securitySchemes", sessionScheme, {
    type: "http",
    scheme: "bearer",
    description:
      "A person's session: the token from login or completeSecondFactor (the portal's own pages use the session cookie)",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", keyScheme, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "portaal_key_<id>.<secret>",
    description:
      "An API key a tenant admin made at /admin/api-keys. The scopes listed with an operation are the ones a key needs for it; a key never reaches sign-in, account or session operations.",
  });
}

type Declared = Omit<RouteConfig, "security" | "middleware"> & { operationId: string };

/** The route with its security and the access step, typed so the handler sees its caller. */
function declare<R extends Declared, C extends Caller>(
  route: R,
  security: RouteConfig["security"],
  step: MiddlewareHandler<CallerEnv<Caller>>,
) {
  type Full = R & { security: RouteConfig["security"]; middleware: MiddlewareHandler<CallerEnv<C>> };
  // The step sets a person as the caller whenever the operation takes no key (scope null).
  const middleware = step as unknown as MiddlewareHandler<CallerEnv<C>>;
  return createRoute<R["path"], Full>({ ...route, security, middleware } as Full);
}

/** An operation for a signed-in person only: their own account and session. No key reaches it. */
export function personRoute<R extends Declared>(permission: Permission, route: R) {
  return declare<R, PersonCaller>(
    route,
    [{ [sessionScheme]: [] }],
    accessStep(route.operationId, permission, { scope: null, ownAccount: true }),
  );
}

/**
 * An operation on a person's own work (their appointments, their conversations) that only a
 * signed-in person does: no key reaches it, and, as on the pages, not before a temporary password
 * is replaced and a required second factor set up.
 */
export function workRoute<R extends Declared>(permission: Permission, route: R) {
  return declare<R, PersonCaller>(
    route,
    [{ [sessionScheme]: [] }],
    accessStep(route.operationId, permission, { scope: null, ownAccount: false }),
  );
}

/** An operation for a person with the permission, or a key with the scope. */
export function scopedRoute<R extends Declared>(
  access: { permission: Permission; scope: ApiScope },
  route: R,
) {
  return declare<R, Caller>(
    route,
    [{ [sessionScheme]: [] }, { [keyScheme]: [access.scope] }],
    accessStep(route.operationId, access.permission, { scope: access.scope, ownAccount: false }),
  );
}

const refusal = (c: Context, status: 401 | 403, challenge: string, code: string, message: string) => {
  c.header("WWW-Authenticate", challenge);
  return c.json(apiError(code, message), status);
};

/** What a call may use: a key with `scope` (null: no key), and whether it is about one's own account. */
type Access = { scope: ApiScope | null; ownAccount: boolean };

function accessStep(operation: string, permission: Permission, { scope, ownAccount }: Access) {
  return createMiddleware<CallerEnv<Caller>>(async (c, next) => {
    const site = c.get("site");
    const token = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (site.kind === "tenant" && token && looksLikeApiKey(token)) {
      return keyStep(c, site.tenant, token, operation, scope, next);
    }
    const auth = c.get("auth");
    if (!auth || site.kind !== "tenant") {
      return refusal(c, 401, "Bearer", "unauthorized", "Not signed in");
    }
    const { account, session } = auth;
    if (!hasPermission(account.role, permission)) {
      return c.json(apiError("forbidden", "This account may not do this"), 403);
    }
    // As on the pages: until a temporary password is replaced, or a required second factor set
    // up, a session reaches only its own account and session.
    if (!ownAccount && account.mustChangePassword) {
      return c.json(apiError("password_change_required", "Choose a new password in the portal first"), 403);
    }
    const tenant = site.tenant;
    if (
      !ownAccount &&
      session.strength !== "two-step" &&
      tenant.settings.secondFactor.required.includes(account.role)
    ) {
      return c.json(apiError("second_factor_required", "Set up a second factor in the portal first"), 403);
    }
    c.set("caller", { kind: "person", tenant, account, session });
    await next();
  });
}

/**
 * A call with an API key. Every call with a key of this tenant is in the audit log with the key
 * as the actor, refusals included; a call the per-key rate limit refuses is not, so a flood does
 * not become a flood of log lines.
 */
async function keyStep(
  c: Context<CallerEnv<Caller>>,
  tenant: Tenant,
  token: string,
  operation: string,
  scope: ApiScope | null,
  next: () => Promise<void>,
) {
  const identity = c.get("services").identityFor(tenant);
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  const check = await authenticateApiKey(identity, token);
  const audit = (
    key: ApiKey,
    result: "success" | "failure" | "denied",
    detail: Record<string, string | number>,
  ) =>
    identity.audit.record({
      action: "api-keys.use",
      result,
      actorUserId: key.id,
      targetType: "api-key",
      targetId: key.id,
      ...origin,
      detail: { key: key.name, operation, ...detail },
    });
  if (!check.ok) {
    if (check.key) await audit(check.key, "failure", { reason: check.reason });
    return refusal(
      c,
      401,
      'Bearer error="invalid_token"',
      "invalid_key",
      "This API key is not valid (any more)",
    );
  }
  const { key } = check;
  const throttled = await takeFromBucket(c, `api-key:${tenant.id}:${key.id}`, perKey);
  if (throttled) return throttled;
  if (!scope) {
    await audit(key, "denied", { reason: "person_only" });
    return refusal(
      c,
      401,
      'Bearer error="invalid_token"',
      "person_required",
      "This operation is for a signed-in person; an API key cannot use it",
    );
  }
  if (!key.scopes.includes(scope)) {
    await audit(key, "denied", { reason: "scope_missing", scope });
    return refusal(
      c,
      403,
      `Bearer error="insufficient_scope", scope="${scope}"`,
      "insufficient_scope",
      `This API key lacks the scope ${scope}`,
    );
  }
  c.set("caller", { kind: "key", tenant, key });
  // As for a signed-in person: no cache keeps what a key read.
  c.header("Cache-Control", "no-store");
  await next();
  await audit(key, c.res.status < 400 ? "success" : "failure", { status: c.res.status });
}
