ALTER TABLE `equipment_use` ADD `kind` text DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE `equipment_use` ADD `firm_id` integer;--> statement-breakpoint
CREATE INDEX `equipment_use_period_idx` ON `equipment_use` (`start`,`end`,`equipment_id`,`kind`,`units`,`firm_id`);--> statement-breakpoint
CREATE INDEX `equipment_use_open_idx` ON `equipment_use` (`start`) WHERE "end" IS NULL;--> statement-breakpoint
UPDATE equipment_use SET
  firm_id = (SELECT r.firm_id FROM booking_requests r WHERE r.id = equipment_use.request_id),
  kind = CASE
    WHEN equipment_use.request_id IS NULL THEN 'inHouse'
    WHEN (SELECT f.credit_code FROM facilities f WHERE f.id = equipment_use.facility_id) =
      (SELECT fm.credit_code FROM booking_requests r JOIN firms fm ON fm.id = r.firm_id
        WHERE r.id = equipment_use.request_id) THEN 'internal'
    ELSE 'external' END;
