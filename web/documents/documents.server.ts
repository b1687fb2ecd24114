import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { addDocument, deleteDocument, documentsOf, type Filter } from "../../core/documents/documents.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import type { Access } from "../../core/kernel/auth/access.ts";
import { localeOf } from "../kernel/i18n/format.server.ts";

/**
 * What the documents pages share on the server: the guard (the access a page declares, which
 * names the documents feature; the client's own dossier or one of the staff member's clients), the list written out
 * in the viewer's language and time zone, and the form actions (links, delete, restore).
 */
export type DocumentsAccess = Access & { feature: "documents" };

export async function documentsPage(
  context: AppLoadContext,
  request: Request,
  access: DocumentsAccess,
  clientParam: string | null,
) {
  // A client's own documents, or those of a client the staff member works with.
  const user = guard({ context, request }, access);
  const { account } = user;
  if ((account.role === "client") !== (clientParam === null)) throw data(null, { status: 404 });
  const clientUserId = clientParam ?? account.id;
  const actor = { id: account.id, role: account.role };
  const deps = context.services.documentsFor(user.tenant);
  const origin = originOf(request);
  const filterParam = new URL(request.url).searchParams.get("filter");
  const filter: Filter = filterParam === "mine" || filterParam === "theirs" ? filterParam : "all";
  const found = await documentsOf(deps, actor, clientUserId, filter, origin);
  if (!found) throw data(null, { status: 404 });
  const client =
    account.role === "client"
      ? account
      : await context.services.identityFor(user.tenant).accounts.findById(clientUserId);
  const when = new Intl.DateTimeFormat(localeOf(context.language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: account.timeZone,
  });
  return {
    actor,
    deps,
    origin,
    clientUserId,
    view: {
      clientUserId,
      clientName: client?.displayName ?? "",
      isClient: account.role === "client",
      filter,
      zone: account.timeZone,
      maxFileMb: user.tenant.settings.files.maxFileMb,
      documents: found.map((document) => ({
        id: document.id,
        description: document.description,
        authorName: document.authorName,
        mine: document.authorId === account.id,
        when: when.format(new Date(document.createdAt)),
        deleted: document.deletedAt !== null,
        file: document.file
          ? {
              name: document.file.name,
              inline: document.file.inline,
              mb: (document.file.size / 1024 / 1024).toFixed(1),
            }
          : null,
        link: document.link,
      })),
    },
  };
}

export type DocumentsView = Awaited<ReturnType<typeof documentsPage>>["view"];

/** The page's forms: a link item, or deleting / restoring one's own document. */
export async function documentsAction(
  context: AppLoadContext,
  request: Request,
  access: DocumentsAccess,
  clientParam: string | null,
) {
  const { actor, deps, origin, clientUserId } = await documentsPage(context, request, access, clientParam);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "delete" || intent === "restore") {
    const id = String(form.get("document") ?? "");
    if (!(await deleteDocument(deps, actor, id, intent === "restore", origin)))
      throw data(null, { status: 404 });
    return { ok: true as const };
  }
  const url = String(form.get("url") ?? "");
  const description = String(form.get("description") ?? "");
  const result = await addDocument(
    deps,
    actor,
    { clientUserId, url, description, notify: form.get("notify") === "on" },
    origin,
  );
  if (!result.ok)
    return data({ ok: false as const, url, description, error: result.reason }, { status: 400 });
  return { ok: true as const };
}
