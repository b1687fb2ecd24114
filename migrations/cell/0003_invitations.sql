CREATE TABLE `invitation_links` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`invitation_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invitation_links_invitation_idx` ON `invitation_links` (`tenant_id`,`invitation_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`revoked_at` text,
	`reminders_sent` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invitations_tenant_idx` ON `invitations` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_user_idx` ON `invitations` (`tenant_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `terms_accepted_at` text;