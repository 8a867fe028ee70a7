// Demo booking requests over the past 12 months and the next 2 months, in every status, with
// reservations that satisfy the scheduling invariant and an event for every transition.
import { sql } from "drizzle-orm";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DB } from "../client";
import { blocksCapacityAt } from "../blocking";
import {
  bookingRequests,
  reservations,
  requestEvents,
  requestCounters,
  attachments,
  messages,
  feedback,
  notifications,
  quoteLines,
  invoices,
  payments,
  equipmentUse,
  type RequestStatus,
  type RequiredParam,
} from "../schema";
import type { SeededFacility, SeededEquipment } from "./demo-registry";
import { WALKTHROUGH_FACILITY_PREFIX, type SeededStaff } from "./demo-parties";
import { SlotPlanner } from "./slot-planner";
import type { Rng } from "./random";
import { DAY, HOUR, MINUTE, localDayAt, shanghaiYear } from "./time";
import { minimalPdf } from "./pdf";
import { parameterKeys, type ParameterKey } from "../reference/parameters";
import { seedFaults, seedHostFirm } from "./demo-faults";
import { seedInternalUse } from "./demo-internal-use";
import type { VoucherSeeder } from "./demo-vouchers";
import { agreementNumber } from "../reference/agreement-number";
import { rejectionReasons, reportingServiceTypes } from "../schema/enums";
import { classifyUsesSql } from "../use-kind";

type Phase = "past" | "current" | "future";
type Intent = { status: RequestStatus; phase: Phase; hub?: boolean };

const plan: [RequestStatus, Phase, number, boolean?][] = [
  ["completed", "past", 170],
  ["cancelled", "past", 18],
  ["rejected", "past", 22],
  ["withdrawn", "past", 15],
  ["expired", "past", 18],
  ["in_progress", "current", 10],
  ["confirmed", "future", 45],
  ["quoted", "future", 22],
  ["submitted", "future", 25],
  ["submitted", "future", 12, true],
  ["rejected", "future", 3],
  ["withdrawn", "future", 3],
  ["cancelled", "future", 4],
];

type Event = {
  at: number;
  from: RequestStatus | null;
  to: RequestStatus;
  actor: number | null;
  /** A person's words (a reason). */
  note?: string;
  /** A note the system writes: a code of the server catalogs' `events`, as the services write. */
  noteCode?: "sentToHub" | "routed" | "quoteExpired" | "autoApproved" | "rejectedFor";
  noteParams?: Record<string, string>;
};

const titles: Record<string, string[]> = {
  testing: [
    "Qualification test of new batch",
    "Type test before certification",
    "Customer-required test campaign",
  ],
  inspection: [
    "Incoming lot inspection",
    "First-article inspection",
    "Failure analysis inspection",
  ],
  verification: [
    "Process verification before scale-up",
    "Design verification run",
    "Proof-of-concept verification",
  ],
  pilot_production: [
    "Pilot batch for customer samples",
    "Trial production run",
    "Pilot run for process window",
  ],
  scale_up: ["Scale-up from bench to pilot", "Second-stage scale-up", "Scale-up feasibility run"],
  consulting: [
    "Pilot line design review",
    "Certification path consulting",
    "Technology maturation plan",
  ],
};

// Operators pick one of the common reasons, so every reader sees it in their language.
/** The demo facilities charge the general-taxpayer VAT rate (the column's default). */
const DEMO_VAT_BP = 600;

const rejectReasons = rejectionReasons.filter((r) => r !== "other");
const cancelReasons = [
  "Customer postponed the project",
  "Samples not delivered in time",
  "Equipment fault: rescheduling required",
];

export function seedRequests(
  db: DB,
  rng: Rng,
  now: number,
  today: number,
  facilities: SeededFacility[],
  staff: SeededStaff,
  dataDir: string,
  vouchers: VoucherSeeder,
): void {
  const planner = new SlotPlanner();
  const providers = facilities.filter(
    (f) => f.kind !== "hub" && f.equipment.some((e) => e.status === "operational"),
  );
  const presetOf = new Map(facilities.map((f) => [f.id, f.hours]));
  const walkthrough =
    providers.find((f) => f.slug.startsWith(WALKTHROUGH_FACILITY_PREFIX)) ?? providers[0];

  // Maintenance first, so bookings avoid it.
  const maintenanceRows: (typeof reservations.$inferInsert)[] = [];
  for (const f of facilities) {
    for (const e of f.equipment) {
      if (e.status === "maintenance") {
        const start = today - rng.int(2, 6) * DAY;
        const end = today + rng.int(7, 20) * DAY;
        planner.addMaintenance(f.id, e.id, start, end);
        maintenanceRows.push({
          facilityId: f.id,
          equipmentId: e.id,
          kind: "maintenance",
          start,
          end,
          reason: "Repair and recalibration",
          createdAt: start - DAY,
        });
      } else if (e.status === "operational" && rng.chance(0.25)) {
        const start = localDayAt(today, rng.int(-200, 50), "08:00");
        const end = start + rng.int(1, 3) * DAY;
        planner.addMaintenance(f.id, e.id, start, end);
        maintenanceRows.push({
          facilityId: f.id,
          equipmentId: e.id,
          kind: "maintenance",
          start,
          end,
          reason: "Scheduled preventive maintenance",
          createdAt: start - 20 * DAY,
        });
      }
    }
  }
  for (const f of providers.filter((_, i) => i % 7 === 3)) {
    const start = today + rng.int(15, 40) * DAY;
    const end = start + 2 * DAY;
    planner.addMaintenance(f.id, null, start, end);
    maintenanceRows.push({
      facilityId: f.id,
      equipmentId: null,
      kind: "maintenance",
      start,
      end,
      reason: "Facility-wide safety inspection and power maintenance",
      createdAt: now - 5 * DAY,
    });
  }
  if (maintenanceRows.length) db.insert(reservations).values(maintenanceRows).run();

  const intents: Intent[] = plan.flatMap(([status, phase, n, viaHub]) =>
    Array.from({ length: n }, () => ({ status, phase, hub: viaHub })),
  );
  type Built = {
    row: typeof bookingRequests.$inferInsert;
    events: Event[];
    reservation?: typeof reservations.$inferInsert;
    quoteLine?: Omit<typeof quoteLines.$inferInsert, "requestId"> | null;
    facility?: SeededFacility;
    report?: boolean;
    rated?: boolean;
  };
  const built: Built[] = [];

  for (const intent of intents) {
    const firm = rng.pick(staff.firms);
    const requester = rng.pick(firm.userIds);
    if (intent.hub) {
      built.push(hubRequest(rng, now, today, firm.id, requester));
      continue;
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      // The README's walk-through facility gets a larger share, so its operator has a busy start
      // page.
      const f = rng.chance(0.12) ? walkthrough : rng.pick(providers);
      const usable = f.equipment.filter((e) => e.status === "operational");
      const e = rng.pick(usable);
      const svc = f.serviceIds.find((s) => s.categories.includes(e.category));
      if (!svc) continue;
      const preset = presetOf.get(f.id)!;
      const hours = rng.int(
        e.minHours,
        Math.min(e.maxHours, preset === "continuous" ? 72 : e.maxHours),
      );
      const units = e.units > 1 && rng.chance(0.3) ? rng.int(1, e.units) : 1;
      const lead = e.leadDays * DAY;
      const needsSlot =
        !["submitted", "rejected"].includes(intent.status) &&
        !(intent.status === "withdrawn" && rng.chance(0.4));
      const [from, to] =
        intent.phase === "past"
          ? [today - 360 * DAY, today - 4 * DAY]
          : intent.phase === "current"
            ? [today - 2 * DAY, today]
            : [today + lead + DAY, today + 60 * DAY];
      let slot: { start: number; end: number } | null = null;
      if (needsSlot) {
        slot = planner.findSlot(rng, e, preset, from, to, hours, units);
        if (!slot) continue;
        if (intent.phase === "current" && slot.start > now - HOUR) continue;
        // An accredited service is booked only where calibration and accreditation run through
        // the slot, as the quote and accept checks require.
        if (
          svc.accredited &&
          !(e.calibrationDueAt >= slot.end && (f.accreditedUntil ?? 0) >= slot.end)
        )
          continue;
      } else {
        const start = from + rng.int(0, Math.round((to - from) / DAY)) * DAY + 9 * HOUR;
        slot = { start, end: start + hours * HOUR };
      }
      const b = timeline(
        rng,
        intent,
        needsSlot,
        now,
        slot,
        lead,
        e,
        units,
        hours,
        f,
        staff,
        requester,
      );
      b.row.firmId = firm.id;
      b.row.requesterId = requester;
      b.row.serviceId = svc.id;
      b.row.serviceType = svc.type as typeof bookingRequests.$inferInsert.serviceType;
      b.row.title = `${rng.pick(titles[svc.type] ?? titles.testing)}`;
      if (
        b.reservation &&
        blocksCapacityAt(
          {
            kind: b.reservation.kind,
            releasedAt: b.reservation.releasedAt ?? null,
            expiresAt: b.reservation.expiresAt ?? null,
          },
          now,
        )
      )
        planner.place(e, slot.start, slot.end, units);
      built.push({
        ...b,
        facility: f,
        report: intent.status === "completed" && reportingServiceTypes.includes(svc.type),
        rated: intent.status === "completed" && rng.chance(0.6),
      });
      break;
    }
  }

  built.sort((a, b) => a.row.createdAt! - b.row.createdAt!);
  const counters = new Map<number, number>();
  const reportDir = path.join(dataDir, "attachments");
  fs.mkdirSync(reportDir, { recursive: true });

  for (const b of built) {
    const year = shanghaiYear(b.row.createdAt!);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    b.row.ref = `PT-${year}-${String(n).padStart(6, "0")}`;
    if (b.row.confirmedAt && b.row.quoteVersion)
      b.row.agreementNumber = agreementNumber(b.row.ref, b.row.quoteVersion);
    const req = db
      .insert(bookingRequests)
      .values(b.row as typeof bookingRequests.$inferInsert)
      .returning({ id: bookingRequests.id })
      .get();
    if (b.quoteLine)
      db.insert(quoteLines)
        .values({ ...b.quoteLine, requestId: req.id })
        .run();
    if (b.reservation) {
      const held = db
        .insert(reservations)
        .values({ ...b.reservation, requestId: req.id })
        .returning()
        .get();
      seedUse(
        db,
        b.row,
        held,
        now,
        staff.operatorByFacility.get(held.facilityId) ?? staff.coordinatorId,
      );
    }
    db.insert(requestEvents)
      .values(
        b.events.map((ev) => ({
          requestId: req.id,
          actorId: ev.actor,
          fromStatus: ev.from,
          toStatus: ev.to,
          note: ev.note ?? null,
          noteCode: ev.noteCode ?? null,
          noteParams: ev.noteParams ?? null,
          createdAt: ev.at,
        })),
      )
      .run();
    const operator = b.facility
      ? staff.operatorByFacility.get(b.facility.id)!
      : staff.coordinatorId;
    const cover = vouchers.draw(b.row, req.id);
    let reportId: number | null = null;
    if (b.report) {
      const content = minimalPdf([
        `Illustrative test report for ${b.row.ref}`,
        `${b.row.title}`,
        "Demo data: not a real result.",
        `Issued ${new Date(b.row.completedAt!).toISOString().slice(0, 10)}`,
      ]);
      const sha256 = crypto.createHash("sha256").update(content).digest("hex");
      const rel = path.join("attachments", `${sha256}.pdf`);
      fs.writeFileSync(path.join(dataDir, rel), content);
      reportId = db
        .insert(attachments)
        .values({
          requestId: req.id,
          uploaderId: operator,
          kind: "report",
          fileName: "report.pdf",
          mimeType: "application/pdf",
          size: content.length,
          sha256,
          storagePath: rel,
          createdAt: b.row.completedAt! - 10 * MINUTE,
        })
        .returning({ id: attachments.id })
        .get().id;
    }
    if (b.rated) {
      const rating = rng.pick([5, 5, 5, 4, 4, 4, 3, 2]);
      db.insert(feedback)
        .values({
          requestId: req.id,
          firmId: b.row.firmId!,
          authorId: b.row.requesterId!,
          rating,
          comment: rating >= 4 ? "On time and clearly reported." : "Report came later than agreed.",
          createdAt: b.row.completedAt! + DAY,
        })
        .run();
    }
    const bill = seedBilling(db, b.row, req.id, operator, now, cover);
    vouchers.claim(req.id, cover, bill, reportId, now);
    if (b.facility && rng.chance(0.25)) {
      const at = b.row.createdAt! + 2 * HOUR;
      db.insert(messages)
        .values([
          {
            requestId: req.id,
            authorId: b.row.requesterId!,
            body: "Could you confirm the sample quantity you need?",
            createdAt: at,
          },
          {
            requestId: req.id,
            authorId: operator,
            body: "Three samples of at least 200 g each, please.",
            createdAt: at + 3 * HOUR,
          },
        ])
        .run();
    }
    // Notify the other party of the last recent transitions.
    const recent = b.events.filter((ev) => ev.at > now - 14 * DAY);
    for (const ev of recent) {
      const toFirm = ev.actor !== b.row.requesterId;
      db.insert(notifications)
        .values({
          userId: toFirm ? b.row.requesterId! : operator,
          requestId: req.id,
          kind: `request.${ev.to}`,
          title: `${b.row.ref}: ${ev.to.replace("_", " ")}`,
          body: b.row.title!,
          readAt: ev.at < now - 3 * DAY ? ev.at + HOUR : null,
          createdAt: ev.at,
        })
        .run();
    }
  }
  for (const [year, last] of counters) db.insert(requestCounters).values({ year, last }).run();
  seedInternalUse(
    db,
    rng,
    today,
    providers,
    presetOf,
    planner,
    (id) => staff.operatorByFacility.get(id) ?? staff.coordinatorId,
  );
  seedFaults(db, today, providers, (id) => staff.operatorByFacility.get(id) ?? staff.coordinatorId);
  seedHostFirm(db, staff.firms[0].id);
  db.run(sql.raw(classifyUsesSql("1 = 1")));
}

function hubRequest(rng: Rng, now: number, today: number, firmId: number, requester: number) {
  const createdAt = now - rng.int(2, 150) * HOUR;
  const needs: {
    title: string;
    type: "pilot_production" | "testing" | "scale_up" | "verification";
    params: RequiredParam[];
  }[] = [
    {
      title: "Need a 500 L jacketed reactor for a pilot batch",
      type: "pilot_production",
      params: [
        { key: "volume", unit: "L", min: 500 },
        { key: "temperature", unit: "°C", max: 180 },
      ],
    },
    {
      title: "Cycle-life testing of 50 pouch cells",
      type: "testing",
      params: [{ key: "channels", unit: "ch", min: 50 }],
    },
    {
      title: "Fermentation scale-up to 1,000 L",
      type: "scale_up",
      params: [{ key: "volume", unit: "L", min: 1000 }],
    },
    {
      title: "Vibration qualification of an avionics box",
      type: "verification",
      params: [{ key: "force", unit: "kN", min: 30 }],
    },
    {
      title: "Spray drying of a probiotic powder at 20 kg/h",
      type: "pilot_production",
      params: [{ key: "throughput", unit: "kg/h", min: 20 }],
    },
  ];
  const need = rng.pick(needs);
  const earliestStart = today + rng.int(7, 20) * DAY;
  return {
    row: {
      firmId,
      requesterId: requester,
      facilityId: null,
      serviceType: need.type,
      title: need.title,
      description: "Sent to the hub: we do not know which facility can do this.",
      sampleDetails: "Details on request",
      requiredParams: need.params,
      earliestStart,
      deadline: earliestStart + rng.int(20, 45) * DAY,
      hours: rng.pick([8, 24, 48, 72]),
      units: 1,
      status: "submitted" as const,
      createdAt,
      updatedAt: createdAt,
    } as typeof bookingRequests.$inferInsert,
    events: [
      {
        at: createdAt,
        from: null,
        to: "submitted" as const,
        actor: requester,
        noteCode: "sentToHub" as const,
      },
    ],
  };
}

function timeline(
  rng: Rng,
  intent: Intent,
  /** Whether the request got a planned slot (so a quote or booking may be made on it). */
  hasSlot: boolean,
  now: number,
  slot: { start: number; end: number },
  lead: number,
  e: SeededEquipment,
  units: number,
  hours: number,
  f: SeededFacility,
  staff: SeededStaff,
  requester: number,
) {
  const s = slot.start;
  const operator = staff.operatorByFacility.get(f.id)!;
  const viaHub = rng.chance(0.25);
  const createdAt =
    Math.min(s - lead - 2 * DAY, now - 2 * HOUR) - rng.int(0, 20) * DAY - rng.int(0, 23) * HOUR;
  const clampNow = (t: number) => Math.min(t, now - 30 * MINUTE);
  const events: Event[] = [
    {
      at: createdAt,
      from: null,
      to: "submitted",
      actor: requester,
      noteCode: viaHub ? "sentToHub" : undefined,
    },
  ];
  let t = createdAt;
  let routedAt: number | null = null;
  if (viaHub) {
    routedAt = clampNow(t + rng.int(2, 40) * HOUR);
    events.push({
      at: routedAt,
      from: "submitted",
      to: "submitted",
      actor: staff.coordinatorId,
      noteCode: "routed",
      noteParams: { name: f.nameEn, nameZh: f.nameZh },
    });
    t = routedAt;
  }
  const amount = e.hourlyRateFen * hours * units;
  const row: Partial<typeof bookingRequests.$inferInsert> = {
    facilityId: f.id,
    equipmentId: e.id,
    description: "Illustrative demo request.",
    sampleDetails: rng.pick([
      "3 samples, 200 g each",
      "Raw material, 50 kg",
      "Cells: 20 pcs",
      "Prototype unit, 1 pc",
      "Powder, 5 kg",
    ]),
    hazardClass: rng.chance(0.15)
      ? rng.pick(["Class 3 flammable liquid", "Class 8 corrosive", "Class 9 lithium batteries"])
      : null,
    standard: null,
    quantity: rng.pick(["1 batch", "3 samples", "20 pcs", "50 kg"]),
    requiredParams: e.params
      .slice(0, 1)
      .filter(([, , max]) => max !== null)
      .map(([key, min, max]) => ({
        key,
        unit: parameterKeys[key as ParameterKey].unit,
        min: min ?? undefined,
        max: max ?? undefined,
      })),
    earliestStart: Math.max(createdAt + lead, s - rng.int(0, 7) * DAY),
    deadline: slot.end + rng.int(3, 30) * DAY,
    hours,
    units,
    routedAt,
    createdAt,
  };
  let reservation: typeof reservations.$inferInsert | undefined;
  const status = intent.status;
  const quoteWindowEnd = Math.min(s - lead, now - HOUR);
  const auto =
    e.autoApprove && ["completed", "confirmed", "in_progress"].includes(status) && rng.chance(0.5);
  const quoted = !auto && hasSlot;

  if (status === "rejected") {
    const at = clampNow(t + rng.int(3, 72) * HOUR);
    const reasonCode = rng.pick(rejectReasons);
    events.push({
      at,
      from: "submitted",
      to: "rejected",
      actor: operator,
      noteCode: "rejectedFor",
      noteParams: { reason: reasonCode, withDetail: "no", detail: "" },
    });
    Object.assign(row, { reasonCode, closedAt: at });
  } else if (quoted || auto) {
    let quotedAt: number;
    let validUntil: number;
    if (auto) {
      // Auto-approved at submission (or on routing, for a request that went through the hub).
      quotedAt = t;
      validUntil = t;
    } else {
      quotedAt = Math.max(
        t,
        Math.min(
          now - 30 * MINUTE,
          Math.max(
            t + HOUR,
            Math.min(quoteWindowEnd, t + Math.round(rng.next() * 0.4 * (quoteWindowEnd - t))),
          ),
        ),
      );
      validUntil =
        status === "quoted" ? Math.min(s - HOUR, now + rng.int(1, 6) * DAY) : quotedAt + 7 * DAY;
      if (status === "expired") validUntil = Math.min(validUntil, now - HOUR);
      events.push({
        at: quotedAt,
        from: "submitted",
        to: "quoted",
        actor: operator,
      });
    }
    Object.assign(row, {
      // One machine-time line at the equipment's hourly rate, VAT 6 % (exact on whole yuan × 100).
      quoteAmountFen: amount + (amount * DEMO_VAT_BP) / 10_000,
      quoteVatFen: (amount * DEMO_VAT_BP) / 10_000,
      quoteVatRateBp: DEMO_VAT_BP,
      quoteVersion: 1,
      quoteValidUntil: validUntil,
      quoteEquipmentId: e.id,
      quoteStart: s,
      quoteEnd: slot.end,
      quoteUnits: units,
      quotedAt: auto ? null : quotedAt,
    });
    reservation = {
      facilityId: f.id,
      equipmentId: e.id,
      kind: "hold",
      start: s,
      end: slot.end,
      units,
      expiresAt: validUntil,
      createdAt: quotedAt,
    };
    if (status === "expired") {
      events.push({
        at: validUntil,
        from: "quoted",
        to: "expired",
        actor: null,
        noteCode: "quoteExpired",
      });
      Object.assign(reservation, { releasedAt: validUntil });
      row.closedAt = validUntil;
    } else if (status === "withdrawn") {
      const at = clampNow(quotedAt + rng.int(1, 48) * HOUR);
      events.push({ at, from: "quoted", to: "withdrawn", actor: requester });
      Object.assign(reservation, { releasedAt: at });
      row.closedAt = at;
    } else if (status !== "quoted") {
      const confirmedAt = auto
        ? t
        : Math.min(
            validUntil - HOUR,
            clampNow(quotedAt + Math.round(rng.next() * 0.5 * (Math.min(s, now) - quotedAt))),
          );
      events.push({
        at: confirmedAt,
        from: auto ? "submitted" : "quoted",
        to: "confirmed",
        actor: auto ? null : requester,
        noteCode: auto ? "autoApproved" : undefined,
      });
      Object.assign(reservation, {
        kind: "booking",
        expiresAt: null,
        createdAt: auto ? t : reservation.createdAt,
      });
      row.confirmedAt = confirmedAt;
      if (status === "cancelled") {
        const at = clampNow(
          confirmedAt + Math.round(rng.next() * (Math.min(s, now) - confirmedAt)),
        );
        const byFirm = rng.chance(0.5);
        events.push({
          at,
          from: "confirmed",
          to: "cancelled",
          actor: byFirm ? requester : operator,
          note: rng.pick(cancelReasons),
        });
        Object.assign(reservation, { releasedAt: at });
        Object.assign(row, { reason: events[events.length - 1].note, closedAt: at });
      } else if (status === "in_progress" || status === "completed") {
        const startedAt = s + rng.int(0, 20) * MINUTE;
        events.push({ at: startedAt, from: "confirmed", to: "in_progress", actor: operator });
        row.startedAt = startedAt;
        if (status === "completed") {
          const done = clampNow(slot.end + rng.int(0, 120) * MINUTE);
          events.push({
            at: done,
            from: "in_progress",
            to: "completed",
            actor: operator,
          });
          Object.assign(row, { completedAt: done, closedAt: done });
        }
      }
    }
  } else if (status === "withdrawn") {
    const at = clampNow(t + rng.int(2, 48) * HOUR);
    events.push({ at, from: "submitted", to: "withdrawn", actor: requester });
    row.closedAt = at;
  }
  if (status === "submitted" && rng.chance(0.5)) row.preferredStart = s;
  row.status = status;
  row.updatedAt = events[events.length - 1].at;
  row.version = events.length;
  const quoteLine = row.quoteVersion
    ? {
        version: 1,
        position: 0,
        kind: "machine_time" as const,
        description: `${hours} h × ${units}`,
        quantityMilli: hours * units * 1000,
        unit: "h",
        unitPriceFen: e.hourlyRateFen,
        netFen: amount,
        vatFen: row.quoteVatFen!,
        voucherEligible: true,
        createdAt: row.quotedAt ?? row.createdAt!,
      }
    : null;
  return { row: row as typeof bookingRequests.$inferInsert, events, reservation, quoteLine };
}

/**
 * The billing of a completed request, by its id rather than by chance (so that the other demo
 * data stays as it was): eight in ten invoiced a few days after completion, six in ten paid in
 * full (the firm's share: the voucher pays its cover), one in ten paid in part, the rest not yet
 * invoiced. Returns the invoice and payment of a request paid in full.
 */
function seedBilling(
  db: DB,
  row: typeof bookingRequests.$inferInsert,
  requestId: number,
  operator: number,
  now: number,
  coverFen: number,
): { invoiceId: number; paidFen: number; paidAt: number } | null {
  const total = row.quoteAmountFen;
  if (row.status !== "completed" || !total || !row.facilityId) return null;
  const k = requestId % 10;
  const issuedAt = row.completedAt! + (1 + (requestId % 5)) * DAY;
  if (k >= 8 || issuedAt >= now) return null;
  const yy = new Date(issuedAt).getUTCFullYear() % 100;
  const invoice = db
    .insert(invoices)
    .values({
      requestId,
      number: `${yy}${String(row.facilityId).padStart(4, "0")}${String(requestId).padStart(8, "0")}`,
      issuedAt,
      amountFen: total,
      createdBy: operator,
      createdAt: issuedAt,
    })
    .returning({ id: invoices.id })
    .get();
  const paidAt = issuedAt + (3 + (requestId % 10)) * DAY;
  if (k >= 7 || paidAt >= now) return null;
  const share = total - coverFen;
  const paidFen = k < 6 ? share : Math.round(share / 2);
  db.insert(payments)
    .values({
      requestId,
      invoiceId: invoice.id,
      paidAt,
      amountFen: paidFen,
      bankReference: `DEMO${String(requestId).padStart(10, "0")}`,
      createdBy: operator,
      createdAt: paidAt,
    })
    .run();
  return k < 6 ? { invoiceId: invoice.id, paidFen, paidAt } : null;
}

/**
 * The recorded use of a booking whose work began: checked in up to 15 minutes after the slot's
 * start and out up to 20 minutes before its end (inside the slot, so no two uses ever exceed the
 * equipment's units); still checked in when the slot runs on. Derived from the request id, not
 * drawn, so the other demo data stays as it was.
 */
function seedUse(
  db: DB,
  row: typeof bookingRequests.$inferInsert,
  held: typeof reservations.$inferSelect,
  now: number,
  recordedBy: number,
) {
  if (held.kind !== "booking" || !["in_progress", "completed"].includes(row.status!)) return;
  if (held.start >= now) return;
  const start = held.start + (held.id % 4) * 5 * MINUTE;
  const end = Math.max(start + 30 * MINUTE, held.end - (held.id % 5) * 5 * MINUTE);
  db.insert(equipmentUse)
    .values({
      facilityId: held.facilityId,
      equipmentId: held.equipmentId!,
      requestId: held.requestId,
      reservationId: held.id,
      start,
      end: row.status === "completed" || end <= now ? Math.min(end, held.end) : null,
      units: held.units,
      recordedBy,
      createdAt: start,
    })
    .run();
}
