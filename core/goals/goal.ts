/**
 * A client's goal (seed 000 "Doelen"; seed 001's treatment plan goals): a title with the SMART
 * fields, a progress from 0 to 100 % with its history, and comments of the client and their care
 * team. A goal is open until someone marks it achieved or stops it.
 */

export const goalStatuses = ["open", "achieved", "stopped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** The SMART fields; `dueOn` is a calendar date (YYYY-MM-DD) or null. */
export type SmartFields = {
  title: string;
  specific: string;
  measurable: string;
  acceptable: string;
  realistic: string;
  dueOn: string | null;
};

export type Goal = SmartFields & {
  id: string;
  clientUserId: string;
  progress: number;
  status: GoalStatus;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

/** One step of a goal's progress: where it stood after this change, who moved it and why. */
export type ProgressPoint = {
  id: string;
  progress: number;
  note: string | null;
  byUserId: string;
  byName: string;
  at: string;
};

export type GoalComment = { id: string; authorUserId: string; authorName: string; body: string; at: string };
