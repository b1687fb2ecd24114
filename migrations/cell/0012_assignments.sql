CREATE TABLE `assignment_copies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_copies_pair_idx` ON `assignment_copies` (`tenant_id`,`assignment_id`,`client_user_id`);--> statement-breakpoint
CREATE INDEX `assignment_copies_client_idx` ON `assignment_copies` (`tenant_id`,`client_user_id`,`status`);--> statement-breakpoint
CREATE TABLE `assignment_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`copy_id` text NOT NULL,
	`kind` text NOT NULL,
	`author_user_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `assignment_entries_copy_idx` ON `assignment_entries` (`tenant_id`,`copy_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `assignment_files` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`copy_id` text,
	`entry_id` text,
	`file_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `assignment_files_assignment_idx` ON `assignment_files` (`tenant_id`,`assignment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_files_file_idx` ON `assignment_files` (`tenant_id`,`file_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `assignments_author_idx` ON `assignments` (`tenant_id`,`author_user_id`,`created_at`);