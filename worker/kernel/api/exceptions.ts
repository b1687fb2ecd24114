import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { refuse, type Failure } from "./errors.ts";

/**
 * Refusals that middleware raises as exceptions before an operation runs: hono's validator on a
 * body that is not JSON (400), @hono/zod-openapi on a body of an undeclared media type (415) and
 * the CSRF check on a form or text post from another site without a bearer token (403). They
 * answer in the API's error shape; their own plain-text bodies would not.
 */
const refusedEarly: Record<number, [Failure, string]> = {
  400: ["invalid", "The body is not valid JSON"],
  403: ["forbidden", "A form or text post from another site is refused; send JSON with a bearer token"],
  415: ["unsupportedMediaType", "Send the body as application/json"],
};

/**
 * What `/api/*` answers to an exception: a refusal raised on purpose in the API's error shape
 * with its own status, anything else a 500 that tells nothing of the cause (it is logged).
 */
export function apiFailure(error: Error, c: Context): Response {
  const early = error instanceof HTTPException ? refusedEarly[error.status] : undefined;
  if (early) return refuse(c, ...early);
  console.error(error);
  return refuse(c, "crashed", "Something went wrong");
}
