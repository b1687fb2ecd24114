import type { RequestKey } from "../kernel/request-keys.ts";
import type {
  Assignment,
  AssignmentCopy,
  AssignmentEntry,
  AssignmentStatus,
  Attachment,
  ClientAssignment,
} from "./assignment.ts";

/** A client of a staff member's care teams. */
export type AssignedClient = { userId: string; displayName: string };

/** One assignment a staff member set, with how far its clients are. */
export type SetAssignment = Assignment & { counts: Record<AssignmentStatus, number> };

export type NewAssignment = Omit<Assignment, "authorName">;
export type NewEntry = Omit<AssignmentEntry, "authorName">;

/** The tenant's assignments; implemented in db/ over the tenant's cell. */
export interface AssignmentStore {
  /**
   * The assignment, one open copy per client and its files, in one batch: all land or none does.
   * Linking a file ends its expiry (core/files), in the same batch, only while the files are still
   * free. The id of the assignment the request holds: this one's, or the one an earlier request
   * with the same key set (then nothing is written); null when another row took a file first.
   */
  create(
    assignment: NewAssignment,
    clientUserIds: readonly string[],
    fileIds: readonly string[],
    request?: RequestKey,
  ): Promise<string | null>;
  find(assignmentId: string): Promise<Assignment | null>;
  copiesOf(assignmentId: string): Promise<AssignmentCopy[]>;
  copyOf(assignmentId: string, clientUserId: string): Promise<AssignmentCopy | null>;
  /** The client's assignments, newest first. */
  ofClient(clientUserId: string): Promise<ClientAssignment[]>;
  /**
   * The assignments this staff member set, newest first, counting only the copies of clients
   * whose care team they are in.
   */
  setBy(staffUserId: string): Promise<SetAssignment[]>;
  entriesOf(copyIds: readonly string[]): Promise<AssignmentEntry[]>;
  /** The clients whose care team this staff member is in, by name. */
  assignedClients(staffUserId: string): Promise<AssignedClient[]>;
  markOpened(copyId: string, at: string): Promise<void>;
  /**
   * The entry, its files and the copy's move from status `from` to `to`, in one batch; false, with
   * nothing written, when the copy was no longer in `from` (someone was first).
   */
  addEntry(
    entry: NewEntry & { assignmentId: string },
    from: AssignmentStatus,
    to: AssignmentStatus,
    fileIds: readonly string[],
  ): Promise<boolean>;
  /** The files of an assignment: the staff member's and those of every hand-in. */
  filesOf(assignmentId: string): Promise<Attachment[]>;
}
