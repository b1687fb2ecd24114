import { auditWords as assignmentsAudit } from "./assignments/strings/audit.ts";
import { auditWords as bookingAudit } from "./booking/strings/audit.ts";
import { auditWords as documentsAudit } from "./documents/strings/audit.ts";
import { auditWords as goalsAudit } from "./goals/strings/audit.ts";
import { auditWords as messagingAudit } from "./messaging/strings/audit.ts";
import { en as assignmentsEn } from "./assignments/strings/en.ts";
import { nl as assignmentsNl } from "./assignments/strings/nl.ts";
import { en as bookingEn } from "./booking/strings/en.ts";
import { nl as bookingNl } from "./booking/strings/nl.ts";
import { en as documentsEn } from "./documents/strings/en.ts";
import { nl as documentsNl } from "./documents/strings/nl.ts";
import { en as dossierEn } from "./dossier/strings/en.ts";
import { nl as dossierNl } from "./dossier/strings/nl.ts";
import { en as goalsEn } from "./goals/strings/en.ts";
import { nl as goalsNl } from "./goals/strings/nl.ts";
import { en as messagingEn } from "./messaging/strings/en.ts";
import { nl as messagingNl } from "./messaging/strings/nl.ts";
import { en as operatorEn } from "./operator/strings/en.ts";
import { nl as operatorNl } from "./operator/strings/nl.ts";
import { en as organisationsEn } from "./organisations/strings/en.ts";
import { nl as organisationsNl } from "./organisations/strings/nl.ts";

/**
 * Each capability's strings namespace (`web/<capability>/strings/nl.ts` and `en.ts`), one line each,
 * named after its folder as the browser finds it. Apart from `web/capabilities.ts`, which the
 * browser loads for the menu: these are every text in every language, which the server reads
 * (also under plain Node, in scripts/tenant.ts) and the browser fetches one namespace at a time.
 */
export const capabilityStrings = {
  assignments: { nl: assignmentsNl, en: assignmentsEn },
  booking: { nl: bookingNl, en: bookingEn },
  documents: { nl: documentsNl, en: documentsEn },
  dossier: { nl: dossierNl, en: dossierEn },
  goals: { nl: goalsNl, en: goalsEn },
  messaging: { nl: messagingNl, en: messagingEn },
  operator: { nl: operatorNl, en: operatorEn },
  organisations: { nl: organisationsNl, en: organisationsEn },
};

/** Each capability's audit lines in words (`web/<capability>/strings/audit.ts`), which only the server reads. */
export const capabilityAuditWords = [
  assignmentsAudit,
  bookingAudit,
  documentsAudit,
  goalsAudit,
  messagingAudit,
];
