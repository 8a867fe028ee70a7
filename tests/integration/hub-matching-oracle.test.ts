// Property test: on generated networks, hub matching returns exactly what an oracle finds from
// the README's rules, stated here on their own, minute by minute: candidates with their earliest
// start and rank, and near misses (exactly one requirement missed) with the one they miss.
//
// The networks have facilities in three time zones (two with daylight saving), suspended ones,
// internal equipment, equipment in maintenance, setup times, lead days, opening hours, equipment
// and facility-wide maintenance, bookings, live, expired and released holds, calibration and
// CMA/CNAS validity, two parameters, two prefectures, and closed requests and ratings behind the
// ranking.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  accreditations,
  bookingRequests,
  equipment,
  equipmentParams,
  facilities,
  feedback,
  firms,
  reservations,
  services,
  users,
} from "@/db/schema";
import type { OpeningHours } from "@/db/schema/registry";
import { openingHoursPresets } from "@/db/seed/opening-hours";
import { findMatches } from "@/server/services/hub/find-matches";
import { freshDb } from "../helpers/test-db";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Thursday 2027-03-25 00:00 UTC: the windows cover Berlin's spring change (Sunday 28 March).
const T0 = Date.UTC(2027, 2, 25);
const ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York"] as const;
const TYPES = ["testing", "pilot_production", "inspection"] as const;
const CLOSED = ["completed", "cancelled", "rejected", "withdrawn", "expired"] as const;

const hhmm = (half: number) =>
  `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`;
const spanArb = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
  .map(([a, length]) => [hhmm(a), hhmm(Math.min(48, a + length))] as [string, string]);
/** Mostly null: each requirement is asked (or each limit set) now and then, not always. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), fc.constant(null), arb);
const hoursArb = fc.oneof(
  fc.constantFrom(...(["office", "extended", "continuous"] as const)).map((k) => ({
    ...openingHoursPresets[k],
  })),
  fc
    .array(fc.array(spanArb, { maxLength: 2 }), { minLength: 7, maxLength: 7 })
    .map((days) => Object.fromEntries(days.map((d, i) => [String(i), d])) as OpeningHours),
);
const windowArb = (maxHours: number) =>
  fc.record({
    at: fc.integer({ min: -24, max: 5 * 48 }), // half hours from T0
    hours: fc.integer({ min: 1, max: maxHours }),
  });
const useArb = fc.record({
  at: fc.integer({ min: -24, max: 5 * 48 }),
  minutes: fc.integer({ min: 30, max: 8 * 60 }),
  units: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom("booking", "booking", "hold", "expired-hold", "released" as const),
});
const eqArb = fc.record({
  units: fc.integer({ min: 1, max: 3 }),
  setup: fc.constantFrom(0, 15, 30, 90),
  lead: fc.constantFrom(0, 0, 1, 2),
  minHours: fc.constantFrom(1, 2),
  maxHours: fc.constantFrom(4, 9, 24),
  status: fc.constantFrom(
    "operational",
    "operational",
    "operational",
    "operational",
    "maintenance" as const,
  ),
  sharing: fc.constantFrom("external", "external", "external", "external", "internal" as const),
  calibration: rarely(fc.integer({ min: -1 * 48, max: 8 * 48 })),
  volume: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 10, max: 2000 })),
    {
      nil: null,
    },
  ),
  temperature: fc.option(
    fc.tuple(fc.integer({ min: -80, max: 20 }), fc.integer({ min: 30, max: 300 })),
    { nil: null },
  ),
  rate: fc.constantFrom(100, 200),
  uses: fc.array(useArb, { maxLength: 5 }),
  maintenance: fc.array(windowArb(12), { maxLength: 1 }),
});
const facilityArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  hours: hoursArb,
  active: fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
  prefecture: fc.constantFrom("chengdu", "mianyang"),
  types: fc.subarray([...TYPES], { minLength: 2 }),
  accreditation: fc.option(
    fc.record({
      type: fc.constantFrom("CMA", "CNAS"),
      until: fc.integer({ min: -2 * 48, max: 8 * 48 }),
    }),
    { nil: null, freq: 4 },
  ),
  maintenance: fc.array(windowArb(24), { maxLength: 1 }),
  closed: fc.array(fc.constantFrom(...CLOSED), { maxLength: 4 }),
  ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
  equipment: fc.array(eqArb, { minLength: 1, maxLength: 3 }),
});
const queryArb = fc.record({
  serviceType: fc.constantFrom(...TYPES),
  volumeMin: rarely(fc.integer({ min: 10, max: 1500 })),
  temperatureMax: rarely(fc.integer({ min: -60, max: 40 })),
  accreditation: fc.constantFrom(null, null, "CMA", "CNAS"),
  prefecture: fc.constantFrom(undefined, "chengdu", "mianyang"),
  startHalfHours: fc.integer({ min: 0, max: 4 * 48 }),
  lengthHours: fc.integer({ min: 6, max: 72 }),
  hours: fc.integer({ min: 1, max: 4 }),
  units: fc.integer({ min: 1, max: 2 }),
  nowMinutes: fc.integer({ min: -600, max: 600 }),
});
type Facility = typeof facilityArb extends fc.Arbitrary<infer T> ? T : never;
type Query = typeof queryArb extends fc.Arbitrary<infer T> ? T : never;

const clocks = new Map(
  ZONES.map((z) => [
    z,
    new Intl.DateTimeFormat("en-US", {
      timeZone: z,
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    }),
  ]),
);
/** Whether the facility is open at minute-instant t: its wall clock lies in a span of the day. */
function isOpen(hours: OpeningHours, zone: string, t: number): boolean {
  const p = Object.fromEntries(
    clocks
      .get(zone as (typeof ZONES)[number])!
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday);
  const minute = Number(p.hour) * 60 + Number(p.minute);
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return hours[String(weekday) as "0"].some(([a, b]) => minute >= toMin(a) && minute < toMin(b));
}

type Expected = {
  equipmentId: number;
  start: number;
  misses: string | null;
  prefecture: string;
  price: number;
  completion: number | null;
  rating: number | null;
};

/** The oracle for one equipment: null when it is not a candidate at all or misses two things. */
function oracle(
  f: Facility,
  e: Facility["equipment"][number],
  uses: { start: number; end: number; units: number; live: boolean }[],
  maintenance: { start: number; end: number }[],
  q: Query,
  at: { now: number; from: number; to: number },
): { start: number | null; misses: string[] } | null {
  // Not a candidate at all: the facility cannot take the request or the equipment is not offered.
  if (!f.active || !f.types.includes(q.serviceType)) return null;
  if (e.status !== "operational" || e.sharing !== "external") return null;
  if (e.units < q.units || q.hours < e.minHours || q.hours > e.maxHours) return null;
  const misses: string[] = [];
  // Parameters: a minimum asks the envelope to reach at least it, a maximum to reach down to it.
  if (q.volumeMin !== null && !(e.volume && e.volume[1] >= q.volumeMin)) misses.push("volume");
  if (q.temperatureMax !== null && !(e.temperature && e.temperature[0] <= q.temperatureMax))
    misses.push("temperature");
  // Minute by minute: may a booking occupy minute m, and what load do others put on minute x?
  const S = e.setup;
  const need = q.hours * 60;
  const first = Math.ceil(at.from / MIN);
  const last = at.to / MIN; // exclusive
  const usable = (m: number) =>
    m * MIN >= at.now + e.lead * DAY &&
    isOpen(f.hours, f.zone, m * MIN) &&
    maintenance.every((w) => m < w.start / MIN - S || m >= w.end / MIN + S);
  // A use holds its units from its start until one setup time after its end.
  const heldAt = (x: number) =>
    uses
      .filter((u) => u.live && u.start / MIN <= x && x < u.end / MIN + S)
      .reduce((n, u) => n + u.units, 0);
  const held = new Map<number, number>();
  const heldCached = (x: number) => {
    if (!held.has(x)) held.set(x, heldAt(x));
    return held.get(x)!;
  };
  const fits = (s: number) => {
    for (let m = s; m < s + need; m++) if (!usable(m)) return false;
    for (let x = s; x < s + need + S; x++) if (heldCached(x) + q.units > e.units) return false;
    return true;
  };
  const usableCache = new Map<number, boolean>();
  const fitsCached = (s: number) => {
    if (!usableCache.has(s)) usableCache.set(s, fits(s));
    return usableCache.get(s)!;
  };
  /** Earliest start whose booking ends by `limit`. */
  const earliest = (limit: number) => {
    for (let s = first; s + need <= last && (s + need) * MIN <= limit; s++)
      if (fitsCached(s)) return s * MIN;
    return null;
  };
  const calibration =
    e.calibration === null
      ? q.accreditation
        ? -Infinity
        : Infinity
      : T0 + e.calibration * 30 * MIN;
  const accreditation = !q.accreditation
    ? Infinity
    : f.accreditation?.type === q.accreditation
      ? T0 + f.accreditation.until * 30 * MIN
      : -Infinity;
  const free = earliest(Infinity);
  const within = earliest(Math.min(calibration, accreditation));
  // A validity is met by a free slot inside it, or with no free slot at all, when it leaves room
  // for one in the window.
  const meets = (limit: number) =>
    within !== null ||
    (free !== null ? earliest(limit) !== null : limit >= first * MIN + need * MIN);
  if (q.accreditation && !meets(accreditation)) misses.push("accreditation");
  if (!meets(calibration)) misses.push("calibration");
  if (free === null) misses.push("slot");
  if (misses.length > 1) return null;
  return { start: within ?? free, misses };
}

function build(network: Facility[], q: Query) {
  const { db } = freshDb();
  const now = T0 + q.nowMinutes * MIN;
  const earliestStart = T0 + q.startHalfHours * 30 * MIN;
  const window = {
    now,
    from: Math.max(earliestStart, Math.ceil(now / MIN) * MIN),
    to: earliestStart + q.lengthHours * HOUR,
  };
  const firm = db
    .insert(firms)
    .values({
      name: "Firm",
      creditCode: "91510100MA000000X0",
      size: "small",
      industry: "chemicals",
      prefecture: "chengdu",
    })
    .returning()
    .get();
  const user = db
    .insert(users)
    .values({ email: "f@x.cn", name: "f", passwordHash: "x", role: "firm", firmId: firm.id })
    .returning()
    .get();
  let ref = 0;
  const expected: Expected[] = [];
  network.forEach((f, fi) => {
    const facilityId = db
      .insert(facilities)
      .values({
        slug: `f${fi}`,
        nameEn: `F${fi}`,
        nameZh: `F${fi}`,
        prefecture: f.prefecture,
        status: f.active ? "active" : "suspended",
        openingHours: f.hours,
        timeZone: f.zone,
      })
      .returning()
      .get().id;
    for (const type of f.types) db.insert(services).values({ facilityId, type, name: type }).run();
    if (f.accreditation)
      db.insert(accreditations)
        .values({
          facilityId,
          type: f.accreditation.type,
          certificateNo: "C",
          validUntil: T0 + f.accreditation.until * 30 * MIN,
        })
        .run();
    // Closed requests and ratings: completion rate = completed ÷ all closed.
    const request = (status: (typeof CLOSED)[number]) =>
      db
        .insert(bookingRequests)
        .values({
          ref: `PT-2027-${String(++ref).padStart(6, "0")}`,
          firmId: firm.id,
          requesterId: user.id,
          facilityId,
          serviceType: "testing",
          title: "t",
          earliestStart: T0,
          deadline: T0 + DAY,
          hours: 1,
          status,
          closedAt: T0 - DAY,
        })
        .returning()
        .get().id;
    for (const status of f.closed) request(status);
    for (const rating of f.ratings)
      db.insert(feedback)
        .values({ requestId: request("completed"), firmId: firm.id, authorId: user.id, rating })
        .run();
    const completion = f.ratings.length + f.closed.length;
    const completionRate = completion
      ? (f.ratings.length + f.closed.filter((s) => s === "completed").length) / completion
      : null;
    const rating = f.ratings.length
      ? f.ratings.reduce((a, b) => a + b, 0) / f.ratings.length
      : null;
    const facilityWide = f.maintenance.map((w) => ({
      start: T0 + w.at * 30 * MIN,
      end: T0 + w.at * 30 * MIN + w.hours * HOUR,
    }));
    for (const w of facilityWide)
      db.insert(reservations)
        .values({ facilityId, equipmentId: null, kind: "maintenance", ...w, units: 0 })
        .run();
    for (const e of f.equipment) {
      const id = db
        .insert(equipment)
        .values({
          facilityId,
          name: "E",
          category: "c",
          units: e.units,
          setupMinutes: e.setup,
          leadDays: e.lead,
          minHours: e.minHours,
          maxHours: e.maxHours,
          status: e.status,
          sharing: e.sharing,
          calibrationDueAt: e.calibration === null ? null : T0 + e.calibration * 30 * MIN,
          hourlyRateFen: e.rate,
        })
        .returning()
        .get().id;
      if (e.volume)
        db.insert(equipmentParams)
          .values({ equipmentId: id, key: "volume", unit: "L", min: e.volume[0], max: e.volume[1] })
          .run();
      if (e.temperature)
        db.insert(equipmentParams)
          .values({
            equipmentId: id,
            key: "temperature",
            unit: "°C",
            min: e.temperature[0],
            max: e.temperature[1],
          })
          .run();
      const uses = e.uses.map((u) => ({
        start: T0 + u.at * 30 * MIN,
        end: T0 + u.at * 30 * MIN + u.minutes * MIN,
        units: Math.min(u.units, e.units),
        live: u.kind === "booking" || u.kind === "hold",
      }));
      e.uses.forEach((u, i) =>
        db
          .insert(reservations)
          .values({
            facilityId,
            equipmentId: id,
            kind: u.kind === "booking" || u.kind === "released" ? "booking" : "hold",
            start: uses[i].start,
            end: uses[i].end,
            units: uses[i].units,
            expiresAt:
              u.kind === "hold" ? now + HOUR : u.kind === "expired-hold" ? now - MIN : null,
            releasedAt: u.kind === "released" ? now - HOUR : null,
          })
          .run(),
      );
      const own = e.maintenance.map((w) => ({
        start: T0 + w.at * 30 * MIN,
        end: T0 + w.at * 30 * MIN + w.hours * HOUR,
      }));
      for (const w of own)
        db.insert(reservations)
          .values({ facilityId, equipmentId: id, kind: "maintenance", ...w, units: 0 })
          .run();
      const o = oracle(f, e, uses, [...own, ...facilityWide], q, window);
      if (o)
        expected.push({
          equipmentId: id,
          start: o.start ?? Infinity,
          misses: o.misses[0] ?? null,
          prefecture: f.prefecture,
          price: e.rate * q.hours * q.units,
          completion: completionRate,
          rating,
        });
    }
  });
  return { db, expected, now, earliestStart, to: window.to };
}

/** The README's ranking: earliest start, preferred prefecture, price, completion, rating. */
function ranked(list: Expected[], q: Query) {
  const away = (x: Expected) => (q.prefecture && x.prefecture === q.prefecture ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      a.start - b.start ||
      away(a) - away(b) ||
      a.price - b.price ||
      (b.completion ?? -1) - (a.completion ?? -1) ||
      (b.rating ?? -1) - (a.rating ?? -1) ||
      a.equipmentId - b.equipmentId,
  );
}

describe("hub matching against an oracle of the README's rules", () => {
  it("agrees on every candidate, its earliest start and rank, and every near miss", () => {
    const tally = { cases: 0, candidates: 0, nearMisses: 0, withCandidates: 0 };
    fc.assert(
      fc.property(fc.array(facilityArb, { minLength: 1, maxLength: 3 }), queryArb, (network, q) => {
        const { db, expected, now, earliestStart, to } = build(network, q);
        const result = findMatches(
          db,
          {
            serviceType: q.serviceType,
            requiredParams: [
              ...(q.volumeMin === null ? [] : [{ key: "volume", min: q.volumeMin, unit: "L" }]),
              ...(q.temperatureMax === null
                ? []
                : [{ key: "temperature", max: q.temperatureMax, unit: "°C" }]),
            ],
            accreditation: q.accreditation ?? undefined,
            prefecture: q.prefecture,
            earliestStart,
            deadline: to,
            hours: q.hours,
            units: q.units,
            limit: 50,
          },
          now,
        );
        const candidates = ranked(
          expected.filter((x) => x.misses === null),
          q,
        );
        const nearMisses = ranked(
          expected.filter((x) => x.misses !== null),
          q,
        );
        expect(
          result.candidates.map((c) => ({ id: c.equipment.id, start: c.slot?.start })),
        ).toEqual(candidates.map((x) => ({ id: x.equipmentId, start: x.start })));
        expect(
          result.nearMisses.map((c) => ({
            id: c.equipment.id,
            start: c.slot?.start ?? Infinity,
            misses: c.checks.find((k) => !k.met && k.requirement !== "field")?.requirement,
          })),
        ).toEqual(nearMisses.map((x) => ({ id: x.equipmentId, start: x.start, misses: x.misses })));
        tally.cases++;
        tally.candidates += candidates.length;
        tally.nearMisses += nearMisses.length;
        if (candidates.length) tally.withCandidates++;
        db.$client.close();
      }),
      { numRuns: 300 },
    );
    console.log(
      `hub oracle: ${tally.cases} networks, ${tally.candidates} candidates, ${tally.nearMisses} near misses`,
    );
    // the generator must produce feasible networks often enough for the comparison to mean
    // something
    expect(tally.withCandidates).toBeGreaterThan(30);
    expect(tally.nearMisses).toBeGreaterThan(30);
  }, 300_000);
});
