import { z } from "@hono/zod-openapi";
import type { Context } from "hono";

/**
 * Every code an API error carries: `error.code` in every error answer, listed as the enum of the
 * `Error` schema in the OpenAPI document, so a client can rely on the list.
 */
export const ApiErrorCode = {
  invalidRequest: "invalid_request",
  unsupportedMediaType: "unsupported_media_type",
  unauthorized: "unauthorized",
  invalidKey: "invalid_key",
  personRequired: "person_required",
  insufficientScope: "insufficient_scope",
  forbidden: "forbidden",
  passwordChangeRequired: "password_change_required",
  secondFactorRequired: "second_factor_required",
  notFound: "not_found",
  rateLimited: "rate_limited",
  throttled: "throttled",
  internalError: "internal_error",
  invalidCredentials: "invalid_credentials",
  invalidCode: "invalid_code",
  notActive: "not_active",
  tooLate: "too_late",
  taken: "taken",
  unavailable: "unavailable",
  notOpen: "not_open",
  handedIn: "handed_in",
  invalidFiles: "invalid_files",
  empty: "empty",
  tooLong: "too_long",
  tooManyFiles: "too_many_files",
  unknownFile: "unknown_file",
  nameUnsafe: "name_unsafe",
  typeNotAllowed: "type_not_allowed",
  typeMismatch: "type_mismatch",
  tooLarge: "too_large",
  overQuota: "over_quota",
  uploadIncomplete: "upload_incomplete",
  partInvalid: "part_invalid",
  partTooLarge: "part_too_large",
  fileNotFound: "file_not_found",
  fileTaken: "file_taken",
  urlInvalid: "url_invalid",
  descriptionTooLong: "description_too_long",
  nothing: "nothing",
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
export const apiErrorCodes = Object.values(ApiErrorCode) as [ApiErrorCode, ...ApiErrorCode[]];

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

/**
 * How the API answers each reason a request fails for: the refusals of the access step, the
 * reasons core's use cases report (`{ ok: false, reason }`), and the API's own. The one place that
 * decides an error's status and code; each operation adds only its message.
 */
export const failures = {
  // The access step (core/kernel/auth/access.ts and API keys).
  "signed-out": [401, "unauthorized"],
  "password-change": [403, "password_change_required"],
  "second-factor": [403, "second_factor_required"],
  "organisation-choice": [403, "forbidden"],
  permission: [403, "forbidden"],
  feature: [404, "not_found"],
  badKey: [401, "invalid_key"],
  personOnly: [401, "person_required"],
  scopeMissing: [403, "insufficient_scope"],
  // Core's use cases.
  notFound: [404, "not_found"],
  invalid: [400, "invalid_request"],
  forbidden: [403, "forbidden"],
  throttled: [429, "throttled"],
  wrongCredentials: [401, "invalid_credentials"],
  wrongCode: [401, "invalid_code"],
  notHeld: [409, "not_active"],
  tooLate: [409, "too_late"],
  taken: [409, "taken"],
  unavailable: [422, "unavailable"],
  notOpen: [409, "not_open"],
  wrongStatus: [409, "handed_in"],
  invalidFiles: [400, "invalid_files"],
  // A message's fields (core/messaging/conversation.ts).
  emptyBody: [400, "empty"],
  tooLong: [400, "too_long"],
  tooMany: [400, "too_many_files"],
  unknown: [400, "unknown_file"],
  // Uploads (core/kernel/files/uploads.ts) and documents (core/documents/documents.ts).
  name_unsafe: [422, "name_unsafe"],
  type_not_allowed: [422, "type_not_allowed"],
  empty: [422, "empty"],
  type_mismatch: [422, "type_mismatch"],
  too_large: [413, "too_large"],
  over_quota: [413, "over_quota"],
  upload_incomplete: [409, "upload_incomplete"],
  part_invalid: [400, "part_invalid"],
  not_found: [404, "not_found"],
  file_not_found: [404, "file_not_found"],
  // A file of one's own that a document or a message already has.
  file_taken: [409, "file_taken"],
  url_invalid: [400, "url_invalid"],
  description_too_long: [400, "description_too_long"],
  nothing: [400, "nothing"],
  // The API's own.
  unsupportedMediaType: [415, "unsupported_media_type"],
  partTooLarge: [413, "part_too_large"],
  rateLimited: [429, "rate_limited"],
  crashed: [500, "internal_error"],
} as const satisfies Record<string, readonly [ErrorStatus, ApiErrorCode]>;
export type Failure = keyof typeof failures;

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(apiErrorCodes).openapi({ example: "not_found" }),
      message: z.string().openapi({ example: "Not found" }),
      field: z.string().optional().openapi({ description: "The field at fault, where there is one" }),
    }),
  })
  .openapi("Error");

/**
 * The answer to a failed request: the status and code `failures` gives the reason, the message,
 * and what else the operation tells (the field at fault, the next free slots). `S` narrows the
 * status to those an operation declares, where only some of the reasons of `R` can reach it.
 */
export function refuse<R extends Failure, S extends (typeof failures)[R][0] = (typeof failures)[R][0]>(
  c: Context,
  reason: R,
  message: string,
  { field, ...beside }: { field?: string } & Record<string, unknown> = {},
) {
  const [status, anyCode] = failures[reason];
  const code = anyCode as (typeof failures)[R][1];
  const error = field === undefined ? { code, message } : { code, message, field };
  return c.json({ ...beside, error }, status as S);
}

/** A JSON response of an operation, as its declaration names it. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
