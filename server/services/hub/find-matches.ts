// The hub's matching: which facility + equipment + service can do a request, and when. Hard
// constraints: an active facility offering the service type; operational shared equipment whose
// envelope covers every required parameter; calibration (and, when asked, CMA/CNAS
// accreditation) valid through the slot; a feasible slot in the window from the one availability
// module. Ranked by earliest start, then the preferred prefecture, price, the facility's
// completion rate and rating. Candidates failing exactly one requirement are near misses (the
// closest and cheapest few of them: enough to show `limit`).
import { localDateKey, localTimeText } from "@/server/services/scheduling/local-time";
import { sql } from "drizzle-orm";
import { blocksCapacitySql } from "@/db/blocking";
import type { DbOrTx } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";
import { now as clockNow } from "../clock";
import { parseInput } from "../parse-input";
import { statement } from "../sql-statements";
import {
  computeFreeIntervals,
  firstSlot,
  nextMinute,
  type Busy,
  type FreeInterval,
} from "../scheduling/free-intervals";
import type { Interval } from "../scheduling/intervals";
import { matchInput, type MatchInput } from "./inputs";
import { paramCheck, type Check } from "./match-requirements";
import { closedCounts, completionRate, type ClosedCounts } from "../stats/completion-rate";

export type Candidate = {
  facility: {
    id: number;
    slug: string;
    nameEn: string;
    nameZh: string;
    prefecture: string;
    timeZone: string;
  };
  equipment: { id: number; name: string; nameZh: string; units: number };
  service: { id: number; name: string; nameZh: string };
  slot: { start: number; end: number } | null;
  priceFen: number;
  completionRate: number | null;
  rating: number | null;
  checks: Check[];
  /** Why it stands where it does, as a code the page words in the reader's language. */
  rankReason: RankReason;
};

export type RankReason =
  | {
      code: "earliest" | "laterStart" | "outsidePrefecture" | "higherPrice" | "lowerRecord";
    }
  /** A near miss, and the requirement it misses. */
  | { code: "misses"; requirement: string };

/** A candidate equipment, lean: the facility's facts come from its own row, names at the end. */
type Row = {
  id: number;
  units: number;
  setup_minutes: number;
  lead_days: number;
  hourly_rate_fen: number;
  calibration_due_at: number | null;
  category: string;
  facility_id: number;
  service_id: number;
  f: FacilityFacts;
};
type FacilityFacts = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  prefecture: string;
  fields: string[];
  openingHours: OpeningHours;
  timeZone: string;
};

const DAY = 86_400_000;

type FacilityRecord = ClosedCounts & { facility_id: number; rating: number | null };
// Completion rates and ratings move slowly; they are recomputed at most once a minute per database.
const recordCache = new WeakMap<object, { at: number; rows: FacilityRecord[] }>();
function facilityRecords(db: DbOrTx, at: number): FacilityRecord[] {
  const cached = recordCache.get(db);
  if (cached && at - cached.at < 60_000 && at >= cached.at) return cached.rows;
  const ratings = new Map(
    db
      .all<{ facility_id: number; rating: number }>(
        sql`SELECT r.facility_id, AVG(fb.rating) AS rating FROM feedback fb
            JOIN booking_requests r ON r.id = fb.request_id GROUP BY r.facility_id`,
      )
      .map((x) => [x.facility_id, x.rating]),
  );
  const rows = db
    .all<ClosedCounts & { grp: number }>(
      closedCounts(sql`r.facility_id IS NOT NULL`, sql`r.facility_id`),
    )
    .map(({ grp, ...x }) => ({ ...x, facility_id: grp, rating: ratings.get(grp) ?? null }));
  recordCache.set(db, { at, rows });
  return rows;
}

type Input = ReturnType<typeof parseMatchInput>;
type Window = { from: number; to: number; at: number };
type Staged = { r: Row; checks: Check[]; accreditedUntil: number | null };
type Ranked = Candidate & { unmet: number; sortStart: number };

const parseMatchInput = (raw: MatchInput) => parseInput(matchInput, raw);

function group<T, K>(items: T[], key: (t: T) => K) {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/**
 * Every operational shared equipment of an active facility that offers the service type, with
 * enough units; the facility's first active service of that type (preferring one linked to it).
 * Thousands of rows: only the figures matching needs are read for each (as arrays, prepared once
 * per connection); each facility's facts are read once.
 */
const CANDIDATES_SQL = `
  SELECT e.id, e.units, e.setup_minutes, e.lead_days, e.hourly_rate_fen, e.calibration_due_at,
    e.category, e.facility_id
  FROM equipment e
  JOIN facilities f ON f.id = e.facility_id AND f.status = 'active' AND f.kind = 'facility'
  WHERE e.facility_id IN (SELECT facility_id FROM services WHERE type = ? AND status = 'active')
    AND e.status = 'operational' AND e.sharing = 'external' AND e.units >= ?
    AND (? IS NULL OR e.category = ?) AND ? BETWEEN e.min_hours AND e.max_hours`;
/** The active services of a type, each with the equipment linked to it, by id. */
const SERVICES_SQL = `SELECT s.id, s.facility_id, se.equipment_id FROM services s
  LEFT JOIN service_equipment se ON se.service_id = s.id
  WHERE s.type = ? AND s.status = 'active' ORDER BY s.id`;
const FACILITIES_SQL = `SELECT id, slug, name_en, name_zh, prefecture, fields, opening_hours,
  time_zone FROM facilities WHERE status = 'active' AND kind = 'facility'`;

function candidateRows(db: DbOrTx, input: Input): Row[] {
  const facts = new Map<number, FacilityFacts>();
  for (const [id, slug, nameEn, nameZh, prefecture, fields, hours, timeZone] of statement(
    db,
    FACILITIES_SQL,
  )
    .raw(true)
    .all() as [number, string, string, string, string, string, string, string][])
    facts.set(id, {
      id,
      slug,
      nameEn,
      nameZh,
      prefecture,
      fields: JSON.parse(fields) as string[],
      openingHours: JSON.parse(hours) as OpeningHours,
      timeZone,
    });
  // Each facility's first service of the type, and each equipment's first linked one.
  const firstOfFacility = new Map<number, number>();
  const firstOfEquipment = new Map<number, { serviceId: number; facilityId: number }>();
  for (const [serviceId, facilityId, equipmentId] of statement(db, SERVICES_SQL)
    .raw(true)
    .all(input.serviceType) as [number, number, number | null][]) {
    if (!firstOfFacility.has(facilityId)) firstOfFacility.set(facilityId, serviceId);
    if (equipmentId !== null && !firstOfEquipment.has(equipmentId))
      firstOfEquipment.set(equipmentId, { serviceId, facilityId });
  }
  const category = input.category ?? null;
  const rows: Row[] = [];
  for (const [id, units, setup, lead, rate, calibration, cat, facilityId] of statement(
    db,
    CANDIDATES_SQL,
  )
    .raw(true)
    .all(input.serviceType, input.units, category, category, input.hours) as [
    number,
    number,
    number,
    number,
    number,
    number | null,
    string,
    number,
  ][]) {
    // A service linked to this equipment (of its facility) first, else the facility's first.
    const linked = firstOfEquipment.get(id);
    const serviceId =
      linked?.facilityId === facilityId ? linked.serviceId : firstOfFacility.get(facilityId);
    if (serviceId !== undefined)
      rows.push({
        id,
        units,
        setup_minutes: setup,
        lead_days: lead,
        hourly_rate_fen: rate,
        calibration_due_at: calibration,
        category: cat,
        facility_id: facilityId,
        service_id: serviceId,
        f: facts.get(facilityId)!,
      });
  }
  return rows;
}

/** What is shown of a few of the thousands considered: the names of the equipment and services,
 * and a met slot requirement's start in the facility's time. */
function shown(db: DbOrTx, list: Candidate[]): Candidate[] {
  if (!list.length) return list;
  const names = (table: "equipment" | "services", ids: number[]) =>
    new Map(
      (
        statement(
          db,
          `SELECT id, name, name_zh FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
        )
          .raw(true)
          .all(JSON.stringify([...new Set(ids)])) as [number, string, string][]
      ).map(([id, name, nameZh]) => [id, { name, nameZh }]),
    );
  const equipmentNames = names(
    "equipment",
    list.map((c) => c.equipment.id),
  );
  const serviceNames = names(
    "services",
    list.map((c) => c.service.id),
  );
  return list.map((c) => ({
    ...c,
    equipment: { ...c.equipment, ...equipmentNames.get(c.equipment.id)! },
    service: { ...c.service, ...serviceNames.get(c.service.id)! },
    checks: c.checks.map((x) =>
      x.requirement === "slot" && x.met
        ? { ...x, offered: `from ${localTimeText(c.slot!.start, c.facility.timeZone)}` }
        : x,
    ),
  }));
}

/** The parameter requirements, per equipment, and until when each facility is accredited. */
function nonSlotChecks(db: DbOrTx, input: Input, rows: Row[]): Staged[] {
  const keys = [...new Set(input.requiredParams.map((p) => p.key))];
  type Envelope = {
    equipment_id: number;
    key: string;
    unit: string;
    min: number | null;
    max: number | null;
  };
  const envelopes = keys.length
    ? db.all<Envelope>(sql`
        SELECT equipment_id, key, unit, min, max FROM equipment_params
        WHERE key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`)
    : [];
  const accreditedUntil = new Map(
    input.accreditation
      ? db
          .all<{ facility_id: number; until: number }>(
            sql`SELECT facility_id, MAX(valid_until) AS until FROM accreditations
                WHERE type = ${input.accreditation} GROUP BY facility_id`,
          )
          .map((r) => [r.facility_id, r.until])
      : [],
  );
  const envelopesOf = group(envelopes, (e) => e.equipment_id);
  return rows.map((r) => {
    const own = envelopesOf.get(r.id) ?? [];
    const checks: Check[] = [
      // The kind of equipment is a hard filter (candidateRows): shown so the reader sees it held.
      ...(input.category
        ? [{ requirement: "category", needed: input.category, offered: r.category, met: true }]
        : []),
      ...input.requiredParams.map((p) =>
        paramCheck(
          p,
          own.find((x) => x.key === p.key),
        ),
      ),
    ];
    return { r, checks, accreditedUntil: accreditedUntil.get(r.facility_id) ?? null };
  });
}

/**
 * Everything that meets the non-slot requirements gets its slot computed; of those missing one,
 * only the closest and cheapest few (they can only be near misses, of which `limit` are shown).
 */
function worthASlot(input: Input, staged: Staged[]): Staged[] {
  const full = staged.filter((s) => s.checks.every((c) => c.met));
  const partial = staged
    .filter((s) => s.checks.filter((c) => !c.met).length === 1)
    .sort(
      (a, b) =>
        Number(b.r.f.prefecture === input.prefecture) -
          Number(a.r.f.prefecture === input.prefecture) ||
        a.r.hourly_rate_fen - b.r.hourly_rate_fen ||
        a.r.id - b.r.id,
    )
    .slice(0, 5 * input.limit);
  return [...full, ...partial];
}

// Holds and bookings, and maintenance, of a list of equipment over a window. Id lists travel as one
// JSON parameter: thousands of placeholders would cost more to parse than to run.
const BUSY_SQL = `SELECT equipment_id, start, "end", units FROM reservations r
  WHERE equipment_id IN (SELECT value FROM json_each(?)) AND kind IN ('hold', 'booking')
    AND ${blocksCapacitySql("r", "?")} AND "end" > ? AND start < ?`;
const MAINTENANCE_SQL = `SELECT equipment_id, facility_id, start, "end" FROM reservations r
  WHERE kind = 'maintenance' AND ${blocksCapacitySql("r", "?")} AND "end" > ? AND start < ?
    AND (equipment_id IN (SELECT value FROM json_each(?))
      OR (equipment_id IS NULL AND facility_id IN (SELECT value FROM json_each(?))))`;

/** Holds, bookings and maintenance of all of them at once: one query each, read as arrays. */
function reservationsOf(db: DbOrTx, worth: Staged[], { from, to, at }: Window) {
  const busyOf = new Map<number, Busy[]>();
  const ofEquipment = new Map<number, Interval[]>();
  const ofFacility = new Map<number, Interval[]>();
  const add = <T>(map: Map<number, T[]>, key: number, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  if (worth.length) {
    const ids = JSON.stringify(worth.map((s) => s.r.id));
    const facilityIds = JSON.stringify([...new Set(worth.map((s) => s.r.facility_id))]);
    const busy = statement(db, BUSY_SQL)
      .raw(true)
      .all(ids, at, from - 2 * DAY, to + 2 * DAY) as [number, number, number, number][];
    for (const [equipmentId, start, end, units] of busy)
      add(busyOf, equipmentId, { start, end, units });
    const maintenance = statement(db, MAINTENANCE_SQL)
      .raw(true)
      .all(at, from - DAY, to + DAY, ids, facilityIds) as [number | null, number, number, number][];
    for (const [equipmentId, facilityId, start, end] of maintenance)
      if (equipmentId === null) add(ofFacility, facilityId, { start, end });
      else add(ofEquipment, equipmentId, { start, end });
  }
  return {
    busyOf,
    maintenanceOf: (r: Row) => [
      ...(ofEquipment.get(r.id) ?? []),
      ...(ofFacility.get(r.facility_id) ?? []),
    ],
  };
}

/**
 * The earliest slot inside both validities (calibration and, when asked, accreditation: a slot
 * must end by the earlier expiry), the earliest on free capacity alone, and which validity is met:
 * one is met when some free slot lies within it (or, with no free slot at all, when it leaves room
 * for one in the window).
 */
function slotWithin(
  input: Input,
  free: FreeInterval[],
  from: number,
  until: { calibration: number; accreditation: number },
) {
  const within = (limit: number) =>
    firstSlot(
      free.map((f) => ({ ...f, end: Math.min(f.end, limit) })).filter((f) => f.end > f.start),
      input.hours,
      input.units,
    );
  const anySlot = firstSlot(free, input.hours, input.units);
  const slot = within(Math.min(until.calibration, until.accreditation));
  const roomFor = (limit: number) =>
    anySlot ? within(limit) !== null : limit >= from + input.hours * 3_600_000;
  return {
    /** Within the validities if possible, else on free capacity alone (a near miss). */
    slot: slot ?? anySlot,
    validity: {
      calibration: slot !== null || roomFor(until.calibration),
      accreditation: slot !== null || roomFor(until.accreditation),
    },
  };
}

/** The slot, calibration and field checks of one equipment, and what a candidate shows. */
function evaluate(
  input: Input,
  { r, checks, accreditedUntil }: Staged,
  load: ReturnType<typeof reservationsOf>,
  rec: FacilityRecord | undefined,
  { from, to, at }: Window,
): Ranked | null {
  const rules = {
    units: r.units,
    setupMinutes: r.setup_minutes,
    leadDays: r.lead_days,
    bookable: true,
    openingHours: r.f.openingHours,
    timeZone: r.f.timeZone,
  };
  const free = computeFreeIntervals(
    rules,
    load.busyOf.get(r.id) ?? [],
    load.maintenanceOf(r),
    from,
    to,
    at,
  );
  const { slot, validity } = slotWithin(input, free, from, {
    calibration: r.calibration_due_at ?? (input.accreditation ? -Infinity : Infinity),
    accreditation: input.accreditation ? (accreditedUntil ?? -Infinity) : Infinity,
  });
  const all = [...checks];
  if (input.accreditation)
    all.push({
      requirement: "accreditation",
      needed: `${input.accreditation} valid through the slot`,
      offered: accreditedUntil
        ? `${input.accreditation} valid until ${localDateKey(accreditedUntil, r.f.timeZone)}`
        : "none",
      until: accreditedUntil,
      met: validity.accreditation,
    });
  if (!validity.calibration)
    all.push({
      requirement: "calibration",
      needed: "valid through the slot",
      offered: r.calibration_due_at
        ? `due ${localDateKey(r.calibration_due_at, r.f.timeZone)}`
        : "not recorded",
      until: r.calibration_due_at,
      met: false,
    });
  // The slot requirement is about free capacity; a slot that only a validity rules out counts as
  // free here, so that the candidate shows as missing that validity alone.
  all.push({
    requirement: "slot",
    needed: `${input.hours} h × ${input.units} unit(s) in the window`,
    // The start is written out for the few shown (shown).
    offered: slot ? "" : "no free slot",
    met: slot !== null,
  });
  if (input.field) {
    const fields = r.f.fields;
    all.push({
      requirement: "field",
      needed: input.field,
      offered: fields.join(", "),
      met: fields.includes(input.field),
    });
  }
  const unmet = all.filter((c) => !c.met && c.requirement !== "field").length;
  if (unmet > 1) return null;
  return {
    facility: {
      id: r.f.id,
      slug: r.f.slug,
      nameEn: r.f.nameEn,
      nameZh: r.f.nameZh,
      prefecture: r.f.prefecture,
      timeZone: r.f.timeZone,
    },
    // Names are read for the few shown (shown).
    equipment: { id: r.id, name: "", nameZh: "", units: r.units },
    service: { id: r.service_id, name: "", nameZh: "" },
    slot,
    priceFen: r.hourly_rate_fen * input.hours * input.units,
    completionRate: rec ? completionRate(rec) : null,
    rating: rec?.rating ?? null,
    checks: all,
    rankReason: { code: "earliest" },
    unmet,
    sortStart: slot?.start ?? Infinity,
  };
}

/** What the order of candidates reads. */
type Ordered = Pick<Ranked, "sortStart" | "priceFen" | "completionRate" | "rating"> & {
  facility: { prefecture: string };
  equipment: { id: number };
};

/** The order of candidates (and of near misses): earliest start, then prefecture, price,
 * completion rate and rating. */
function orderOf(input: Input) {
  const inPrefecture = (c: Ordered) =>
    input.prefecture && c.facility.prefecture === input.prefecture ? 0 : 1;
  return (a: Ordered, b: Ordered) =>
    a.sortStart - b.sortStart ||
    inPrefecture(a) - inPrefecture(b) ||
    a.priceFen - b.priceFen ||
    (b.completionRate ?? -1) - (a.completionRate ?? -1) ||
    (b.rating ?? -1) - (a.rating ?? -1) ||
    a.equipment.id - b.equipment.id;
}

/** How many candidates are evaluated at a time (tests evaluate all at once to compare). */
export const matchBatch = { size: (limit: number) => Math.max(2 * limit, 8) };

/**
 * The evaluated candidates that can be among the `limit` first candidates or near misses: the
 * same lists as evaluating all of them. Everything but the slot is known before a slot is
 * computed, and a slot starts no earlier than the window and the lead time allow; so candidates
 * are evaluated in the order of the best place each could take, in batches, until the next could
 * no longer displace the last of either list.
 */
function evaluateBest(
  db: DbOrTx,
  input: Input,
  worth: Staged[],
  recordOf: Map<number, FacilityRecord>,
  window: Window,
): Ranked[] {
  const order = orderOf(input);
  const best = worth
    .map((s) => {
      const rec = recordOf.get(s.r.facility_id);
      return {
        s,
        rec,
        // No slot starts before the window, nor within the lead time (bookableWindow).
        sortStart: Math.max(window.from, window.at + s.r.lead_days * DAY),
        priceFen: s.r.hourly_rate_fen * input.hours * input.units,
        completionRate: rec ? completionRate(rec) : null,
        rating: rec?.rating ?? null,
        facility: { prefecture: s.r.f.prefecture },
        equipment: { id: s.r.id },
      };
    })
    .sort(order);
  const results: Ranked[] = [];
  const last = (list: Ranked[]) =>
    list.length < input.limit ? undefined : list.sort(order)[input.limit - 1];
  const size = matchBatch.size(input.limit);
  for (let at = 0; at < best.length; at += size) {
    if (at > 0) {
      const lastCandidate = last(results.filter((c) => c.unmet === 0));
      const lastNearMiss = last(results.filter((c) => c.unmet === 1));
      const next = best[at];
      if (
        lastCandidate &&
        lastNearMiss &&
        order(next, lastCandidate) > 0 &&
        order(next, lastNearMiss) > 0
      )
        break;
    }
    const batch = best.slice(at, at + size);
    const load = reservationsOf(
      db,
      batch.map((b) => b.s),
      window,
    );
    for (const b of batch) {
      const result = evaluate(input, b.s, load, b.rec, window);
      if (result) results.push(result);
    }
  }
  return results;
}

/** Candidates by earliest start, then prefecture, price, completion rate and rating. */
function rank(input: Input, results: Ranked[]) {
  const inPrefecture = (c: Candidate) =>
    input.prefecture && c.facility.prefecture === input.prefecture ? 0 : 1;
  const order = orderOf(input);
  const ranked = results.filter((c) => c.unmet === 0).sort(order);
  ranked.forEach((c, i) => {
    const prev = ranked[i - 1];
    c.rankReason = {
      code:
        i === 0
          ? "earliest"
          : prev.sortStart < c.sortStart
            ? "laterStart"
            : inPrefecture(prev) < inPrefecture(c)
              ? "outsidePrefecture"
              : prev.priceFen < c.priceFen
                ? "higherPrice"
                : "lowerRecord",
    };
  });
  const strip = ({ unmet: _u, sortStart: _s, ...c }: Ranked): Candidate => c;
  const missing = (c: Ranked) => c.checks.find((x) => !x.met && x.requirement !== "field")!;
  return {
    candidates: ranked.slice(0, input.limit).map(strip),
    nearMisses: results
      .filter((c) => c.unmet === 1)
      .sort(order)
      .slice(0, input.limit)
      .map((c) => ({
        ...strip(c),
        rankReason: { code: "misses" as const, requirement: missing(c).requirement },
      })),
  };
}

export function findMatches(db: DbOrTx, raw: MatchInput, at: number = clockNow()) {
  const input = parseMatchInput(raw);
  const window = {
    from: Math.max(input.earliestStart, nextMinute(at)),
    to: input.deadline,
    at,
  };
  const rows = candidateRows(db, input);
  if (!rows.length) return { candidates: [], nearMisses: [], considered: 0 };
  const worth = worthASlot(input, nonSlotChecks(db, input, rows));
  const recordOf = new Map(facilityRecords(db, at).map((x) => [x.facility_id, x]));
  const { candidates, nearMisses } = rank(input, evaluateBest(db, input, worth, recordOf, window));
  return {
    candidates: shown(db, candidates),
    nearMisses: shown(db, nearMisses),
    considered: rows.length,
  };
}
