CREATE TABLE `quote_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`version` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`quantity_milli` integer NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`net_fen` integer NOT NULL,
	`vat_fen` integer NOT NULL,
	`voucher_eligible` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quote_lines_request_version_position_idx` ON `quote_lines` (`request_id`,`version`,`position`);--> statement-breakpoint
CREATE INDEX `quote_lines_request_idx` ON `quote_lines` (`request_id`);--> statement-breakpoint
ALTER TABLE `facilities` ADD `vat_rate_bp` integer DEFAULT 600 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `min_charge_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `urgent_surcharge_pct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `hazard_surcharge_pct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `small_firm_discount_pct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `booking_requests` ADD `quote_vat_fen` integer;--> statement-breakpoint
ALTER TABLE `booking_requests` ADD `quote_vat_rate_bp` integer;--> statement-breakpoint
ALTER TABLE `booking_requests` ADD `quote_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `booking_requests` SET `quote_version` = 1 WHERE `quote_amount_fen` IS NOT NULL;--> statement-breakpoint
INSERT INTO `quote_lines` (`request_id`, `version`, `position`, `kind`, `description`, `quantity_milli`, `unit`, `unit_price_fen`, `net_fen`, `vat_fen`, `voucher_eligible`, `created_at`)
SELECT `id`, 1, 0, 'other', '', 1000, '', `quote_amount_fen`, `quote_amount_fen`, 0, 0, COALESCE(`quoted_at`, `created_at`) FROM `booking_requests` WHERE `quote_amount_fen` IS NOT NULL;
