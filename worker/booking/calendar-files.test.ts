import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Booking } from "../../core/booking/booking.ts";
import type { NotificationKind } from "../../core/kernel/notifications/kinds.ts";
import type { DeliveryMessage } from "../../core/kernel/notifications/ports.ts";
import { defaultNotificationSettings } from "../../core/kernel/notifications/settings.ts";
import { loadTenant, type Tenant } from "../../core/kernel/tenants/tenant.ts";
import { D1BookingStore } from "../../db/booking/store.ts";
import { D1Outbox, type OutboxMessage } from "../../db/kernel/notifications/outbox.ts";
import { platformData } from "../../db/kernel/platform.ts";
import worker from "../index.ts";
import { bookableStaff, bookingAt } from "./testing.ts";
import { addUser, createTenant, testContext, visitDevelopmentServer } from "../kernel/testing/fixtures.ts";
import { notifierFor } from "../kernel/notifications/pipeline.ts";

const data = platformData(env);
const intake = { durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 };

async function bookingTenant(slug: string): Promise<Tenant> {
  await testContext().control.savePlan({
    id: "met-agenda",
    name: "Agenda",
    features: ["messages", "booking"],
  });
  const record = await createTenant(slug, "TENANT_DB_1", {
    planId: "met-agenda",
    // No digest wait and no quiet hours: these tests must not depend on the hour they run at.
    settings: { notifications: { ...defaultNotificationSettings, quietHours: null, digestMinutes: 0 } },
  });
  const tenant = await loadTenant(record, data);
  if (!tenant) throw new Error("tenant did not load");
  return tenant;
}

const scopeOf = (tenant: Tenant) => data.scopeIn(tenant.cell, tenant.id);

/** Notifies as a capability does, then runs the deliveries through a real queue batch. */
async function notifyAndSend(
  tenant: Tenant,
  request: { kind: NotificationKind; recipients: string[]; link: string },
): Promise<void> {
  const { deliveryIds } = await notifierFor(env, scopeOf(tenant), tenant)({ ...request, actorId: null });
  const batch = createMessageBatch<DeliveryMessage>(
    "portaal-notify",
    deliveryIds.map((deliveryId) => ({
      id: `msg-${deliveryId}`,
      timestamp: new Date(),
      attempts: 1,
      body: { tenantId: tenant.id, deliveryId },
    })),
  );
  await worker.queue(batch, env);
}

async function lastMailTo(tenant: Tenant, email: string): Promise<OutboxMessage> {
  const mail = (await new D1Outbox(scopeOf(tenant)).list(200)).find((each) => each.recipient === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

function calendarOf(mail: OutboxMessage) {
  expect(mail.attachments).toHaveLength(1);
  const [file] = mail.attachments!;
  const text = new TextDecoder().decode(Uint8Array.from(atob(file!.content), (char) => char.charCodeAt(0)));
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
  return {
    file: file!,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    start: time("dtstart"),
    end: time("dtend"),
    status: event.getFirstPropertyValue("status"),
    summary: event.getFirstPropertyValue("summary"),
    location: event.getFirstPropertyValue("location"),
  };
}

let tenant: Tenant;
let staff: string;
let client: string;
let typeId: string;
let booking: Booking;

beforeAll(async () => {
  tenant = await bookingTenant("agenda");
  staff = await addUser(tenant, { email: "coach@agenda.example", role: "staff" });
  client = await addUser(tenant, { email: "client@agenda.example", language: "en", timeZone: "Asia/Tokyo" });
  ({ Intake: typeId } = (await bookableStaff(scopeOf(tenant), staff, { Intake: intake })) as {
    Intake: string;
  });
  booking = bookingAt(staff, "2026-12-01T09:00:00.000Z", intake, {
    clientUserId: client,
    appointmentTypeId: typeId,
    location: "phone",
  });
  expect(await new D1BookingStore(scopeOf(tenant)).insertUnlessOverlapping(booking)).toBe(true);
});

describe("booking mail", () => {
  it("carries the booking as a calendar file for the client and for the staff member", async () => {
    await notifyAndSend(tenant, {
      kind: "booking",
      recipients: [client, staff],
      link: `/booking/${booking.id}`,
    });

    const toClient = calendarOf(await lastMailTo(tenant, "client@agenda.example"));
    expect(toClient).toMatchObject({
      method: "PUBLISH",
      uid: `${booking.id}@agenda.localhost`,
      start: "2026-12-01T09:00:00.000Z",
      end: "2026-12-01T09:45:00.000Z",
      status: "CONFIRMED",
      summary: "Intake with coach",
      location: "By phone",
    });
    // Named by the day of the appointment in the client's own zone (Tokyo: 18:00 on 1 December).
    expect(toClient.file).toMatchObject({
      filename: "appointment-2026-12-01.ics",
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    });

    const toStaff = calendarOf(await lastMailTo(tenant, "coach@agenda.example"));
    expect(toStaff).toMatchObject({
      method: "PUBLISH",
      summary: "Intake met client",
      location: "Telefonisch",
    });
    expect(toStaff.file.filename).toBe("afspraak-2026-12-01.ics");
  });

  it("carries the reminder's calendar file too", async () => {
    await notifyAndSend(tenant, {
      kind: "booking-reminder",
      recipients: [client],
      link: `/booking/${booking.id}`,
    });
    expect(calendarOf(await lastMailTo(tenant, "client@agenda.example"))).toMatchObject({
      method: "PUBLISH",
      status: "CONFIRMED",
    });
  });

  it("cancels the event once the booking is cancelled", async () => {
    const cancelled = bookingAt(staff, "2026-12-02T09:00:00.000Z", intake, {
      clientUserId: client,
      appointmentTypeId: typeId,
    });
    const store = new D1BookingStore(scopeOf(tenant));
    expect(await store.insertUnlessOverlapping(cancelled)).toBe(true);
    await store.transition(cancelled.id, "confirmed", {
      status: "cancelled",
      cancelledAt: new Date().toISOString(),
      cancelledByUserId: client,
    });
    await notifyAndSend(tenant, { kind: "booking", recipients: [client], link: `/booking/${cancelled.id}` });
    const file = calendarOf(await lastMailTo(tenant, "client@agenda.example"));
    expect(file).toMatchObject({
      method: "CANCEL",
      status: "CANCELLED",
      uid: `${cancelled.id}@agenda.localhost`,
      start: "2026-12-02T09:00:00.000Z",
    });
    expect(file.file.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
  });

  it("carries nothing with a message notification", async () => {
    await notifyAndSend(tenant, { kind: "message", recipients: [client], link: `/booking/${booking.id}` });
    expect((await lastMailTo(tenant, "client@agenda.example")).attachments).toBeNull();
  });

  it("carries nothing for someone who is not in the booking", async () => {
    const stranger = await addUser(tenant, { email: "ander@agenda.example" });
    const colleague = await addUser(tenant, { email: "collega@agenda.example", role: "staff" });
    await notifyAndSend(tenant, {
      kind: "booking",
      recipients: [stranger, colleague],
      link: `/booking/${booking.id}`,
    });
    expect((await lastMailTo(tenant, "ander@agenda.example")).attachments).toBeNull();
    expect((await lastMailTo(tenant, "collega@agenda.example")).attachments).toBeNull();
  });

  it("carries nothing for another tenant's booking, an unknown one or a link that names none", async () => {
    const other = await bookingTenant("elders");
    const otherStaff = await addUser(other, { email: "coach@elders.example", role: "staff" });
    const { Intake: otherType } = (await bookableStaff(scopeOf(other), otherStaff, { Intake: intake })) as {
      Intake: string;
    };
    // The same person ids in the other tenant's booking: only the tenant keeps it apart.
    const foreign = bookingAt(otherStaff, "2026-12-03T09:00:00.000Z", intake, {
      clientUserId: client,
      appointmentTypeId: otherType,
    });
    expect(await new D1BookingStore(scopeOf(other)).insertUnlessOverlapping(foreign)).toBe(true);
    for (const link of [
      `/booking/${foreign.id}`,
      "/booking/bkg_0000000000AAAAAAAAAAAAAAAA",
      `/booking/${booking.id}/edit`,
      "/booking",
    ]) {
      const before = new Set((await new D1Outbox(scopeOf(tenant)).list(200)).map((mail) => mail.id));
      await notifyAndSend(tenant, { kind: "booking", recipients: [client], link });
      const sent = (await new D1Outbox(scopeOf(tenant)).list(200)).filter((mail) => !before.has(mail.id));
      expect(sent, link).toHaveLength(1);
      expect(sent[0]!.attachments, link).toBeNull();
    }
  });
});

describe("the local outbox", () => {
  it("offers a mail's calendar file for download", async () => {
    await notifyAndSend(tenant, { kind: "booking", recipients: [client], link: `/booking/${booking.id}` });
    const mail = await lastMailTo(tenant, "client@agenda.example");
    const page = await (await visitDevelopmentServer("agenda.localhost", `/dev/outbox/${mail.id}`)).text();
    const href = `/dev/outbox/${mail.id}/attachments/0`;
    expect(page).toContain(`href="${href}"`);
    expect(page).toContain("appointment-2026-12-01.ics");
    // The page names the file; the file itself comes only from its own address.
    expect(page).not.toContain(mail.attachments![0]!.content.slice(0, 40));

    const download = await visitDevelopmentServer("agenda.localhost", href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(download.headers.get("content-disposition")).toBe(
      'attachment; filename="appointment-2026-12-01.ics"',
    );
    expect(await download.text()).toContain(`UID:${booking.id}@agenda.localhost`);

    expect(
      (await visitDevelopmentServer("agenda.localhost", `/dev/outbox/${mail.id}/attachments/1`)).status,
    ).toBe(404);
    expect((await visitDevelopmentServer("elders.localhost", href)).status).toBe(404);
  });
});
