import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { auditActions, auditAreas } from "../../core/kernel/audit/actions.ts";
import { languages } from "../../core/kernel/tenants/languages.ts";
import { defaultTenantSettings } from "../../core/kernel/tenants/settings.ts";
import { auditRow, D1AuditLog } from "../../db/kernel/audit-log.ts";
import { auditEvents } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { createTenant } from "../../worker/kernel/testing/fixtures.ts";
import { capabilityAuditWords } from "../strings.ts";
import { auditCsv, csvField } from "./audit-csv.server.ts";
import { kernelAuditWords } from "./audit-words.ts";
import { auditWords } from "./audit.server.ts";

const tenant = { name: "Praktijk Lichtpunt", settings: defaultTenantSettings };
const renamed = {
  name: "Praktijk Lichtpunt",
  settings: { ...defaultTenantSettings, terminology: { nl: { goal: "streven" }, en: { goal: "aim" } } },
};

/** Text that is still a code or a placeholder: "auth.login", "{{term.goal}}". */
const looksLikeKey = /\b[a-z]+(\.[a-z-]+)+\b|\{\{/;

describe("the audit log's words", () => {
  it.each(languages)("say every action that is declared, and every area, in %s", (language) => {
    const words = auditWords(language, tenant);
    for (const action of auditActions) {
      const said = words.action(action);
      expect(said, action).not.toMatch(looksLikeKey);
      expect(said.length, action).toBeGreaterThan(3);
    }
    for (const area of auditAreas) expect(words.area(area), area).not.toMatch(looksLikeKey);
  });

  it("have no words for an action nobody declares", () => {
    const declared = new Set<string>(auditActions);
    for (const words of [kernelAuditWords, ...capabilityAuditWords]) {
      for (const language of languages) {
        for (const action of Object.keys(words[language].actions)) expect(declared, action).toContain(action);
        for (const area of Object.keys(words[language].areas)) expect(auditAreas).toContain(area);
      }
    }
  });

  it("use the tenant's own words, and show a code nobody declares any more as itself", () => {
    expect(auditWords("nl", renamed).action("goals.view")).toBe("Streven bekeken");
    expect(auditWords("en", renamed).action("goals.create")).toBe("Aim added");
    expect(auditWords("en", tenant).action("auth.login")).toBe("Signed in");
    expect(auditWords("nl", tenant).action("auth.login.password")).toBe(
      "Wachtwoord goed, tweede stap gevraagd",
    );
    expect(auditWords("nl", tenant).action("retired.action")).toBe("retired.action");
  });
});

describe("the audit log as CSV", () => {
  it("quotes what needs quoting and keeps a spreadsheet from running a formula", () => {
    expect(csvField("Eva Smit")).toBe("Eva Smit");
    expect(csvField('Zei "hoi", en ging')).toBe('"Zei ""hoi"", en ging"');
    expect(csvField("regel\nregel")).toBe('"regel\nregel"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+31 6")).toBe("'+31 6");
    expect(csvField(null)).toBe("");
  });

  it("reads the whole log a page at a time, newest first, none skipped or repeated", async () => {
    const record = await createTenant("audit-csv", "TENANT_DB_1");
    const scope = platformData(env).scopeIn(record.cell, record.id);
    // Seven lines, three of them in the same millisecond, read three at a time.
    const times = ["01", "02", "03", "03", "03", "04", "05"].map(
      (second) => `2026-12-01T10:00:${second}.000Z`,
    );
    const rows = times.map((at, index) =>
      auditRow({ action: "auth.login", result: "success", detail: { line: index } }, at),
    );
    for (const row of rows) await scope.insert(auditEvents, row);
    const log = new D1AuditLog(scope);
    const csv = await new Response(auditCsv(log, {}, 3)).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "at,action,result,actor_id,actor_name,on_behalf_of_id,client_id,client_name,target_type,target_id,target_name,ip_address,user_agent,detail",
    );
    const ids = lines
      .slice(1)
      .map((line) => rows.find((row) => line.includes(`"{""line"":${row.detail!.line}}"`))?.id);
    expect(new Set(ids).size).toBe(7);
    expect(lines.slice(1).map((line) => line.slice(0, 24))).toEqual([...times].reverse());
    expect(await new Response(auditCsv(log, null)).text()).toBe(`${lines[0]}\r\n`);
  });
});
