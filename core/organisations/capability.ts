import { declareCapability } from "../kernel/capability.ts";

/**
 * The pages of client organisations: their own page for their people, and the admin's list. The
 * membership itself (organisation roles, acting for one) is the kernel's (ADR 0011).
 */
export const organisations = declareCapability({
  name: "organisations",
  feature: { key: "organisation", path: "/organisation", plans: ["zakelijk"] },
  ids: {},
  notificationKinds: {},
  permissions: { "client-organisations:manage": ["admin"] },
});
