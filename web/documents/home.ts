import { newDocumentsCount } from "../../core/documents/summary.ts";
import { homeTile } from "../kernel/home-tile.ts";

/** A client's documents from their care team that they have not opened yet. */
export const documentsHome = homeTile({
  load: async ({ services }, tenant, account) =>
    account.role === "client"
      ? newDocumentsCount(services.documentsFor(tenant).documents, { side: "client" }, account.id, new Date())
      : null,
  status: (count, t) => (count > 0 ? t("homeStatus.documents", { count }) : t("homeStatus.documentsNone")),
});
