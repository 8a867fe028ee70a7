CREATE TABLE `equipment_faults` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`facility_id` integer NOT NULL,
	`equipment_id` integer NOT NULL,
	`description` text NOT NULL,
	`reported_at` integer NOT NULL,
	`reported_by` integer NOT NULL,
	`expected_back_at` integer,
	`status_before` text DEFAULT 'operational' NOT NULL,
	`closed_at` integer,
	`closed_by` integer,
	`repair_note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equipment_id`) REFERENCES `equipment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `equipment_faults_equipment_idx` ON `equipment_faults` (`equipment_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `equipment_faults_facility_idx` ON `equipment_faults` (`facility_id`,`closed_at`);