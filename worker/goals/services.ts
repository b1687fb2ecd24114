import { D1GoalStore } from "../../db/goals/store.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1CareTeamStore } from "../../db/kernel/care-team-store.ts";
import { D1AccountStore } from "../../db/kernel/identity/account-store.ts";
import type { GoalServices } from "../../web/goals/services.ts";
import type { ServicesOf } from "../capabilities.ts";

/** Goals' services of one request. */
export const goalServices: ServicesOf<GoalServices> = ({ data, notificationsFor, now }) => ({
  goalsFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      goals: new D1GoalStore(scope),
      people: new D1AccountStore(scope),
      careTeams: new D1CareTeamStore(scope),
      audit: new D1AuditLog(scope),
      notify: notificationsFor(tenant).notify,
      settings: tenant.settings.goals,
      now,
    };
  },
});
