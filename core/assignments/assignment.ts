/**
 * An assignment ("opdracht"; the tenant may call it otherwise) a staff member sets for one or
 * several clients at once. Each client gets a copy of their own with its own status and its own
 * thread of hand-ins and feedback, so no client ever sees another's work.
 */

/** open: waiting for the client; handedIn: waiting for feedback; reviewed: feedback given. */
export const assignmentStatuses = ["open", "handedIn", "reviewed"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const entryKinds = ["handIn", "feedback"] as const;
export type EntryKind = (typeof entryKinds)[number];

export type Assignment = {
  id: string;
  authorUserId: string;
  authorName: string;
  title: string;
  /** Markdown as the staff member wrote it; shown through core/assignments/markdown.ts only. */
  description: string;
  createdAt: string;
};

/** One client's copy of an assignment. */
export type AssignmentCopy = {
  id: string;
  assignmentId: string;
  clientUserId: string;
  clientName: string;
  status: AssignmentStatus;
  /** When the client first opened it; null while it is new to them. */
  openedAt: string | null;
  updatedAt: string;
};

/** A hand-in by the client or feedback by staff, in the copy's thread. */
export type AssignmentEntry = {
  id: string;
  copyId: string;
  kind: EntryKind;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
};

/**
 * A file (core/files) on an assignment: the staff member's (no copy: every client it was set for
 * sees it) or one that came with a client's hand-in (only that client and their care team see it).
 */
export type Attachment = {
  fileId: string;
  copyId: string | null;
  entryId: string | null;
  name: string;
  size: number;
  kind: string;
};

/** A client's copy with the assignment it belongs to. */
export type ClientAssignment = { assignment: Assignment; copy: AssignmentCopy };

export const limits = {
  title: 200,
  description: 20_000,
  response: 20_000,
  feedback: 10_000,
  clients: 100,
  files: 10,
};
