import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import { authenticateApiKey, looksLikeApiKey, type ApiKey } from "../../../core/kernel/auth/api-keys.ts";
import type { ApiScope } from "../../../core/kernel/auth/api-scopes.ts";
import { checkAccess, type Access, type AccessRefusal } from "../../../core/kernel/auth/access.ts";
import type { SessionRecord } from "../../../core/kernel/auth/sessions.ts";
import type { BucketRule } from "../../../core/kernel/platform/token-bucket.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import type { AppEnv } from "../../context.ts";
import { takeFromBucket } from "../middleware/rate-limit.ts";
import { errorSchema, json, refuse, type Failure } from "./errors.ts";

/**
 * The one authentication step of the API. Every operation behind it declares its access as a page
 * does (`Access`: permission, feature, the first step from which it opens): `personRoute` for a
 * signed-in person (the session token, or the cookie in the browser), `scopedRoute` for such a
 * person or an API key with one scope. A person is checked by the same `checkAccess` as the pages.
 * The step answers 401 to no or a bad credential, 403 to a caller without the permission or scope
 * (RFC 6750), 404 where the tenant lacks the feature, and puts the caller on the context; the
 * declaration is also the operation's `security` in the OpenAPI document.
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

/** What the access step answers, declared with every operation behind it (its own descriptions win). */
const accessResponses = (access: Access): RouteConfig["responses"] => ({
  401: json(
    errorSchema,
    "unauthorized: no valid session; invalid_key or person_required: a bad key, or a key where a person is needed",
  ),
  403: json(
    errorSchema,
    "forbidden, insufficient_scope, password_change_required or second_factor_required: the caller may not do this (yet)",
  ),
  ...(access.feature && { 404: json(errorSchema, "not_found: the tenant does not use this feature") }),
});

/** The route with its security and the access step, typed so the handler sees its caller. */
function declare<R extends Declared, C extends Caller>(
  route: R,
  access: Access,
  security: RouteConfig["security"],
  step: MiddlewareHandler<CallerEnv<Caller>>,
) {
  type Full = R & { security: RouteConfig["security"]; middleware: MiddlewareHandler<CallerEnv<C>> };
  // The step sets a person as the caller whenever the operation takes no key (scope null).
  const middleware = step as unknown as MiddlewareHandler<CallerEnv<C>>;
  const responses = { ...accessResponses(access), ...route.responses };
  return createRoute<R["path"], Full>({ ...route, responses, security, middleware } as Full);
}

/**
 * An operation only a signed-in person does (their own account, their appointments, their
 * conversations): no key reaches it, and, as on the pages, not before a temporary password is
 * replaced and a required second factor set up, unless its access opens earlier.
 */
export function personRoute<R extends Declared>(access: Access, route: R) {
  return declare<R, PersonCaller>(
    route,
    access,
    [{ [sessionScheme]: [] }],
    accessStep(route.operationId, access, null),
  );
}

/**
 * An operation for a person with the access, or a key with the scope. A key has no tenant
 * feature check of its own yet, so these operations name no feature.
 */
export function scopedRoute<R extends Declared>(
  { scope, ...access }: Access & { feature?: never; scope: ApiScope },
  route: R,
) {
  return declare<R, Caller>(
    route,
    access,
    [{ [sessionScheme]: [] }, { [keyScheme]: [scope] }],
    accessStep(route.operationId, access, scope),
  );
}

/** A refusal of the credential itself, with the challenge RFC 6750 asks for. */
const challenged = (c: Context, reason: Failure, challenge: string, message: string) => {
  c.header("WWW-Authenticate", challenge);
  return refuse(c, reason, message);
};

/** What the API tells a person `checkAccess` refuses; `failures` gives the status and code. */
const personRefusals: Record<AccessRefusal, string> = {
  "signed-out": "Not signed in",
  "password-change": "Choose a new password in the portal first",
  "second-factor": "Set up a second factor in the portal first",
  // The API acts for no client organisation (it asks for no choice of one), so this stays unused.
  "organisation-choice": "This account may not do this",
  permission: "This account may not do this",
  // A tenant without the feature has none of its operations.
  feature: "Not found",
};

/** The access step of one operation: `scope` is what a key needs for it (null: no key). */
function accessStep(operation: string, access: Access, scope: ApiScope | null) {
  return createMiddleware<CallerEnv<Caller>>(async (c, next) => {
    const site = c.get("site");
    const token = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (site.kind === "tenant" && token && looksLikeApiKey(token)) {
      return keyStep(c, site.tenant, token, operation, scope, next);
    }
    const auth = c.get("auth");
    if (!auth || site.kind !== "tenant") {
      return challenged(c, "signed-out", "Bearer", "Not signed in");
    }
    const { account, session } = auth;
    const tenant = site.tenant;
    const verdict = checkAccess({ tenant, person: { account, session, organisation: null } }, access);
    if (!verdict.ok) return refuse(c, verdict.refusal, personRefusals[verdict.refusal]);
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
    return challenged(c, "badKey", 'Bearer error="invalid_token"', "This API key is not valid (any more)");
  }
  const { key } = check;
  const throttled = await takeFromBucket(c, `api-key:${tenant.id}:${key.id}`, perKey);
  if (throttled) return throttled;
  if (!scope) {
    await audit(key, "denied", { reason: "person_only" });
    return challenged(
      c,
      "personOnly",
      'Bearer error="invalid_token"',
      "This operation is for a signed-in person; an API key cannot use it",
    );
  }
  if (!key.scopes.includes(scope)) {
    await audit(key, "denied", { reason: "scope_missing", scope });
    return challenged(
      c,
      "scopeMissing",
      `Bearer error="insufficient_scope", scope="${scope}"`,
      `This API key lacks the scope ${scope}`,
    );
  }
  c.set("caller", { kind: "key", tenant, key });
  // As for a signed-in person: no cache keeps what a key read.
  c.header("Cache-Control", "no-store");
  await next();
  await audit(key, c.res.status < 400 ? "success" : "failure", { status: c.res.status });
}
