import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMessage } from "../../../core/kernel/notifications/ports.ts";
import { loadTenant, type Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1DeliveryStore } from "../../../db/kernel/notifications/delivery-store.ts";
import { D1Inbox } from "../../../db/kernel/notifications/inbox-store.ts";
import { D1Outbox } from "../../../db/kernel/notifications/outbox.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import worker from "../../index.ts";
import { post, seedDemoTenants, signIn, visit, visitDevelopmentServer } from "../testing/fixtures.ts";
import { notifierFor } from "./pipeline.ts";

const host = "coaching.localhost";
const data = platformData(env);
let tenant: Tenant;
const ids: Record<string, string> = {};

const scope = () => data.scopeIn(tenant.cell, tenant.id);
const inbox = () => new D1Inbox(scope());
const text = (response: Response) => response.text();

async function userId(email: string): Promise<string> {
  const result = await env.TENANT_DB_1.prepare("SELECT id FROM users WHERE tenant_id = ? AND email = ?")
    .bind(tenant.id, email)
    .first<{ id: string }>();
  return result!.id;
}

/** Sends what is queued for these deliveries, as the queue would. */
async function deliver(deliveryIds: string[]) {
  const batch = createMessageBatch<DeliveryMessage>(
    "portaal-notify",
    deliveryIds.map((deliveryId, index) => ({
      id: `page-${deliveryId}-${index}`,
      timestamp: new Date(),
      attempts: 1,
      body: { tenantId: tenant.id, deliveryId },
    })),
  );
  await worker.queue(batch, env);
}

beforeAll(async () => {
  await seedDemoTenants();
  const record = await data.control.tenantBySlug("coaching");
  const demo = (await loadTenant(record!, data))!;
  // The mails here must leave whatever the hour: without the tenant's quiet hours (they have their
  // own tests in pipeline.test.ts), a run in the Dutch evening would hold them till morning.
  const settings = { ...demo.settings, notifications: { ...demo.settings.notifications, quietHours: null } };
  await data.settingsIn(record!.cell).write(record!.id, settings);
  tenant = { ...demo, settings };
  for (const email of [
    "sanne.visser@example.nl",
    "daan.mulder@example.nl",
    "anouk.devries@koerscoaching.nl",
  ]) {
    ids[email] = await userId(email);
  }
});

const notifySanne = () =>
  notifierFor(
    env,
    scope(),
    tenant,
  )({
    kind: "message",
    recipients: [ids["sanne.visser@example.nl"]!],
    actorId: ids["anouk.devries@koerscoaching.nl"]!,
    link: "/messages",
  });

describe("the bell and the notifications page", () => {
  it("shows the unread count and only the signed-in person's own items", async () => {
    await notifySanne();
    const sanne = await signIn(host, "sanne.visser@example.nl");
    const page = await text(await visit(host, "/notifications", { headers: { cookie: sanne } }));
    expect(page).toContain("Nieuw bericht van Anouk de Vries");
    expect(page).toMatch(/aria-label="Meldingen, \d+ ongelezen"/);

    const daan = await signIn(host, "daan.mulder@example.nl");
    const other = await text(await visit(host, "/notifications", { headers: { cookie: daan } }));
    expect(other).not.toContain("Anouk de Vries");
  });

  it("opens an item: marks it read and follows its link; another person's item is not found", async () => {
    const { notificationIds } = await notifySanne();
    const id = notificationIds[0]!;
    const daan = await signIn(host, "daan.mulder@example.nl");
    expect((await post(host, "/notifications", { notification: id }, { cookie: daan })).status).toBe(404);
    const sanne = await signIn(host, "sanne.visser@example.nl");
    const opened = await post(host, "/notifications", { notification: id }, { cookie: sanne });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/messages");
    const items = await inbox().list(ids["sanne.visser@example.nl"]!, 50);
    expect(items.find((item) => item.id === id)?.read).toBe(true);
  });

  it("marks everything read", async () => {
    await notifySanne();
    const sanne = await signIn(host, "sanne.visser@example.nl");
    await post(host, "/notifications", { intent: "all-read" }, { cookie: sanne });
    expect(await inbox().unreadCount(ids["sanne.visser@example.nl"]!)).toBe(0);
  });
});

describe("notification settings", () => {
  it("saves mail on or off per kind of the tenant's capabilities", async () => {
    const daan = await signIn(host, "daan.mulder@example.nl");
    const page = await text(await visit(host, "/account/notifications", { headers: { cookie: daan } }));
    expect(page).toContain('name="message:mail"');
    // The coaching plan has no tickets: no choice about them.
    expect(page).not.toContain('name="ticket-reply:mail"');
    const saved = await post(host, "/account/notifications", { "document:mail": "on" }, { cookie: daan });
    expect(saved.headers.get("location")).toBe("/account/notifications?saved=1");
    const choices = await inbox().choicesOf(ids["daan.mulder@example.nl"]!);
    expect(choices.get("message")).toEqual({ mail: false, sms: false });
    expect(choices.get("document")).toEqual({ mail: true, sms: false });
  });
});

describe("the mobile number for SMS", () => {
  it("is checked and stored in E.164; a bad one is refused at the field and kept", async () => {
    const daan = await signIn(host, "daan.mulder@example.nl");
    const refused = await post(
      host,
      "/account/notifications",
      { intent: "phone", phone: "12ab" },
      { cookie: daan },
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Dit is geen geldig mobiel nummer.");
    expect(page).toContain('value="12ab"');

    const saved = await post(
      host,
      "/account/notifications",
      { intent: "phone", phone: "06 1234 5678" },
      { cookie: daan },
    );
    expect(saved.headers.get("location")).toBe("/account/notifications?saved=phone");
    const [self] = await inbox().recipients([ids["daan.mulder@example.nl"]!]);
    expect(self?.phone).toBe("+31612345678");
    // With a number, the page offers SMS per kind.
    const withSms = await text(await visit(host, "/account/notifications", { headers: { cookie: daan } }));
    expect(withSms).toContain('name="message:sms"');

    await post(host, "/account/notifications", { intent: "phone", phone: "" }, { cookie: daan });
    expect((await inbox().recipients([ids["daan.mulder@example.nl"]!]))[0]?.phone).toBeNull();
  });
});

describe("unsubscribe links", () => {
  async function mailedLink(): Promise<string> {
    const person = ids["sanne.visser@example.nl"]!;
    await inbox().setChoice(person, "message", { mail: true, sms: false }, new Date());
    await inbox().setChoice(person, "document", { mail: true, sms: false }, new Date());
    const { deliveryIds } = await notifySanne();
    await deliver(deliveryIds);
    const sent = await new D1DeliveryStore(scope()).find(deliveryIds[0]!);
    const mail = (await new D1Outbox(scope()).list(50)).find((each) => each.html?.includes(sent!.batchId!))!;
    const url = /href="(http:\/\/coaching\.localhost:8787\/unsubscribe\/[^"]+)"/.exec(mail.html!)![1]!;
    return url.replace("http://coaching.localhost:8787", "").replaceAll("&amp;", "&");
  }

  it("asks first (a scanner opening it changes nothing), then turns off only that kind's mail", async () => {
    const path = await mailedLink();
    const page = await visit(host, path);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain("nieuwe berichten");
    const person = ids["sanne.visser@example.nl"]!;
    expect((await inbox().choicesOf(person)).get("message")?.mail).toBe(true);

    const done = await post(host, path, {});
    expect(done.status).toBe(200);
    const choices = await inbox().choicesOf(person);
    expect(choices.get("message")).toEqual({ mail: false, sms: false });
    expect(choices.get("document")?.mail).toBe(true);
  });

  it("takes a mail client's one-click POST without an origin", async () => {
    const path = await mailedLink();
    const response = await visit(host, path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect((await inbox().choicesOf(ids["sanne.visser@example.nl"]!)).get("message")?.mail).toBe(false);
  });

  it("does nothing with a forged token, or with a real one on another tenant's host", async () => {
    const path = await mailedLink();
    const [, token] = /\/unsubscribe\/([^?]+)/.exec(path)!;
    const forged = path.replace(token!, `${token!.split(".")[0]}.${"A".repeat(32)}`);
    expect((await post(host, forged, {})).status).toBe(404);
    expect((await post("ggz.localhost", path, {})).status).toBe(404);
    expect((await post(host, "/unsubscribe/zomaar", {})).status).toBe(404);
    expect((await inbox().choicesOf(ids["sanne.visser@example.nl"]!)).get("message")?.mail).toBe(true);
  });
});

describe("undelivered notifications (dead letters)", () => {
  it("are for admins only; an admin sees them and sends one again", async () => {
    const sanne = await signIn(host, "sanne.visser@example.nl");
    expect((await visit(host, "/admin/notifications", { headers: { cookie: sanne } })).status).toBe(403);
    const anouk = await signIn(host, "anouk.devries@koerscoaching.nl");
    expect((await visit(host, "/admin/notifications", { headers: { cookie: anouk } })).status).toBe(403);

    const { deliveryIds } = await notifySanne();
    await new D1DeliveryStore(scope()).markDead(deliveryIds[0]!, "refused by provider");
    const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
    const page = await text(await visit(host, "/admin/notifications", { headers: { cookie: admin } }));
    expect(page).toContain("refused by provider");
    expect(page).toContain("sanne.visser@example.nl");

    const retried = await post(
      host,
      "/admin/notifications",
      { delivery: deliveryIds[0]! },
      { cookie: admin },
    );
    expect(retried.headers.get("location")).toBe("/admin/notifications?retried=1");
    expect(await new D1DeliveryStore(scope()).find(deliveryIds[0]!)).toMatchObject({
      status: "queued",
      attempts: 0,
    });
    // Not dead (any more), or another tenant's: not found.
    expect(
      (await post(host, "/admin/notifications", { delivery: deliveryIds[0]! }, { cookie: admin })).status,
    ).toBe(404);
  });
});

describe("the local outbox", () => {
  it("lists the tenant's mail and shows one with its links, its HTML sandboxed", async () => {
    const { deliveryIds } = await notifySanne();
    await deliver(deliveryIds);
    const list = await text(await visitDevelopmentServer(host, "/dev/outbox"));
    const id = /href="\/dev\/outbox\/(obx_[0-9A-Z]+)"/.exec(list)![1]!;
    const page = await text(await visitDevelopmentServer(host, `/dev/outbox/${id}`));
    expect(page).toContain("http://coaching.localhost:8787/messages");
    const html = await visitDevelopmentServer(host, `/dev/outbox/${id}/html`);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(await text(html)).toContain("Koers Coaching");
    // Another tenant's host does not know this mail.
    expect((await visitDevelopmentServer("ggz.localhost", `/dev/outbox/${id}`)).status).toBe(404);
  });

  it("does not exist outside development: in tests, in production, on any other server", async () => {
    const { deliveryIds } = await notifySanne();
    await deliver(deliveryIds);
    const [mail] = await new D1Outbox(scope()).list(1);
    const production = {
      ...env,
      ENVIRONMENT: "production",
      MAIL_PROVIDER: "resend",
      RESEND_API_KEY: "re_test",
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: "AC_test",
      TWILIO_AUTH_TOKEN: "test",
    };
    const paths = ["/dev/outbox", `/dev/outbox/${mail!.id}`, `/dev/outbox/${mail!.id}/html`];
    for (const bindings of [env, { ...env, ENVIRONMENT: "test" }, production]) {
      for (const path of paths) {
        const response = await visit(host, path, {}, bindings);
        expect(response.status, `${bindings.ENVIRONMENT} ${path}`).toBe(404);
        expect(await text(response), path).not.toContain(mail!.recipient);
      }
    }
    expect((await visitDevelopmentServer(host, `/dev/outbox/${mail!.id}`)).status).toBe(200);
  });
});

describe("sign-in from a new device", () => {
  it("tells the owner, but not on the first sign-in or from a known browser", async () => {
    const email = "jeroen.bakker@koerscoaching.nl";
    const person = await userId(email);
    const count = () =>
      inbox()
        .list(person, 50)
        .then((items) => items.filter((i) => i.kind === "new-sign-in").length);
    const signInWith = (userAgent: string) =>
      post(
        host,
        "/login",
        { email, password: "Portaal-demo-2026" },
        { "user-agent": userAgent, "cf-connecting-ip": "203.0.113.7" },
      );
    await signInWith("Browser A");
    expect(await count()).toBe(0);
    await signInWith("Browser A");
    expect(await count()).toBe(0);
    await signInWith("Browser B");
    expect(await count()).toBe(1);
  });
});
