import type { AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { Role } from "../kernel/auth/permissions.ts";
import { inCareTeam, type CareTeamStore } from "../kernel/care-team/care-team.ts";
import { newId } from "../kernel/ids.ts";
import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import {
  discard,
  openFile,
  type FilesDeps,
  type OpenedFile,
  type StoredFile,
} from "../kernel/files/uploads.ts";
import { requestKeyOf, type RequestKey } from "../kernel/request-keys.ts";
import { linkOf } from "./links.ts";

/**
 * The documents of a client's dossier ("Uploads en Downloads"): the client uploads, the staff of
 * their care team share files ("downloads"), both may add links. Who may see a client's
 * documents: the client and the staff of their care team; anyone else finds nothing (404), so
 * nobody learns that a document exists. Every list, view and download is in the audit log.
 */

export type Actor = { id: string; role: Role };
export type Side = "client" | "staff";

export type DocumentRecord = {
  id: string;
  clientUserId: string;
  authorId: string;
  side: Side;
  fileId: string | null;
  url: string | null;
  description: string;
  createdAt: string;
  deletedAt: string | null;
};

/** A document as the pages and the API show it. */
export type DocumentView = DocumentRecord & {
  authorName: string;
  file: { name: string; size: number; kind: string; inline: boolean } | null;
  link: { href: string; host: string } | null;
};

export interface DocumentStore {
  /**
   * Adds the document and links its file (clears the file's expiry) in one batch, only while the
   * file is its author's and nothing links it yet. The id of the document the request holds: this
   * one's, or the one an earlier request with the same key added (then nothing is written); null
   * when another row took the file first.
   */
  add(document: DocumentRecord, request?: RequestKey): Promise<string | null>;
  find(id: string): Promise<DocumentView | null>;
  /** The client's documents, newest first; deleted ones only when their author asks. */
  ofClient(clientUserId: string, deletedOf: string | null): Promise<DocumentView[]>;
  setDeleted(id: string, deletedAt: string | null): Promise<void>;
  /** Deleted documents whose deletion is older than `before`. */
  deletedBefore(before: Date, limit: number): Promise<DocumentRecord[]>;
  remove(id: string): Promise<void>;
}

export type DocumentsDeps = {
  documents: DocumentStore;
  files: FilesDeps;
  careTeams: Pick<CareTeamStore, "coachesOf">;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  now(): Date;
};

/** Deleted documents stay restorable this long before the retention job removes them and their files. */
export const keepDeletedDays = 30;

/** Whether the person may see and add to this client's documents. */
export async function mayOpenDossier(
  deps: DocumentsDeps,
  actor: Actor,
  clientUserId: string,
): Promise<boolean> {
  if (actor.role === "client") return actor.id === clientUserId;
  if (actor.role !== "staff" && actor.role !== "admin") return false;
  return inCareTeam(deps.careTeams, actor.id, clientUserId);
}

export type Filter = "all" | "mine" | "theirs";

export async function documentsOf(
  deps: DocumentsDeps,
  actor: Actor,
  clientUserId: string,
  filter: Filter,
  origin: RequestOrigin,
): Promise<DocumentView[] | null> {
  if (!(await mayOpenDossier(deps, actor, clientUserId))) return null;
  const all = await deps.documents.ofClient(clientUserId, actor.id);
  const own: Side = actor.role === "client" ? "client" : "staff";
  await deps.audit.record({
    action: "documents.list",
    result: "success",
    actorUserId: actor.id,
    clientUserId,
    targetType: "user",
    targetId: clientUserId,
    ...origin,
  });
  if (filter === "all") return all;
  return all.filter((document) => (document.side === own) === (filter === "mine"));
}

export type AddRequest = {
  clientUserId: string;
  /** The form's key or the API's Idempotency-Key (core/kernel/request-keys.ts). */
  requestKey: string;
  fileId?: string | null;
  url?: string | null;
  description?: string | null;
  notify: boolean;
};

export type AddRefusal =
  "not_found" | "file_not_found" | "file_taken" | "url_invalid" | "description_too_long" | "nothing";

export const longestDescription = 500;

export async function addDocument(
  deps: DocumentsDeps,
  actor: Actor,
  request: AddRequest,
  origin: RequestOrigin,
): Promise<{ ok: true; document: DocumentView; replayed: boolean } | { ok: false; reason: AddRefusal }> {
  if (!(await mayOpenDossier(deps, actor, request.clientUserId))) return { ok: false, reason: "not_found" };
  if (!request.fileId === !request.url?.trim()) return { ok: false, reason: "nothing" };
  let file: StoredFile | null = null;
  if (request.fileId) {
    file = await deps.files.store.find(request.fileId);
    // Only a finished file of one's own; whether something links it already, the store decides
    // in the write itself (a retry of this very request finds its document there).
    if (!file || file.uploaderId !== actor.id || file.status !== "stored")
      return { ok: false, reason: "file_not_found" };
  }
  const link = request.url?.trim() ? linkOf(request.url) : null;
  if (request.url?.trim() && !link) return { ok: false, reason: "url_invalid" };
  const description = (request.description ?? "").trim() || file?.name || link?.host || "";
  if (description.length > longestDescription) return { ok: false, reason: "description_too_long" };
  const now = deps.now();
  const record: DocumentRecord = {
    id: newId("document", now.getTime()),
    clientUserId: request.clientUserId,
    authorId: actor.id,
    side: actor.role === "client" ? "client" : "staff",
    fileId: file?.id ?? null,
    url: link?.href ?? null,
    description,
    createdAt: now.toISOString(),
    deletedAt: null,
  };
  const { requestKey, notify, ...asked } = request;
  const key = await requestKeyOf("document", actor.id, requestKey, { ...asked, notify });
  const heldId = await deps.documents.add(record, key);
  if (heldId === null) return { ok: false, reason: "file_taken" };
  if (heldId !== record.id) {
    const earlier = await deps.documents.find(heldId);
    if (!earlier) throw new Error(`The document ${heldId} of an earlier request cannot be read`);
    return { ok: true, document: earlier, replayed: true };
  }
  await deps.audit.record({
    action: "documents.add",
    result: "success",
    actorUserId: actor.id,
    clientUserId: record.clientUserId,
    targetType: "document",
    targetId: record.id,
    ...origin,
    detail: { kind: file ? "file" : "link" },
  });
  if (request.notify) {
    const recipients =
      record.side === "client"
        ? (await deps.careTeams.coachesOf(record.clientUserId)).map((coach) => coach.userId)
        : [record.clientUserId];
    const link = record.side === "client" ? `/clients/${record.clientUserId}/documents` : "/documents";
    await deps.notify({ kind: "document", recipients, actorId: actor.id, link });
  }
  const view = await deps.documents.find(record.id);
  if (!view) throw new Error(`Document ${record.id} was just written and cannot be read`);
  return { ok: true, document: view, replayed: false };
}

/** The document, when this person may see it (and, once deleted, only its author). */
async function visible(deps: DocumentsDeps, actor: Actor, id: string): Promise<DocumentView | null> {
  const document = await deps.documents.find(id);
  if (!document || !(await mayOpenDossier(deps, actor, document.clientUserId))) return null;
  if (document.deletedAt && document.authorId !== actor.id) return null;
  return document;
}

export type Opened = OpenedFile & { document: DocumentView };

/** Opens a document's file to view or download; checked and audited on every request. */
export async function openDocument(
  deps: DocumentsDeps,
  actor: Actor,
  id: string,
  wantInline: boolean,
  origin: RequestOrigin,
): Promise<Opened | null> {
  const document = await visible(deps, actor, id);
  if (!document?.fileId || document.deletedAt) return null;
  const opened = await openFile(deps.files, document.fileId, wantInline);
  if (!opened) return null;
  await deps.audit.record({
    action: opened.inline ? "documents.view" : "documents.download",
    result: "success",
    actorUserId: actor.id,
    clientUserId: document.clientUserId,
    targetType: "document",
    targetId: document.id,
    ...origin,
  });
  return { document, ...opened };
}

/** The author deletes a document; it can be restored until the retention job removes it. */
export async function deleteDocument(
  deps: DocumentsDeps,
  actor: Actor,
  id: string,
  restore: boolean,
  origin: RequestOrigin,
): Promise<boolean> {
  const document = await visible(deps, actor, id);
  if (!document || document.authorId !== actor.id || Boolean(document.deletedAt) === !restore) return false;
  await deps.documents.setDeleted(id, restore ? null : deps.now().toISOString());
  await deps.audit.record({
    action: restore ? "documents.restore" : "documents.delete",
    result: "success",
    actorUserId: actor.id,
    clientUserId: document.clientUserId,
    targetType: "document",
    targetId: id,
    ...origin,
  });
  return true;
}

/** Retention: documents deleted longer than `keepDeletedDays` ago go for good, file and all. */
export async function purgeDeleted(
  deps: Pick<DocumentsDeps, "documents" | "files" | "now">,
): Promise<number> {
  const before = new Date(deps.now().getTime() - keepDeletedDays * 24 * 60 * 60_000);
  const expired = await deps.documents.deletedBefore(before, 100);
  for (const document of expired) {
    const file = document.fileId ? await deps.files.store.find(document.fileId) : null;
    if (file) await discard(deps.files, file);
    await deps.documents.remove(document.id);
  }
  return expired.length;
}
