import { describe, expect, it } from "vitest";
import {
  addDays,
  describeBookings,
  localDateKey,
  localDateTimeKey,
  localDays,
  localMonth,
  localTimeText,
  localToUtc,
  parseLocal,
} from "@/server/services/scheduling/local-time";
import { boardWindow } from "@/server/services/operations/schedule-board";
import { workingDaysBetween } from "@/server/services/workspace/working-age";

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

  it("reads and writes days and wall-clock times of a zone, the inverse of each other", () => {
    const at = Date.UTC(2027, 6, 4, 7, 30); // 09:30 in Berlin (summer), 15:30 in Shanghai
    expect(localDateTimeKey(at, "Europe/Berlin")).toBe("2027-07-04T09:30");
    expect(localTimeText(at, "Asia/Shanghai")).toBe("2027-07-04 15:30");
    expect(parseLocal("2027-07-04T09:30", "Europe/Berlin")).toBe(at);
    expect(parseLocal("2027-07-04", "Asia/Shanghai")).toBe(Date.UTC(2027, 6, 3, 16));
    expect(parseLocal("2027-7-4", "Asia/Shanghai")).toBeNaN();
    expect(parseLocal("2027-13-01", "Asia/Shanghai")).toBeNaN();
    expect(addDays("2027-02-27", 2)).toBe("2027-03-01");
    expect(localMonth(Date.UTC(2027, 2, 15), "Europe/Berlin")).toEqual({
      start: Date.UTC(2027, 1, 28, 23),
      end: Date.UTC(2027, 2, 31, 22),
    });
    expect(
      describeBookings([{ ref: "PT-1", start: at, end: at + 3_600_000 }], "Europe/Berlin"),
    ).toBe("PT-1 (2027-07-04 09:30 – 2027-07-04 10:30)");
  });

  it("puts the schedule board's week and month on the facility's own days", () => {
    // Week of Wednesday 2027-03-31 in Berlin: Monday 03-29 00:00 CEST to Monday 04-05.
    const week = boardWindow("week", "2027-03-31", "Europe/Berlin");
    expect(week).toEqual({
      from: Date.UTC(2027, 2, 28, 22),
      to: Date.UTC(2027, 3, 4, 22),
      prev: "2027-03-22",
      next: "2027-04-05",
    });
    const month = boardWindow("month", "2027-03-31", "Asia/Shanghai");
    expect([month.from, month.to, month.prev, month.next]).toEqual([
      Date.UTC(2027, 1, 28, 16),
      Date.UTC(2027, 2, 31, 16),
      "2027-02-01",
      "2027-04-01",
    ]);
  });

  it("reads wall-clock times in the spring gap as the instant the clocks jump, and autumn's twice-seen times as the earlier", () => {
    const ny = "America/New_York";
    // 2027-03-14 02:00 EST → 03:00 EDT: 01:59 is EST, 02:30 does not exist (the jump), 03:00 EDT.
    expect(localToUtc(2027, 3, 14, 119, ny)).toBe(Date.UTC(2027, 2, 14, 6, 59));
    expect(localToUtc(2027, 3, 14, 150, ny)).toBe(Date.UTC(2027, 2, 14, 7));
    expect(localToUtc(2027, 3, 14, 180, ny)).toBe(Date.UTC(2027, 2, 14, 7));
    // 2027-11-07 02:00 EDT → 01:00 EST: 01:30 happens at 05:30 and again at 06:30 UTC.
    expect(localToUtc(2027, 11, 7, 90, ny)).toBe(Date.UTC(2027, 10, 7, 5, 30));
    expect(localToUtc(2027, 11, 7, 180, ny)).toBe(Date.UTC(2027, 10, 7, 8));
  });

  it("counts working days (Monday to Friday) in the network's time zone", () => {
    // Friday 2027-01-08 12:00 to Monday 2027-01-11 12:00, Shanghai: half of Friday, half of Monday.
    expect(workingDaysBetween(Date.UTC(2027, 0, 8, 4), Date.UTC(2027, 0, 11, 4))).toBe(1);
  });
});
