import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMessage } from "../../../core/kernel/notifications/ports.ts";
import { defaultNotificationSettings } from "../../../core/kernel/notifications/settings.ts";
import { loadTenant, type Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1DeliveryStore } from "../../../db/kernel/notifications/delivery-store.ts";
import { D1Inbox } from "../../../db/kernel/notifications/inbox-store.ts";
import { D1Outbox } from "../../../db/kernel/notifications/outbox.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { addUser, createTenant } from "../testing/fixtures.ts";
import worker from "../../index.ts";
import type { DeadLetterMessage } from "./consumer.ts";
import { deliveryDepsFor, notifierFor } from "./pipeline.ts";
import { deliver } from "../../../core/kernel/notifications/deliver.ts";
import { messageRenderer } from "../../../web/kernel/mail/render.server.ts";
import { configOf } from "../../env.ts";
import { runScheduledWork } from "../../scheduled.ts";

const data = platformData(env);
let tenant: Tenant;
let coach: string;
let client: string;

async function tenantNamed(slug: string, digestMinutes: number): Promise<Tenant> {
  const record = await createTenant(slug, "TENANT_DB_1", {
    // No quiet hours here: these tests must not depend on the hour they run at (see quiet-hours.test.ts).
    settings: { notifications: { ...defaultNotificationSettings, quietHours: null, digestMinutes } },
  });
  const loaded = await loadTenant(record, data);
  if (!loaded) throw new Error("tenant did not load");
  return loaded;
}

const scope = () => data.scopeIn(tenant.cell, tenant.id);
const notify = (...args: Parameters<ReturnType<typeof notifierFor>>) =>
  notifierFor(env, scope(), tenant)(...args);

let messageCount = 0;
async function consume(bodies: DeliveryMessage[], attempts = 1) {
  const batch = createMessageBatch<DeliveryMessage>(
    "portaal-notify",
    bodies.map((body) => ({ id: `msg-${++messageCount}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return { batch, result: await getQueueResult(batch, ctx) };
}

const messages = (ids: string[]) => ids.map((deliveryId) => ({ tenantId: tenant.id, deliveryId }));
const outbox = () => new D1Outbox(scope()).list(100);
const delivery = (id: string) => new D1DeliveryStore(scope()).find(id);

beforeAll(async () => {
  tenant = await tenantNamed("meldingen", 0);
  coach = await addUser(tenant, { email: "coach@meldingen.example", role: "staff" });
  client = await addUser(tenant, { email: "client@meldingen.example" });
});

describe("notify", () => {
  it("writes the in-app item and a queued mail delivery, naming no content", async () => {
    const result = await notify({
      kind: "message",
      recipients: [client],
      actorId: coach,
      link: "/messages/c1",
    });
    expect(result.notificationIds).toHaveLength(1);
    expect(result.deliveryIds).toHaveLength(1);
    const items = await new D1Inbox(scope()).list(client, 10);
    expect(items[0]).toMatchObject({ kind: "message", link: "/messages/c1", read: false });
    expect(await delivery(result.deliveryIds[0]!)).toMatchObject({ status: "queued", channel: "mail" });
  });

  it("refuses links that leave the portal", async () => {
    for (const link of ["https://evil.example/", "//evil.example", "/\\evil.example", "messages"]) {
      await expect(notify({ kind: "message", recipients: [client], actorId: coach, link })).rejects.toThrow();
    }
  });

  it("with mail turned off still shows the item in the app but sends nothing", async () => {
    const quiet = await addUser(tenant, { email: "geen-mail@meldingen.example" });
    await new D1Inbox(scope()).setChoice(quiet, "document", { mail: false, sms: false }, new Date());
    const result = await notify({
      kind: "document",
      recipients: [quiet],
      actorId: coach,
      link: "/documents",
    });
    expect(result.notificationIds).toHaveLength(1);
    expect(result.deliveryIds).toHaveLength(0);
    expect(await new D1Inbox(scope()).unreadCount(quiet)).toBe(1);
  });

  it("sends nothing for a capability the tenant does not have", async () => {
    // The test plan has messages and documents, not goals.
    const result = await notify({
      kind: "goal",
      recipients: [client],
      actorId: coach,
      link: "/goals",
    });
    expect(result).toEqual({ notificationIds: [], deliveryIds: [] });
  });

  it("does not notify people of another tenant", async () => {
    const other = await tenantNamed("anderen", 0);
    const stranger = await addUser(other, { email: "stranger@anderen.example" });
    const result = await notify({
      kind: "message",
      recipients: [stranger],
      actorId: coach,
      link: "/messages",
    });
    expect(result.deliveryIds).toHaveLength(0);
  });
});

describe("the queue consumer", () => {
  it("sends a mail once, however often the message comes", async () => {
    const person = await addUser(tenant, { email: "once@meldingen.example" });
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [person],
      actorId: coach,
      link: "/messages/c2",
    });
    const before = (await outbox()).length;
    const first = await consume(messages(deliveryIds));
    expect(first.result.explicitAcks).toEqual([first.batch.messages[0]!.id]);
    // At-least-once: the same message again, and twice in one batch.
    await consume(messages([...deliveryIds, ...deliveryIds]));
    const mails = await outbox();
    expect(mails.length).toBe(before + 1);
    expect(mails[0]).toMatchObject({
      recipient: "once@meldingen.example",
      channel: "mail",
      subject: "Nieuw bericht van coach",
      sender: "Tenant meldingen <noreply@portaal.localhost>",
    });
    expect(await delivery(deliveryIds[0]!)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("retries a temporary failure, then sends", async () => {
    const flaky = await addUser(tenant, { email: "wiebel@flaky.test" });
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [flaky],
      actorId: coach,
      link: "/messages",
    });
    const first = await consume(messages(deliveryIds), 1);
    expect(first.result.retryMessages).toEqual([{ msgId: first.batch.messages[0]!.id }]);
    const second = await consume(messages(deliveryIds), 2);
    expect(second.result.retryMessages).toHaveLength(1);
    expect(await delivery(deliveryIds[0]!)).toMatchObject({ status: "queued", attempts: 2 });
    await consume(messages(deliveryIds), 3);
    expect(await delivery(deliveryIds[0]!)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("sends a permanent failure to the dead letters, which record it for the admin", async () => {
    const bounce = await addUser(tenant, { email: "weg@bounce.test" });
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [bounce],
      actorId: coach,
      link: "/messages",
    });
    const { result } = await consume(messages(deliveryIds));
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);

    const dead = createMessageBatch<DeadLetterMessage>("portaal-notify-dead", [
      {
        id: "dead-1",
        timestamp: new Date(),
        attempts: 1,
        body: { ...messages(deliveryIds)[0]!, error: "refused" },
      },
    ]);
    await worker.queue(dead, env);
    expect((await getQueueResult(dead, createExecutionContext())).explicitAcks).toEqual(["dead-1"]);
    const letters = await new D1DeliveryStore(scope()).deadLetters();
    expect(letters.map((letter) => letter.id)).toContain(deliveryIds[0]);
    expect(letters.find((letter) => letter.id === deliveryIds[0])).toMatchObject({ lastError: "refused" });
  });

  it("records a delivery whose retries ran out with its last provider error", async () => {
    const flaky = await addUser(tenant, { email: "op@flaky.test" });
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [flaky],
      actorId: coach,
      link: "/messages",
    });
    await consume(messages(deliveryIds), 1);
    const dead = createMessageBatch<DeadLetterMessage>("portaal-notify-dead", [
      { id: "dead-2", timestamp: new Date(), attempts: 7, body: messages(deliveryIds)[0]! },
    ]);
    await worker.queue(dead, env);
    expect(await delivery(deliveryIds[0]!)).toMatchObject({
      status: "dead",
      lastError: expect.stringContaining("flaky.test"),
    });
  });

  it("sends several notifications for one person as one digest", async () => {
    const person = await addUser(tenant, { email: "digest@meldingen.example", language: "en" });
    const a = await notify({ kind: "message", recipients: [person], actorId: coach, link: "/messages/1" });
    const b = await notify({ kind: "document", recipients: [person], actorId: coach, link: "/documents/2" });
    const before = (await outbox()).length;
    await consume(messages([...a.deliveryIds, ...b.deliveryIds]));
    const mails = await outbox();
    expect(mails.length).toBe(before + 1);
    const digest = mails.find((mail) => mail.recipient === "digest@meldingen.example")!;
    expect(digest.subject).toBe("2 new notifications in the Tenant meldingen portal");
    expect(digest.text).toContain("New message from coach");
    expect(digest.text).toContain("New document from coach");
    expect(digest.html).toContain("http://meldingen.localhost:8787/documents/2");
  });

  it("never lets content passed along reach a mail or an SMS", async () => {
    // Whatever a capability might hand over by mistake (a message's text, a private document's
    // title, an answer), notify has no field for it and nothing carries it to a provider.
    const secrets = ["Mijn diagnose is geheim 7f3a", "Verslag-intake-PRIVÉ.pdf", "Antwoord: ik slaap slecht"];
    const person = await addUser(tenant, { email: "geheim@meldingen.example", phone: "+31611111111" });
    for (const kind of ["message", "document"] as const) {
      await new D1Inbox(scope()).setChoice(person, kind, { mail: true, sms: true }, new Date());
    }
    const ids: string[] = [];
    for (const [index, kind] of (["message", "document", "message"] as const).entries()) {
      const request = {
        kind,
        recipients: [person],
        actorId: coach,
        link: `/x/${index}`,
        text: secrets[index],
        title: secrets[index],
      };
      ids.push(...(await notify(request)).deliveryIds);
    }
    await consume(messages(ids));
    const sent = (await outbox()).filter(
      (each) => each.recipient === "geheim@meldingen.example" || each.recipient === "+31611111111",
    );
    expect(sent.map((each) => each.channel).sort()).toEqual(["mail", "sms"]);
    const stored = await env.TENANT_DB_1.prepare(
      "SELECT * FROM notification_deliveries WHERE recipient_id = ?",
    )
      .bind(person)
      .all();
    for (const secret of secrets) {
      for (const each of sent) expect(JSON.stringify(each)).not.toContain(secret);
      expect(JSON.stringify(stored.results)).not.toContain(secret);
    }
  });

  it("skips a delivery whose recipient turned mail off after it was made", async () => {
    const person = await addUser(tenant, { email: "bedenkt@meldingen.example" });
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [person],
      actorId: coach,
      link: "/messages",
    });
    await new D1Inbox(scope()).setChoice(person, "message", { mail: false, sms: false }, new Date());
    await consume(messages(deliveryIds));
    expect(await delivery(deliveryIds[0]!)).toMatchObject({ status: "skipped" });
  });

  it("sends an SMS to a person with a mobile number who wants one", async () => {
    const person = await addUser(tenant, { email: "sms@meldingen.example", phone: "+31612345678" });
    await new D1Inbox(scope()).setChoice(person, "message", { mail: false, sms: true }, new Date());
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [person],
      actorId: coach,
      link: "/messages/5",
    });
    await consume(messages(deliveryIds));
    const sms = (await outbox()).find((message) => message.recipient === "+31612345678");
    expect(sms).toMatchObject({ channel: "sms", sender: "Portaal" });
    expect(sms!.text).toBe(
      "Tenant meldingen: Nieuw bericht van coach. http://meldingen.localhost:8787/messages/5",
    );
  });
});

describe("mail templates", () => {
  const content = (language: "nl" | "en") => ({
    recipient: {
      id: "usr_x",
      displayName: "Lotte",
      email: "lotte@example.nl",
      phone: null,
      language,
      timeZone: "Europe/Amsterdam",
      status: "active" as const,
    },
    items: [{ kind: "booking" as const, actorName: "Eva", url: "https://ggz.example/booking/1" }],
    unsubscribe: [{ kind: "booking" as const, url: "https://ggz.example/unsubscribe/t?kind=booking" }],
    preferencesUrl: "https://ggz.example/account/notifications",
  });
  const renderer = () =>
    messageRenderer(
      {
        name: "Praktijk Lichtpunt",
        settings: {
          ...tenant.settings,
          primaryColour: "#5b3f8c",
          logoKey: "brand/logo.svg",
          terminology: {
            nl: { appointment: "sessie", appointments: "sessies" },
            en: { appointment: "session" },
          },
        },
      },
      "https://ggz.example",
    );

  it("speaks Dutch and English with the tenant's words, name, logo and colour", async () => {
    const dutch = await renderer().mail(content("nl"));
    expect(dutch.subject).toBe("Nieuws over je sessie met Eva");
    expect(dutch.html).toContain('lang="nl"');
    expect(dutch.html).toContain("Praktijk Lichtpunt");
    expect(dutch.html).toContain("#5b3f8c");
    expect(dutch.html).toContain("https://ggz.example/brand/logo");
    expect(dutch.text).toContain("Beste Lotte,");
    expect(dutch.text).toContain("Geen e-mail meer over: Sessies");
    expect(dutch.text).toContain("https://ggz.example/booking/1");

    const english = await renderer().mail(content("en"));
    expect(english.subject).toBe("News about your session with Eva");
    expect(english.text).toContain("Dear Lotte,");
    expect(english.text).toContain("the content is not in this e-mail");
  });

  it("escapes names: a display name cannot inject markup", async () => {
    const hostile = content("nl");
    hostile.items[0]!.actorName = '<img src=x onerror="alert(1)">';
    const mail = await renderer().mail(hostile);
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;img src=x");
  });
});

describe("quiet hours", () => {
  it("holds a non-urgent mail at night in the recipient's zone and lets an urgent one through", async () => {
    const night = await tenantNamed("nachtrust", 0);
    const record = {
      ...night,
      settings: {
        ...night.settings,
        notifications: { ...night.settings.notifications, quietHours: { start: "22:00", end: "07:00" } },
      },
    };
    const person = await addUser(night, { email: "slaper@nachtrust.example", timeZone: "Asia/Tokyo" });
    const nightScope = data.scopeIn(night.cell, night.id);
    const { deliveryIds } = await notifierFor(
      env,
      nightScope,
      record,
    )({ kind: "message", recipients: [person], actorId: null, link: "/messages" });
    const deps = await deliveryDepsFor(env, configOf(env), data, record);
    // 23:30 in Tokyo.
    const lateEvening = { ...deps, now: () => new Date("2026-11-22T14:30:00Z") };
    const outcome = await deliver(lateEvening, deliveryIds[0]!, 1);
    // Until 07:00 in Tokyo = 22:00 UTC.
    expect(outcome).toEqual({ kind: "later", delaySeconds: 7.5 * 3600 });
    expect(await new D1DeliveryStore(nightScope).find(deliveryIds[0]!)).toMatchObject({
      status: "queued",
      notBefore: "2026-11-22T22:00:00.000Z",
    });

    const urgent = await notifierFor(
      env,
      nightScope,
      record,
    )({ kind: "new-sign-in", recipients: [person], actorId: null, link: "/account" });
    expect(await deliver(lateEvening, urgent.deliveryIds[0]!, 1)).toEqual({ kind: "sent", deliveries: 1 });
  });
});

describe("scheduled work", () => {
  it("puts deliveries whose queue message got lost back on the queue", async () => {
    const { deliveryIds } = await notify({
      kind: "message",
      recipients: [client],
      actorId: coach,
      link: "/messages",
    });
    // An hour later the delivery is still queued and was never tried: its message was lost.
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const result = await runScheduledWork(env, later);
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    expect(await delivery(deliveryIds[0]!)).toMatchObject({
      status: "queued",
      claimedAt: later.toISOString(),
    });
    // Reclaimed once: the next run leaves it to the queue.
    expect((await runScheduledWork(env, later)).requeued).toBe(0);
  });

  it("clears local outbox mail older than a week", async () => {
    const before = (await outbox()).length;
    expect(before).toBeGreaterThan(0);
    const result = await runScheduledWork(env, new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
    expect(result.purged).toBeGreaterThanOrEqual(before);
    expect(await outbox()).toHaveLength(0);
  });
});
