import type { OpeningHours } from "../schema/registry";

const days = ["0", "1", "2", "3", "4", "5", "6"] as const;

export const openingHoursPresets: Record<"office" | "extended" | "continuous", OpeningHours> = {
  office: Object.fromEntries(
    days.map((d) => [d, Number(d) < 5 ? [["08:30", "17:30"]] : []]),
  ) as OpeningHours,
  extended: Object.fromEntries(
    days.map((d) => [d, Number(d) < 6 ? [["08:00", "20:00"]] : []]),
  ) as OpeningHours,
  continuous: Object.fromEntries(days.map((d) => [d, [["00:00", "24:00"]]])) as OpeningHours,
};

/** The longest booking, in hours, that fits inside one stretch of opening hours. */
export function longestOpenStretchHours(preset: keyof typeof openingHoursPresets): number {
  return preset === "office" ? 9 : preset === "extended" ? 12 : Infinity;
}
