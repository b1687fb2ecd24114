CREATE TABLE `file_parts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`file_id` text NOT NULL,
	`part_number` integer NOT NULL,
	`etag` text NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `file_parts_tenant_idx` ON `file_parts` (`tenant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `file_parts_file_part_idx` ON `file_parts` (`file_id`,`part_number`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`status` text NOT NULL,
	`object_key` text NOT NULL,
	`multipart_id` text,
	`created_at` text NOT NULL,
	`expires_at` text
);
--> statement-breakpoint
CREATE INDEX `files_tenant_idx` ON `files` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `files_expires_idx` ON `files` (`expires_at`);