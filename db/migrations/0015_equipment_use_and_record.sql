CREATE TABLE `equipment_use` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`equipment_id` integer NOT NULL,
	`request_id` integer,
	`reservation_id` integer,
	`start` integer NOT NULL,
	`end` integer,
	`units` integer DEFAULT 1 NOT NULL,
	`purpose` text,
	`person` text,
	`recorded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `equipment_use_equipment_start_idx` ON `equipment_use` (`equipment_id`,`start`);--> statement-breakpoint
CREATE INDEX `equipment_use_request_idx` ON `equipment_use` (`request_id`);--> statement-breakpoint
ALTER TABLE `equipment` ADD `asset_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `equipment` ADD `purchase_date` text;--> statement-breakpoint
ALTER TABLE `equipment` ADD `funding_source` text;