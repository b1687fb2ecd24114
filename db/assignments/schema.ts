import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { assignmentStatuses, entryKinds } from "../../core/assignments/assignment.ts";

/**
 * Assignments (core/assignments): what a staff member set, one copy per client it was set for,
 * and each copy's thread of hand-ins and feedback. A client's data is the copy and its thread.
 */
export const assignments = sqliteTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    authorUserId: text("author_user_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("assignments_author_idx").on(table.tenantId, table.authorUserId, table.createdAt)],
);

export const assignmentCopies = sqliteTable(
  "assignment_copies",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    assignmentId: text("assignment_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    status: text("status", { enum: assignmentStatuses }).notNull(),
    openedAt: text("opened_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [
    uniqueIndex("assignment_copies_pair_idx").on(table.tenantId, table.assignmentId, table.clientUserId),
    index("assignment_copies_client_idx").on(table.tenantId, table.clientUserId, table.status),
  ],
);

export const assignmentEntries = sqliteTable(
  "assignment_entries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    copyId: text("copy_id").notNull(),
    kind: text("kind", { enum: entryKinds }).notNull(),
    authorUserId: text("author_user_id").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("assignment_entries_copy_idx").on(table.tenantId, table.copyId, table.createdAt)],
);

/**
 * Files (core/files) on an assignment: the staff member's attachments (`entry_id` null), seen by
 * every client it was set for, and the files of a hand-in, seen by that client and their care team.
 */
export const assignmentFiles = sqliteTable(
  "assignment_files",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    assignmentId: text("assignment_id").notNull(),
    /** The client's copy and hand-in a file came with; both null for the staff member's files. */
    copyId: text("copy_id"),
    entryId: text("entry_id"),
    fileId: text("file_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("assignment_files_assignment_idx").on(table.tenantId, table.assignmentId),
    uniqueIndex("assignment_files_file_idx").on(table.tenantId, table.fileId),
  ],
);
