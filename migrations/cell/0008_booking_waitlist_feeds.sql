CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_idx` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_staff_idx` ON `calendar_feeds` (`tenant_id`,`staff_user_id`);--> statement-breakpoint
CREATE TABLE `waitlist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`appointment_type_id` text NOT NULL,
	`date` text NOT NULL,
	`from_at` text NOT NULL,
	`until_at` text NOT NULL,
	`status` text NOT NULL,
	`offered_booking_id` text,
	`created_at` text NOT NULL,
	`ended_at` text,
	CONSTRAINT "waitlist_entries_span" CHECK("waitlist_entries"."from_at" < "waitlist_entries"."until_at")
);
--> statement-breakpoint
CREATE INDEX `waitlist_entries_staff_idx` ON `waitlist_entries` (`tenant_id`,`staff_user_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `waitlist_entries_client_idx` ON `waitlist_entries` (`tenant_id`,`client_user_id`,`status`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `reminded_at` text;