-- A hold always has an expiry: it blocks capacity only until then (db/blocking.ts). Holds written
-- before this rule without one get their slot's end, after which they can block nothing anyway.
UPDATE `reservations` SET `expires_at` = `end` WHERE `kind` = 'hold' AND `expires_at` IS NULL;--> statement-breakpoint
CREATE TRIGGER `reservations_hold_expiry_insert` BEFORE INSERT ON `reservations`
WHEN NEW.`kind` = 'hold' AND NEW.`expires_at` IS NULL
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: a hold needs expires_at'); END;--> statement-breakpoint
CREATE TRIGGER `reservations_hold_expiry_update` BEFORE UPDATE OF `kind`, `expires_at` ON `reservations`
WHEN NEW.`kind` = 'hold' AND NEW.`expires_at` IS NULL
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: a hold needs expires_at'); END;
