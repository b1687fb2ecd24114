import { goalSummary } from "../../core/goals/summary.ts";
import { homeTile } from "../kernel/home-tile.ts";

/** A client's open goals and how far along they are on average. */
export const goalsHome = homeTile({
  load: async ({ services }, tenant, account) =>
    account.role === "client" ? goalSummary(services.goalsFor(tenant).goals, account.id) : null,
  status: (goals, t) =>
    goals.open > 0
      ? t("homeStatus.goals", { count: goals.open, progress: goals.averageProgress ?? 0 })
      : t("homeStatus.goalsNone"),
});
