import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, users } from "../../../db/kernel/schema.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "zorgpartner.localhost";
const data = platformData(env);
const ids: Record<string, string> = {};
let scope: ReturnType<typeof data.scopeIn>;

const userOf = (email: string) => scope.findOne(users, eq(users.email, email));
const admin = () => signIn(host, "bas.willems@zorgpartnerflex.nl");
const act = async (fields: Record<string, string>) =>
  post(host, "/admin/users", fields, { cookie: await admin() });
const signedIn = async (cookie: string) =>
  (await visit(host, "/account", { headers: { cookie } })).status === 200;

beforeAll(async () => {
  await seedDemoTenants();
  const record = (await data.control.tenantBySlug("zorgpartner"))!;
  scope = data.scopeIn(record.cell, record.id);
  for (const email of [
    "linda.brouwer@dehoven.nl",
    "kevin.peters@dehoven.nl",
    "nina.vos@zorgpartnerflex.nl",
    "bas.willems@zorgpartnerflex.nl",
  ]) {
    ids[email] = (await userOf(email))!.id;
  }
});

describe("the admin's user actions", () => {
  it("block an account: its sessions end and it cannot sign in; unblocking lets it in again", async () => {
    const linda = await signIn(host, "linda.brouwer@dehoven.nl");
    expect(
      (await act({ intent: "disable", user: ids["linda.brouwer@dehoven.nl"]! })).headers.get("location"),
    ).toBe("/admin/users?done=disable");
    expect(await signedIn(linda)).toBe(false);
    await expect(signIn(host, "linda.brouwer@dehoven.nl")).rejects.toThrow();
    await act({ intent: "enable", user: ids["linda.brouwer@dehoven.nl"]! });
    await signIn(host, "linda.brouwer@dehoven.nl");
  });

  it("sign a person out everywhere", async () => {
    const kevin = await signIn(host, "kevin.peters@dehoven.nl");
    await act({ intent: "end-sessions", user: ids["kevin.peters@dehoven.nl"]! });
    expect(await signedIn(kevin)).toBe(false);
  });

  it("change a role only with the admin's own password, and the change holds at once", async () => {
    const nina = await signIn(host, "nina.vos@zorgpartnerflex.nl");
    expect((await visit(host, "/invitations/new", { headers: { cookie: nina } })).status).toBe(200);
    const wrong = await act({
      intent: "role",
      user: ids["nina.vos@zorgpartnerflex.nl"]!,
      role: "client",
      password: "niet-mijn-wachtwoord",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Je wachtwoord klopt niet; er is niets gewijzigd.");
    expect((await userOf("nina.vos@zorgpartnerflex.nl"))?.role).toBe("staff");

    const right = await act({
      intent: "role",
      user: ids["nina.vos@zorgpartnerflex.nl"]!,
      role: "client",
      password: demoPassword,
    });
    expect(right.headers.get("location")).toBe("/admin/users?done=role");
    expect((await visit(host, "/invitations/new", { headers: { cookie: nina } })).status).toBe(403);
    await act({
      intent: "role",
      user: ids["nina.vos@zorgpartnerflex.nl"]!,
      role: "staff",
      password: demoPassword,
    });
    const audit = await scope.list(auditEvents, { where: eq(auditEvents.action, "users.role.change") });
    expect(audit.map((event) => event.result).sort()).toEqual(["failure", "success", "success"]);
  });

  it("refuse the admin's own account, someone unknown or of another tenant, and anyone but an admin", async () => {
    const self = await act({ intent: "disable", user: ids["bas.willems@zorgpartnerflex.nl"]! });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain("Dit kun je niet voor je eigen account doen.");
    expect((await act({ intent: "disable", user: "usr_01M00000000000000000000000" })).status).toBe(404);
    const otherTenantUser = (await data
      .scopeIn("TENANT_DB_1", (await data.control.tenantBySlug("coaching"))!.id)
      .findOne(users, eq(users.email, "sanne.visser@example.nl")))!;
    expect((await act({ intent: "disable", user: otherTenantUser.id })).status).toBe(404);
    const staff = await signIn(host, "nina.vos@zorgpartnerflex.nl");
    expect(
      (
        await post(
          host,
          "/admin/users",
          { intent: "disable", user: ids["kevin.peters@dehoven.nl"]! },
          { cookie: staff },
        )
      ).status,
    ).toBe(403);
    expect((await userOf("bas.willems@zorgpartnerflex.nl"))?.status).toBe("active");
  });
});
