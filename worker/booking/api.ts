import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { locations } from "../../core/booking/availability.ts";
import { bookingStatuses, type Booking } from "../../core/booking/booking.ts";
import {
  appointmentsOf,
  agendaOf,
  availability,
  book,
  cancel,
  reschedule,
  type Actor,
  type BookingView,
  type ChangeResult,
} from "../../core/booking/desk.ts";
import type { BookingOutcome } from "../../core/booking/calendar.ts";
import type { AppEnv } from "../context.ts";
import { personRoute, type PersonCaller } from "../kernel/api/access.ts";
import { idempotencyHeaders } from "../kernel/api/idempotency.ts";
import { errorSchema, json, refuse } from "../kernel/api/errors.ts";

const instant = z.iso.datetime().openapi({ example: "2026-12-03T09:00:00.000Z" });
const slotSchema = z.object({ startsAt: instant, endsAt: instant }).openapi("Slot");

const bookingSchema = z
  .object({
    id: z.string().openapi({ example: "bkg_01M81KHY2MQ3GQP3J33NFN6DFN" }),
    staffUserId: z.string(),
    staffName: z.string(),
    clientUserId: z.string(),
    clientName: z.string(),
    appointmentTypeId: z.string(),
    typeName: z.string(),
    location: z.enum(locations),
    startsAt: instant,
    endsAt: instant,
    status: z.enum(bookingStatuses),
    holdExpiresAt: instant.nullable(),
  })
  .openapi("Booking");

const refusalSchema = errorSchema
  .extend({ nextFreeSlots: z.array(slotSchema).optional() })
  .openapi("BookingRefused");

const common = {
  401: json(errorSchema, "No valid session"),
  403: json(errorSchema, "This account may not do this"),
  404: json(errorSchema, "No such staff member, type or booking of yours"),
  429: json(errorSchema, "Too many requests; see Retry-After"),
};

/** What a change can be refused with; a refusal over time lists the next free slots. */
const refusals = (conflict: string) => ({
  ...common,
  400: json(refusalSchema, "Invalid request"),
  404: json(refusalSchema, "No such staff member, type or booking of yours"),
  409: json(refusalSchema, conflict),
  422: json(refusalSchema, "Not a bookable time; the next free slots are listed"),
});

const bookingId = z.object({ id: z.string().min(1).max(40) });

const listAvailabilityRoute = personRoute(
  { permission: "portal:use", feature: "booking" },
  {
    method: "get",
    path: "/bookings/availability",
    operationId: "listAvailability",
    summary: "The free slots of a staff member for one appointment type",
    description:
      "Clients see the staff of their own care team, staff their own calendar. Times are UTC; show them in the viewer's zone. At most 62 days per call.",
    request: {
      query: z.object({
        staffUserId: z.string().min(1).max(40),
        appointmentTypeId: z.string().min(1).max(40),
        from: instant,
        until: instant,
      }),
    },
    responses: {
      200: json(z.object({ slots: z.array(slotSchema) }).openapi("Availability"), "Free slots in time order"),
      400: json(errorSchema, "Invalid range"),
      ...common,
    },
  },
);

const createBookingRoute = personRoute(
  { permission: "appointments:book", feature: "booking" },
  {
    method: "post",
    path: "/bookings",
    operationId: "createBooking",
    summary: "Book a free slot with a staff member of one's care team",
    description:
      "Send an `Idempotency-Key` header; a retry with the same key returns the same booking (200) instead of a second one. With `hold: true` the slot is held for ten minutes and confirmed in the portal. A slot someone else just took answers 409 with the next free slots.",
    request: {
      headers: idempotencyHeaders,
      body: {
        content: {
          "application/json": {
            schema: z.object({
              staffUserId: z.string().min(1).max(40),
              appointmentTypeId: z.string().min(1).max(40),
              startsAt: instant,
              hold: z.boolean().default(false),
            }),
          },
        },
      },
    },
    responses: {
      201: json(z.object({ booking: bookingSchema }), "Booked (or held)"),
      200: json(z.object({ booking: bookingSchema }), "The booking this key made before"),
      ...refusals("The time was taken; the next free slots are listed"),
    },
  },
);

const cancelBookingRoute = personRoute(
  { permission: "portal:use", feature: "booking" },
  {
    method: "post",
    path: "/bookings/{id}/cancel",
    operationId: "cancelBooking",
    summary: "Cancel one's own appointment",
    description:
      "Clients cannot within the tenant's notice window (409 too_late); the staff member can, and it is audited. The time is free again at once.",
    request: {
      params: bookingId,
      body: {
        content: { "application/json": { schema: z.object({ reason: z.string().max(500).optional() }) } },
        required: false,
      },
    },
    responses: {
      200: json(z.object({ booking: bookingSchema }), "Cancelled"),
      ...refusals("Already cancelled or past, or within the notice window"),
    },
  },
);

const rescheduleBookingRoute = personRoute(
  { permission: "portal:use", feature: "booking" },
  {
    method: "post",
    path: "/bookings/{id}/reschedule",
    operationId: "rescheduleBooking",
    summary: "Move one's own appointment to another free start",
    description:
      "The new time is taken and the old one freed in one step; nothing changes when the new time is not free. The notice window applies as for cancelling. Send an `Idempotency-Key` header.",
    request: {
      params: bookingId,
      headers: idempotencyHeaders,
      body: {
        content: {
          "application/json": {
            schema: z.object({ startsAt: instant, reason: z.string().max(500).optional() }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ booking: bookingSchema }), "The booking at its new time"),
      ...refusals("Taken, cancelled already, or within the notice window"),
    },
  },
);

const listMyBookingsRoute = personRoute(
  { permission: "portal:use", feature: "booking" },
  {
    method: "get",
    path: "/bookings/mine",
    operationId: "listMyBookings",
    summary: "One's own appointments",
    description:
      "A client's appointments (upcoming soonest first, then past and cancelled); staff get their agenda between `from` and `until` (default: the coming 30 days).",
    request: { query: z.object({ from: instant.optional(), until: instant.optional() }) },
    responses: {
      200: json(
        z.object({ upcoming: z.array(bookingSchema), past: z.array(bookingSchema) }).openapi("MyBookings"),
        "Appointments",
      ),
      ...common,
    },
  },
);

const day = 24 * 60 * 60_000;

export function registerBookingRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(listAvailabilityRoute, async (c) => {
    const { deps, actor } = desk(c);
    const query = c.req.valid("query");
    const from = new Date(query.from);
    const until = new Date(query.until);
    if (until <= from || until.getTime() - from.getTime() > 62 * day)
      return refuse(c, "invalid", "until comes after from, at most 62 days later");
    const slots = await availability(deps, actor, { ...query, from, until });
    if (!slots) return refuse(c, "notFound", "No such staff member or type");
    return c.json({ slots }, 200);
  });

  api.openapi(createBookingRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    const body = c.req.valid("json");
    const outcome = await book(
      deps,
      actor,
      { ...body, idempotencyKey: `api:${c.req.valid("header")["idempotency-key"]}` },
      origin,
    );
    if (!outcome.ok) return refused(c, outcome);
    const view = await viewOf(deps, outcome.booking);
    return c.json({ booking: view }, outcome.replayed ? 200 : 201);
  });

  api.openapi(cancelBookingRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    const body = c.req.valid("json") as { reason?: string } | undefined;
    const result = await cancel(deps, actor, c.req.valid("param").id, body?.reason?.trim() || null, origin);
    if (!result.ok) return refused(c, result);
    return c.json({ booking: await viewOf(deps, result.booking) }, 200);
  });

  api.openapi(rescheduleBookingRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    const body = c.req.valid("json");
    const result = await reschedule(
      deps,
      actor,
      {
        bookingId: c.req.valid("param").id,
        startsAt: body.startsAt,
        idempotencyKey: `api:${c.req.valid("header")["idempotency-key"]}`,
        reason: body.reason?.trim() || null,
      },
      origin,
    );
    if (!result.ok) return refused(c, result);
    return c.json({ booking: await viewOf(deps, result.booking) }, 200);
  });

  api.openapi(listMyBookingsRoute, async (c) => {
    const { deps, actor, origin } = desk(c);
    if (actor.role === "client") {
      const { upcoming, past } = await appointmentsOf(deps, actor);
      return c.json({ upcoming: upcoming.map(shown), past: past.map(shown) }, 200);
    }
    const query = c.req.valid("query");
    const from = query.from ? new Date(query.from) : deps.now();
    const until = query.until ? new Date(query.until) : new Date(from.getTime() + 30 * day);
    const agenda = await agendaOf(deps, actor, from, until, origin);
    return c.json({ upcoming: agenda.map(shown), past: [] }, 200);
  });
}

function desk(c: Context<AppEnv & { Variables: { caller: PersonCaller } }>) {
  const { tenant, account } = c.get("caller");
  const actor: Actor = { id: account.id, role: account.role };
  const origin = {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  };
  return { deps: c.get("services").bookingFor(tenant), actor, origin };
}

async function viewOf(deps: ReturnType<typeof desk>["deps"], booking: Booking) {
  const view = await deps.records.find(booking.id);
  if (!view) throw new Error(`Booking ${booking.id} was just written and cannot be read`);
  return shown(view);
}

/** The fields the API shows: not the blocked time, idempotency key or who pressed which button. */
function shown(booking: BookingView) {
  return {
    id: booking.id,
    staffUserId: booking.staffUserId,
    staffName: booking.staffName,
    clientUserId: booking.clientUserId,
    clientName: booking.clientName,
    appointmentTypeId: booking.appointmentTypeId,
    typeName: booking.typeName,
    location: booking.location,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    status: booking.status,
    holdExpiresAt: booking.holdExpiresAt,
  };
}

type Refusal = Extract<BookingOutcome | ChangeResult, { ok: false }>["reason"];

const refusalMessages: Record<Refusal, string> = {
  notFound: "No such staff member, type or booking of yours",
  invalid: "This idempotency key belongs to another request",
  notHeld: "This appointment is not held or confirmed any more",
  tooLate: "Too close to the start to cancel or move; contact your practitioner",
  taken: "Someone just booked this time; choose one of the next free slots",
  unavailable: "This is not a bookable time; choose one of the free slots",
};

function refused(c: Context, outcome: Extract<BookingOutcome | ChangeResult, { ok: false }>) {
  const nextFreeSlots = "nextFreeSlots" in outcome ? outcome.nextFreeSlots : undefined;
  return refuse(c, outcome.reason, refusalMessages[outcome.reason], { nextFreeSlots });
}
