CREATE TABLE `account_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`user_id` integer,
	`firm_id` integer,
	`firm_role` text,
	`created_by` integer,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_uq` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_email_idx` ON `account_tokens` (`email`,`kind`);--> statement-breakpoint
CREATE INDEX `account_tokens_firm_idx` ON `account_tokens` (`firm_id`,`kind`);--> statement-breakpoint
CREATE TABLE `quote_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`choice` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_approvals_firm_idx` ON `quote_approvals` (`firm_id`,`status`);--> statement-breakpoint
CREATE INDEX `quote_approvals_request_idx` ON `quote_approvals` (`request_id`);--> statement-breakpoint
ALTER TABLE `firms` ADD `spending_threshold_fen` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `firm_role` text;--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `ical_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_ical_token_uq` ON `users` (`ical_token`);--> statement-breakpoint
UPDATE `users` SET `firm_role` = CASE
  WHEN `id` = (SELECT MIN(u.`id`) FROM `users` u WHERE u.`firm_id` = `users`.`firm_id` AND u.`role` = 'firm')
  THEN 'manager' ELSE 'member' END
WHERE `role` = 'firm' AND `firm_id` IS NOT NULL;
