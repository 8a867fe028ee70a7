CREATE TABLE `waitlist_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`equipment_id` integer,
	`facility_id` integer,
	`category` text,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`hours` integer NOT NULL,
	`units` integer NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`offered_at` integer,
	`offer_start` integer,
	`offer_end` integer,
	`offer_expires_at` integer,
	`closed_at` integer,
	`close_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_entries_request_uq` ON `waitlist_entries` (`request_id`);--> statement-breakpoint
CREATE INDEX `waitlist_entries_status_idx` ON `waitlist_entries` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `waitlist_entries_equipment_idx` ON `waitlist_entries` (`equipment_id`,`status`);