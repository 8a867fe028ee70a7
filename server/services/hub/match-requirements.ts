// Requirement checks of the matching: each gives what was needed, what is offered, and whether it
// is met.
import type { ParameterKey } from "@/db/reference/parameters";
import { toCanonical } from "../registry/units";
import { envelopeMeets } from "../registry/param-range";
import type { ParamRange } from "../registry/inputs";

export type Check = {
  requirement: string;
  needed: string;
  offered: string;
  met: boolean;
  /** For validities (accreditation, calibration): until when, for readers to format. */
  until?: number | null;
};

type Envelope = { key: string; unit: string; min: number | null; max: number | null };

const fmt = (min: number | null, max: number | null, unit: string) =>
  min !== null && max !== null
    ? `${min}–${max} ${unit}`
    : min !== null
      ? `≥ ${min} ${unit}`
      : max !== null
        ? `≤ ${max} ${unit}`
        : `any ${unit}`;

/** The same reading of a range as the equipment search (`param-range.ts`). */
export function paramCheck(p: ParamRange, envelope: Envelope | undefined): Check {
  const key = p.key as ParameterKey;
  const min = p.min === undefined ? null : toCanonical(key, p.min, p.unit);
  const max = p.max === undefined ? null : toCanonical(key, p.max, p.unit);
  const needed = fmt(p.min ?? null, p.max ?? null, p.unit);
  if (!envelope) return { requirement: p.key, needed, offered: "not specified", met: false };
  const met = envelopeMeets({ min, max }, envelope);
  return {
    requirement: p.key,
    needed,
    offered: fmt(envelope.min, envelope.max, envelope.unit),
    met,
  };
}
