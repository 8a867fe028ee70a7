// The drill-down's last step: one equipment, its utilisation for the period, and the requests that
// held or booked time on it in the period or asked for it in the period.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DB } from "@/db/client";
import { parseInput } from "../parse-input";
import { notFound } from "../errors";
import { timeInput } from "../time-input";
import { checkPeriod } from "./input";
import { equipmentUtilisation } from "../scheduling/utilisation";
import { idInput } from "@/server/services/id-input";

export const EQUIPMENT_REQUESTS_LIMIT = 500;

export const equipmentRequestsInput = z
  .object({ equipmentId: idInput(), from: timeInput, to: timeInput })
  .superRefine(checkPeriod);

export function equipmentRequests(db: DB, raw: z.input<typeof equipmentRequestsInput>) {
  const { equipmentId, from, to } = parseInput(equipmentRequestsInput, raw);
  const eq = db.get<{
    id: number;
    name: string;
    name_zh: string;
    units: number;
    facility_id: number;
    slug: string;
    name_en: string;
    f_name_zh: string;
    prefecture: string;
  }>(sql`
    SELECT e.id, e.name, e.name_zh, e.units, f.id AS facility_id, f.slug, f.name_en, f.name_zh AS f_name_zh, f.prefecture
    FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE e.id = ${equipmentId}`);
  if (!eq) throw notFound("equipment");
  const utilisation =
    equipmentUtilisation(db, eq.facility_id, from, to).find((u) => u.equipmentId === equipmentId) ??
    null;
  const matching = sql`r.id IN (
      SELECT x.request_id FROM reservations x WHERE x.equipment_id = ${equipmentId} AND x.request_id IS NOT NULL AND x.start < ${to} AND x."end" > ${from}
      UNION SELECT q.id FROM booking_requests q WHERE (q.equipment_id = ${equipmentId} OR q.quote_equipment_id = ${equipmentId}) AND q.created_at >= ${from} AND q.created_at < ${to})`;
  const requests = db.all<{
    id: number;
    ref: string;
    title: string;
    firm: string;
    status: string;
    service_type: string;
    created_at: number;
    slot_start: number | null;
    slot_end: number | null;
    units: number;
    amount_fen: number | null;
  }>(sql`
    SELECT r.id, r.ref, r.title, fm.name AS firm, r.status, r.service_type, r.created_at, r.quote_start AS slot_start, r.quote_end AS slot_end,
      COALESCE(r.quote_units, r.units) AS units, r.quote_amount_fen AS amount_fen
    FROM booking_requests r JOIN firms fm ON fm.id = r.firm_id
    WHERE ${matching} ORDER BY COALESCE(r.quote_start, r.created_at) DESC, r.id DESC LIMIT ${EQUIPMENT_REQUESTS_LIMIT + 1}`);
  return {
    equipment: {
      id: eq.id,
      name: eq.name,
      nameZh: eq.name_zh,
      units: eq.units,
      facilityId: eq.facility_id,
      facilitySlug: eq.slug,
      facilityNameEn: eq.name_en,
      facilityNameZh: eq.f_name_zh,
      prefecture: eq.prefecture,
    },
    utilisation,
    truncated: requests.length > EQUIPMENT_REQUESTS_LIMIT,
    requests: requests.slice(0, EQUIPMENT_REQUESTS_LIMIT).map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      firm: r.firm,
      status: r.status,
      serviceType: r.service_type,
      createdAt: r.created_at,
      slotStart: r.slot_start,
      slotEnd: r.slot_end,
      units: r.units,
      amountFen: r.amount_fen,
    })),
  };
}
