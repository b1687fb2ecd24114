import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import { errorSchema, json } from "./errors.ts";

/**
 * What any operation may answer besides its own outcomes, declared here once for all of them so
 * the OpenAPI document lists every status a client can meet (the access step declares its own,
 * worker/kernel/api/access.ts). An operation's own declaration of a status wins.
 */
function commonResponses(route: RouteConfig): RouteConfig["responses"] {
  const { query, params, headers, body } = route.request ?? {};
  const takesInput = Boolean(query || params || headers || body);
  const takesJson = Boolean(body?.content["application/json"]);
  const changes = !["get", "head", "options"].includes(route.method);
  return {
    ...(takesInput && {
      400: json(
        errorSchema,
        "invalid_request: a parameter, header or the body is missing, malformed or invalid",
      ),
    }),
    ...(changes && {
      403: json(errorSchema, "forbidden: a form or text post from another site without a bearer token"),
    }),
    ...(takesJson && { 415: json(errorSchema, "unsupported_media_type: the body is not application/json") }),
    429: json(errorSchema, "rate_limited: too many requests from this address; see Retry-After"),
    500: json(errorSchema, "internal_error: an unexpected failure; the cause is logged, not shown"),
  };
}

/**
 * The operation as it is registered: the common responses added, and a request body required
 * unless the operation says it is optional, so a request without one is refused by validation
 * instead of reaching the handler empty.
 */
export function completed<R extends RouteConfig>(route: R): R {
  const body = route.request?.body;
  return {
    ...route,
    ...(body && { request: { ...route.request, body: { ...body, required: body.required ?? true } } }),
    responses: { ...commonResponses(route), ...route.responses },
  };
}

/** Every operation registered on `api` from now on is `completed` first. */
export function completeEveryOperation(api: OpenAPIHono<AppEnv>) {
  const register = api.openapi;
  api.openapi = ((route, handler, hook) => register(completed(route), handler, hook)) as typeof register;
}
