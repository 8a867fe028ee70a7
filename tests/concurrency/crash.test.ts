// Crash safety: a process booking as fast as it can is killed with SIGKILL; every booking it had
// acknowledged (printed after its commit) is in the database, which is intact and consistent.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { equipment, facilities, firms, users } from "@/db/schema";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { openDatabase } from "@/db/client";
import { findInvariantViolations } from "@/server/services/scheduling/invariant-check";
import { freshDb } from "../helpers/test-db";
import { startWorker } from "./spawn";

describe("crash safety", () => {
  it("keeps every acknowledged booking after SIGKILL, with integrity and the invariant intact", async () => {
    const { db, file } = freshDb();
    const facilityId = db
      .insert(facilities)
      .values({
        slug: "crash-lab",
        nameEn: "C",
        nameZh: "C",
        prefecture: "chengdu",
        openingHours: openingHoursPresets.continuous,
      })
      .returning()
      .get().id;
    const firmId = db
      .insert(firms)
      .values({
        name: "F",
        creditCode: "C",
        size: "small",
        industry: "chemicals",
        prefecture: "chengdu",
      })
      .returning()
      .get().id;
    const userId = db
      .insert(users)
      .values({ email: "crash@example.cn", name: "C", passwordHash: "x", role: "firm", firmId })
      .returning()
      .get().id;
    const equipmentId = db
      .insert(equipment)
      .values({
        facilityId,
        name: "E",
        category: "c",
        units: 1,
        autoApprove: true,
        leadDays: 0,
        minHours: 1,
        maxHours: 24,
        hourlyRateFen: 1,
      })
      .returning()
      .get().id;
    db.$client.close();

    const start = Math.ceil((Date.now() + 86_400_000) / 3_600_000) * 3_600_000;
    const { child, lines } = startWorker({ kind: "flood", db: file, userId, equipmentId, start });
    const deadline = Date.now() + 30_000;
    while (lines.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const acknowledged = lines.map((l) => JSON.parse(l) as { ref: string; status: string });
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    const check = new Database(file);
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
    const after = openDatabase(file);
    const refs = new Set(
      (
        after.$client
          .prepare(`SELECT ref FROM booking_requests WHERE status = 'confirmed'`)
          .all() as { ref: string }[]
      ).map((r) => r.ref),
    );
    for (const a of acknowledged) expect(refs.has(a.ref), a.ref).toBe(true);
    expect(refs.size).toBeGreaterThanOrEqual(acknowledged.length);
    expect(findInvariantViolations(after)).toEqual([]);
    after.$client.close();
  }, 60_000);
});
