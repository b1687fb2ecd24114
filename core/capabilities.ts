import { assignments } from "./assignments/capability.ts";
import { booking } from "./booking/capability.ts";
import { documents } from "./documents/capability.ts";
import { goals } from "./goals/capability.ts";
import { messaging } from "./messaging/capability.ts";
import { organisations } from "./organisations/capability.ts";

/**
 * The registered capabilities, one line each; the order is the order of the navigation. The
 * kernel's shared places loop over this list (core/kernel/capability.ts says what one declares).
 */
export const capabilities = [messaging, documents, assignments, goals, booking, organisations] as const;

export type RegisteredCapability = (typeof capabilities)[number];
export type CapabilityName = RegisteredCapability["name"];
