import type { Goal } from "./goal.ts";

/**
 * A client's goals at a glance, for the dossier tile and the start page: how many are open,
 * their average progress, and the open goal that is due first.
 */
export type GoalSummary = {
  open: number;
  achieved: number;
  /** Whole percent, or null without open goals. */
  averageProgress: number | null;
  nextDue: { id: string; title: string; dueOn: string } | null;
};

export function summariseGoals(goals: readonly Goal[]): GoalSummary {
  const open = goals.filter((goal) => goal.status === "open");
  const dated = open
    .filter((goal): goal is Goal & { dueOn: string } => goal.dueOn !== null)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const first = dated[0];
  return {
    open: open.length,
    achieved: goals.filter((goal) => goal.status === "achieved").length,
    averageProgress: open.length
      ? Math.round(open.reduce((sum, goal) => sum + goal.progress, 0) / open.length)
      : null,
    nextDue: first ? { id: first.id, title: first.title, dueOn: first.dueOn } : null,
  };
}

/**
 * The summary of one client's goals. It reads the goals without an audit line of its own: the
 * page that shows the tile records that the dossier was opened.
 */
export async function goalSummary(
  goals: { ofClient(clientUserId: string): Promise<Goal[]> },
  clientUserId: string,
): Promise<GoalSummary> {
  return summariseGoals(await goals.ofClient(clientUserId));
}
