CREATE TABLE `accreditations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`type` text NOT NULL,
	`certificate_no` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`valid_until` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accreditations_facility_idx` ON `accreditations` (`facility_id`);--> statement-breakpoint
CREATE INDEX `accreditations_type_idx` ON `accreditations` (`type`,`valid_until`);--> statement-breakpoint
CREATE TABLE `equipment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_zh` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`manufacturer` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`units` integer DEFAULT 1 NOT NULL,
	`hourly_rate_fen` integer NOT NULL,
	`setup_minutes` integer DEFAULT 0 NOT NULL,
	`min_hours` integer DEFAULT 1 NOT NULL,
	`max_hours` integer DEFAULT 72 NOT NULL,
	`lead_days` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'operational' NOT NULL,
	`calibration_due_at` integer,
	`auto_approve` integer DEFAULT false NOT NULL,
	`original_value_fen` integer DEFAULT 0 NOT NULL,
	`sharing` text DEFAULT 'external' NOT NULL,
	`acquired_year` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `equipment_facility_idx` ON `equipment` (`facility_id`);--> statement-breakpoint
CREATE INDEX `equipment_category_idx` ON `equipment` (`category`);--> statement-breakpoint
CREATE INDEX `equipment_status_idx` ON `equipment` (`status`);--> statement-breakpoint
CREATE TABLE `equipment_params` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`equipment_id` integer NOT NULL,
	`key` text NOT NULL,
	`unit` text NOT NULL,
	`min` real,
	`max` real,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `equipment_params_equipment_key_uq` ON `equipment_params` (`equipment_id`,`key`);--> statement-breakpoint
CREATE INDEX `equipment_params_key_idx` ON `equipment_params` (`key`,`max`,`min`);--> statement-breakpoint
CREATE TABLE `facilities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`kind` text DEFAULT 'facility' NOT NULL,
	`host` text,
	`level` text,
	`prefecture` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`fields` text DEFAULT '[]' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`opening_hours` text NOT NULL,
	`time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`from_published_list` integer DEFAULT false NOT NULL,
	`ical_token` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facilities_slug_uq` ON `facilities` (`slug`);--> statement-breakpoint
CREATE INDEX `facilities_prefecture_idx` ON `facilities` (`prefecture`);--> statement-breakpoint
CREATE INDEX `facilities_status_kind_idx` ON `facilities` (`status`,`kind`);--> statement-breakpoint
CREATE TABLE `service_equipment` (
	`service_id` integer NOT NULL,
	`equipment_id` integer NOT NULL,
	PRIMARY KEY(`service_id`, `equipment_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_equipment_equipment_idx` ON `service_equipment` (`equipment_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`name_zh` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`standards` text DEFAULT '[]' NOT NULL,
	`accredited` integer DEFAULT false NOT NULL,
	`typical_hours` integer,
	`price_basis` text DEFAULT 'quote' NOT NULL,
	`price_fen` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_facility_idx` ON `services` (`facility_id`);--> statement-breakpoint
CREATE INDEX `services_type_idx` ON `services` (`type`);--> statement-breakpoint
CREATE TABLE `firms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`credit_code` text NOT NULL,
	`size` text NOT NULL,
	`industry` text NOT NULL,
	`prefecture` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firms_credit_code_uq` ON `firms` (`credit_code`);--> statement-breakpoint
CREATE INDEX `firms_prefecture_idx` ON `firms` (`prefecture`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`firm_id` integer,
	`facility_id` integer,
	`locale` text DEFAULT 'en' NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_firm_idx` ON `users` (`firm_id`);--> statement-breakpoint
CREATE INDEX `users_facility_idx` ON `users` (`facility_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`uploader_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_request_idx` ON `attachments` (`request_id`);--> statement-breakpoint
CREATE TABLE `booking_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`firm_id` integer NOT NULL,
	`requester_id` integer NOT NULL,
	`facility_id` integer,
	`service_id` integer,
	`service_type` text NOT NULL,
	`equipment_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sample_details` text DEFAULT '' NOT NULL,
	`hazard_class` text,
	`standard` text,
	`quantity` text,
	`required_params` text DEFAULT '[]' NOT NULL,
	`earliest_start` integer NOT NULL,
	`deadline` integer NOT NULL,
	`hours` integer NOT NULL,
	`units` integer DEFAULT 1 NOT NULL,
	`preferred_start` integer,
	`status` text DEFAULT 'submitted' NOT NULL,
	`quote_amount_fen` integer,
	`quote_valid_until` integer,
	`quote_equipment_id` integer,
	`quote_start` integer,
	`quote_end` integer,
	`quote_units` integer,
	`reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`routed_at` integer,
	`quoted_at` integer,
	`confirmed_at` integer,
	`started_at` integer,
	`completed_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`quote_equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_requests_ref_uq` ON `booking_requests` (`ref`);--> statement-breakpoint
CREATE INDEX `booking_requests_firm_status_idx` ON `booking_requests` (`firm_id`,`status`);--> statement-breakpoint
CREATE INDEX `booking_requests_facility_status_idx` ON `booking_requests` (`facility_id`,`status`);--> statement-breakpoint
CREATE INDEX `booking_requests_status_created_idx` ON `booking_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_request_uq` ON `feedback` (`request_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_request_idx` ON `messages` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `request_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`actor_id` integer,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`equipment_id` integer,
	`request_id` integer,
	`kind` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`units` integer DEFAULT 1 NOT NULL,
	`expires_at` integer,
	`released_at` integer,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reservations_equipment_start_idx` ON `reservations` (`equipment_id`,`start`);--> statement-breakpoint
CREATE INDEX `reservations_equipment_end_idx` ON `reservations` (`equipment_id`,`end`);--> statement-breakpoint
CREATE INDEX `reservations_facility_start_idx` ON `reservations` (`facility_id`,`start`);--> statement-breakpoint
CREATE INDEX `reservations_request_idx` ON `reservations` (`request_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`actor_email` text,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	`ip` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_action_email_idx` ON `audit_log` (`action`,`actor_email`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_ip_idx` ON `audit_log` (`action`,`ip`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`sent_at` integer,
	`error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_created_idx` ON `email_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`request_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_read_idx` ON `notifications` (`user_id`,`read_at`);