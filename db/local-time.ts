// Local calendar arithmetic in a facility's IANA time zone (Asia/Shanghai by default), via Intl.
// Every conversion between an instant and a local day or wall-clock time goes through here, in
// the server and in the browser alike; nothing adds a fixed offset.

/** The network's time zone: a facility's default, and the zone of network-wide figures. */
export const NETWORK_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

export function localParts(ms: number, timeZone: string): LocalParts {
  const p = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return {
    year: +p.year,
    month: +p.month,
    day: +p.day,
    hour: +p.hour,
    minute: +p.minute,
    weekday: weekdays[p.weekday],
  };
}

/** Offset of local time from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const seconds = new Date(ms).getUTCSeconds();
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds) - Math.floor(ms / 1000) * 1000
  );
}

// Zones without daylight saving (Asia/Shanghai among them) have one offset all year: computing it
// once per zone and year keeps availability over many days cheap.
const fixedOffsets = new Map<string, number | null>();
function fixedOffset(timeZone: string, year: number): number | null {
  const key = `${timeZone}:${year}`;
  let offset = fixedOffsets.get(key);
  if (offset === undefined) {
    const samples = [0, 3, 6, 9].map((m) => offsetAt(Date.UTC(year, m, 1), timeZone));
    offset = samples.every((o) => o === samples[0]) ? samples[0] : null;
    fixedOffsets.set(key, offset);
  }
  return offset;
}

/**
 * [from, to) cut where the zone's offset changes (daylight saving), each piece with its offset
 * (local − UTC, ms): within a piece, the wall clock is the instant plus that offset.
 */
export function offsetSegments(
  from: number,
  to: number,
  timeZone: string,
): { start: number; end: number; offset: number }[] {
  const out: { start: number; end: number; offset: number }[] = [];
  let a = from;
  while (a < to) {
    const fixed = fixedOffset(timeZone, new Date(a).getUTCFullYear());
    const offset = fixed ?? offsetAt(a, timeZone);
    let b = to;
    if (fixed === null && offsetAt(to - 1, timeZone) !== offset) {
      let lo = a; // still this offset
      let hi = to - 1; // another one: the change lies between, on a whole minute
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      b = hi;
    }
    out.push({ start: a, end: b, offset });
    a = b;
  }
  return out;
}

/** The UTC instant of a local wall-clock time (minutes after local midnight may exceed 24 h). */
export function localToUtc(
  year: number,
  month: number,
  day: number,
  minutes: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const fixed = fixedOffset(timeZone, year);
  if (fixed !== null) return guess - fixed;
  // The offsets in force half a day either side; a wall-clock time is the instant at which one of
  // them holds. Twice in the autumn (the earlier is taken); never in the spring gap, where it is
  // the first instant the clock reads later: the jump (02:30 on a 02:00 → 03:00 night is 03:00),
  // so that opening hours and days keep exactly the instants whose wall clock lies inside them.
  const before = offsetAt(guess - 43_200_000, timeZone);
  const after = offsetAt(guess + 43_200_000, timeZone);
  const held = [guess - before, guess - after].filter((t) => guess - offsetAt(t, timeZone) === t);
  if (held.length) return Math.min(...held);
  const pieces = offsetSegments(
    guess - Math.max(before, after),
    guess - Math.min(before, after),
    timeZone,
  );
  return pieces.length > 1 ? pieces[1].start : guess - before;
}

/** "YYYY-MM-DD" of the local day containing `ms`. */
export function localDateKey(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * The local days overlapping [from, to): each with its UTC start and end and weekday (0 = Monday).
 */
export type LocalDay = {
  key: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
  start: number;
  end: number;
};

export function localDays(from: number, to: number, timeZone: string): LocalDay[] {
  const out: LocalDay[] = [];
  const first = localParts(from, timeZone);
  let y = first.year;
  let m = first.month;
  let d = first.day;
  for (;;) {
    const start = localToUtc(y, m, d, 0, timeZone);
    if (start >= to) break;
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    const end = localToUtc(
      next.getUTCFullYear(),
      next.getUTCMonth() + 1,
      next.getUTCDate(),
      0,
      timeZone,
    );
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    out.push({
      key: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      year: y,
      month: m,
      day: d,
      weekday,
      start,
      end,
    });
    y = next.getUTCFullYear();
    m = next.getUTCMonth() + 1;
    d = next.getUTCDate();
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm" of `ms` in the zone (the value of a datetime-local input). */
export function localDateTimeKey(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "YYYY-MM-DD HH:mm": an instant as wall-clock text of the zone, the same in every language. */
export function localTimeText(ms: number, timeZone: string): string {
  return localDateTimeKey(ms, timeZone).replace("T", " ");
}

/**
 * The instant of a local "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:mm[:ss]" in the zone; NaN for
 * anything else.
 */
export function parseLocal(value: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) return NaN;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((x) => Number(x ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59)
    return NaN;
  return localToUtc(year, month, day, hour * 60 + minute, timeZone) + second * 1000;
}

/** "YYYY-MM-DD" that many calendar days after a "YYYY-MM-DD" (no zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant `days` calendar days later at the same wall-clock time of the zone. */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  const withinMinute = ((ms % 60_000) + 60_000) % 60_000;
  return (
    localToUtc(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      p.hour * 60 + p.minute,
      timeZone,
    ) + withinMinute
  );
}

/** The start of the local month containing `ms`, and of the next one. */
export function localMonth(ms: number, timeZone: string): { start: number; end: number } {
  const { year, month } = localParts(ms, timeZone);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    start: localToUtc(year, month, 1, 0, timeZone),
    end: localToUtc(next.year, next.month, 1, 0, timeZone),
  };
}

/** The calendar year of the network (Asia/Shanghai) as [start, end) instants. */
export function localYear(
  year: number,
  timeZone = NETWORK_TIME_ZONE,
): { start: number; end: number } {
  return {
    start: parseLocal(`${year}-01-01T00:00`, timeZone),
    end: parseLocal(`${year + 1}-01-01T00:00`, timeZone),
  };
}
/** "PT-2027-000001 (2027-01-05 09:00 – 2027-01-05 13:00), …": bookings named in a refusal. */
export function describeBookings(
  list: { ref: string; start: number; end: number }[],
  timeZone: string,
): string {
  const text = (ms: number) => localTimeText(ms, timeZone);
  return list.map((b) => `${b.ref} (${text(b.start)} – ${text(b.end)})`).join(", ");
}
