import type { AuditAction, AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { Role } from "../kernel/auth/permissions.ts";
import { chooseFiles, type LinkableFiles } from "../kernel/files/links.ts";
import { newId } from "../kernel/ids.ts";
import { requestKeyOf } from "../kernel/request-keys.ts";
import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import {
  limits,
  type Assignment,
  type AssignmentCopy,
  type AssignmentEntry,
  type AssignmentStatus,
  type Attachment,
  type ClientAssignment,
} from "./assignment.ts";
import type { AssignedClient, AssignmentStore, SetAssignment } from "./store.ts";

/**
 * What the pages and the API do with assignments, for one signed-in person. A client reaches only
 * their own copies; staff reach the copies of the clients whose care team they are in. Anything
 * else is not found, so nobody learns that another person's assignment exists. Every read and
 * change of a client's copy is in the audit log; notifications carry a link, never the text.
 */

export type Actor = { id: string; role: Role };

export type AssignmentDeps = {
  store: AssignmentStore;
  files: LinkableFiles;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  now(): Date;
};

export type FieldError = "required" | "tooLong" | "unknown" | "tooMany";
export type DraftErrors = Partial<Record<"title" | "description" | "clients" | "files", FieldError>>;
export type Draft = {
  title: string;
  description: string;
  clientUserIds: readonly string[];
  /** Files the staff member uploaded through core/files for this assignment. */
  fileIds: readonly string[];
};

export type SetOutcome = { ok: true; assignmentId: string } | { ok: false; errors: DraftErrors };

/** A copy with its thread of hand-ins and feedback, oldest first, and the files handed in with it. */
export type CopyWithThread = AssignmentCopy & { entries: AssignmentEntry[]; files: Attachment[] };

const isStaff = (actor: Actor) => actor.role === "staff" || actor.role === "admin";

/** The clients a staff member can set assignments for: those of their care teams. */
export async function assignableClients(deps: AssignmentDeps, staff: Actor): Promise<AssignedClient[]> {
  return isStaff(staff) ? deps.store.assignedClients(staff.id) : [];
}

function textError(value: string, max: number): FieldError | undefined {
  if (value.trim() === "") return "required";
  return value.length > max ? "tooLong" : undefined;
}

/**
 * A staff member sets one assignment for one or more of their clients: one batch writes the
 * assignment and a copy per client, each client hears of it, and the audit log has a line per client.
 * `requestKey` is the form's key: the same form sent again sets nothing more and answers with the
 * assignment the first one set.
 */
export async function setAssignment(
  deps: AssignmentDeps,
  staff: Actor,
  draft: Draft,
  requestKey: string,
  origin: RequestOrigin,
): Promise<SetOutcome> {
  const title = draft.title.trim();
  const description = draft.description.trim();
  const chosen = [...new Set(draft.clientUserIds)];
  const errors: DraftErrors = {};
  const titleError = textError(title, limits.title);
  if (titleError) errors.title = titleError;
  const descriptionError = textError(description, limits.description);
  if (descriptionError) errors.description = descriptionError;
  const assigned = new Set((await assignableClients(deps, staff)).map((client) => client.userId));
  if (chosen.length === 0) errors.clients = "required";
  else if (chosen.length > limits.clients) errors.clients = "tooMany";
  else if (chosen.some((id) => !assigned.has(id))) errors.clients = "unknown";
  const files = await filesError(deps, staff, draft.fileIds);
  if (files) errors.files = files;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = deps.now();
  const assignmentId = newId("assignment", now.getTime());
  const request = await requestKeyOf("assignment", staff.id, requestKey, {
    title,
    description,
    chosen,
    files: draft.fileIds,
  });
  const heldId = await deps.store.create(
    { id: assignmentId, authorUserId: staff.id, title, description, createdAt: now.toISOString() },
    chosen,
    [...new Set(draft.fileIds)],
    request,
  );
  // A file went with another row meanwhile: as unavailable as one that is gone.
  if (heldId === null) return { ok: false, errors: { files: "unknown" } };
  if (heldId !== assignmentId) return { ok: true, assignmentId: heldId };
  for (const clientUserId of chosen)
    await audited(deps, staff, clientUserId, assignmentId, "assignments.create", origin);
  await deps.notify({
    kind: "assignment",
    recipients: chosen,
    actorId: staff.id,
    link: `/assignments/${assignmentId}`,
  });
  return { ok: true, assignmentId };
}

/** New (unopened) first, then the rest; newest first within each. */
export function newFirst(items: ClientAssignment[]): ClientAssignment[] {
  const unopened = (item: ClientAssignment) => (item.copy.openedAt === null ? 0 : 1);
  return [...items].sort(
    (a, b) => unopened(a) - unopened(b) || b.assignment.createdAt.localeCompare(a.assignment.createdAt),
  );
}

/** The client's own assignments, new ones first. */
export async function assignmentsOfClient(
  deps: AssignmentDeps,
  client: Actor,
  origin: RequestOrigin,
): Promise<ClientAssignment[]> {
  if (client.role !== "client") return [];
  const items = await deps.store.ofClient(client.id);
  await audited(deps, client, client.id, client.id, "assignments.list", origin, { count: items.length });
  return newFirst(items);
}

/**
 * One client's assignments as a staff member of their care team sees them; null for anyone else,
 * which the caller answers with 404.
 */
export async function assignmentsOfClientForStaff(
  deps: AssignmentDeps,
  staff: Actor,
  clientUserId: string,
  origin: RequestOrigin,
): Promise<{ client: AssignedClient; items: ClientAssignment[] } | null> {
  const client = (await assignableClients(deps, staff)).find((each) => each.userId === clientUserId);
  if (!client) return null;
  const items = await deps.store.ofClient(client.userId);
  await audited(deps, staff, client.userId, client.userId, "assignments.list", origin, {
    count: items.length,
  });
  return { client, items: newFirst(items) };
}

/** The assignments a staff member set, those with hand-ins awaiting feedback first. */
export async function assignmentsSetBy(deps: AssignmentDeps, staff: Actor): Promise<SetAssignment[]> {
  if (!isStaff(staff)) return [];
  const items = (await deps.store.setBy(staff.id)).filter((item) => total(item) > 0);
  const waiting = (item: SetAssignment) => (item.counts.handedIn > 0 ? 0 : 1);
  return items.sort((a, b) => waiting(a) - waiting(b) || b.createdAt.localeCompare(a.createdAt));
}

const total = (item: SetAssignment) => item.counts.open + item.counts.handedIn + item.counts.reviewed;

/** Files go with an assignment or a hand-in only as core/kernel/files/links.ts allows. */
async function filesError(deps: AssignmentDeps, actor: Actor, fileIds: readonly string[]) {
  const choice = await chooseFiles(deps.files, actor.id, fileIds, limits.files);
  if (choice.ok) return undefined;
  // A file used elsewhere is as unavailable to an assignment as one that is gone.
  return choice.error === "taken" ? "unknown" : choice.error;
}

/** The copies with their threads and files; and the staff member's files of the assignment. */
async function threadOf(deps: AssignmentDeps, assignmentId: string, copies: AssignmentCopy[]) {
  const [entries, files] = await Promise.all([
    deps.store.entriesOf(copies.map((copy) => copy.id)),
    deps.store.filesOf(assignmentId),
  ]);
  return {
    files: files.filter((file) => file.copyId === null),
    copies: copies.map((copy): CopyWithThread => ({
      ...copy,
      entries: entries.filter((entry) => entry.copyId === copy.id),
      files: files.filter((file) => file.copyId === copy.id),
    })),
  };
}

/** The client opens their copy: it is no longer new to them. */
export async function openAssignment(
  deps: AssignmentDeps,
  client: Actor,
  assignmentId: string,
  origin: RequestOrigin,
): Promise<{ assignment: Assignment; files: Attachment[]; copy: CopyWithThread } | null> {
  const found = await ownCopy(deps, client, assignmentId);
  if (!found) return null;
  if (found.copy.openedAt === null) await deps.store.markOpened(found.copy.id, deps.now().toISOString());
  await audited(deps, client, client.id, assignmentId, "assignments.view", origin);
  const { files, copies } = await threadOf(deps, assignmentId, [found.copy]);
  return { assignment: found.assignment, files, copy: copies[0]! };
}

async function ownCopy(deps: AssignmentDeps, client: Actor, assignmentId: string) {
  if (client.role !== "client") return null;
  const [assignment, copy] = await Promise.all([
    deps.store.find(assignmentId),
    deps.store.copyOf(assignmentId, client.id),
  ]);
  return assignment && copy ? { assignment, copy } : null;
}

/**
 * The staff view of one assignment: the copies of the clients of their care teams, with their
 * threads; null when there are none (404).
 */
export async function assignmentForStaff(
  deps: AssignmentDeps,
  staff: Actor,
  assignmentId: string,
  origin: RequestOrigin,
): Promise<{ assignment: Assignment; files: Attachment[]; copies: CopyWithThread[] } | null> {
  const found = await staffCopies(deps, staff, assignmentId);
  if (!found) return null;
  for (const copy of found.copies)
    await audited(deps, staff, copy.clientUserId, assignmentId, "assignments.view", origin);
  return { assignment: found.assignment, ...(await threadOf(deps, assignmentId, found.copies)) };
}

/**
 * A file of an assignment, for someone who may see it: the staff member's files for every client
 * it was set for and their care teams, a hand-in's files for that client and their care team.
 * Every download is in the audit log; null (404) for anyone else.
 */
export async function attachmentFor(
  deps: AssignmentDeps,
  actor: Actor,
  assignmentId: string,
  fileId: string,
  inline: boolean,
  origin: RequestOrigin,
): Promise<Attachment | null> {
  const copies =
    actor.role === "client"
      ? [(await ownCopy(deps, actor, assignmentId))?.copy].filter((copy) => copy !== undefined)
      : ((await staffCopies(deps, actor, assignmentId))?.copies ?? []);
  if (copies.length === 0) return null;
  const file = (await deps.store.filesOf(assignmentId)).find((each) => each.fileId === fileId);
  const owner = file?.copyId ? copies.find((copy) => copy.id === file.copyId) : copies[0];
  if (!file || !owner) return null;
  await audited(deps, actor, owner.clientUserId, assignmentId, "assignments.file", origin, {
    fileId,
    shown: inline ? "inline" : "download",
  });
  return file;
}

async function staffCopies(deps: AssignmentDeps, staff: Actor, assignmentId: string) {
  if (!isStaff(staff)) return null;
  const [assignment, copies, clients] = await Promise.all([
    deps.store.find(assignmentId),
    deps.store.copiesOf(assignmentId),
    deps.store.assignedClients(staff.id),
  ]);
  const mine = new Set(clients.map((client) => client.userId));
  const visible = copies.filter((copy) => mine.has(copy.clientUserId));
  return assignment && visible.length > 0 ? { assignment, copies: visible } : null;
}

export type EntryOutcome =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  /** The copy is not in a state for this: handed in and awaiting feedback, or not handed in. */
  | { ok: false; reason: "wrongStatus"; status: AssignmentStatus }
  | { ok: false; reason: "invalid" | "invalidFiles"; error: FieldError };

/**
 * The client hands in a response. Allowed while open, and again after feedback (people expect to
 * improve their work when asked); while a hand-in awaits feedback, it waits.
 */
export async function handIn(
  deps: AssignmentDeps,
  client: Actor,
  assignmentId: string,
  handedIn: { response: string; fileIds: readonly string[] },
  origin: RequestOrigin,
): Promise<EntryOutcome> {
  const found = await ownCopy(deps, client, assignmentId);
  if (!found) return { ok: false, reason: "notFound" };
  const body = handedIn.response.trim();
  // Files alone are a hand-in too.
  const error = body === "" && handedIn.fileIds.length > 0 ? undefined : textError(body, limits.response);
  if (error) return { ok: false, reason: "invalid", error };
  const files = await filesError(deps, client, handedIn.fileIds);
  if (files) return { ok: false, reason: "invalidFiles", error: files };
  if (found.copy.status === "handedIn") return { ok: false, reason: "wrongStatus", status: "handedIn" };
  if (!(await addEntry(deps, client, found.copy, "handIn", body, [...new Set(handedIn.fileIds)])))
    return { ok: false, reason: "wrongStatus", status: "handedIn" };
  await audited(deps, client, client.id, assignmentId, "assignments.hand-in", origin);
  await deps.notify({
    kind: "assignment",
    recipients: [found.assignment.authorUserId],
    actorId: client.id,
    link: `/assignments/${assignmentId}#client-${client.id}`,
  });
  return { ok: true };
}

/** A staff member of the client's care team gives feedback on the latest hand-in. */
export async function giveFeedback(
  deps: AssignmentDeps,
  staff: Actor,
  assignmentId: string,
  clientUserId: string,
  feedback: string,
  origin: RequestOrigin,
): Promise<EntryOutcome> {
  const found = await staffCopies(deps, staff, assignmentId);
  const copy = found?.copies.find((each) => each.clientUserId === clientUserId);
  if (!copy) return { ok: false, reason: "notFound" };
  const body = feedback.trim();
  const error = textError(body, limits.feedback);
  if (error) return { ok: false, reason: "invalid", error };
  if (copy.status !== "handedIn") return { ok: false, reason: "wrongStatus", status: copy.status };
  if (!(await addEntry(deps, staff, copy, "feedback", body)))
    return { ok: false, reason: "wrongStatus", status: "reviewed" };
  await audited(deps, staff, clientUserId, assignmentId, "assignments.feedback", origin);
  await deps.notify({
    kind: "assignment",
    recipients: [clientUserId],
    actorId: staff.id,
    link: `/assignments/${assignmentId}`,
  });
  return { ok: true };
}

async function addEntry(
  deps: AssignmentDeps,
  author: Actor,
  copy: AssignmentCopy,
  kind: "handIn" | "feedback",
  body: string,
  fileIds: readonly string[] = [],
) {
  const now = deps.now();
  return deps.store.addEntry(
    {
      id: newId("assignmentEntry", now.getTime()),
      assignmentId: copy.assignmentId,
      copyId: copy.id,
      kind,
      authorUserId: author.id,
      body,
      createdAt: now.toISOString(),
    },
    copy.status,
    kind === "handIn" ? "handedIn" : "reviewed",
    fileIds,
  );
}

async function audited(
  deps: AssignmentDeps,
  actor: Actor,
  clientUserId: string,
  targetId: string,
  action: AuditAction,
  origin: RequestOrigin,
  detail: Record<string, string | number> = {},
) {
  await deps.audit.record({
    action,
    result: "success",
    actorUserId: actor.id,
    clientUserId,
    targetType: action === "assignments.list" ? "assignments" : "assignment",
    targetId,
    detail,
    ...origin,
  });
}
