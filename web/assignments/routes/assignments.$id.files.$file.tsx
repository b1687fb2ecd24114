import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { attachmentFor } from "../../../core/assignments/desk.ts";
import { openFile } from "../../../core/kernel/files/uploads.ts";
import { fileResponse } from "../../kernel/files/serve.server.ts";
import { requireAssignments } from "../assignments.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "assignments" } satisfies Access;

/**
 * A file of an assignment, streamed from R2 for someone who may see it (core/assignments/desk.ts
 * decides, and audits it); anyone else gets 404. `?view=inline` shows a PDF or image as a
 * sandboxed page of its own; everything else is downloaded under its own name.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, actor, deps, origin } = requireAssignments(context, request, access);
  const wantInline = new URL(request.url).searchParams.get("view") === "inline";
  const attachment = await attachmentFor(deps, actor, params.id ?? "", params.file ?? "", wantInline, origin);
  if (!attachment) throw data(null, { status: 404 });
  const opened = await openFile(context.services.filesFor(tenant), attachment.fileId, wantInline);
  if (!opened) throw data(null, { status: 404 });
  return fileResponse(opened.file, opened.body, opened.inline);
}
