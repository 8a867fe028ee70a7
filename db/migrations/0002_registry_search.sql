-- Full-text search over facilities: names in both languages, host, descriptions, equipment and
-- services, kept current by triggers. The trigram tokenizer matches Chinese and English substrings.
CREATE VIRTUAL TABLE facility_search USING fts5(body, tokenize = 'trigram');
--> statement-breakpoint
CREATE VIEW facility_search_source AS
SELECT f.id AS facility_id,
  f.name_en || ' ' || f.name_zh || ' ' || COALESCE(f.host, '') || ' ' || f.slug || ' ' || f.description_en || ' ' || f.description_zh
  || ' ' || COALESCE((SELECT group_concat(e.name || ' ' || e.name_zh || ' ' || e.manufacturer || ' ' || e.model, ' ') FROM equipment e WHERE e.facility_id = f.id AND e.status != 'retired'), '')
  || ' ' || COALESCE((SELECT group_concat(s.name || ' ' || s.name_zh || ' ' || s.standards, ' ') FROM services s WHERE s.facility_id = f.id AND s.status = 'active'), '') AS body
FROM facilities f;
--> statement-breakpoint
CREATE TRIGGER facilities_search_insert AFTER INSERT ON facilities BEGIN
  DELETE FROM facility_search WHERE rowid = NEW.id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER facilities_search_update AFTER UPDATE ON facilities BEGIN
  DELETE FROM facility_search WHERE rowid = NEW.id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER facilities_search_delete AFTER DELETE ON facilities BEGIN
  DELETE FROM facility_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER equipment_search_insert AFTER INSERT ON equipment BEGIN
  DELETE FROM facility_search WHERE rowid = NEW.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.facility_id;
END;
--> statement-breakpoint
CREATE TRIGGER equipment_search_update AFTER UPDATE ON equipment BEGIN
  DELETE FROM facility_search WHERE rowid = OLD.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = OLD.facility_id;
  DELETE FROM facility_search WHERE rowid = NEW.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.facility_id;
END;
--> statement-breakpoint
CREATE TRIGGER equipment_search_delete AFTER DELETE ON equipment BEGIN
  DELETE FROM facility_search WHERE rowid = OLD.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = OLD.facility_id;
END;
--> statement-breakpoint
CREATE TRIGGER services_search_insert AFTER INSERT ON services BEGIN
  DELETE FROM facility_search WHERE rowid = NEW.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.facility_id;
END;
--> statement-breakpoint
CREATE TRIGGER services_search_update AFTER UPDATE ON services BEGIN
  DELETE FROM facility_search WHERE rowid = OLD.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = OLD.facility_id;
  DELETE FROM facility_search WHERE rowid = NEW.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = NEW.facility_id;
END;
--> statement-breakpoint
CREATE TRIGGER services_search_delete AFTER DELETE ON services BEGIN
  DELETE FROM facility_search WHERE rowid = OLD.facility_id;
  INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source WHERE facility_id = OLD.facility_id;
END;
--> statement-breakpoint
INSERT INTO facility_search(rowid, body) SELECT facility_id, body FROM facility_search_source;
