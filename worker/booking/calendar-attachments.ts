import { bookingCalendarFile } from "../../core/booking/ics.ts";
import { inZone } from "../../core/booking/zoned.ts";
import { isId } from "../../core/kernel/ids.ts";
import type { NotificationKind } from "../../core/kernel/notifications/kinds.ts";
import type { Delivery, MailAttachment, MailAttachments } from "../../core/kernel/notifications/ports.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import { D1BookingRecords } from "../../db/booking/records.ts";
import type { TenantScope } from "../../db/kernel/scope.ts";
import { calendarWordsFor } from "../../web/booking/calendar-words.server.ts";

/** The kinds whose link names a booking (`/booking/<id>`): their mail carries its calendar file. */
const calendarKinds: ReadonlySet<NotificationKind> = new Set(["booking", "booking-reminder"]);

/** The booking a delivery's link names, when it is a booking kind with a well-formed link. */
function bookingIdOf(delivery: Delivery): string | null {
  if (delivery.channel !== "mail" || !calendarKinds.has(delivery.kind)) return null;
  const id = /^\/booking\/([^/?#]+)$/.exec(delivery.link)?.[1];
  return id && isId("booking", id) ? id : null;
}

/**
 * The calendar files of one mail: one `.ics` per booking it is about, in the state the booking has
 * now, so a digest of "confirmed" and "cancelled" carries the cancellation. Only bookings of this
 * tenant (read through its scope) of which the recipient is the client or the staff member.
 */
export function calendarAttachments(
  scope: TenantScope,
  tenant: Pick<Tenant, "name" | "settings">,
  origin: string,
  senderAddress: string,
): MailAttachments {
  const records = new D1BookingRecords(scope);
  return {
    async for(recipient, deliveries, now) {
      const bookingIds = [...new Set(deliveries.flatMap((delivery) => bookingIdOf(delivery) ?? []))];
      if (bookingIds.length === 0) return [];
      const words = calendarWordsFor(recipient.language, tenant);
      const files: MailAttachment[] = [];
      const names = new Set<string>();
      for (const bookingId of bookingIds) {
        const event = await records.find(bookingId);
        if (!event) continue;
        const file = bookingCalendarFile({
          event,
          viewerId: recipient.id,
          origin,
          organizer: { name: tenant.name, email: senderAddress },
          texts: words.texts,
          now,
        });
        if (!file) continue;
        const date = inZone(event.startsAt, recipient.timeZone).date;
        let filename = words.fileName(date);
        for (let n = 2; names.has(filename); n++) filename = words.fileName(`${date}-${n}`);
        names.add(filename);
        files.push({
          filename,
          contentType: `text/calendar; charset=utf-8; method=${file.method}`,
          content: Buffer.from(file.ics, "utf8").toString("base64"),
        });
      }
      return files;
    },
  };
}
