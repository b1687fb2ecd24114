import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { auditAreas } from "../../core/kernel/audit/actions.ts";
import type { AuditEntry, AuditQuery } from "../../core/kernel/audit/audit.ts";
import { normaliseEmail } from "../../core/kernel/auth/accounts.ts";
import { isId } from "../../core/kernel/ids.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import { capabilityAuditWords } from "../strings.ts";
import { kernelAuditWords } from "./audit-words.ts";
import { wordingFor } from "./i18n/bundle.server.ts";
import { createI18n } from "./i18n/i18n.ts";
import { mergeStrings } from "./i18n/strings.ts";
import type { Identity } from "./services.ts";

const day = z.union([z.literal(""), z.iso.date({ message: "audit.dateInvalid" })]);
const filterSchema = z.object({
  person: z.union([z.literal(""), z.email({ message: "audit.personInvalid" })]),
  area: z.union([z.literal(""), z.enum(auditAreas as [string, ...string[]])]),
  from: day,
  to: day,
});

type FilterInput = z.input<typeof filterSchema>;

/** The start of a calendar day in the viewer's own time zone, as an instant. */
function startOfDay(value: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = value.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + plusDays, timeZone).getTime());
}

/**
 * The filter of the log as the page and the export read it from the query string: a person (by
 * e-mail address), an area and days in the viewer's own time zone. `query` is null when nothing
 * can match (a filter that is wrong, or a person who has no account).
 */
export async function readAuditFilter(url: URL, identity: Identity, timeZone: string) {
  const input: FilterInput = {
    person: url.searchParams.get("person")?.trim() ?? "",
    area: url.searchParams.get("area") ?? "",
    from: url.searchParams.get("from") ?? "",
    to: url.searchParams.get("to") ?? "",
  };
  const parsed = filterSchema.safeParse(input);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const filters = parsed.success ? parsed.data : null;
  const person = filters?.person ? await identity.accounts.byEmail(normaliseEmail(filters.person)) : null;
  const query: Omit<AuditQuery, "limit"> | null =
    filters && (!filters.person || person)
      ? {
          personId: person?.id,
          area: filters.area || undefined,
          from: filters.from ? startOfDay(filters.from, timeZone) : undefined,
          to: filters.to ? startOfDay(filters.to, timeZone, 1) : undefined,
        }
      : null;
  return {
    input,
    valid: parsed.success,
    errors: {
      person: errors.person?.[0] ?? (filters?.person && !person ? "audit.personUnknown" : undefined),
      from: errors.from?.[0],
      to: errors.to?.[0],
    },
    query,
    person,
    /** What was asked, for the audit line of reading or exporting the log. */
    detail: Object.fromEntries(Object.entries(input).filter(([, value]) => value)),
  };
}

/**
 * The log's codes in words of the viewer's language with the tenant's terms (audit-words.ts). A
 * code no longer declared shows as itself.
 */
export function auditWords(language: Language, tenant: Pick<Tenant, "name" | "settings">) {
  const words = mergeStrings([
    kernelAuditWords[language],
    ...capabilityAuditWords.map((each) => each[language]),
  ]);
  const { t } = createI18n({
    ...wordingFor(language, tenant.name, tenant.settings.terminology),
    // Keys hold dots ("auth.login"): looked up as they are, not as a path.
    messages: words,
  });
  return {
    action: (code: string) => t(`actions.${code}`, { defaultValue: code }),
    area: (area: string) => t(`areas.${area}`, { defaultValue: area }),
  };
}

/** Who did it: a person, or an API key by its name. */
export const actorOf = (entry: AuditEntry) => ({
  person: entry.actorName,
  key:
    entry.actorUserId && isId("apiKey", entry.actorUserId)
      ? String(entry.detail?.key ?? entry.actorUserId)
      : null,
});

/** Whose data it was: the client's, or else the person the line is about. */
export const subjectOf = (entry: AuditEntry) => entry.clientName ?? entry.targetName;
