import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { attachmentFor } from "../../core/assignments/desk.ts";
import { fileKinds, type FileKindKey } from "../../core/files/rules.ts";
import { openFile } from "../../core/files/uploads.ts";
import { requireAssignments } from "../assignments.server.ts";

/**
 * A file of an assignment, streamed from R2 for someone who may see it (core/assignments/desk.ts
 * decides, and audits it); anyone else gets 404. It is always downloaded under its own name, never
 * shown inside the portal's origin.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, actor, deps, origin } = requireAssignments(context, request, "portal:use");
  const attachment = await attachmentFor(deps, actor, params.id ?? "", params.file ?? "", origin);
  if (!attachment) throw data(null, { status: 404 });
  const opened = await openFile(context.services.filesFor(tenant), attachment.fileId);
  if (!opened) throw data(null, { status: 404 });
  const kind = fileKinds[opened.file.kind as FileKindKey];
  return new Response(opened.body, {
    headers: {
      "Content-Type": kind?.mime ?? "application/octet-stream",
      "Content-Length": String(opened.file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(opened.file.name)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
