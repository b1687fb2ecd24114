import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { goalStatuses } from "../../core/goals/goal.ts";

/** A client's goal with its SMART fields and where its progress stands now (core/goals). */
export const goals = sqliteTable(
  "goals",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    title: text("title").notNull(),
    specific: text("specific").notNull().default(""),
    measurable: text("measurable").notNull().default(""),
    acceptable: text("acceptable").notNull().default(""),
    realistic: text("realistic").notNull().default(""),
    /** The time-bound part: a calendar date, YYYY-MM-DD, or null. */
    dueOn: text("due_on"),
    progress: integer("progress").notNull().default(0),
    status: text("status", { enum: goalStatuses }).notNull().default("open"),
    createdByUserId: text("created_by_user_id").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    closedAt: text("closed_at"),
  },
  (table) => [
    index("goals_client_idx").on(table.tenantId, table.clientUserId, table.status),
    check("goals_progress_range", sql`${table.progress} between 0 and 100`),
  ],
);

/** Every change of a goal's progress, written in the same batch as the goal's new progress. */
export const goalProgress = sqliteTable(
  "goal_progress",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    goalId: text("goal_id").notNull(),
    progress: integer("progress").notNull(),
    note: text("note"),
    byUserId: text("by_user_id").notNull(),
    at: text("at").notNull(),
  },
  (table) => [
    index("goal_progress_goal_idx").on(table.tenantId, table.goalId, table.at),
    check("goal_progress_range", sql`${table.progress} between 0 and 100`),
  ],
);

export const goalComments = sqliteTable(
  "goal_comments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    goalId: text("goal_id").notNull(),
    authorUserId: text("author_user_id").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("goal_comments_goal_idx").on(table.tenantId, table.goalId, table.createdAt)],
);
