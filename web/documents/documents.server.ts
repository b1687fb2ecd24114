import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { guard, originOf } from "../kernel/auth.server.ts";
import type { Access } from "../../core/kernel/auth/access.ts";
import { z } from "zod";
import {
  addDocument,
  deleteDocument,
  documentsOf,
  longestDescription,
  type AddRefusal,
  type Filter,
} from "../../core/documents/documents.ts";
import { localeOf } from "../kernel/i18n/format.server.ts";
import { fileSize } from "../kernel/components/files/file-size.ts";
import {
  checkbox,
  formKey,
  id,
  newFormKey,
  optionalText,
  readForm,
  refused,
  text,
  throwIfKeyless,
} from "../kernel/forms.server.ts";

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
      formKey: newFormKey(),
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
              size: fileSize(document.file.size, localeOf(context.language)),
            }
          : null,
        link: document.link,
      })),
    },
  };
}

export type DocumentsView = Awaited<ReturnType<typeof documentsPage>>["view"];

const documentForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["delete", "restore"]), document: id("document") }),
  z.object({
    intent: z.literal("link"),
    formKey,
    url: text(2048, "documents.link.invalid"),
    description: optionalText(longestDescription),
    notify: checkbox(),
  }),
]);

// The domain's refusals of a link, at the field they concern.
const linkRefusalField: Record<AddRefusal, string> = {
  not_found: "form",
  file_not_found: "form",
  file_taken: "form",
  nothing: "url",
  url_invalid: "url",
  description_too_long: "description",
};

/** The page's forms: a link item, or deleting / restoring one's own document. */
export async function documentsAction(
  context: AppLoadContext,
  request: Request,
  access: DocumentsAccess,
  clientParam: string | null,
) {
  const { actor, deps, origin, clientUserId } = await documentsPage(context, request, access, clientParam);
  const form = await readForm(request, documentForm);
  throwIfKeyless(form);
  if (!form.ok) return refused(form);
  const input = form.data;
  if (input.intent !== "link") {
    if (!(await deleteDocument(deps, actor, input.document, input.intent === "restore", origin)))
      throw data(null, { status: 404 });
    return { ok: true as const };
  }
  const { url, description, notify, formKey: requestKey } = input;
  const result = await addDocument(
    deps,
    actor,
    { clientUserId, url, description, notify, requestKey },
    origin,
  );
  if (!result.ok) {
    const field = linkRefusalField[result.reason];
    const message = field === "description" ? "errors.fieldTooLong" : "documents.link.invalid";
    return refused({ values: form.values, errors: { [field]: message } });
  }
  return { ok: true as const };
}
