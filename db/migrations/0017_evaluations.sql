CREATE TABLE `evaluation_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`facility_id` integer NOT NULL,
	`score_bp` integer,
	`rank` integer,
	`figures` text NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_results_uq` ON `evaluation_results` (`evaluation_id`,`facility_id`);--> statement-breakpoint
CREATE INDEX `evaluation_results_facility_idx` ON `evaluation_results` (`facility_id`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`benchmark_hours` integer NOT NULL,
	`weights` text NOT NULL,
	`scope` text DEFAULT 'large' NOT NULL,
	`excluded_equipment` text DEFAULT '[]' NOT NULL,
	`run_at` integer,
	`run_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`run_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_year_uq` ON `evaluations` (`year`);