import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { openFile } from "../../../core/kernel/files/uploads.ts";
import { mayOpenAttachment } from "../../../core/messaging/attachments.ts";
import { fileResponse } from "../../kernel/files/serve.server.ts";
import { requireMessaging } from "../messaging.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "messages" } satisfies Access;

/**
 * A file sent in a conversation, streamed from R2 for those who read and write there
 * (core/messaging/attachments.ts decides, and audits it); anyone else gets 404. `?view=inline`
 * shows a PDF or image as a sandboxed page of its own; everything else is downloaded.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, actor, deps, origin } = requireMessaging(context, request, access);
  const wantInline = new URL(request.url).searchParams.get("view") === "inline";
  const fileId = params.file ?? "";
  if (!(await mayOpenAttachment(deps, actor, params.id ?? "", fileId, wantInline, origin)))
    throw data(null, { status: 404 });
  const opened = await openFile(context.services.filesFor(tenant), fileId, wantInline);
  if (!opened) throw data(null, { status: 404 });
  return fileResponse(opened.file, opened.body, opened.inline);
}
