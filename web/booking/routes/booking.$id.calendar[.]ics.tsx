import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { bookingCalendarFile } from "../../../core/booking/ics.ts";
import { inZone } from "../../../core/booking/zoned.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { requireShownBooking } from "../booking.server.ts";
import { calendarWordsFor } from "../calendar-words.server.ts";

export const access = { permission: "portal:use", feature: "booking" } satisfies Access;

/**
 * "Add to my calendar": the confirmed appointment as a calendar file for the viewer's own app, the
 * same event (one UID) as the file their mail carried, so adding both keeps one entry.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, booking, account, deps } = await requireShownBooking(
    context,
    request,
    access,
    params.id ?? "",
  );
  const words = calendarWordsFor(context.language, tenant);
  const file = bookingCalendarFile({
    event: booking,
    viewerId: account.id,
    origin: new URL(request.url).origin,
    texts: words.texts,
    now: deps.now(),
  });
  if (!file || file.method !== "PUBLISH") throw data(null, { status: 404 });
  const fileName = words.fileName(inZone(booking.startsAt, account.timeZone).date);
  return new Response(file.ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
