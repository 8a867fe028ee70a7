import { describe, expect, it } from "vitest";
import { workingDaysBetween } from "@/server/services/workspace/working-age";

// 2026-11-27 is a Friday; midnight in Shanghai is 16:00 UTC the day before.
const fridayMidnight = Date.UTC(2026, 10, 26, 16);
const DAY = 86_400_000;

describe("working days waited", () => {
  it("counts a weekday fully", () => {
    expect(workingDaysBetween(fridayMidnight, fridayMidnight + DAY)).toBeCloseTo(1);
  });
  it("skips the weekend", () => {
    expect(workingDaysBetween(fridayMidnight, fridayMidnight + 3 * DAY)).toBeCloseTo(1);
    expect(
      workingDaysBetween(fridayMidnight + 12 * 3_600_000, fridayMidnight + 4 * DAY),
    ).toBeCloseTo(1.5);
  });
  it("is zero for an empty or inverted span", () => {
    expect(workingDaysBetween(fridayMidnight, fridayMidnight)).toBe(0);
    expect(workingDaysBetween(fridayMidnight + DAY, fridayMidnight)).toBe(0);
  });
});
