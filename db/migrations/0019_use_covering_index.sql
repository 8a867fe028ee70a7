DROP INDEX `equipment_use_equipment_start_idx`;--> statement-breakpoint
CREATE INDEX `equipment_use_equipment_start_idx` ON `equipment_use` (`equipment_id`,`start`,`end`,`kind`,`units`,`firm_id`);