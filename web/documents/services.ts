import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { DocumentsDeps } from "../../core/documents/documents.ts";

/** Documents' part of what pages may use, built per request by `worker/documents/services.ts`. */
export type DocumentServices = {
  /** The documents of clients' dossiers (core/documents/documents.ts). */
  documentsFor(tenant: Tenant): DocumentsDeps;
};
