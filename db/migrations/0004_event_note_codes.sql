ALTER TABLE `request_events` ADD `note_code` text;--> statement-breakpoint
ALTER TABLE `request_events` ADD `note_params` text;