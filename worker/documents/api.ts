import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  addDocument,
  deleteDocument,
  documentsOf,
  openDocument,
  type AddRefusal,
  type DocumentView,
} from "../../core/documents/documents.ts";
import { fileKinds } from "../../core/kernel/files/rules.ts";
import type { AppEnv } from "../context.ts";
import { fileResponse } from "../../web/kernel/files/serve.server.ts";
import { personRoute, type PersonCaller } from "../kernel/api/access.ts";
import { errorSchema, json, refuse } from "../kernel/api/errors.ts";
import { idempotencyHeaders } from "../kernel/api/idempotency.ts";

const documentSchema = z
  .object({
    id: z.string().openapi({ example: "doc_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    clientUserId: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    side: z.enum(["client", "staff"]).openapi({ description: "client: an upload; staff: a download" }),
    description: z.string(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
    file: z
      .object({ name: z.string(), size: z.number().int(), kind: z.string(), inline: z.boolean() })
      .nullable(),
    link: z.object({ href: z.string(), host: z.string() }).nullable(),
  })
  .openapi("Document");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such client or document of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

const listDocumentsRoute = personRoute(
  { permission: "portal:use", feature: "documents" },
  {
    method: "get",
    path: "/documents",
    operationId: "listDocuments",
    summary: "The documents of a client's dossier",
    description:
      "A client sees their own; staff give `client`, one of the clients assigned to them. `filter`: mine (what the caller's side added) or theirs.",
    request: {
      query: z.object({
        client: z.string().min(1).max(40).optional(),
        filter: z.enum(["all", "mine", "theirs"]).default("all"),
      }),
    },
    responses: { 200: json(z.object({ documents: z.array(documentSchema) }), "Newest first"), ...common },
  },
);

const uploadDocumentRoute = personRoute(
  { permission: "portal:use", feature: "documents" },
  {
    method: "post",
    path: "/documents",
    operationId: "uploadDocument",
    summary: "Add a document: an uploaded file or a link",
    description:
      "Upload the file first (createUpload, uploadPart, completeUpload) and give its id here, or give an https `url`. The description defaults to the file name. With `notify` the other side is told (the client's care team, or the client). An upload goes with one document or message only: another use answers 409. Send an `Idempotency-Key` header: a retry with the same key and body returns the same document (200) instead of a second one.",
    request: {
      headers: idempotencyHeaders,
      body: {
        content: {
          "application/json": {
            schema: z.object({
              client: z.string().min(1).max(40).optional(),
              fileId: z.string().min(1).max(40).optional(),
              url: z.string().max(2000).optional(),
              description: z.string().max(2000).optional(),
              notify: z.boolean().default(false),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ document: documentSchema }), "Added"),
      200: json(z.object({ document: documentSchema }), "The document this key added before"),
      400: json(errorSchema, "nothing, url_invalid or description_too_long"),
      409: json(errorSchema, "file_taken: the upload went with another document or a message already"),
      ...common,
    },
  },
);

const documentId = z.object({ id: z.string().min(1).max(40) });

/** A file is served as the type of its kind (web/kernel/files/serve.server.ts), one of these. */
const fileContent = Object.fromEntries(
  Object.values(fileKinds).map(({ mime }) => [mime, { schema: z.string().openapi({ format: "binary" }) }]),
);

const downloadDocumentRoute = personRoute(
  { permission: "portal:use", feature: "documents" },
  {
    method: "get",
    path: "/documents/{id}/download",
    operationId: "downloadDocument",
    summary: "The file of a document, streamed",
    description:
      "`view=inline` shows PDFs and images in the browser under a sandboxing Content-Security-Policy; everything else, and everything without it, is an attachment with its file name. Checked and audited on every request.",
    request: { params: documentId, query: z.object({ view: z.enum(["inline", "attachment"]).optional() }) },
    responses: {
      200: { description: "The file, as the kind its content was recognised as", content: fileContent },
      ...common,
    },
  },
);

const deleteDocumentRoute = personRoute(
  { permission: "portal:use", feature: "documents" },
  {
    method: "post",
    path: "/documents/{id}/{change}",
    operationId: "deleteDocument",
    summary: "The author deletes a document, or restores it",
    description: `A deleted document can be restored for 30 days; then it and its file are removed for good.`,
    request: { params: documentId.extend({ change: z.enum(["delete", "restore"]) }) },
    responses: { 204: { description: "Done" }, ...common },
  },
);

const addRefusals: Record<AddRefusal, string> = {
  not_found: "No such client of yours",
  file_not_found: "No such finished upload of yours",
  file_taken: "This upload went with another document or a message already",
  url_invalid: "A link is a full https address",
  description_too_long: "The description is at most 500 characters",
  nothing: "Give either a file or a link",
};

function documentsIn(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  return {
    deps: c.get("services").documentsFor(tenant),
    actor: { id: account.id, role: account.role },
    origin,
  };
}

const shown = (document: DocumentView) => ({
  id: document.id,
  clientUserId: document.clientUserId,
  authorId: document.authorId,
  authorName: document.authorName,
  side: document.side,
  description: document.description,
  createdAt: document.createdAt,
  deletedAt: document.deletedAt,
  file: document.file,
  link: document.link,
});

export function registerDocumentRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listDocumentsRoute, async (c) => {
    const { deps, actor, origin } = documentsIn(c);
    const query = c.req.valid("query");
    const client = actor.role === "client" ? actor.id : (query.client ?? "");
    const found = await documentsOf(deps, actor, client, query.filter, origin);
    if (!found) return refuse(c, "notFound", "No such client of yours");
    return c.json({ documents: found.map(shown) }, 200);
  });

  api.openapi(uploadDocumentRoute, async (c) => {
    const { deps, actor, origin } = documentsIn(c);
    const body = c.req.valid("json");
    const clientUserId = actor.role === "client" ? actor.id : (body.client ?? "");
    const requestKey = c.req.valid("header")["idempotency-key"];
    const result = await addDocument(deps, actor, { ...body, clientUserId, requestKey }, origin);
    if (!result.ok) {
      return refuse(c, result.reason, addRefusals[result.reason]);
    }
    return c.json({ document: shown(result.document) }, result.replayed ? 200 : 201);
  });

  api.openapi(downloadDocumentRoute, async (c) => {
    const { deps, actor, origin } = documentsIn(c);
    const inline = c.req.valid("query").view === "inline";
    const opened = await openDocument(deps, actor, c.req.valid("param").id, inline, origin);
    if (!opened) return refuse(c, "notFound", "No such document of yours");
    return fileResponse(opened.file, opened.body, opened.inline) as never;
  });

  api.openapi(deleteDocumentRoute, async (c) => {
    const { deps, actor, origin } = documentsIn(c);
    const { id, change } = c.req.valid("param");
    if (!(await deleteDocument(deps, actor, id, change === "restore", origin)))
      return refuse(c, "notFound", "No such document of yours");
    return c.body(null, 204);
  });
}
