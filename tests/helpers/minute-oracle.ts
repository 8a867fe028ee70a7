// A minute-level oracle of the scheduling rules as the README states them, written apart from the
// implementation: read straight from the database, then decided minute by minute.
//
// - A reservation blocks capacity while not released; a hold only until its expiry.
// - A use (booking or hold) holds its units from its start until one setup time after its end.
// - A new booking of u units may occupy minute m when the equipment is bookable (operational, at
//   an active facility), m is at least the lead days after now, the facility's wall clock at m lies
//   in that day's opening hours, and m is more than one setup time away from maintenance of the
//   equipment or of the whole facility; and it needs u units free from its start until one setup
//   time after its end.
import type { DB } from "@/db/client";
import type { OpeningHours } from "@/db/schema/registry";

const MIN = 60_000;
const DAY = 1440 * MIN;

export type OracleEquipment = {
  id: number;
  facilityId: number;
  units: number;
  setup: number;
  lead: number;
  bookable: boolean;
  hours: OpeningHours;
  zone: string;
  uses: { start: number; end: number; units: number }[];
  maintenance: { start: number; end: number }[];
};

export function loadOracleEquipment(db: DB, ids: number[], now: number): OracleEquipment[] {
  const all = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).all(...p) as T[];
  return ids.map((id) => {
    const e = all<{
      units: number;
      setup_minutes: number;
      lead_days: number;
      status: string;
      facility_id: number;
      f_status: string;
      opening_hours: string;
      time_zone: string;
    }>(
      `SELECT e.units, e.setup_minutes, e.lead_days, e.status, e.facility_id, f.status AS f_status,
              f.opening_hours, f.time_zone
       FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE e.id = ?`,
      id,
    )[0];
    const rows = all<{
      equipment_id: number | null;
      kind: string;
      start: number;
      end: number;
      units: number;
      expires_at: number | null;
      released_at: number | null;
    }>(
      `SELECT equipment_id, kind, start, "end", units, expires_at, released_at FROM reservations
       WHERE equipment_id = ? OR (equipment_id IS NULL AND facility_id = ?)`,
      id,
      e.facility_id,
    );
    const live = rows.filter(
      (r) => r.released_at === null && (r.kind !== "hold" || (r.expires_at ?? 0) > now),
    );
    return {
      id,
      facilityId: e.facility_id,
      units: e.units,
      setup: e.setup_minutes,
      lead: e.lead_days,
      bookable: e.status === "operational" && e.f_status === "active",
      hours: JSON.parse(e.opening_hours) as OpeningHours,
      zone: e.time_zone,
      uses: live.filter((r) => r.kind !== "maintenance"),
      maintenance: live.filter((r) => r.kind === "maintenance"),
    };
  });
}

const clocks = new Map<string, Intl.DateTimeFormat>();
const hourCache = new Map<string, { weekday: number; minute: number }>();
/** Weekday (0 = Monday) and minute of the day on the zone's wall clock at minute-instant t. */
function wallClock(t: number, zone: string) {
  // Every zone used changes its offset on a whole hour: read the clock once per hour.
  const hourStart = Math.floor(t / (60 * MIN)) * 60 * MIN;
  const key = `${zone}:${hourStart}`;
  let at = hourCache.get(key);
  if (!at) {
    let f = clocks.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        weekday: "short",
        hour: "numeric",
        minute: "numeric",
        hourCycle: "h23",
      });
      clocks.set(zone, f);
    }
    const p = Object.fromEntries(f.formatToParts(hourStart).map((x) => [x.type, x.value]));
    at = {
      weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday),
      minute: Number(p.hour) * 60 + Number(p.minute),
    };
    hourCache.set(key, at);
  }
  return { weekday: at.weekday, minute: at.minute + (t - hourStart) / MIN };
}

const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

/** Per-minute tables over [from, to) (minute-aligned): may a booking use it, units held there. */
export function minuteTable(e: OracleEquipment, from: number, to: number, now: number) {
  const first = from / MIN;
  const n = (to - from) / MIN;
  const S = e.setup;
  const usable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = from + i * MIN;
    if (!e.bookable || t < now + e.lead * DAY) continue;
    const { weekday, minute } = wallClock(t, e.zone);
    const spans = e.hours[String(weekday) as keyof OpeningHours] ?? [];
    if (!spans.some(([a, b]) => minute >= toMinutes(a) && minute < toMinutes(b))) continue;
    usable[i] = 1;
  }
  for (const w of e.maintenance)
    for (let m = Math.ceil(w.start / MIN) - S; m < Math.ceil(w.end / MIN) + S; m++)
      if (m >= first && m < first + n) usable[m - first] = 0;
  // held[i]: units held at minute first + i (the table reaches one setup time past `to`).
  const held = new Int32Array(n + S + 1);
  for (const u of e.uses) {
    const a = Math.max(Math.floor(u.start / MIN), first);
    const b = Math.min(Math.ceil(u.end / MIN) + S, first + n + S + 1);
    for (let m = a; m < b; m++) held[m - first] += u.units;
  }
  return { first, n, usable, held, units: e.units, setup: S };
}
export type MinuteTable = ReturnType<typeof minuteTable>;

/** Free units a one-minute booking at minute index i would find (0 when it may not). */
export function freeUnitsAt(t: MinuteTable, i: number): number {
  if (!t.usable[i]) return 0;
  let peak = 0;
  for (let x = i; x <= i + t.setup; x++) peak = Math.max(peak, t.held[x]);
  return Math.max(0, t.units - peak);
}

/** Earliest start (ms) of `minutes` with `units` free, ending by `limit`, or null. */
export function earliestSlot(
  t: MinuteTable,
  minutes: number,
  units: number,
  limit = Infinity,
): number | null {
  // Runs: how many usable minutes end at i, how many minutes with room for `units` end at i.
  let usableRun = 0;
  const roomy = (x: number) => t.held[x] + units <= t.units;
  let roomRun = 0;
  // Minutes of room needed: the booking plus its setup after; count room up to i + setup.
  for (let x = 0; x < t.setup && x < t.held.length; x++) roomRun = roomy(x) ? roomRun + 1 : 0;
  for (let i = 0; i < t.n; i++) {
    usableRun = t.usable[i] ? usableRun + 1 : 0;
    roomRun = roomy(i + t.setup) ? roomRun + 1 : 0;
    if (usableRun >= minutes && roomRun >= minutes + t.setup) {
      const start = (t.first + i + 1 - minutes) * MIN;
      if (start + minutes * MIN > limit) return null;
      return start;
    }
  }
  return null;
}
