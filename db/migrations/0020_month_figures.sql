-- The monitoring figures: monthly sums kept by triggers (below); response times read requests by
-- when they were quoted, firms served a request completed in the period apart from one confirmed
-- in it, no-shows a booking's request, and income, payments, voucher cover and ratings by when
-- they happened, each from an index alone.
CREATE TABLE `calendar_months` (
	`start` integer PRIMARY KEY NOT NULL,
	`end` integer NOT NULL,
	`key` text NOT NULL,
	`year` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `equipment_month_firms` (
	`equipment_id` integer NOT NULL,
	`month` integer NOT NULL,
	`firm_id` integer NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`equipment_id`, `month`, `firm_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `equipment_months` (
	`equipment_id` integer NOT NULL,
	`month` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`external` integer DEFAULT 0 NOT NULL,
	`in_house` integer DEFAULT 0 NOT NULL,
	`ended` integer DEFAULT 0 NOT NULL,
	`ended_recorded` integer DEFAULT 0 NOT NULL,
	`response_ms` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`equipment_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `equipment_years` (
	`equipment_id` integer NOT NULL,
	`year` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`external` integer DEFAULT 0 NOT NULL,
	`in_house` integer DEFAULT 0 NOT NULL,
	`ended` integer DEFAULT 0 NOT NULL,
	`ended_recorded` integer DEFAULT 0 NOT NULL,
	`response_ms` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`equipment_id`, `year`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `facility_months` (
	`facility_id` integer NOT NULL,
	`month` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`external` integer DEFAULT 0 NOT NULL,
	`in_house` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`facility_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `booking_requests_completed_idx`;--> statement-breakpoint
CREATE INDEX `booking_requests_quoted_idx` ON `booking_requests` (`quoted_at`,`facility_id`,`service_type`,`quote_equipment_id`,`routed_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `booking_requests_completed_idx` ON `booking_requests` (`completed_at`,`facility_id`,`service_type`,`firm_id`,`status`,`quote_amount_fen`,`confirmed_at`);--> statement-breakpoint
DROP INDEX `reservations_booking_cover_idx`;--> statement-breakpoint
CREATE INDEX `reservations_booking_cover_idx` ON `reservations` (`equipment_id`,`end`,`start`,`units`,`request_id`) WHERE "reservations"."kind" = 'booking' AND "reservations"."released_at" IS NULL;--> statement-breakpoint
CREATE INDEX `feedback_created_idx` ON `feedback` (`created_at`,`request_id`,`rating`);--> statement-breakpoint
CREATE INDEX `invoices_issued_idx` ON `invoices` (`issued_at`,`status`,`request_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `payments_paid_idx` ON `payments` (`paid_at`,`request_id`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `voucher_ledger_kind_at_idx` ON `voucher_ledger` (`kind`,`at`,`request_id`,`amount_fen`);--> statement-breakpoint
-- Monthly figures kept by triggers (db/schema/figures.ts). A live booking adds its unit-time to
-- the months it overlaps, a closed use its unit-time by kind and, if external, its firm; every
-- change takes the old row's share out and puts the new one's in. calendar_months is filled and
-- the figures built from the existing rows by db/calendar-months.ts on the first start after this
-- migration (the months are local to the network's time zone, computed in JavaScript).
-- A booking of a request counts in the month of its end, with whether its request has a use; the
-- first use of a request and the removal of its last one change that for its bookings.
-- A quoted request counts its response time on the quoted equipment in the month of the quote.
-- Each change to a month of an equipment changes its year by as much.
CREATE TRIGGER `reservations_months_insert`
AFTER INSERT ON `reservations` WHEN NEW.kind = 'booking'
BEGIN
  INSERT INTO equipment_months (equipment_id, month, booked)
  SELECT NEW.equipment_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO facility_months (facility_id, month, booked)
  SELECT NEW.facility_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO equipment_months (equipment_id, month, ended, ended_recorded)
  SELECT NEW.equipment_id, m.start, +1,
    +(EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = NEW.request_id))
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < NEW."end")
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
    AND NEW.request_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_months_delete`
AFTER DELETE ON `reservations` WHEN OLD.kind = 'booking'
BEGIN
  INSERT INTO equipment_months (equipment_id, month, booked)
  SELECT OLD.equipment_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO facility_months (facility_id, month, booked)
  SELECT OLD.facility_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO equipment_months (equipment_id, month, ended, ended_recorded)
  SELECT OLD.equipment_id, m.start, -1,
    -(EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = OLD.request_id))
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < OLD."end")
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
    AND OLD.request_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_months_update`
AFTER UPDATE OF `kind`, `facility_id`, `equipment_id`, `start`, `end`, `units`, `released_at`
ON `reservations` WHEN OLD.kind = 'booking' OR NEW.kind = 'booking'
BEGIN
  INSERT INTO equipment_months (equipment_id, month, booked)
  SELECT OLD.equipment_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO facility_months (facility_id, month, booked)
  SELECT OLD.facility_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO equipment_months (equipment_id, month, ended, ended_recorded)
  SELECT OLD.equipment_id, m.start, -1,
    -(EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = OLD.request_id))
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < OLD."end")
    AND OLD.kind = 'booking' AND OLD.released_at IS NULL AND OLD.equipment_id IS NOT NULL
    AND OLD.request_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded;
  INSERT INTO equipment_months (equipment_id, month, booked)
  SELECT NEW.equipment_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO facility_months (facility_id, month, booked)
  SELECT NEW.facility_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET booked = booked + excluded.booked;
  INSERT INTO equipment_months (equipment_id, month, ended, ended_recorded)
  SELECT NEW.equipment_id, m.start, +1,
    +(EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = NEW.request_id))
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < NEW."end")
    AND NEW.kind = 'booking' AND NEW.released_at IS NULL AND NEW.equipment_id IS NOT NULL
    AND NEW.request_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_months_insert`
AFTER INSERT ON `equipment_use` WHEN NEW."end" IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, used, external, in_house)
  SELECT NEW.equipment_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units,
    CASE WHEN NEW.kind = 'external' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END,
    CASE WHEN NEW.kind = 'inHouse' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO facility_months (facility_id, month, used, external, in_house)
  SELECT NEW.facility_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units,
    CASE WHEN NEW.kind = 'external' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END,
    CASE WHEN NEW.kind = 'inHouse' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO equipment_month_firms (equipment_id, month, firm_id, uses)
  SELECT NEW.equipment_id, m.start, NEW.firm_id, +1
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL AND NEW.kind = 'external' AND NEW.firm_id IS NOT NULL
  ON CONFLICT (equipment_id, month, firm_id) DO UPDATE SET uses = uses + excluded.uses;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_months_delete`
AFTER DELETE ON `equipment_use` WHEN OLD."end" IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, used, external, in_house)
  SELECT OLD.equipment_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units,
    CASE WHEN OLD.kind = 'external' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END,
    CASE WHEN OLD.kind = 'inHouse' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO facility_months (facility_id, month, used, external, in_house)
  SELECT OLD.facility_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units,
    CASE WHEN OLD.kind = 'external' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END,
    CASE WHEN OLD.kind = 'inHouse' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO equipment_month_firms (equipment_id, month, firm_id, uses)
  SELECT OLD.equipment_id, m.start, OLD.firm_id, -1
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL AND OLD.kind = 'external' AND OLD.firm_id IS NOT NULL
  ON CONFLICT (equipment_id, month, firm_id) DO UPDATE SET uses = uses + excluded.uses;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_months_update`
AFTER UPDATE OF `facility_id`, `equipment_id`, `start`, `end`, `units`, `kind`, `firm_id`
ON `equipment_use` WHEN OLD."end" IS NOT NULL OR NEW."end" IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, used, external, in_house)
  SELECT OLD.equipment_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units,
    CASE WHEN OLD.kind = 'external' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END,
    CASE WHEN OLD.kind = 'inHouse' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO facility_months (facility_id, month, used, external, in_house)
  SELECT OLD.facility_id, m.start, -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units,
    CASE WHEN OLD.kind = 'external' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END,
    CASE WHEN OLD.kind = 'inHouse' THEN -(MIN(OLD."end", m."end") - MAX(OLD.start, m.start)) * OLD.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO equipment_month_firms (equipment_id, month, firm_id, uses)
  SELECT OLD.equipment_id, m.start, OLD.firm_id, -1
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.start)
    AND m.start < OLD."end" AND m."end" > OLD.start
    AND OLD."end" IS NOT NULL AND OLD.kind = 'external' AND OLD.firm_id IS NOT NULL
  ON CONFLICT (equipment_id, month, firm_id) DO UPDATE SET uses = uses + excluded.uses;
  INSERT INTO equipment_months (equipment_id, month, used, external, in_house)
  SELECT NEW.equipment_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units,
    CASE WHEN NEW.kind = 'external' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END,
    CASE WHEN NEW.kind = 'inHouse' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO facility_months (facility_id, month, used, external, in_house)
  SELECT NEW.facility_id, m.start, +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units,
    CASE WHEN NEW.kind = 'external' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END,
    CASE WHEN NEW.kind = 'inHouse' THEN +(MIN(NEW."end", m."end") - MAX(NEW.start, m.start)) * NEW.units ELSE 0 END
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL
  ON CONFLICT (facility_id, month) DO UPDATE SET used = used + excluded.used,
    external = external + excluded.external, in_house = in_house + excluded.in_house;
  INSERT INTO equipment_month_firms (equipment_id, month, firm_id, uses)
  SELECT NEW.equipment_id, m.start, NEW.firm_id, +1
  FROM calendar_months m
  WHERE m.start >= (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.start)
    AND m.start < NEW."end" AND m."end" > NEW.start
    AND NEW."end" IS NOT NULL AND NEW.kind = 'external' AND NEW.firm_id IS NOT NULL
  ON CONFLICT (equipment_id, month, firm_id) DO UPDATE SET uses = uses + excluded.uses;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_recorded_insert`
AFTER INSERT ON `equipment_use` WHEN NEW.request_id IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, ended_recorded)
  SELECT b.equipment_id, m.start, +1
  FROM reservations b JOIN calendar_months m
    ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < b."end")
  WHERE b.request_id = NEW.request_id AND b.kind = 'booking' AND b.released_at IS NULL
    AND b.equipment_id IS NOT NULL AND (SELECT COUNT(*) FROM equipment_use x WHERE x.request_id = NEW.request_id) = 1
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_recorded_delete`
AFTER DELETE ON `equipment_use` WHEN OLD.request_id IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, ended_recorded)
  SELECT b.equipment_id, m.start, -1
  FROM reservations b JOIN calendar_months m
    ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < b."end")
  WHERE b.request_id = OLD.request_id AND b.kind = 'booking' AND b.released_at IS NULL
    AND b.equipment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = OLD.request_id)
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_use_recorded_update`
AFTER UPDATE OF `request_id` ON `equipment_use`
WHEN OLD.request_id IS NOT NEW.request_id
BEGIN
  INSERT INTO equipment_months (equipment_id, month, ended_recorded)
  SELECT b.equipment_id, m.start, -1
  FROM reservations b JOIN calendar_months m
    ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < b."end")
  WHERE b.request_id = OLD.request_id AND b.kind = 'booking' AND b.released_at IS NULL
    AND b.equipment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM equipment_use x WHERE x.request_id = OLD.request_id)
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended_recorded = ended_recorded + excluded.ended_recorded;
  INSERT INTO equipment_months (equipment_id, month, ended_recorded)
  SELECT b.equipment_id, m.start, +1
  FROM reservations b JOIN calendar_months m
    ON m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start < b."end")
  WHERE b.request_id = NEW.request_id AND b.kind = 'booking' AND b.released_at IS NULL
    AND b.equipment_id IS NOT NULL AND (SELECT COUNT(*) FROM equipment_use x WHERE x.request_id = NEW.request_id) = 1
  ON CONFLICT (equipment_id, month) DO UPDATE SET ended_recorded = ended_recorded + excluded.ended_recorded;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_requests_months_insert`
AFTER INSERT ON `booking_requests` WHEN NEW.quoted_at IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, response_ms, responses)
  SELECT NEW.quote_equipment_id, m.start, +(NEW.quoted_at - COALESCE(NEW.routed_at, NEW.created_at)), +1
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.quoted_at)
    AND NEW.quoted_at IS NOT NULL AND NEW.quote_equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_requests_months_delete`
AFTER DELETE ON `booking_requests` WHEN OLD.quoted_at IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, response_ms, responses)
  SELECT OLD.quote_equipment_id, m.start, -(OLD.quoted_at - COALESCE(OLD.routed_at, OLD.created_at)), -1
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.quoted_at)
    AND OLD.quoted_at IS NOT NULL AND OLD.quote_equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
END;
--> statement-breakpoint
CREATE TRIGGER `booking_requests_months_update`
AFTER UPDATE OF `quoted_at`, `quote_equipment_id`, `routed_at`, `created_at`
ON `booking_requests` WHEN OLD.quoted_at IS NOT NULL OR NEW.quoted_at IS NOT NULL
BEGIN
  INSERT INTO equipment_months (equipment_id, month, response_ms, responses)
  SELECT OLD.quote_equipment_id, m.start, -(OLD.quoted_at - COALESCE(OLD.routed_at, OLD.created_at)), -1
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= OLD.quoted_at)
    AND OLD.quoted_at IS NOT NULL AND OLD.quote_equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
  INSERT INTO equipment_months (equipment_id, month, response_ms, responses)
  SELECT NEW.quote_equipment_id, m.start, +(NEW.quoted_at - COALESCE(NEW.routed_at, NEW.created_at)), +1
  FROM calendar_months m
  WHERE m.start = (SELECT MAX(c.start) FROM calendar_months c WHERE c.start <= NEW.quoted_at)
    AND NEW.quoted_at IS NOT NULL AND NEW.quote_equipment_id IS NOT NULL
  ON CONFLICT (equipment_id, month) DO UPDATE SET response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_months_years_insert`
AFTER INSERT ON `equipment_months`
BEGIN
  INSERT INTO equipment_years (equipment_id, year, booked, used, external, in_house, ended, ended_recorded, response_ms, responses)
  SELECT NEW.equipment_id, m.year, NEW.booked, NEW.used, NEW.external, NEW.in_house, NEW.ended, NEW.ended_recorded, NEW.response_ms, NEW.responses
  FROM calendar_months m WHERE m.start = NEW.month
  ON CONFLICT (equipment_id, year) DO UPDATE SET
    booked = booked + excluded.booked,
    used = used + excluded.used,
    external = external + excluded.external,
    in_house = in_house + excluded.in_house,
    ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded,
    response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
END;
--> statement-breakpoint
CREATE TRIGGER `equipment_months_years_update`
AFTER UPDATE ON `equipment_months`
BEGIN
  INSERT INTO equipment_years (equipment_id, year, booked, used, external, in_house, ended, ended_recorded, response_ms, responses)
  SELECT NEW.equipment_id, m.year, NEW.booked - OLD.booked, NEW.used - OLD.used, NEW.external - OLD.external, NEW.in_house - OLD.in_house, NEW.ended - OLD.ended, NEW.ended_recorded - OLD.ended_recorded, NEW.response_ms - OLD.response_ms, NEW.responses - OLD.responses
  FROM calendar_months m WHERE m.start = NEW.month
  ON CONFLICT (equipment_id, year) DO UPDATE SET
    booked = booked + excluded.booked,
    used = used + excluded.used,
    external = external + excluded.external,
    in_house = in_house + excluded.in_house,
    ended = ended + excluded.ended,
    ended_recorded = ended_recorded + excluded.ended_recorded,
    response_ms = response_ms + excluded.response_ms,
    responses = responses + excluded.responses;
END;
