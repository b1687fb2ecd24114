import { clientSummary, staffSummary } from "../../core/assignments/summary.ts";
import { homeTile } from "../kernel/home-tile.ts";

/** A client's new and open assignments; for staff, the handed-in work awaiting their review. */
export const assignmentsHome = homeTile({
  load: async ({ services }, tenant, account) => {
    const actor = { id: account.id, role: account.role };
    return account.role === "client"
      ? { client: await clientSummary(services.assignmentsFor(tenant), actor), staff: null }
      : { client: null, staff: await staffSummary(services.assignmentsFor(tenant), actor) };
  },
  status: ({ client, staff }, t) => {
    if (client) {
      if (client.new > 0) return t("homeStatus.assignmentsNew", { count: client.new });
      return client.open > 0
        ? t("homeStatus.assignmentsOpen", { count: client.open })
        : t("homeStatus.assignmentsNone");
    }
    return staff && staff.awaitingReview > 0
      ? t("homeStatus.awaitingReview", { count: staff.awaitingReview })
      : null;
  },
});
