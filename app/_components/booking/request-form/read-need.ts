// What a firm asks for, read from the request form: the parameter rows (up to three; a row counts
// once it has a key and a bound) and the window, whose days are read in the facility's time zone.
import { parameterKeys, type ParameterKey } from "@/db/reference/parameters";
import { parseLocal } from "@/server/services/scheduling/local-time";

export const PARAM_ROWS = [0, 1, 2] as const;

export function readParams(form: FormData) {
  const v = (k: string) => String(form.get(k) ?? "").trim();
  return PARAM_ROWS.map((i) => ({
    key: v(`pk${i}`),
    min: v(`pmin${i}`),
    max: v(`pmax${i}`),
    unit: v(`pu${i}`),
  }))
    .filter((r) => r.key && (r.min || r.max))
    .map((r) => ({
      key: r.key,
      unit: r.unit || parameterKeys[r.key as ParameterKey].unit,
      ...(r.min ? { min: Number(r.min) } : {}),
      ...(r.max ? { max: Number(r.max) } : {}),
    }));
}

export type Window = { earliest: string; deadline: string; hours: number; units: number };

/** The window as the API reads it: the start of each chosen day, hours and units. */
export function windowInput(w: Window, timeZone: string) {
  return {
    earliestStart: parseLocal(w.earliest, timeZone),
    deadline: parseLocal(w.deadline, timeZone),
    hours: w.hours,
    units: w.units,
  };
}
