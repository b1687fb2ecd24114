import type { AppLoadContext } from "@remix-run/cloudflare";
import type { AssignmentEntry, Attachment } from "../../core/assignments/assignment.ts";
import type { Actor, CopyWithThread } from "../../core/assignments/desk.ts";
import { renderMarkdown } from "../../core/assignments/markdown.ts";
import { fileKinds, type FileKindKey } from "../../core/kernel/files/rules.ts";
import type { Access } from "../../core/kernel/auth/access.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import { fileSize } from "../kernel/components/files/file-size.ts";
import { dateTimeFormat, localeOf } from "../kernel/i18n/format.server.ts";

/**
 * What the assignment pages share on the server: the guard (the access a page declares, which
 * names the assignments feature), the signed-in person as actor, and dates on the viewer's own clock.
 */
export function requireAssignments(
  context: AppLoadContext,
  request: Request,
  access: Access & { feature: "assignments" },
) {
  const user = guard({ context, request }, access);
  const actor: Actor = { id: user.account.id, role: user.account.role };
  const format = dateTimeFormat(context.language, user.account.timeZone);
  return {
    ...user,
    actor,
    deps: context.services.assignmentsFor(user.tenant),
    origin: originOf(request),
    date: (instant: string) => format.format(new Date(instant)),
  };
}

/** The staff member's Markdown as the safe HTML the pages show (core/assignments/markdown.ts). */
export const descriptionHtml = renderMarkdown;

/** A thread as the pages show it: who, when (on the viewer's clock), what. */
export function shownThread(copy: CopyWithThread, date: (instant: string) => string) {
  return copy.entries.map((entry: AssignmentEntry) => ({
    id: entry.id,
    kind: entry.kind,
    name: entry.authorName,
    date: date(entry.createdAt),
    body: entry.body,
  }));
}

export type ShownEntry = ReturnType<typeof shownThread>[number];

/** Files as the pages list them: the download link, the name and the size in the viewer's language. */
export function shownFiles(assignmentId: string, files: Attachment[], language: Language) {
  return files.map((file) => ({
    id: file.fileId,
    href: `/assignments/${assignmentId}/files/${file.fileId}`,
    name: file.name,
    size: fileSize(file.size, localeOf(language)),
    inline: fileKinds[file.kind as FileKindKey]?.inline ?? false,
  }));
}

export type ShownFile = ReturnType<typeof shownFiles>[number];
