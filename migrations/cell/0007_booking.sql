CREATE TABLE `appointment_types` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text,
	`name` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_before_minutes` integer DEFAULT 0 NOT NULL,
	`buffer_after_minutes` integer DEFAULT 0 NOT NULL,
	`location` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "appointment_types_minutes" CHECK("appointment_types"."duration_minutes" > 0 and "appointment_types"."buffer_before_minutes" >= 0 and "appointment_types"."buffer_after_minutes" >= 0)
);
--> statement-breakpoint
CREATE INDEX `appointment_types_tenant_idx` ON `appointment_types` (`tenant_id`,`staff_user_id`);--> statement-breakpoint
CREATE TABLE `availability_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`created_at` text NOT NULL,
	CONSTRAINT "availability_exceptions_hours" CHECK(("availability_exceptions"."kind" = 'dayOff' and "availability_exceptions"."start_time" is null and "availability_exceptions"."end_time" is null) or ("availability_exceptions"."kind" = 'extraHours' and "availability_exceptions"."start_time" < "availability_exceptions"."end_time"))
);
--> statement-breakpoint
CREATE INDEX `availability_exceptions_staff_idx` ON `availability_exceptions` (`tenant_id`,`staff_user_id`,`date`);--> statement-breakpoint
CREATE TABLE `availability_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "availability_windows_weekday" CHECK("availability_windows"."weekday" between 1 and 7),
	CONSTRAINT "availability_windows_order" CHECK("availability_windows"."start_time" < "availability_windows"."end_time")
);
--> statement-breakpoint
CREATE INDEX `availability_windows_staff_idx` ON `availability_windows` (`tenant_id`,`staff_user_id`);--> statement-breakpoint
CREATE TABLE `booking_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`time_zone` text NOT NULL,
	`minimum_notice_minutes` integer NOT NULL,
	`horizon_days` integer NOT NULL,
	`max_per_day` integer,
	`slot_step_minutes` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_profiles_staff_idx` ON `booking_profiles` (`tenant_id`,`staff_user_id`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`staff_user_id` text NOT NULL,
	`client_user_id` text NOT NULL,
	`appointment_type_id` text NOT NULL,
	`location` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`blocked_from` text NOT NULL,
	`blocked_until` text NOT NULL,
	`status` text NOT NULL,
	`hold_expires_at` text,
	`idempotency_key` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_by_user_id` text,
	`cancelled_at` text,
	`reason` text,
	CONSTRAINT "bookings_times" CHECK("bookings"."blocked_from" <= "bookings"."starts_at" and "bookings"."starts_at" < "bookings"."ends_at" and "bookings"."ends_at" <= "bookings"."blocked_until"),
	CONSTRAINT "bookings_hold" CHECK("bookings"."status" <> 'held' or "bookings"."hold_expires_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_idempotency_idx` ON `bookings` (`tenant_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `bookings_staff_idx` ON `bookings` (`tenant_id`,`staff_user_id`,`blocked_from`);--> statement-breakpoint
CREATE INDEX `bookings_client_idx` ON `bookings` (`tenant_id`,`client_user_id`,`starts_at`);