// Equipment and services on top of the base fixture, for the booking tests. Times: Monday
// 2027-01-04 09:00 in Shanghai is "now"; the lab keeps office hours (Mon–Fri 08:30–17:30).
import type { DB } from "@/db/client";
import { equipment, services, serviceEquipment, reservations } from "@/db/schema";
import { makeFixture } from "./fixtures";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const NOW = Date.UTC(2027, 0, 4, 1); // Mon 09:00 +08:00
/** Shanghai wall-clock time on a day after NOW: at(1, 9) is Tuesday 09:00. */
export const at = (dayOffset: number, hour: number, minute = 0) =>
  Date.UTC(2027, 0, 4 + dayOffset, hour - 8, minute);

export async function makeBookingFixture(db: DB) {
  const base = await makeFixture(db);
  const eq = (facilityId: number, values: Partial<typeof equipment.$inferInsert>) =>
    db
      .insert(equipment)
      .values({
        facilityId,
        name: "E",
        category: "jacketed_reactor",
        hourlyRateFen: 50_000,
        ...values,
      })
      .returning()
      .get();
  const reactor = eq(base.lab.id, {
    name: "Reactor 500 L",
    units: 1,
    setupMinutes: 30,
    leadDays: 1,
    minHours: 2,
    maxHours: 9,
  });
  const chamber = eq(base.lab.id, {
    name: "Climate chamber",
    category: "climate_chamber",
    units: 3,
    setupMinutes: 0,
    leadDays: 0,
    minHours: 1,
    maxHours: 9,
    autoApprove: true,
  });
  const otherReactor = eq(base.otherLab.id, { name: "Other reactor", units: 1, leadDays: 0 });
  const testing = db
    .insert(services)
    .values({
      facilityId: base.lab.id,
      type: "testing",
      name: "Climate test",
      standards: ["GB/T 2423.1-2008"],
    })
    .returning()
    .get();
  db.insert(serviceEquipment).values({ serviceId: testing.id, equipmentId: chamber.id }).run();
  const maintenance = db
    .insert(reservations)
    .values({
      facilityId: base.lab.id,
      equipmentId: reactor.id,
      kind: "maintenance",
      start: at(3, 8),
      end: at(3, 18),
      reason: "Service",
    })
    .returning()
    .get();
  return { ...base, reactor, chamber, otherReactor, testing, maintenance };
}

export const requestBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Pilot batch of resin",
  serviceType: "pilot_production" as const,
  description: "Two batches",
  sampleDetails: "20 kg of monomer",
  earliestStart: at(1, 0),
  deadline: at(10, 0),
  hours: 4,
  units: 1,
  ...overrides,
});
