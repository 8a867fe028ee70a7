CREATE TABLE `voucher_allotments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`requested_fen` integer NOT NULL,
	`granted_fen` integer,
	`purpose` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`applied_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `voucher_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_allotments_firm_idx` ON `voucher_allotments` (`firm_id`);--> statement-breakpoint
CREATE INDEX `voucher_allotments_programme_idx` ON `voucher_allotments` (`programme_id`,`status`);--> statement-breakpoint
CREATE TABLE `voucher_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`facility_id` integer NOT NULL,
	`programme_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`agreement_number` text NOT NULL,
	`invoice_id` integer NOT NULL,
	`report_attachment_id` integer NOT NULL,
	`paid_fen` integer NOT NULL,
	`status` text DEFAULT 'filed' NOT NULL,
	`reason` text,
	`filed_by` integer NOT NULL,
	`filed_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_id`) REFERENCES `voucher_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_claims_request_idx` ON `voucher_claims` (`request_id`);--> statement-breakpoint
CREATE INDEX `voucher_claims_status_idx` ON `voucher_claims` (`status`,`filed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `voucher_claims_one_open_idx` ON `voucher_claims` (`request_id`) WHERE status <> 'returned';--> statement-breakpoint
CREATE TABLE `voucher_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`allotment_id` integer NOT NULL,
	`programme_id` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`request_id` integer,
	`facility_id` integer,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`at` integer NOT NULL,
	`by_user` integer,
	FOREIGN KEY (`allotment_id`) REFERENCES `voucher_allotments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_id`) REFERENCES `voucher_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `booking_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voucher_ledger_allotment_idx` ON `voucher_ledger` (`allotment_id`);--> statement-breakpoint
CREATE INDEX `voucher_ledger_request_idx` ON `voucher_ledger` (`request_id`);--> statement-breakpoint
CREATE INDEX `voucher_ledger_programme_idx` ON `voucher_ledger` (`programme_id`,`kind`,`firm_id`,`facility_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `voucher_ledger_firm_idx` ON `voucher_ledger` (`firm_id`);--> statement-breakpoint
CREATE TABLE `voucher_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`budget_fen` integer NOT NULL,
	`firm_cap_fen` integer NOT NULL,
	`rates_bp` text NOT NULL,
	`eligible_sizes` text NOT NULL,
	`eligible_prefectures` text NOT NULL,
	`apply_from` integer NOT NULL,
	`apply_until` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `voucher_ledger_no_update` BEFORE UPDATE ON `voucher_ledger` BEGIN SELECT RAISE(ABORT, 'the voucher ledger only appends'); END;--> statement-breakpoint
CREATE TRIGGER `voucher_ledger_no_delete` BEFORE DELETE ON `voucher_ledger` BEGIN SELECT RAISE(ABORT, 'the voucher ledger only appends'); END;
