// The acceptance path with an innovation voucher against the same path without one, in-process on
// a copy of the dataset, in alternating rounds; and the department's voucher figures for a year
// once the copy holds a year of voucher activity.
import { and, eq, isNotNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  equipment,
  facilities,
  firms,
  users,
  voucherAllotments,
  voucherLedger,
  voucherProgrammes,
} from "@/db/schema";
import { submitRequest } from "@/server/services/booking/submit-request";
import { quoteRequest } from "@/server/services/booking/quote-request";
import { acceptQuote } from "@/server/services/booking/accept-quote";
import { loadActor } from "@/server/services/users/load-actor";
import { voucherFigures, voucherGroupings } from "@/server/services/vouchers/figures";
import {
  addDays,
  addLocalDays,
  localDateKey,
  localParts,
  NETWORK_TIME_ZONE,
  parseLocal,
} from "@/server/services/scheduling/local-time";
import { measure, type Timing } from "./harness";
import { grantAllotment } from "../tests/helpers/voucher-grant";

const HOUR = 3_600_000;
const ROUNDS = 5;
const RUNS = 60;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchAcceptance(db: DB) {
  const firmUser = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "firm"), isNotNull(users.firmId)))
    .limit(1)
    .get()!;
  const firm = loadActor(db, firmUser.id)!;
  const operatorRow = db
    .select({ id: users.id, facilityId: users.facilityId })
    .from(users)
    .innerJoin(equipment, eq(equipment.facilityId, users.facilityId))
    .where(and(eq(users.role, "operator"), eq(equipment.status, "operational")))
    .limit(1)
    .get()!;
  const operator = loadActor(db, operatorRow.id)!;
  const machine = db
    .select()
    .from(equipment)
    .where(
      and(eq(equipment.facilityId, operatorRow.facilityId!), eq(equipment.status, "operational")),
    )
    .limit(1)
    .get()!;
  const now = Date.now();
  const year = localParts(now, NETWORK_TIME_ZONE).year;
  // A programme and an allotment large enough never to run out during the bench.
  grantAllotment(db, {
    firmId: firm.firmId!,
    userId: firm.userId,
    amountFen: 9_000_000_000,
    year,
    at: now,
  });

  // Quoted requests in far-future slots (one a day, at the facility's opening time), made
  // before any timing.
  const facility = db
    .select()
    .from(facilities)
    .where(eq(facilities.id, operatorRow.facilityId!))
    .get()!;
  // After everything already on the equipment (the scale dataset books years ahead).
  const last = db.$client
    .prepare(`SELECT MAX("end") AS last FROM reservations WHERE equipment_id = ?`)
    .get(machine.id) as { last: number | null };
  let day = localDateKey(Math.max(now, last.last ?? 0) + 2 * 86_400_000, facility.timeZone);
  const nextSlot = () => {
    for (;;) {
      day = addDays(day, 1);
      const midnight = parseLocal(day, facility.timeZone);
      const weekday = String(localParts(midnight, facility.timeZone).weekday);
      const open = (facility.openingHours as Record<string, [string, string][]>)[weekday];
      if (open?.length) return parseLocal(`${day}T${open[0][0]}`, facility.timeZone);
    }
  };
  const quoted = () => {
    const start = nextSlot();
    const r = submitRequest(
      db,
      { ...firm, firmId: firm.firmId! },
      {
        title: "Bench acceptance",
        serviceType: "testing",
        facilityId: operatorRow.facilityId!,
        earliestStart: start - HOUR,
        deadline: addLocalDays(start, 1, facility.timeZone),
        hours: 1,
        units: 1,
      },
    );
    quoteRequest(
      db,
      { ...operator, facilityId: operator.facilityId! },
      {
        id: r.id,
        equipmentId: machine.id,
        start,
        end: start + Math.max(1, machine.minHours) * HOUR,
        units: 1,
        validUntil: start - HOUR,
        lines: [
          { kind: "machine_time", quantity: 1, unitPriceFen: 50_000, voucherEligible: true },
          { kind: "consumables", quantity: 1, unitPriceFen: 5_000 },
        ],
      },
    );
    return r.id;
  };
  const rounds: { plain: Timing; voucher: Timing }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const plainIds = Array.from({ length: RUNS + 5 }, quoted);
    const voucherIds = Array.from({ length: RUNS + 5 }, quoted);
    let i = 0;
    let j = 0;
    const plain = measure(
      "request.accept without a voucher",
      () => acceptQuote(db, { ...firm, firmId: firm.firmId! }, { id: plainIds[i++] }),
      RUNS,
      5,
    );
    const voucher = measure(
      "request.accept with a voucher",
      () => {
        const r = acceptQuote(
          db,
          { ...firm, firmId: firm.firmId! },
          { id: voucherIds[j++], useVoucher: true },
        );
        if (!r.voucherFen) throw new Error("bench acceptance drew no cover");
      },
      RUNS,
      5,
    );
    rounds.push({ plain, voucher });
  }
  const plainMs = median(rounds.map((r) => r.plain.medianMs));
  const voucherMs = median(rounds.map((r) => r.voucher.medianMs));
  return { rounds, plainMs, voucherMs, ratio: voucherMs / plainMs, year };
}

/** A year of voucher activity on the copy: an allotment for each firm (up to 2,000) and cover
 * reserved on up to 40,000 accepted requests, a third of it redeemed; then the year's figures
 * by each grouping. */
export function benchVoucherFigures(db: DB, year: number): Timing[] {
  const now = Date.now();
  const programme = db
    .insert(voucherProgrammes)
    .values({
      year,
      nameEn: "Scale vouchers",
      nameZh: "规模创新券",
      budgetFen: 9_000_000_000,
      firmCapFen: 20_000_000,
      ratesBp: { testing: 3000 },
      eligibleSizes: ["micro", "small", "medium", "large"],
      eligiblePrefectures: [],
      applyFrom: now - 100 * 86_400_000,
      applyUntil: now + 100 * 86_400_000,
      validUntil: now + 365 * 86_400_000,
      createdBy: 1,
    })
    .returning()
    .get();
  const firmIds = db
    .select({ id: firms.id })
    .from(firms)
    .limit(2000)
    .all()
    .map((f) => f.id);
  const allotmentOf = new Map<number, number>();
  db.$client.transaction(() => {
    for (const id of firmIds) {
      const a = db
        .insert(voucherAllotments)
        .values({
          programmeId: programme.id,
          firmId: id,
          requestedFen: 20_000_000,
          grantedFen: 20_000_000,
          purpose: "Scale",
          status: "approved",
          appliedBy: 1,
        })
        .returning({ id: voucherAllotments.id })
        .get();
      allotmentOf.set(id, a.id);
      db.insert(voucherLedger)
        .values({
          allotmentId: a.id,
          programmeId: programme.id,
          firmId: id,
          kind: "allotted",
          amountFen: 20_000_000,
          at: now,
        })
        .run();
    }
    const requests = db.$client
      .prepare(
        `SELECT id, firm_id AS firmId, facility_id AS facilityId FROM booking_requests
         WHERE status IN ('confirmed', 'in_progress', 'completed') LIMIT 40000`,
      )
      .all() as { id: number; firmId: number; facilityId: number }[];
    const insert = db.$client.prepare(
      `INSERT INTO voucher_ledger
         (allotment_id, programme_id, firm_id, request_id, facility_id, kind, amount_fen, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [k, r] of requests.entries()) {
      const a = allotmentOf.get(r.firmId);
      if (!a) continue;
      insert.run(a, programme.id, r.firmId, r.id, r.facilityId, "reserved", 3000, now);
      if (k % 3 === 0)
        insert.run(a, programme.id, r.firmId, r.id, r.facilityId, "redeemed", 3000, now);
    }
  })();
  return voucherGroupings.map((by) =>
    measure(`voucher figures for ${year}, by ${by}`, () => voucherFigures(db, { year, by }), 20, 2),
  );
}
