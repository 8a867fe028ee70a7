import { describe, expect, it } from "vitest";
import { localDays, localToUtc, localDateKey } from "@/server/services/scheduling/local-time";

describe("local time", () => {
  it("maps Shanghai wall-clock times to UTC (fixed +08:00)", () => {
    expect(localToUtc(2027, 1, 4, 9 * 60, "Asia/Shanghai")).toBe(Date.UTC(2027, 0, 4, 1));
    expect(localToUtc(2027, 1, 4, 24 * 60, "Asia/Shanghai")).toBe(Date.UTC(2027, 0, 4, 16));
    expect(localDateKey(Date.UTC(2027, 0, 3, 16), "Asia/Shanghai")).toBe("2027-01-04");
  });

  it("follows daylight saving in zones that have it", () => {
    // Berlin: UTC+1 in winter, UTC+2 from 2027-03-28
    expect(localToUtc(2027, 1, 4, 9 * 60, "Europe/Berlin")).toBe(Date.UTC(2027, 0, 4, 8));
    expect(localToUtc(2027, 7, 4, 9 * 60, "Europe/Berlin")).toBe(Date.UTC(2027, 6, 4, 7));
    const days = localDays(Date.UTC(2027, 2, 27, 12), Date.UTC(2027, 2, 29, 12), "Europe/Berlin");
    expect(days.map((d) => d.key)).toEqual(["2027-03-27", "2027-03-28", "2027-03-29"]);
    expect(days[1].end - days[1].start).toBe(23 * 3_600_000);
  });

  it("lists the local days overlapping a window, Monday = 0", () => {
    const days = localDays(Date.UTC(2027, 0, 3, 16), Date.UTC(2027, 0, 5, 16), "Asia/Shanghai");
    expect(days.map((d) => [d.key, d.weekday])).toEqual([
      ["2027-01-04", 0],
      ["2027-01-05", 1],
    ]);
  });
});
