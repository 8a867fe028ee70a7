// Migrations are idempotent; the backup script makes a verified online copy.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDatabase } from "@/db/client";
import { facilities } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { freshDb, tableCounts } from "../helpers/test-db";

describe("database tooling", () => {
  it("applies migrations twice without change, with WAL, foreign keys and busy_timeout on", () => {
    const { db } = freshDb();
    db.insert(facilities)
      .values({
        slug: "x",
        nameEn: "X",
        nameZh: "X",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.office,
      })
      .run();
    const before = tableCounts(db);
    migrateDatabase(db);
    expect(tableCounts(db)).toEqual(before);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
    expect(() =>
      db.$client
        .prepare(
          `INSERT INTO equipment (facility_id, name, category, hourly_rate_fen, created_at, updated_at) VALUES (999, 'x', 'x', 1, 0, 0)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("has the indexes the booking and listing queries rely on", () => {
    const { db } = freshDb();
    const indexes = (
      db.$client.prepare(`SELECT name FROM sqlite_master WHERE type='index'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const name of [
      "reservations_equipment_start_idx",
      "reservations_equipment_end_idx",
      "booking_requests_firm_status_idx",
      "booking_requests_facility_status_idx",
    ])
      expect(indexes).toContain(name);
  });

  it("db:backup writes a copy that passes integrity_check", () => {
    const { db, file, dir } = freshDb();
    db.insert(facilities)
      .values({
        slug: "y",
        nameEn: "Y",
        nameZh: "Y",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.office,
      })
      .run();
    const target = path.join(dir, "backup", "copy.db");
    const out = execFileSync(
      path.resolve("node_modules/.bin/tsx"),
      ["server/cli/backup.ts", target],
      { env: { ...process.env, DATABASE_PATH: file }, encoding: "utf8" },
    );
    expect(out).toMatch(/integrity_check: ok/);
    const copy = new Database(target, { readonly: true });
    expect(
      (copy.prepare(`SELECT slug FROM facilities`).all() as { slug: string }[]).map((r) => r.slug),
    ).toEqual(["y"]);
    copy.close();
  });
});
