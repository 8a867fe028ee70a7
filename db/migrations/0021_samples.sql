CREATE TABLE `sample_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sample_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer NOT NULL,
	`location` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sample_id`) REFERENCES `samples`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sample_steps_sample_idx` ON `sample_steps` (`sample_id`,`at`);--> statement-breakpoint
CREATE TABLE `samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`parent_id` integer,
	`code` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`condition` text NOT NULL,
	`location` text NOT NULL,
	`hazard` text NOT NULL,
	`retain_until` integer NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`received_at` integer NOT NULL,
	`received_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `samples_code_uq` ON `samples` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `samples_facility_year_seq_uq` ON `samples` (`facility_id`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `samples_request_idx` ON `samples` (`request_id`);--> statement-breakpoint
CREATE TRIGGER `sample_steps_append_only_update` BEFORE UPDATE ON `sample_steps`
BEGIN SELECT RAISE(ABORT, 'sample custody steps only append'); END;
--> statement-breakpoint
CREATE TRIGGER `sample_steps_append_only_delete` BEFORE DELETE ON `sample_steps`
BEGIN SELECT RAISE(ABORT, 'sample custody steps only append'); END;
