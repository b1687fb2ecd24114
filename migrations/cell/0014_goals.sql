CREATE TABLE `goal_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `goal_comments_goal_idx` ON `goal_comments` (`tenant_id`,`goal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `goal_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`progress` integer NOT NULL,
	`note` text,
	`by_user_id` text NOT NULL,
	`at` text NOT NULL,
	CONSTRAINT "goal_progress_range" CHECK("goal_progress"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `goal_progress_goal_idx` ON `goal_progress` (`tenant_id`,`goal_id`,`at`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`title` text NOT NULL,
	`specific` text DEFAULT '' NOT NULL,
	`measurable` text DEFAULT '' NOT NULL,
	`acceptable` text DEFAULT '' NOT NULL,
	`realistic` text DEFAULT '' NOT NULL,
	`due_on` text,
	`progress` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	CONSTRAINT "goals_progress_range" CHECK("goals"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `goals_client_idx` ON `goals` (`tenant_id`,`client_user_id`,`status`);