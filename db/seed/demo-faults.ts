// The demo network's fault history and its enterprise-run platform.
// Faults: about one equipment in six had a fault in the past year, reported in the evening and
// repaired within the night (mostly outside opening hours), closed with a note. Derived from
// ids, not drawn, so the rest of the demo stays as it was.
// Host: the firm with the most completed work at one facility becomes that facility's operating
// entity (same credit code), so its work there counts as internal, not as external service.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { DB } from "../client";
import { bookingRequests, equipmentFaults, facilities, firms } from "../schema";
import type { SeededFacility } from "./demo-registry";
import { DAY, HOUR } from "./time";
import { localDateKey, NETWORK_TIME_ZONE, parseLocal } from "../local-time";

const problems: [string, string][] = [
  ["Vacuum pump failure", "真空泵故障"],
  ["Cooling water leak", "冷却水泄漏"],
  ["Controller board fault", "控制板故障"],
  ["Heater element burnt out", "加热元件烧毁"],
  ["Sensor out of range", "传感器超量程"],
];

export function seedFaults(
  db: DB,
  today: number,
  providers: SeededFacility[],
  reporterOf: (facilityId: number) => number,
): number {
  let n = 0;
  for (const f of providers)
    for (const e of f.equipment) {
      if (e.status === "retired" || e.id % 6 !== 1) continue;
      // 20:00 local on a day 20–340 days ago, repaired 4–9 hours later.
      const day = localDateKey(today - (20 + ((e.id * 37) % 320)) * DAY, NETWORK_TIME_ZONE);
      const reportedAt = parseLocal(`${day}T20:00`, NETWORK_TIME_ZONE);
      const [en, zh] = problems[e.id % problems.length];
      db.insert(equipmentFaults)
        .values({
          facilityId: f.id,
          equipmentId: e.id,
          description: `${zh} / ${en}`,
          reportedAt,
          reportedBy: reporterOf(f.id),
          statusBefore: e.status,
          closedAt: reportedAt + (4 + (e.id % 6)) * HOUR,
          closedBy: reporterOf(f.id),
          repairNote: "已修复 / Repaired",
          createdAt: reportedAt,
          updatedAt: reportedAt,
        })
        .run();
      n++;
    }
  return n;
}

/** Makes the busiest firm of one facility (not the demo firm) its operating entity. */
export function seedHostFirm(db: DB, demoFirmId: number): void {
  const pair = db
    .select({ facilityId: bookingRequests.facilityId, firmId: bookingRequests.firmId })
    .from(bookingRequests)
    .where(and(eq(bookingRequests.status, "completed"), ne(bookingRequests.firmId, demoFirmId)))
    .groupBy(bookingRequests.facilityId, bookingRequests.firmId)
    .orderBy(desc(sql`COUNT(*)`), bookingRequests.facilityId, bookingRequests.firmId)
    .get();
  if (!pair?.facilityId) return;
  const firm = db.select().from(firms).where(eq(firms.id, pair.firmId)).get()!;
  db.update(facilities)
    .set({ creditCode: firm.creditCode })
    .where(eq(facilities.id, pair.facilityId))
    .run();
}
