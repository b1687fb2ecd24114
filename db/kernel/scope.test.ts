import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../core/kernel/ids.ts";
import { auditEvents, sessions, users } from "./schema.ts";
import { placeholdersOf, TenantScope, valuesOf } from "./scope.ts";

const person = (email: string, displayName: string) => ({
  id: newId("user"),
  email,
  displayName,
  role: "client" as const,
  language: "nl" as const,
  timeZone: "Europe/Amsterdam",
  createdAt: new Date().toISOString(),
});

// Two tenants share cell 1; a third lives in cell 2.
const alpha = new TenantScope(env.TENANT_DB_1, "ten_alpha");
const beta = new TenantScope(env.TENANT_DB_1, "ten_beta");
const gamma = new TenantScope(env.TENANT_DB_2, "ten_gamma");

const sanne = person("sanne@example.nl", "Sanne Visser");
const daan = person("daan@example.nl", "Daan Mulder");
const lotte = person("lotte@example.nl", "Lotte de Boer");

beforeAll(async () => {
  await alpha.insert(users, sanne);
  await beta.insert(users, daan);
  await gamma.insert(users, lotte);
});

describe("TenantScope", () => {
  it("stamps the tenant on every insert", async () => {
    const row = await env.TENANT_DB_1.prepare("SELECT tenant_id FROM users WHERE id = ?")
      .bind(sanne.id)
      .first();
    expect(row).toEqual({ tenant_id: "ten_alpha" });
  });

  it("lists only the tenant's own rows, in one cell and across cells", async () => {
    expect((await alpha.list(users)).map((u) => u.displayName)).toEqual(["Sanne Visser"]);
    expect((await beta.list(users)).map((u) => u.displayName)).toEqual(["Daan Mulder"]);
    expect((await gamma.list(users)).map((u) => u.displayName)).toEqual(["Lotte de Boer"]);
    // Cell 2 never holds cell 1's tenants, even for a scope naming them.
    expect(await new TenantScope(env.TENANT_DB_2, "ten_alpha").list(users)).toEqual([]);
  });

  it("does not find another tenant's object by id", async () => {
    expect(await alpha.findById(users, sanne.id)).toMatchObject({ displayName: "Sanne Visser" });
    expect(await alpha.findById(users, daan.id)).toBeUndefined();
    expect(await beta.findById(users, sanne.id)).toBeUndefined();
    expect(await new TenantScope(env.TENANT_DB_2, "ten_alpha").findById(users, sanne.id)).toBeUndefined();
  });

  it("cannot change or delete another tenant's object", async () => {
    await beta.update(users, sanne.id, { displayName: "Overgenomen" });
    await beta.delete(users, sanne.id);
    expect(await alpha.findById(users, sanne.id)).toMatchObject({ displayName: "Sanne Visser" });
  });

  it("keeps the caller's conditions inside the tenant", async () => {
    const found = await beta.findOne(users, eq(users.email, "sanne@example.nl"));
    expect(found).toBeUndefined();
    expect(await alpha.findOne(users, eq(users.email, "sanne@example.nl"))).toMatchObject({ id: sanne.id });
  });

  it("lets two tenants use the same e-mail address: an account is per tenant", async () => {
    await beta.insert(users, person("sanne@example.nl", "Sanne bij Beta"));
    expect((await beta.list(users)).map((u) => u.displayName).sort()).toEqual([
      "Daan Mulder",
      "Sanne bij Beta",
    ]);
  });

  it("writes a batch atomically: one failing row leaves nothing behind", async () => {
    const fresh = person("nieuw@example.nl", "Nieuw");
    const duplicate = { ...person("daan@example.nl", "Dubbel") };
    await expect(beta.batch([beta.insert(users, fresh), beta.insert(users, duplicate)])).rejects.toThrow();
    expect(await beta.findById(users, fresh.id)).toBeUndefined();
  });

  it("joins only within the tenant, even when a reference points across tenants", async () => {
    const now = new Date().toISOString();
    const session = (id: string, userId: string) => ({
      id,
      userId,
      secretHash: "00",
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now,
      userAgent: null,
      ipAddress: null,
    });
    await alpha.insert(sessions, [session("ses_own", sanne.id), session("ses_cross", daan.id)]);
    const own = await alpha.joinOne(
      sessions,
      users,
      eq(users.id, sessions.userId),
      eq(sessions.id, "ses_own"),
    );
    expect(own?.right.displayName).toBe("Sanne Visser");
    // Daan belongs to beta: alpha's session row pointing at him joins to nothing.
    expect(
      await alpha.joinOne(sessions, users, eq(users.id, sessions.userId), eq(sessions.id, "ses_cross")),
    ).toBeUndefined();
  });

  it("runs a prepared batch again with new values, in the tenant, binding a null as NULL", async () => {
    const line = (id: string, detail: Record<string, string> | null) => ({
      id,
      at: new Date().toISOString(),
      action: "message.sent",
      result: "success" as const,
      actorUserId: sanne.id,
      detail,
    });
    const sample = line("aud_prepared_1", { conversation: "cnv_1" });
    const run = alpha.prepareBatch([
      alpha.insert(auditEvents, placeholdersOf(sample, "line.")),
      alpha.select(auditEvents, { where: eq(auditEvents.id, sql.placeholder("line.id")) }),
    ]);
    const [, first] = await run(valuesOf(sample, "line."));
    const [, second] = await run(valuesOf(line("aud_prepared_2", null), "line."));

    expect(first).toEqual([
      expect.objectContaining({ id: "aud_prepared_1", detail: { conversation: "cnv_1" } }),
    ]);
    expect(second).toEqual([expect.objectContaining({ id: "aud_prepared_2", detail: null })]);
    const stored = await env.TENANT_DB_1.prepare(
      "SELECT tenant_id, detail IS NULL AS empty FROM audit_events WHERE id LIKE 'aud_prepared_%' ORDER BY id",
    ).all();
    expect(stored.results).toEqual([
      { tenant_id: "ten_alpha", empty: 0 },
      { tenant_id: "ten_alpha", empty: 1 },
    ]);
    // The same statements for another tenant find nothing of alpha's.
    const [, seenByBeta] = await beta.prepareBatch([
      beta.select(auditEvents, { where: eq(auditEvents.id, sql.placeholder("id")) }),
      beta.select(auditEvents, { where: eq(auditEvents.id, sql.placeholder("id")) }),
    ])({ id: "aud_prepared_1" });
    expect(seenByBeta).toEqual([]);
  });

  it("refuses to exist without a tenant", () => {
    expect(() => new TenantScope(env.TENANT_DB_1, "")).toThrow();
  });
});
