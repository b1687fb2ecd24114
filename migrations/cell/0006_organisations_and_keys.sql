CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text,
	`last_used_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE INDEX `api_keys_tenant_idx` ON `api_keys` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `care_team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_team_members_pair_idx` ON `care_team_members` (`tenant_id`,`client_user_id`,`staff_user_id`);--> statement-breakpoint
CREATE INDEX `care_team_members_staff_idx` ON `care_team_members` (`tenant_id`,`staff_user_id`);--> statement-breakpoint
CREATE TABLE `client_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `client_organisations_tenant_idx` ON `client_organisations` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `organisation_members` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_members_pair_idx` ON `organisation_members` (`tenant_id`,`organisation_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `organisation_members_user_idx` ON `organisation_members` (`tenant_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `organisation_id` text;