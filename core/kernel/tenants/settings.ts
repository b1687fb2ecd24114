import { z } from "zod";
import { capabilities, type RegisteredCapability } from "../../capabilities.ts";
import { defaultPasswordPolicy, type PasswordPolicy } from "../auth/password-policy.ts";
import { roles, type Role } from "../auth/permissions.ts";
import { contrastRatio, hexColour, minimumTextContrast } from "./colour.ts";
import { featureKeys, type FeatureToggles } from "./features.ts";
import { knownKeysOnly } from "./known-keys.ts";
import { languages, type Language } from "./languages.ts";
import { termKeys, type TerminologyOverrides } from "./terminology.ts";
import { defaultFilesSettings, filesSettingsSchema, type FilesSettings } from "../files/rules.ts";
import {
  defaultNotificationSettings,
  notificationSettingsSchema,
  type NotificationSettings,
} from "../notifications/settings.ts";

const colour = z
  .string()
  .regex(hexColour, { message: "a colour is written as #rrggbb" })
  .refine((value) => contrastRatio(value, "#ffffff") >= minimumTextContrast, {
    message: "too light: white text on this colour needs a contrast of at least 4.5:1",
  });

const perLanguageText = z.partialRecord(z.enum(languages), z.string().trim().max(2000));

/** Each capability's part of the settings, under its name. */
type CapabilitySettings = {
  [C in RegisteredCapability as C extends { settings: object } ? C["name"] : never]: C extends {
    settings: { schema: infer Schema extends z.ZodType };
  }
    ? z.infer<Schema>
    : never;
};

const withSettings = capabilities.flatMap((capability) =>
  "settings" in capability ? [{ name: capability.name, ...capability.settings }] : [],
);

const kernelSettingsSchema = z.object({
  defaultLanguage: z.enum(languages),
  primaryColour: colour,
  accentColour: colour,
  /** R2 key of the logo, or null for the name-only header. */
  logoKey: z.string().max(200).nullable(),
  terminology: z.partialRecord(
    z.enum(languages),
    z.partialRecord(z.enum(termKeys), z.string().trim().min(1).max(40)),
  ),
  // Stored toggles may still name a feature whose capability is not registered: ignored, not refused.
  features: knownKeysOnly(featureKeys, z.boolean()),
  /** Shown on every page when set (seed 001: where to go in a crisis). */
  crisisNotice: perLanguageText,
  welcome: perLanguageText,
  /** The terms an invited person accepts before their account opens (seed 001); none when empty. */
  terms: z.partialRecord(z.enum(languages), z.string().trim().max(20_000)),
  passwordPolicy: z.object({
    minLength: z.number().int().min(8).max(64),
    requireComposition: z.boolean(),
  }),
  /** Sign out after this many minutes without activity (seed 000), and after this many hours in any case. */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  notifications: notificationSettingsSchema,
  /** Roles that must sign in with a second factor (an authenticator app or a passkey). */
  secondFactor: z.object({ required: z.array(z.enum(roles)) }),
  files: filesSettingsSchema,
});

const capabilitySettingsShape = Object.fromEntries(
  withSettings.map(({ name, schema }) => [name, schema]),
) as Record<string, unknown> as {
  [Name in keyof CapabilitySettings]: z.ZodType<CapabilitySettings[Name]>;
};

export const tenantSettingsSchema = kernelSettingsSchema.extend(capabilitySettingsShape);

type KernelSettings = {
  defaultLanguage: Language;
  primaryColour: string;
  accentColour: string;
  logoKey: string | null;
  terminology: TerminologyOverrides;
  features: FeatureToggles;
  crisisNotice: Partial<Record<Language, string>>;
  welcome: Partial<Record<Language, string>>;
  terms: Partial<Record<Language, string>>;
  passwordPolicy: PasswordPolicy;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  notifications: NotificationSettings;
  secondFactor: { required: Role[] };
  files: FilesSettings;
};

export type TenantSettings = KernelSettings & CapabilitySettings;

const defaultKernelSettings: KernelSettings = {
  defaultLanguage: "nl",
  primaryColour: "#1f5f8b",
  accentColour: "#2e6b4f",
  logoKey: null,
  terminology: {},
  features: {},
  crisisNotice: {},
  welcome: {},
  terms: {},
  passwordPolicy: defaultPasswordPolicy,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  notifications: defaultNotificationSettings,
  // Staff and admins see many clients' data: a stolen password alone must not open it.
  secondFactor: { required: ["admin", "staff"] },
  files: defaultFilesSettings,
};

export const defaultTenantSettings = {
  ...defaultKernelSettings,
  ...Object.fromEntries(withSettings.map(({ name, defaults }) => [name, defaults])),
} as TenantSettings;

/** Picks the text for the viewer's language, falling back to the other language. */
export function textFor(texts: Partial<Record<Language, string>>, language: Language): string | null {
  const own = texts[language]?.trim();
  if (own) return own;
  const other = Object.values(texts).find((text) => text?.trim());
  return other?.trim() ?? null;
}
