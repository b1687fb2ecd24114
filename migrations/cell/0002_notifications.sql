CREATE TABLE `notification_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`notification_id` text,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`link` text NOT NULL,
	`channel` text NOT NULL,
	`urgent` integer NOT NULL,
	`status` text NOT NULL,
	`not_before` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`batch_id` text,
	`claimed_at` text,
	`unsubscribe_hash` text,
	`provider_message_id` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `deliveries_recipient_idx` ON `notification_deliveries` (`tenant_id`,`recipient_id`,`channel`,`status`);--> statement-breakpoint
CREATE INDEX `deliveries_status_idx` ON `notification_deliveries` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `deliveries_batch_idx` ON `notification_deliveries` (`batch_id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`mail` integer NOT NULL,
	`sms` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `preferences_user_kind_idx` ON `notification_preferences` (`tenant_id`,`user_id`,`kind`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`link` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient_idx` ON `notifications` (`tenant_id`,`recipient_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`channel` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`recipient` text NOT NULL,
	`sender` text NOT NULL,
	`subject` text,
	`html` text,
	`text` text NOT NULL,
	`headers` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_idx` ON `outbox_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_tenant_idx` ON `outbox_messages` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`tenant_id`,`actor_user_id`,`action`);