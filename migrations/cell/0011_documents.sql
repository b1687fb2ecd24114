CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`author_id` text NOT NULL,
	`side` text NOT NULL,
	`file_id` text,
	`url` text,
	`description` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `documents_tenant_idx` ON `documents` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `documents_client_idx` ON `documents` (`tenant_id`,`client_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_deleted_idx` ON `documents` (`deleted_at`);