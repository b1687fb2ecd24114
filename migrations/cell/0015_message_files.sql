-- The first message's client message id starts one conversation, however often the form is sent.
ALTER TABLE `conversations` ADD `start_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_start_idx` ON `conversations` (`tenant_id`,`created_by_user_id`,`start_key`);--> statement-breakpoint
-- A message's files now live in the one file store (core/files): a row links a message to a file.
-- No message carried files before this, so the table is made anew rather than altered.
DROP TABLE `message_attachments`;--> statement-breakpoint
CREATE TABLE `message_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`message_id` text NOT NULL,
	`file_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `message_attachments_message_idx` ON `message_attachments` (`tenant_id`,`message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `message_attachments_file_idx` ON `message_attachments` (`tenant_id`,`file_id`);
