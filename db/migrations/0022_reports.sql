CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`accredited` integer NOT NULL,
	`draft_path` text NOT NULL,
	`draft_sha256` text NOT NULL,
	`draft_file_name` text NOT NULL,
	`tested_by` integer NOT NULL,
	`tested_at` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`approved_by` integer,
	`approved_at` integer,
	`number` text,
	`year` integer,
	`seq` integer,
	`code_hash` text,
	`attachment_id` integer,
	`released_sha256` text,
	`marks` text,
	`tested_from` integer,
	`tested_to` integer,
	`supersedes_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`superseded_by_id` integer,
	`superseded_at` integer,
	`revoked_by` integer,
	`revoked_at` integer,
	`close_reason` text DEFAULT '' NOT NULL,
	`returned_by` integer,
	`returned_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_number_uq` ON `reports` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_facility_year_seq_uq` ON `reports` (`facility_id`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `reports_request_idx` ON `reports` (`request_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `signatory` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TRIGGER `reports_file_fixed` BEFORE UPDATE OF `draft_path`, `draft_sha256` ON `reports`
BEGIN SELECT RAISE(ABORT, 'a report''s file does not change'); END;
--> statement-breakpoint
CREATE TRIGGER `reports_release_fixed` BEFORE UPDATE OF `number`, `year`, `seq`, `code_hash`, `attachment_id`, `released_sha256`, `approved_at` ON `reports`
WHEN OLD.`number` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a released report''s number and file do not change'); END;
