CREATE TABLE `closure_days` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`first_date` text NOT NULL,
	`last_date` text NOT NULL,
	`label` text,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "closure_days_order" CHECK("closure_days"."first_date" <= "closure_days"."last_date")
);
--> statement-breakpoint
CREATE INDEX `closure_days_tenant_idx` ON `closure_days` (`tenant_id`,`last_date`);