import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { roles } from "../../core/kernel/auth/permissions.ts";
import type { MailAttachment } from "../../core/kernel/notifications/ports.ts";
import type { TenantSettings } from "../../core/kernel/tenants/settings.ts";

/**
 * Tables of a data cell. Every table carries `tenant_id` with an index, because several tenants
 * share a cell; db/kernel/scope.ts is the only way to query them and always adds the tenant.
 */

export const tenantSettings = sqliteTable("tenant_settings", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull().unique(),
  settings: text("settings", { mode: "json" }).$type<TenantSettings>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    language: text("language", { enum: ["nl", "en"] }).notNull(),
    timeZone: text("time_zone").notNull(),
    /** Mobile number in E.164 form for SMS notifications; clients receive SMS, they never send them. */
    phone: text("phone"),
    status: text("status", { enum: ["invited", "active", "disabled"] })
      .notNull()
      .default("active"),
    /** scrypt hash (core/kernel/auth/password-hash.ts); null until the user has set a password. */
    passwordHash: text("password_hash"),
    /** When the person accepted the tenant's terms (at the end of their invitation). */
    termsAcceptedAt: text("terms_accepted_at"),
    /** Set for accounts created with a temporary password (letter flow): change it first. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("users_tenant_idx").on(table.tenantId),
    uniqueIndex("users_tenant_email_idx").on(table.tenantId, table.email),
  ],
);

/**
 * Sessions: the browser holds `<id>.<secret>`; only a SHA-256 hash of the secret is stored, so a
 * leaked table cannot be replayed as cookies.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    /** How the person proved who they are: `password`, or `two-step` (a second factor or a passkey). */
    strength: text("strength", { enum: ["password", "two-step"] })
      .notNull()
      .default("password"),
    /** The client organisation the person acts for in this session, when they belong to one or more. */
    organisationId: text("organisation_id"),
  },
  (table) => [index("sessions_tenant_idx").on(table.tenantId), index("sessions_user_idx").on(table.userId)],
);

/**
 * Append-only record of who did what to whose data, from where, with what result (NEN 7513):
 * sign-ins and failed attempts, and every view or change of a client's data.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    at: text("at").notNull(),
    actorUserId: text("actor_user_id"),
    onBehalfOfUserId: text("on_behalf_of_user_id"),
    clientUserId: text("client_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    result: text("result", { enum: ["success", "failure", "denied"] }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    detail: text("detail", { mode: "json" }).$type<Record<string, string | number | boolean>>(),
  },
  (table) => [
    index("audit_events_tenant_at_idx").on(table.tenantId, table.at),
    index("audit_events_client_idx").on(table.tenantId, table.clientUserId),
    index("audit_events_actor_idx").on(table.tenantId, table.actorUserId, table.action),
  ],
);

/**
 * In-app notifications: one row per recipient, shown under the bell. They name a kind, who caused
 * them and a link inside the portal, never the content of what they point to.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    recipientId: text("recipient_id").notNull(),
    kind: text("kind").notNull(),
    actorId: text("actor_id"),
    link: text("link").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (table) => [index("notifications_recipient_idx").on(table.tenantId, table.recipientId, table.createdAt)],
);

/**
 * One mail or SMS to send for a notification. The queue carries only this row's id; the row's
 * status makes sending idempotent: a redelivered queue message finds it sent and stops.
 * `batchId` groups the rows that went out as one mail (a digest) and is the provider's
 * idempotency key.
 */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    notificationId: text("notification_id"),
    recipientId: text("recipient_id").notNull(),
    kind: text("kind").notNull(),
    actorId: text("actor_id"),
    link: text("link").notNull(),
    channel: text("channel", { enum: ["mail", "sms"] }).notNull(),
    urgent: integer("urgent", { mode: "boolean" }).notNull(),
    status: text("status", { enum: ["queued", "sending", "sent", "skipped", "dead"] }).notNull(),
    /** Not to be sent before this moment (digest window, quiet hours). */
    notBefore: text("not_before").notNull(),
    attempts: integer("attempts").notNull().default(0),
    batchId: text("batch_id"),
    claimedAt: text("claimed_at"),
    /** SHA-256 of the secret in this mail's unsubscribe link. */
    unsubscribeHash: text("unsubscribe_hash"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (table) => [
    index("deliveries_recipient_idx").on(table.tenantId, table.recipientId, table.channel, table.status),
    index("deliveries_status_idx").on(table.status, table.notBefore),
    index("deliveries_batch_idx").on(table.batchId),
  ],
);

/** A person's own choice per kind; without a row the tenant's default applies. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind").notNull(),
    mail: integer("mail", { mode: "boolean" }).notNull(),
    sms: integer("sms", { mode: "boolean" }).notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [uniqueIndex("preferences_user_kind_idx").on(table.tenantId, table.userId, table.kind)],
);

/**
 * The local outbox: mail and SMS as they would have left, for development and tests only
 * (MAIL_PROVIDER / SMS_PROVIDER = "outbox"). `idempotencyKey` is unique, as a real provider's is.
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    channel: text("channel", { enum: ["mail", "sms"] }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    recipient: text("recipient").notNull(),
    sender: text("sender").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    /** The mail's files (a booking's calendar file), as the provider would have attached them. */
    attachments: text("attachments", { mode: "json" }).$type<MailAttachment[]>(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("outbox_idempotency_idx").on(table.idempotencyKey),
    index("outbox_tenant_idx").on(table.tenantId, table.createdAt),
  ],
);

/**
 * An invitation to a person (a user row with status "invited"): who invited them, until when it
 * holds, and how it ended. Reminders go out after 3 and 7 days while it is open.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    invitedBy: text("invited_by").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    revokedAt: text("revoked_at"),
    remindersSent: integer("reminders_sent").notNull().default(0),
  },
  (table) => [
    index("invitations_tenant_idx").on(table.tenantId, table.createdAt),
    index("invitations_user_idx").on(table.tenantId, table.userId),
  ],
);

/**
 * The links mailed for an invitation: every mail carries a fresh secret, of which only the
 * SHA-256 is kept. Accepting or revoking the invitation removes them all.
 */
export const invitationLinks = sqliteTable(
  "invitation_links",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    invitationId: text("invitation_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("invitation_links_invitation_idx").on(table.tenantId, table.invitationId)],
);

/**
 * A password reset asked for by mail: short-lived and single-use. The mail's secret is made when
 * the mail is sent; only its hash is kept. Using one closes every open reset of the person.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    secretHash: text("secret_hash"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (table) => [index("password_resets_user_idx").on(table.tenantId, table.userId)],
);

/** An authenticator app's shared key; unconfirmed while the person has not yet typed a code from it. */
export const totpFactors = sqliteTable(
  "totp_factors",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    secret: text("secret").notNull(),
    createdAt: text("created_at").notNull(),
    confirmedAt: text("confirmed_at"),
    /** The last 30-second step a code was accepted for: that code and older ones never count again. */
    lastTimeStep: integer("last_time_step").notNull().default(0),
  },
  (table) => [index("totp_factors_user_idx").on(table.tenantId, table.userId)],
);

/** Single-use codes for when the authenticator is lost; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    createdAt: text("created_at").notNull(),
    usedAt: text("used_at"),
  },
  (table) => [index("recovery_codes_user_idx").on(table.tenantId, table.userId)],
);

/**
 * A sign-in half done: the password was right and the second factor is still to come, or a
 * passkey ceremony waits for the browser's answer. Short-lived; the browser holds the token.
 */
export const signInChallenges = sqliteTable(
  "sign_in_challenges",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id"),
    purpose: text("purpose", { enum: ["second-factor", "passkey-sign-in", "passkey-add"] }).notNull(),
    secretHash: text("secret_hash").notNull(),
    /** The WebAuthn challenge the browser must sign, for the passkey ceremonies. */
    webauthnChallenge: text("webauthn_challenge"),
    failures: integer("failures").notNull().default(0),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (table) => [index("sign_in_challenges_tenant_idx").on(table.tenantId)],
);

/** WebAuthn credentials (passkeys); the relying party is the tenant's host name. */
export const passkeys = sqliteTable(
  "passkeys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    /** The credential id, base64url, as the browser names it. */
    credentialId: text("credential_id").notNull(),
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    transports: text("transports", { mode: "json" }).$type<string[]>().notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull().default(false),
    name: text("name").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
  },
  (table) => [
    index("passkeys_user_idx").on(table.tenantId, table.userId),
    uniqueIndex("passkeys_credential_idx").on(table.tenantId, table.credentialId),
  ],
);

/** The staff members who work with a client (their coach, practitioners, care manager, ...). */
export const careTeamMembers = sqliteTable(
  "care_team_members",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("care_team_members_pair_idx").on(table.tenantId, table.clientUserId, table.staffUserId),
    index("care_team_members_staff_idx").on(table.tenantId, table.staffUserId),
  ],
);

/** A client that is an organisation (a practice, a company) whose members sign in. */
export const clientOrganisations = sqliteTable(
  "client_organisations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("client_organisations_tenant_idx").on(table.tenantId, table.name)],
);

/** A person's place in a client organisation; a person may belong to several. */
export const organisationMembers = sqliteTable(
  "organisation_members",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    organisationId: text("organisation_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ["admin", "member-plus", "member"] }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("organisation_members_pair_idx").on(table.tenantId, table.organisationId, table.userId),
    index("organisation_members_user_idx").on(table.tenantId, table.userId),
  ],
);

/**
 * Keys for integrations, made by a tenant admin: `<id>.<secret>` is shown once, only the secret's
 * SHA-256 is kept, and the key can do only what its scopes name.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at"),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (table) => [index("api_keys_tenant_idx").on(table.tenantId, table.createdAt)],
);
