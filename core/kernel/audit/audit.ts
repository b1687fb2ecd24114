import type { AuditAction } from "./actions.ts";

export type { AuditAction };

/**
 * One line of the audit log: who (and on whose behalf) did what to which client's data, from
 * where, and how it ended. Written append-only in UTC; nothing in Portaal updates or deletes it.
 */
export type AuditEvent = {
  action: AuditAction;
  result: "success" | "failure" | "denied";
  actorUserId?: string | null;
  onBehalfOfUserId?: string | null;
  clientUserId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  detail?: Record<string, string | number | boolean>;
};

/**
 * A line of the log as read back, with the names of the people in it. Its code is whatever was
 * written then, which may be one no longer declared.
 */
export type AuditEntry = Omit<AuditEvent, "action"> & {
  action: string;
  id: string;
  at: string;
  actorName: string | null;
  clientName: string | null;
  /** The name of the person a line is about, when its target is a person. */
  targetName: string | null;
};

export type AuditQuery = {
  /** Events where this person acted or whose data it concerned. */
  personId?: string;
  /** Events where someone else saw or changed this client's data ("who opened my dossier"). */
  clientSeenByOthers?: string;
  /** "auth", "users", "notifications": the part of the action before the first dot. */
  area?: string;
  from?: Date;
  to?: Date;
  /** Only lines older than this one (newest first): the next page after it. */
  before?: AuditCursor;
  limit: number;
};

/** Where a page of the log ended: its last line's time and id, which together order every line. */
export type AuditCursor = { at: string; id: string };

/** Where a request came from, as the audit log records it. */
export type RequestOrigin = { ipAddress: string | null; userAgent: string | null };

export interface AuditLog {
  search(query: AuditQuery): Promise<AuditEntry[]>;
  record(event: AuditEvent): Promise<void>;
  /** The browsers (user agents) of this person's recent successful sign-ins. */
  recentSignInDevices(userId: string): Promise<string[]>;
}
