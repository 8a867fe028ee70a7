// How a reservation reads on the schedule board and in the exports (CSV, iCal feed), in the
// reader's language. In-house use is a booking of the facility's own with no request behind it:
// it names neither firm nor request.
import { catalogs, type Locale } from "@/server/i18n/render";

export type ReservationRow = {
  kind: string;
  requestId: number | null;
  reason: string | null;
  ref: string | null;
  firmName: string | null;
  equipmentName: string | null;
};

export function isInHouse(r: { kind: string; requestId: number | null }): boolean {
  return r.kind === "booking" && r.requestId === null;
}

/** The kind as a word: booking, hold, maintenance or in-house use. */
export function kindText(locale: Locale, r: ReservationRow): string {
  const names = catalogs[locale].names.reservation;
  return isInHouse(r) ? names.inHouse : names[r.kind as "booking" | "hold" | "maintenance"];
}

/** One line for a calendar entry. */
export function summaryText(locale: Locale, r: ReservationRow): string {
  const names = catalogs[locale].names.reservation;
  const equipment = r.equipmentName ?? names.wholeFacility;
  const why = r.reason ? `: ${r.reason}` : "";
  if (r.kind === "maintenance") return `${names.maintenance}${why} · ${equipment}`;
  if (isInHouse(r)) return `${names.inHouse}${why} · ${equipment}`;
  return `${r.kind === "hold" ? `[${names.hold}] ` : ""}${r.ref} ${r.firmName} · ${equipment}`;
}
