import { data, type AppLoadContext } from "@remix-run/cloudflare";
import type { Access } from "../../core/kernel/auth/access.ts";
import type { Slot } from "../../core/booking/availability.ts";
import { viewBooking, type Actor, type BookingView } from "../../core/booking/desk.ts";
import type { FreeMonth, Month } from "../../core/booking/planner.ts";
import type { LocalDate } from "../../core/booking/zoned.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import { localeOf } from "../kernel/i18n/format.server.ts";

/**
 * What the booking pages share on the server: the guard (the access a page declares, which names
 * the booking feature), the booking desk for the signed-in person, and times written out in the viewer's
 * language and own time zone.
 */
export type BookingAccess = Access & { feature: "booking" };

export function requireBooking(context: AppLoadContext, request: Request, access: BookingAccess) {
  const user = guard({ context, request }, access);
  const actor: Actor = { id: user.account.id, role: user.account.role };
  return {
    ...user,
    actor,
    deps: context.services.bookingFor(user.tenant),
    origin: originOf(request),
    formats: bookingFormats(context.language, user.account.timeZone),
  };
}

/**
 * The appointment a page is about (`/booking/<id>/...`), audited as seen by its client or staff
 * member and shown in their zone; anyone else gets 404.
 */
export async function requireShownBooking(
  context: AppLoadContext,
  request: Request,
  access: BookingAccess,
  id: string,
) {
  const user = requireBooking(context, request, access);
  const booking = await viewBooking(user.deps, user.actor, id, user.origin);
  if (!booking) throw data(null, { status: 404 });
  return {
    ...user,
    booking,
    shown: shownBooking(booking, user.formats, user.deps.now()),
    client: user.account.role === "client",
  };
}

/** A calendar date as an instant that is that date in UTC, for formatting the date alone. */
const noonOf = (date: LocalDate) => new Date(`${date}T12:00:00Z`);

export function bookingFormats(language: Language, zone: string) {
  const locale = localeOf(language);
  const longDate = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
  const date = new Intl.DateTimeFormat(locale, { ...longDate, timeZone: zone });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: zone });
  const shortDate = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: zone,
  });
  const calendarDate = new Intl.DateTimeFormat(locale, { ...longDate, timeZone: "UTC" });
  const shortCalendarDate = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayOfYear = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const range = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  return {
    zone,
    /** "maandag 7 december 2026", on the viewer's clock. */
    date: (instant: string) => date.format(new Date(instant)),
    /** "09:30", on the viewer's clock. */
    time: (instant: string) => time.format(new Date(instant)),
    /** "ma 7 dec.", on the viewer's clock. */
    shortDate: (instant: string) => shortDate.format(new Date(instant)),
    /** A calendar date in words. */
    day: (value: LocalDate) => calendarDate.format(noonOf(value)),
    shortDay: (value: LocalDate) => shortCalendarDate.format(noonOf(value)),
    /** "maandag 7 december": a date within a span whose year is said once. */
    dayOfYear: (value: LocalDate) => dayOfYear.format(noonOf(value)),
    /** "7 – 13 december 2026". */
    days: (first: LocalDate, last: LocalDate) => range.formatRange(noonOf(first), noonOf(last)),
    month: (value: Month) => month.format(noonOf(`${value}-01`)),
    /** Monday to Sunday, short and in full. */
    weekdays: () =>
      // 5 to 11 January 2026 runs from Monday to Sunday.
      Array.from({ length: 7 }, (_, index) => {
        const day = noonOf(`2026-01-${String(5 + index).padStart(2, "0")}`);
        return { short: weekdayShort.format(day), long: weekdayLong.format(day) };
      }),
  };
}

export type BookingFormats = ReturnType<typeof bookingFormats>;

/** A booking as the pages show it, its times on the viewer's clock. */
export function shownBooking(booking: BookingView, formats: BookingFormats, now: Date) {
  const holdOver = booking.status === "held" && (booking.holdExpiresAt ?? "") <= now.toISOString();
  return {
    id: booking.id,
    typeName: booking.typeName,
    staffName: booking.staffName,
    clientName: booking.clientName,
    location: booking.location,
    // A hold that ran out is over, even before the calendar has marked it so.
    status: holdOver ? ("expired" as const) : booking.status,
    date: formats.date(booking.startsAt),
    start: formats.time(booking.startsAt),
    end: formats.time(booking.endsAt),
    holdExpiresAt: booking.status === "held" && !holdOver ? booking.holdExpiresAt : null,
    holdUntil: booking.holdExpiresAt ? formats.time(booking.holdExpiresAt) : null,
    ended: booking.endsAt <= now.toISOString(),
    reason: booking.reason,
  };
}

export type ShownBooking = ReturnType<typeof shownBooking>;

/** A time to choose: a slot on the viewer's clock. */
export const slotChoice = (formats: BookingFormats) => (slot: Slot) => ({
  startsAt: slot.startsAt,
  day: formats.shortDate(slot.startsAt),
  start: formats.time(slot.startsAt),
  end: formats.time(slot.endsAt),
});

export type SlotChoice = ReturnType<ReturnType<typeof slotChoice>>;

/**
 * The month and the chosen day as the time picker shows them. `link` makes the address of a
 * month (and day) of the same picker, so the new booking and a move share one picker.
 */
export function pickerData(
  month: FreeMonth,
  day: LocalDate | null,
  link: (choice: { month: Month; day?: LocalDate }) => string,
  formats: BookingFormats,
) {
  const chosen = day && month.weeks.some((week) => week.some((each) => each.inMonth && each.date === day));
  return {
    month: month.month,
    title: formats.month(month.month),
    weekdays: formats.weekdays(),
    weeks: month.weeks.map((week) =>
      week.map((each) => ({
        date: each.date,
        number: Number(each.date.slice(8)),
        inMonth: each.inMonth,
        free: each.free,
        label: formats.day(each.date),
        today: each.date === month.today,
        selected: chosen ? each.date === day : false,
        href: each.free > 0 ? link({ month: month.month, day: each.date }) : null,
      })),
    ),
    previous: month.previous
      ? { href: link({ month: month.previous }), label: formats.month(month.previous) }
      : null,
    next: month.next ? { href: link({ month: month.next }), label: formats.month(month.next) } : null,
    freeDays: Object.keys(month.byDate).length,
    day: chosen
      ? {
          date: day,
          title: formats.day(day),
          slots: (month.byDate[day] ?? []).map(slotChoice(formats)),
        }
      : null,
  };
}

export type PickerData = ReturnType<typeof pickerData>;

/** Why a picked time was refused, with the next free times to choose from instead. */
export function refusedPick(outcome: { reason: string; nextFreeSlots?: Slot[] }, formats: BookingFormats) {
  const refused =
    outcome.reason === "taken" || outcome.reason === "unavailable" ? outcome.reason : ("invalid" as const);
  return { refused, suggestions: (outcome.nextFreeSlots ?? []).map(slotChoice(formats)) };
}
