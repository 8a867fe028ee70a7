ALTER TABLE `facilities` ADD `credit_code` text;--> statement-breakpoint
ALTER TABLE `booking_requests` ADD `agreement_number` text;--> statement-breakpoint
UPDATE `booking_requests` SET `agreement_number` = 'SA-' || substr(`ref`, 4) || '-V' || `quote_version` WHERE `confirmed_at` IS NOT NULL AND `quote_version` > 0;
