import { z } from "zod";
import { isLocalDate } from "../../core/booking/planner.ts";
import { formKey, id, passwordToConfirm } from "../kernel/forms.server.ts";

/**
 * The booking pages' forms as they arrive. Whether a time is free, a coach offers a type or a
 * booking may still change is the planner's to say; here the shape of what the pages send.
 */

// A reason is a courtesy to the other side: a longer one is cut, not refused.
const reason = z
  .string()
  .default("")
  .transform((text) => text.slice(0, 500));

/**
 * A picked time, with the form's random key: sending the same form again finds the same booking,
 * and another time chosen on a page the browser brought back is a new request.
 */
const pickedSlot = {
  formKey,
  startsAt: z
    .string()
    .refine((value) => !Number.isNaN(new Date(value).getTime()))
    .transform((value) => new Date(value).toISOString()),
};

/** The booking's start and its idempotency key, from a parsed picked time. */
export const slotOf = ({ formKey, startsAt }: { formKey: string; startsAt: string }) => ({
  startsAt,
  idempotencyKey: `web:${formKey}:${startsAt}`,
});

const withCoachAndType = { coach: id("user"), type: id("appointmentType") };

export const waitlistForm = z.object({ ...withCoachAndType, date: z.string().refine(isLocalDate) });

export const newBookingForm = z.object({ ...withCoachAndType, ...pickedSlot });

export const bookingChangeForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("undo") }),
  z.object({ intent: z.enum(["cancel", "release"]), reason }),
]);

export const moveForm = z.object({ reason, ...pickedSlot });

export const leaveWaitlistForm = z.object({ entry: id("waitlistEntry") });

export const calendarFeedForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke") }),
  z.object({
    intent: z.literal("create"),
    password: passwordToConfirm().pipe(z.string().min(1, "calendarFeed.passwordRequired")),
  }),
]);

/*
 * The setup pages' forms: which button was pressed and which row it concerns are checked here;
 * the typed values go on as text to the setup, which checks them field by field with its codes.
 */
const typedFields = z.string();

export const hoursForm = z
  .object({
    intent: z
      .union([
        z.enum(["save", "add-exception", "remove-exception"]),
        // Adding a block to a weekday, or removing one of its rows.
        z.string().regex(/^(add:[1-7]|remove:[1-7]:\d{1,2})$/),
      ])
      .default("save"),
    exception: id("availabilityException").optional(),
  })
  .catchall(typedFields);

export const appointmentTypesForm = z
  .object({
    intent: z.enum(["rules", "create", "update", "deactivate", "reactivate"]),
    type: id("appointmentType").optional(),
  })
  .catchall(typedFields);

export const closureDaysForm = z
  .object({ intent: z.enum(["add", "remove"]), closure: id("closureDay").optional() })
  .catchall(typedFields);
