// Calendar text cannot inject properties: CR, LF, commas, semicolons and backslashes are escaped,
// and lines are folded at 75 octets without splitting a character.
import { describe, expect, it } from "vitest";
import { icsCalendar, icsFold, icsText } from "@/server/services/ical";

describe("iCalendar text", () => {
  it("escapes what could end a property or start another", () => {
    expect(icsText("Test\r\nATTENDEE:mailto:x@evil.example")).toBe(
      "Test\\nATTENDEE:mailto:x@evil.example",
    );
    expect(icsText("a\rb\nc\r\nd")).toBe("a\\nb\\nc\\nd");
    expect(icsText("x;y,z\\w")).toBe("x\\;y\\,z\\\\w");
    expect(icsText("bell\u0007tab\tend")).toBe("belltab\tend");
  });

  it("folds long lines at 75 octets and keeps every character whole", () => {
    const line = `SUMMARY:${"中试放大验证".repeat(20)}`;
    const folded = icsFold(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("has no bare CR or LF in a calendar built from hostile text", () => {
    const body = icsCalendar([
      "BEGIN:VEVENT",
      `SUMMARY:${icsText("evil\rX-INJECT:1\n")}`,
      "END:VEVENT",
    ]);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(body).not.toMatch(/\r\nX-INJECT/);
  });
});
