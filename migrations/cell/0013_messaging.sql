CREATE TABLE `conversation_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_seq` integer DEFAULT 0 NOT NULL,
	`joined_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversation_participants_pair_idx` ON `conversation_participants` (`tenant_id`,`conversation_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `conversation_participants_user_idx` ON `conversation_participants` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`subject` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`last_message_at` text
);
--> statement-breakpoint
CREATE INDEX `conversations_client_idx` ON `conversations` (`tenant_id`,`client_user_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_recent_idx` ON `conversations` (`tenant_id`,`last_message_at`);--> statement-breakpoint
CREATE TABLE `message_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`message_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `message_attachments_message_idx` ON `message_attachments` (`tenant_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `message_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`body` text NOT NULL,
	`notify` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_drafts_pair_idx` ON `message_drafts` (`tenant_id`,`conversation_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `message_edits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`message_id` text NOT NULL,
	`previous_body` text NOT NULL,
	`edited_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `message_edits_message_idx` ON `message_edits` (`tenant_id`,`message_id`,`edited_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`sender_user_id` text NOT NULL,
	`client_message_id` text NOT NULL,
	`body` text NOT NULL,
	`notified` integer NOT NULL,
	`sent_at` text NOT NULL,
	`edited_at` text,
	CONSTRAINT "messages_seq_positive" CHECK("messages"."seq" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_seq_idx` ON `messages` (`tenant_id`,`conversation_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_id_idx` ON `messages` (`tenant_id`,`conversation_id`,`sender_user_id`,`client_message_id`);