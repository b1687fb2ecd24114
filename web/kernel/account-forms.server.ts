import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { apiScopes, keyLifetimes } from "../../core/kernel/auth/api-scopes.ts";
import { roles } from "../../core/kernel/auth/permissions.ts";
import { checkbox, id, many, passwordToConfirm } from "./forms.server.ts";

/**
 * The sign-in and account pages' forms as they arrive. Passwords go on as typed: the identity
 * checks them against the tenant's policy and answers per field.
 */
const email = z.string().trim().min(1, "auth.emailRequired").email("auth.emailInvalid").max(254);
const typedPassword = z.string().default("");
const returnTo = z.string().optional();

export const loginForm = z.object({
  email,
  password: z.string().min(1, "auth.passwordRequired").max(1024),
  code: z.string().trim().max(40).optional(),
  returnTo,
});

export const resetRequestForm = z.object({ email });

export const twoStepForm = z.object({
  // A longer code is cut, not refused: it is wrong all the same.
  code: z
    .string()
    .trim()
    .min(1, "twoStep.codeRequired")
    .transform((code) => code.slice(0, 40)),
  returnTo,
});

export const newPasswordForm = z.object({ password: typedPassword, confirm: typedPassword });

export const invitationAcceptForm = newPasswordForm.extend({ acceptTerms: checkbox() });

export const passwordChangeForm = z.object({
  current: typedPassword,
  next: typedPassword,
  confirm: typedPassword,
});

/** Ending every other session, or one session (the form of each one sends its id only). */
export const endSessionForm = z.object({
  intent: z.enum(["end-others", "end-one"]).default("end-one"),
  session: id("session").optional(),
});

/** Marking everything read, or opening one notification (its form sends its id only). */
export const notificationsForm = z.object({
  intent: z.enum(["all-read", "open"]).default("open"),
  notification: id("notification").optional(),
});

/** The admin's changes of a person or an invitation. */
export const userAdminForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["resend", "revoke"]), invitation: id("invitation") }),
  z.object({
    intent: z.enum(["disable", "enable", "end-sessions", "reset-factors"]),
    user: id("user"),
    password: passwordToConfirm(),
  }),
  z.object({
    intent: z.literal("role"),
    user: id("user"),
    role: z.enum(roles),
    password: passwordToConfirm(),
  }),
]);

/** A failed delivery the admin sends again. */
export const requeueForm = z.object({ delivery: id("delivery") });

/**
 * One's own notification settings: the phone number for text messages (checked by the inbox), or
 * a tick per kind and channel, named `<kind>:mail` and `<kind>:sms`; an unticked box is not sent.
 */
export const notificationChoicesForm = z
  .object({
    intent: z.enum(["phone", "choices"]).default("choices"),
    phone: z.string().default(""),
  })
  .catchall(z.string());

/** One's own second factor: set up, confirmed with a first code, new recovery codes, or off. */
export const twoStepSetupForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["start", "renew-codes", "remove"]),
    password: passwordToConfirm().pipe(z.string().min(1, "twoStep.passwordRequired")),
  }),
  z.object({ intent: z.literal("confirm"), code: twoStepForm.shape.code }),
]);

/**
 * The browser's WebAuthn answer, posted as JSON text in one field. Only its outer shape is checked
 * here (bounded JSON, an object with an id); the WebAuthn verification checks the rest.
 */
function webAuthnAnswer<T extends { id: string }>() {
  return z
    .string("passkeys.refused")
    .max(20_000, "passkeys.refused")
    .transform((text, context) => {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
          return value as T;
        }
      } catch {
        // Not JSON: refused below, like JSON of another shape.
      }
      context.addIssue({ code: "custom", message: "passkeys.refused" });
      return z.NEVER;
    });
}

/** Sign-in with a passkey: first the options, then the browser's signed answer. */
export const passkeySignInForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options") }),
  z.object({ intent: z.literal("verify"), response: webAuthnAnswer<AuthenticationResponseJSON>() }),
]);

// A longer name is cut, not refused, as the field's own maximum does in the browser.
const passkeyName = z
  .string()
  .default("")
  .transform((name) => name.trim().slice(0, 60))
  .pipe(z.string().min(1, "passkeys.nameRequired"));
const passkeyPassword = passwordToConfirm().pipe(z.string().min(1, "twoStep.passwordRequired"));

/** One's own passkeys: a new one (options, then the browser's answer), renamed, or removed. */
export const passkeysForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options"), name: passkeyName, password: passkeyPassword }),
  z.object({
    intent: z.literal("register"),
    name: passkeyName,
    response: webAuthnAnswer<RegistrationResponseJSON>(),
  }),
  z.object({ intent: z.literal("rename"), passkey: id("passkey"), name: passkeyName }),
  z.object({ intent: z.literal("remove"), passkey: id("passkey"), password: passkeyPassword }),
]);

/** The admin's API keys: a new one (after the admin's own password), or one revoked. */
export const apiKeyForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z
      .string("apiKeys.nameRequired")
      .trim()
      .min(1, "apiKeys.nameRequired")
      .max(80, "apiKeys.nameTooLong"),
    scopes: many(z.enum(apiScopes, "apiKeys.scopesRequired")).refine(
      (scopes) => scopes.length > 0,
      "apiKeys.scopesRequired",
    ),
    days: z.coerce
      .number("apiKeys.daysInvalid")
      .refine((days) => (keyLifetimes as readonly number[]).includes(days), "apiKeys.daysInvalid"),
    password: passwordToConfirm().pipe(z.string().min(1, "twoStep.passwordRequired")),
  }),
  z.object({ intent: z.literal("revoke"), key: id("apiKey") }),
]);
