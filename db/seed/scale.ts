// The benchmark dataset: 1 hub + 200 facilities, 5,000 equipment, 1,000,000 reservations over
// 5 years, 200,000 requests and 2,000 firms. Written with raw prepared statements for speed.
// Each equipment's reservations are laid end to end with setup gaps, so the invariant holds.
// Another size keeps the same equipment and the same density of reservations in time and changes
// how many years of history there are (4,000,000 reservations are 20 years), the way a network's
// data grows; every dataset ends 60 days from now.
import type { DB } from "../client";
import { createRng } from "./random";
import { equipmentCatalog } from "./equipment-catalog";
import { serviceCatalog } from "./service-catalog";
import { openingHoursPresets } from "./opening-hours";
import { parameterKeys } from "../reference/parameters";
import { prefectures } from "../reference/prefectures";
import { industries } from "../reference/industries";
import { firmSizes, technologyFields } from "../schema/enums";
import { makeCreditCode } from "./credit-codes";
import { DAY, HOUR, MINUTE, shanghaiMidnight, shanghaiYear } from "./time";
import { classifyUsesSql } from "../use-kind";

export const SCALE = {
  facilities: 200,
  equipmentPerFacility: 25,
  reservationsPerEquipment: 200,
  requestsPerEquipment: 40,
  firms: 2000,
  equipment: 5000,
};

export const DEFAULT_SCALE_SIZE = SCALE.reservationsPerEquipment * SCALE.equipment;

/** A dataset size as written on the command line: 250000, 250k, 1m or 4M; undefined if not one. */
export function parseScaleSize(text: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text?.trim() ?? "");
  if (!m) return undefined;
  const n = Number(m[1]) * { "": 1, k: 1_000, m: 1_000_000 }[m[2].toLowerCase() as "" | "k" | "m"];
  return n >= SCALE.equipment ? Math.round(n) : undefined;
}

/** The dataset's file in the data directory: scale.db at the default size, else scale-4m.db. */
export function scaleFileName(size: number): string {
  if (size === DEFAULT_SCALE_SIZE) return "scale.db";
  const label =
    size % 1_000_000 === 0
      ? `${size / 1_000_000}m`
      : size % 1_000 === 0
        ? `${size / 1_000}k`
        : String(size);
  return `scale-${label}.db`;
}

export type ScaleOptions = {
  passwordHash: string;
  /** How many reservations to write (rounded to a whole number per equipment); 1,000,000. */
  reservations?: number;
  now?: number;
  onProgress?: (step: string, done: number, total: number) => void;
};

export function seedScale(
  db: DB,
  options: ScaleOptions,
): { reservations: number; requests: number } {
  const sqlite = db.$client;
  const rng = createRng(5000);
  const now = options.now ?? Date.now();
  const today = shanghaiMidnight(now);
  const progress = options.onProgress ?? (() => {});
  const hours = JSON.stringify(openingHoursPresets.continuous);
  const templates = Object.entries(equipmentCatalog).flatMap(([field, list]) =>
    list.map((t) => ({ field, t })),
  );

  const insertFacility = sqlite.prepare(
    `INSERT INTO facilities (slug, name_en, name_zh, kind, prefecture, address, fields, description_en, description_zh, status, opening_hours, time_zone, from_published_list, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 'active', ?, 'Asia/Shanghai', 0, 1, ?, ?)`,
  );
  const insertEquipment = sqlite.prepare(
    `INSERT INTO equipment (facility_id, name, name_zh, category, manufacturer, model, description, units, hourly_rate_fen, setup_minutes, min_hours, max_hours, lead_days, status, calibration_due_at, auto_approve, original_value_fen, sharing, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, 1, 72, 1, ?, ?, ?, ?, 'external', 1, ?, ?)`,
  );
  const insertParam = sqlite.prepare(
    `INSERT INTO equipment_params (equipment_id, key, unit, min, max) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertService = sqlite.prepare(
    `INSERT INTO services (facility_id, type, name, name_zh, description, standards, accredited, typical_hours, price_basis, price_fen, status, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, NULL, 'active', 1, ?, ?)`,
  );
  const insertServiceEquipment = sqlite.prepare(
    `INSERT OR IGNORE INTO service_equipment (service_id, equipment_id) VALUES (?, ?)`,
  );
  const insertFirm = sqlite.prepare(
    `INSERT INTO firms (name, credit_code, size, industry, prefecture, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertUser = sqlite.prepare(
    `INSERT INTO users (email, name, password_hash, role, firm_id, facility_id, locale, disabled, must_change_password, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'en', 0, 0, ?, ?)`,
  );
  const insertRequest = sqlite.prepare(
    `INSERT INTO booking_requests (ref, firm_id, requester_id, facility_id, service_id, service_type, equipment_id, title, description, sample_details, required_params, earliest_start, deadline, hours, units, status,
       quote_amount_fen, quote_valid_until, quote_equipment_id, quote_start, quote_end, quote_units, reason, version, quoted_at, confirmed_at, started_at, completed_at, closed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '[]', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReservation = sqlite.prepare(
    `INSERT INTO reservations (facility_id, equipment_id, request_id, kind, start, "end", units, expires_at, released_at, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  // Recorded use: in-house use of the internal bookings, check-in/out of the firms' work (a few
  // left unrecorded: no-shows), and now and then a fault. Derived from indices, not drawn, so the
  // rest of the dataset stays as it was.
  const insertUse = sqlite.prepare(
    `INSERT INTO equipment_use (facility_id, equipment_id, request_id, reservation_id, start, "end", units, purpose, person, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const insertFault = sqlite.prepare(
    `INSERT INTO equipment_faults (facility_id, equipment_id, description, reported_at, reported_by, status_before, closed_at, closed_by, repair_note, created_at, updated_at) VALUES (?, ?, 'Pump failure', ?, ?, 'operational', ?, ?, 'Pump replaced', ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO request_events (request_id, actor_id, from_status, to_status, note, created_at) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const insertCounter = sqlite.prepare(`INSERT INTO request_counters (year, last) VALUES (?, ?)`);

  // Firms and their users.
  const firmUsers: { firmId: number; userId: number }[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < SCALE.firms; i++) {
      const pref = prefectures[i % prefectures.length];
      const code = makeCreditCode(
        `51${String(1 + (i % 20)).padStart(2, "0")}00`,
        String(30_000_000 + i * 13).slice(0, 8),
      );
      const firmId = Number(
        insertFirm.run(
          `Benchmark Firm ${i + 1} (synthetic)`,
          code,
          firmSizes[i % 4],
          industries[i % industries.length],
          pref.code,
          now,
        ).lastInsertRowid,
      );
      const email = i === 0 ? "firm@pilot.demo" : `firm${i + 1}@scale.demo`;
      const userId = Number(
        insertUser.run(
          email,
          `Firm user ${i + 1}`,
          options.passwordHash,
          "firm",
          firmId,
          null,
          now,
          now,
        ).lastInsertRowid,
      );
      firmUsers.push({ firmId, userId });
    }
  })();
  progress("firms", SCALE.firms, SCALE.firms);

  const counters = new Map<number, number>();
  const nextRef = (createdAt: number) => {
    const year = shanghaiYear(createdAt);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    return `PT-${year}-${String(n).padStart(6, "0")}`;
  };

  const perEquipment = Math.max(
    1,
    Math.round((options.reservations ?? DEFAULT_SCALE_SIZE) / SCALE.equipment),
  );
  const span = ((5 * 365 * DAY) / SCALE.reservationsPerEquipment) * perEquipment;
  const firstDay = today - span + 60 * DAY;
  const slotSpacing = span / perEquipment;
  let reservationCount = 0;
  let requestCount = 0;
  const totalFacilities = SCALE.facilities + 1; // the hub books nothing of its own here

  for (let f = 0; f < totalFacilities; f++) {
    sqlite.transaction(() => {
      const isHub = f === 0;
      const pref = prefectures[f % prefectures.length];
      const fields = [
        technologyFields[f % technologyFields.length],
        technologyFields[(f * 7 + 3) % technologyFields.length],
      ];
      const slug = isHub ? "sichuan-pilot-hub" : `bench-facility-${f}`;
      const facilityId = Number(
        insertFacility.run(
          slug,
          isHub ? "Sichuan Pilot-Scale R&D Co., Ltd." : `Benchmark Facility ${f} (synthetic)`,
          isHub ? "四川省中试研发有限公司" : `基准测试平台${f}`,
          isHub ? "hub" : "facility",
          pref.code,
          JSON.stringify(fields),
          "Synthetic benchmark facility.",
          "基准测试用合成平台。",
          hours,
          now,
          now,
        ).lastInsertRowid,
      );
      const operatorEmail = isHub
        ? "coordinator@pilot.demo"
        : f === 1
          ? "operator@pilot.demo"
          : `ops${f}@scale.demo`;
      const operatorId = Number(
        insertUser.run(
          operatorEmail,
          `Operator ${f}`,
          options.passwordHash,
          isHub ? "coordinator" : "operator",
          null,
          facilityId,
          now,
          now,
        ).lastInsertRowid,
      );

      const equipmentRows: { id: number; category: string; rate: number; setup: number }[] = [];
      // Facility 1 is twice the usual size (the schedule-board benchmark's facility); the last one
      // has none, so the total stays 5,000.
      const equipmentHere =
        isHub || f === SCALE.facilities
          ? 0
          : f === 1
            ? 2 * SCALE.equipmentPerFacility
            : SCALE.equipmentPerFacility;
      for (let e = 0; e < equipmentHere; e++) {
        const { t } = templates[(f * 31 + e * 7) % templates.length];
        const variant = t.params[e % t.params.length];
        const setup = t.setup[e % t.setup.length];
        const rate = t.rateYuan[0] * 100;
        const units = t.units[e % t.units.length];
        const id = Number(
          insertEquipment.run(
            facilityId,
            `${t.en} #${e + 1}`,
            t.zh,
            t.category,
            t.makers[0][0],
            t.makers[0][1],
            units,
            rate,
            setup,
            "operational",
            today + rng.int(-30, 300) * DAY,
            e % 5 === 0 ? 1 : 0,
            t.valueWan[0] * 1_000_000,
            now,
            now,
          ).lastInsertRowid,
        );
        for (const [key, min, max] of variant)
          insertParam.run(id, key, parameterKeys[key].unit, min, max);
        equipmentRows.push({ id, category: t.category, rate, setup });
      }
      const services = serviceCatalog
        .filter((s) => s.categories.some((c) => equipmentRows.some((e) => e.category === c)))
        .slice(0, 3);
      const serviceRows = services.map((s) => {
        const id = Number(
          insertService.run(
            facilityId,
            s.type,
            s.en,
            s.zh,
            JSON.stringify(s.standards),
            s.accredited ? 1 : 0,
            s.hours,
            s.basis,
            now,
            now,
          ).lastInsertRowid,
        );
        for (const e of equipmentRows)
          if (s.categories.includes(e.category)) insertServiceEquipment.run(id, e.id);
        return { id, type: s.type, categories: s.categories };
      });

      for (const e of equipmentRows) {
        const svc = serviceRows.find((s) => s.categories.includes(e.category)) ?? serviceRows[0];
        const setupMs = e.setup * MINUTE;
        for (let k = 0; k < perEquipment; k++) {
          const slotStart = firstDay + Math.floor(k * slotSpacing);
          const duration = rng.int(2, 48) * HOUR;
          const start = slotStart + setupMs + rng.int(0, 24) * HOUR;
          const end = Math.min(start + duration, slotStart + Math.floor(slotSpacing) - setupMs);
          const isRequest = svc !== undefined && k % 5 === 0;
          if (!isRequest) {
            const maintenance = k % 10 === 3;
            const held = insertReservation.run(
              facilityId,
              e.id,
              null,
              maintenance ? "maintenance" : "booking",
              start - (maintenance ? setupMs : 0),
              end + (maintenance ? setupMs : 0),
              null,
              null,
              maintenance ? "Preventive maintenance" : "Internal R&D use",
              start - 7 * DAY,
            );
            if (!maintenance && start < now)
              insertUse.run(
                facilityId,
                e.id,
                null,
                held.lastInsertRowid,
                start,
                end <= now ? end : null,
                "research",
                "Lab staff",
                operatorId,
                start,
                start,
              );
            // About one fault per equipment in a year and a half, repaired within hours, at a
            // different point of the span for each equipment (so that every period has faults).
            if (!maintenance && (k + e.id) % 50 === 7 && slotStart + 12 * HOUR < now)
              insertFault.run(
                facilityId,
                e.id,
                slotStart,
                operatorId,
                slotStart + (2 + (k % 7)) * HOUR,
                operatorId,
                slotStart,
                slotStart,
              );
            reservationCount++;
            continue;
          }
          const firm = firmUsers[rng.int(0, firmUsers.length - 1)];
          const createdAt = Math.min(start - rng.int(3, 30) * DAY, now - HOUR);
          const quotedAt = createdAt + rng.int(2, 48) * HOUR;
          const hoursNeeded = Math.max(1, Math.round((end - start) / HOUR));
          const amount = e.rate * hoursNeeded;
          let status: string;
          let kind = "booking";
          let expiresAt: number | null = null;
          let releasedAt: number | null = null;
          const future = start > now;
          if (future) {
            status = rng.chance(0.3) ? "quoted" : "confirmed";
            if (status === "quoted") {
              kind = "hold";
              expiresAt = Math.max(now + DAY, Math.min(start - HOUR, quotedAt + 7 * DAY));
            }
          } else if (end > now) status = "in_progress";
          else status = rng.chance(0.1) ? "cancelled" : "completed";
          const confirmedAt =
            status === "quoted" ? null : Math.min(quotedAt + rng.int(1, 48) * HOUR, start - HOUR);
          if (status === "cancelled") releasedAt = (confirmedAt ?? quotedAt) + HOUR;
          const validUntil = expiresAt ?? quotedAt + 7 * DAY;
          const startedAt = status === "in_progress" || status === "completed" ? start : null;
          const completedAt = status === "completed" ? end : null;
          const closedAt = completedAt ?? releasedAt;
          const updatedAt = closedAt ?? startedAt ?? confirmedAt ?? quotedAt;
          const requestId = Number(
            insertRequest.run(
              nextRef(createdAt),
              firm.firmId,
              firm.userId,
              facilityId,
              svc.id,
              svc.type,
              e.id,
              `Benchmark request ${requestCount + 1}`,
              start - DAY,
              end + 14 * DAY,
              hoursNeeded,
              status,
              amount,
              validUntil,
              e.id,
              start,
              end,
              status === "cancelled" ? "Customer postponed the project" : null,
              quotedAt,
              confirmedAt,
              startedAt,
              completedAt,
              closedAt,
              createdAt,
              updatedAt,
            ).lastInsertRowid,
          );
          const held = insertReservation.run(
            facilityId,
            e.id,
            requestId,
            kind,
            start,
            end,
            expiresAt,
            releasedAt,
            null,
            quotedAt,
          );
          if (startedAt !== null && requestCount % 37 !== 0) {
            const checkIn = start + (k % 4) * 5 * MINUTE;
            const checkOut = Math.max(checkIn + 30 * MINUTE, end - (k % 5) * 5 * MINUTE);
            insertUse.run(
              facilityId,
              e.id,
              requestId,
              held.lastInsertRowid,
              checkIn,
              status === "completed" ? checkOut : null,
              null,
              null,
              operatorId,
              checkIn,
              checkIn,
            );
          }
          insertEvent.run(requestId, firm.userId, null, "submitted", createdAt);
          insertEvent.run(requestId, operatorId, "submitted", "quoted", quotedAt);
          if (confirmedAt)
            insertEvent.run(requestId, firm.userId, "quoted", "confirmed", confirmedAt);
          if (status === "cancelled")
            insertEvent.run(requestId, firm.userId, "confirmed", "cancelled", releasedAt);
          if (startedAt)
            insertEvent.run(requestId, operatorId, "confirmed", "in_progress", startedAt);
          if (completedAt)
            insertEvent.run(requestId, operatorId, "in_progress", "completed", completedAt);
          reservationCount++;
          requestCount++;
        }
      }
    })();
    progress("facilities", f + 1, totalFacilities);
  }
  sqlite.transaction(() => {
    for (const [year, last] of counters) insertCounter.run(year, last);
    sqlite.exec(classifyUsesSql("1 = 1"));
    insertUser.run(
      "admin@pilot.demo",
      "Science Department",
      options.passwordHash,
      "admin",
      null,
      null,
      now,
      now,
    );
  })();
  return { reservations: reservationCount, requests: requestCount };
}
