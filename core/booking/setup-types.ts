import { z } from "zod";
import { locations, type Location } from "./availability.ts";
import { errorsOf, text, wholeNumber, type FormFields, type Parsed } from "./setup-forms.ts";
import type { NewAppointmentType, StoredAppointmentType } from "./setup.ts";
/** The tenant's appointment types, from the admin's form. */

export const typeLimits = {
  name: { max: 80 },
  durationMinutes: { min: 5, max: 480 },
  bufferMinutes: { min: 0, max: 120 },
} as const;

export type AppointmentTypeValues = {
  name: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  location: string;
  /** "" for the whole tenant, or a staff member's id. */
  staffUserId: string;
};

export const appointmentTypeValuesOf = (form: FormFields): AppointmentTypeValues => ({
  name: text(form, "name"),
  durationMinutes: text(form, "durationMinutes"),
  bufferBeforeMinutes: text(form, "bufferBeforeMinutes"),
  bufferAfterMinutes: text(form, "bufferAfterMinutes"),
  location: text(form, "location"),
  staffUserId: text(form, "staffUserId"),
});

export const appointmentTypeValuesFrom = (type: StoredAppointmentType): AppointmentTypeValues => ({
  name: type.name,
  durationMinutes: String(type.durationMinutes),
  bufferBeforeMinutes: String(type.bufferBeforeMinutes),
  bufferAfterMinutes: String(type.bufferAfterMinutes),
  location: type.location,
  staffUserId: type.staffUserId ?? "",
});

/** The form a new type starts from. */
export const newAppointmentTypeValues: AppointmentTypeValues = {
  name: "",
  durationMinutes: "30",
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "0",
  location: "online",
  staffUserId: "",
};

const appointmentTypeSchema = z.object({
  name: z.string().trim().min(1, "nameMissing").max(typeLimits.name.max, "nameTooLong"),
  durationMinutes: wholeNumber(
    typeLimits.durationMinutes.min,
    typeLimits.durationMinutes.max,
    "durationRange",
  ),
  bufferBeforeMinutes: wholeNumber(typeLimits.bufferMinutes.min, typeLimits.bufferMinutes.max, "bufferRange"),
  bufferAfterMinutes: wholeNumber(typeLimits.bufferMinutes.min, typeLimits.bufferMinutes.max, "bufferRange"),
  location: z.enum(locations, "locationMissing"),
  staffUserId: z.string().trim(),
});

/** A type for the whole tenant, or for one of `staffIds` (the tenant's own staff). */
export function parseAppointmentType(
  values: AppointmentTypeValues,
  staffIds: readonly string[],
): Parsed<NewAppointmentType> {
  const parsed = appointmentTypeSchema
    .refine(({ staffUserId }) => staffUserId === "" || staffIds.includes(staffUserId), {
      message: "staffUnknown",
      path: ["staffUserId"],
    })
    .safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const { staffUserId, location, ...type } = parsed.data;
  return { ok: true, value: { ...type, location: location as Location, staffUserId: staffUserId || null } };
}
