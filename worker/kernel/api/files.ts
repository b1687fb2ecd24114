import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  cancelUpload,
  finishUpload,
  sendPart,
  startUpload,
  uploadProgress,
  type UploadRefusal,
  type UploadView,
} from "../../../core/kernel/files/uploads.ts";
import { partSize } from "../../../core/kernel/files/rules.ts";
import type { AppEnv } from "../../context.ts";
import { personRoute, type PersonCaller } from "./access.ts";
import { errorSchema, json, refuse } from "./errors.ts";

/**
 * The upload operations every capability shares (core/kernel/files/uploads.ts). A file goes up in parts:
 * createUpload, then uploadPart for every part (the body is the part's raw bytes, streamed into
 * R2), getUpload to learn which parts arrived after a dropped connection, completeUpload to join
 * and check them. The finished file's id is then given to the capability (uploadDocument).
 */

const uploadSchema = z
  .object({
    id: z.string().openapi({ example: "fil_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    name: z.string(),
    size: z.number().int(),
    status: z.enum(["uploading", "stored"]),
    partSize: z.number().int().openapi({ description: "Every part but the last has exactly this size" }),
    partCount: z.number().int(),
    receivedParts: z.array(z.number().int()),
    expiresAt: z.string().nullable(),
  })
  .openapi("Upload");

const fileSchema = z
  .object({ id: z.string(), name: z.string(), size: z.number().int(), kind: z.string() })
  .openapi("StoredFile");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such upload of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

const uploadId = z.object({ id: z.string().min(1).max(40) });

const createUploadRoute = personRoute(
  { permission: "portal:use" },
  {
    method: "post",
    path: "/files/uploads",
    operationId: "createUpload",
    summary: "Start uploading a file (part of uploadDocument)",
    description:
      "Checks the name (no paths, control characters or reserved names; an allowed type), the size (not empty, within the tenant's limit, at most 250 MB) and the tenant's storage quota, and reserves the size. Send the parts with uploadPart. An upload not completed within 24 hours is removed.",
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({ name: z.string().min(1).max(400), size: z.number().int() }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ upload: uploadSchema }), "Started; send the parts"),
      400: json(errorSchema, "Invalid request"),
      413: json(
        errorSchema,
        "too_large: larger than the tenant allows; over_quota: the tenant's storage is full",
      ),
      422: json(errorSchema, "name_unsafe, type_not_allowed or empty"),
      ...common,
    },
  },
);

const uploadPartRoute = personRoute(
  { permission: "portal:use" },
  {
    method: "put",
    path: "/files/uploads/{id}/parts/{partNumber}",
    operationId: "uploadPart",
    summary: "Send one part of an upload",
    description:
      "The body is the part's bytes (`application/octet-stream`): part n covers bytes (n-1)*partSize up to n*partSize of the file. A part sent again replaces the earlier one. A body of another length is refused and not kept; one whose Content-Length is larger than any part (a whole file in one request) is refused at once, unread.",
    request: {
      params: z.object({
        id: z.string().min(1).max(40),
        partNumber: z.coerce.number().int().min(1).max(10_000),
      }),
      body: {
        content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
        required: true,
      },
    },
    responses: {
      200: json(z.object({ partNumber: z.number().int() }), "The part arrived"),
      400: json(errorSchema, "part_invalid: no such part, or not its size"),
      413: json(errorSchema, "part_too_large: larger than a part can be; send the file in parts"),
      ...common,
    },
  },
);

const getUploadRoute = personRoute(
  { permission: "portal:use" },
  {
    method: "get",
    path: "/files/uploads/{id}",
    operationId: "getUpload",
    summary: "An upload and the parts that arrived (to resume)",
    request: { params: uploadId },
    responses: { 200: json(z.object({ upload: uploadSchema }), "The upload"), ...common },
  },
);

const completeUploadRoute = personRoute(
  { permission: "portal:use" },
  {
    method: "post",
    path: "/files/uploads/{id}/complete",
    operationId: "completeUpload",
    summary: "Join the parts and check the content",
    description:
      "The content must be what the name says (checked by its magic bytes; text must be UTF-8 text). A refused file is removed at once, nothing of it is kept.",
    request: { params: uploadId },
    responses: {
      200: json(z.object({ file: fileSchema }), "Stored; link it with uploadDocument within 24 hours"),
      409: json(errorSchema, "upload_incomplete: parts are missing (see getUpload)"),
      422: json(errorSchema, "type_mismatch: the content is not what the name says"),
      ...common,
    },
  },
);

const abortUploadRoute = personRoute(
  { permission: "portal:use" },
  {
    method: "delete",
    path: "/files/uploads/{id}",
    operationId: "abortUpload",
    summary: "Stop an upload; its parts are thrown away",
    request: { params: uploadId },
    responses: { 204: { description: "Stopped" }, ...common },
  },
);

/** What each refusal tells; `failures` gives its status and code. */
export const refusalMessage: Record<UploadRefusal, string> = {
  name_unsafe: "This file name cannot be used: no folders, control characters or reserved names",
  type_not_allowed: "Files of this type are not accepted here",
  empty: "The file is empty",
  type_mismatch: "The content of the file is not what its name says",
  too_large: "The file is larger than allowed",
  over_quota: "The storage of this portal is full",
  upload_incomplete: "Parts of the file are missing; send them and complete again",
  part_invalid: "No such part, or the part does not have its size",
  not_found: "No such upload of yours",
};

const shown = (upload: UploadView) => upload;

function refused<S extends 400 | 404 | 409 | 413 | 422>(c: Context, reason: UploadRefusal) {
  return refuse<UploadRefusal, S>(c, reason, refusalMessage[reason]);
}

function filesOf(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  return { deps: c.get("services").filesFor(tenant), uploaderId: account.id };
}

export function registerFileRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(createUploadRoute, async (c) => {
    const { deps, uploaderId } = filesOf(c);
    const result = await startUpload(deps, uploaderId, c.req.valid("json"));
    if (!result.ok) return refused<413 | 422>(c, result.reason);
    return c.json({ upload: shown(result.upload) }, 201);
  });

  api.openapi(uploadPartRoute, async (c) => {
    const declared = c.req.header("content-length");
    // A whole file in one request: answered before anything is looked up, with the body left
    // unread. Not cancelled: cancelling a body still being sent makes the local runtime fail the
    // request with 500 "Network connection lost" instead of passing this answer on.
    if (declared && Number(declared) > partSize)
      return refuse(
        c,
        "partTooLarge",
        `A part is at most ${partSize} bytes; send the file in parts (createUpload)`,
      );
    const { deps, uploaderId } = filesOf(c);
    const { id, partNumber } = c.req.valid("param");
    const body = c.req.raw.body;
    if (!body) return refused<400>(c, "part_invalid");
    const result = await sendPart(deps, uploaderId, id, partNumber, body, declared ? Number(declared) : null);
    if (!result.ok) return refused<400 | 404>(c, result.reason);
    return c.json({ partNumber }, 200);
  });

  api.openapi(getUploadRoute, async (c) => {
    const { deps, uploaderId } = filesOf(c);
    const upload = await uploadProgress(deps, uploaderId, c.req.valid("param").id);
    if (!upload) return refused<404>(c, "not_found");
    return c.json({ upload: shown(upload) }, 200);
  });

  api.openapi(completeUploadRoute, async (c) => {
    const { deps, uploaderId } = filesOf(c);
    const result = await finishUpload(deps, uploaderId, c.req.valid("param").id);
    if (!result.ok) return refused<404 | 409 | 422>(c, result.reason);
    const { id, name, size, kind } = result.file;
    return c.json({ file: { id, name, size, kind } }, 200);
  });

  api.openapi(abortUploadRoute, async (c) => {
    const { deps, uploaderId } = filesOf(c);
    if (!(await cancelUpload(deps, uploaderId, c.req.valid("param").id))) return refused<404>(c, "not_found");
    return c.body(null, 204);
  });
}
