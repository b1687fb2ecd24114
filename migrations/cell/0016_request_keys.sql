-- The keys of create requests: the same form or API request sent twice writes once.
CREATE TABLE `request_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`target_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_keys_tenant_idx` ON `request_keys` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `request_keys_key_idx` ON `request_keys` (`tenant_id`,`user_id`,`kind`,`key`);