// Files on requests: content-checked, size- and count-limited, served only to those who may see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { DomainError } from "@/server/services/errors";
import { setClockForTests } from "@/server/services/clock";
import { addAttachment, readAttachment } from "@/server/services/booking/attachments";
import { bookingCalendar } from "@/server/services/booking/calendar-file";
import { loadActor } from "@/server/services/users/load-actor";
import { minimalPdf } from "@/db/seed/pdf";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW } from "../helpers/booking-fixture";

const { db, dir } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
const previousDataDir = process.env.DATA_DIR;
const actor = (u: { id: number }) => loadActor(db, u.id)!;

beforeAll(async () => {
  process.env.DATA_DIR = dir;
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});
afterAll(() => {
  setClockForTests(null);
  process.env.DATA_DIR = previousDataDir;
});

function code(fn: () => unknown): string {
  const before = tableCounts(db);
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError || e instanceof TRPCError) {
      expect(tableCounts(db)).toEqual(before);
      return `${e.code}: ${e.message}`;
    }
    throw e;
  }
  return "OK";
}

describe("attachments", () => {
  it("stores a firm's specification and a facility's document, readable by both parties only", async () => {
    const r = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ equipmentId: fx.reactor.id }),
    );
    const pdf = minimalPdf(["Specification"]);
    const spec = addAttachment(db, actor(fx.firmUser), r.id, { name: "spec.pdf", bytes: pdf });
    expect(spec).toMatchObject({ kind: "spec", mimeType: "application/pdf", size: pdf.length });
    const report = addAttachment(db, actor(fx.operator), r.id, {
      name: "../../etc/report.csv",
      bytes: new TextEncoder().encode("a,b\n1,2\n"),
    });
    // A facility's file is a document: reports are issued through the report register.
    expect(report).toMatchObject({
      kind: "document",
      fileName: "etcreport.csv",
      mimeType: "text/csv",
    });
    expect(Buffer.from(readAttachment(db, actor(fx.operator), spec.id).bytes)).toEqual(
      Buffer.from(pdf),
    );
    expect(readAttachment(db, actor(fx.firmUserColleague()), report.id).fileName).toBe(
      `${r.ref}-etcreport.csv`,
    );
    expect(readAttachment(db, actor(fx.admin), report.id).mimeType).toBe("text/csv");
    expect(code(() => readAttachment(db, actor(fx.firmUserB), spec.id))).toBe(
      "NOT_FOUND: File not found.",
    );
    expect(code(() => readAttachment(db, actor(fx.operatorB), spec.id))).toBe(
      "NOT_FOUND: File not found.",
    );
    expect(
      code(() => addAttachment(db, actor(fx.firmUserB), r.id, { name: "x.pdf", bytes: pdf })),
    ).toBe("NOT_FOUND: Request not found.");
    expect(
      code(() => addAttachment(db, actor(fx.admin), r.id, { name: "x.pdf", bytes: pdf })),
    ).toMatch(/^FORBIDDEN/);
  });

  it("names stored and downloaded files itself: detected extension, no controls or bidi overrides", async () => {
    const r = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ equipmentId: fx.reactor.id }),
    );
    const pdf = minimalPdf(["Polyglot"]);
    const poly = addAttachment(db, actor(fx.firmUser), r.id, { name: "poly.html", bytes: pdf });
    expect(poly.fileName).toBe("poly.pdf");
    expect(readAttachment(db, actor(fx.firmUser), poly.id).fileName).toBe(`${r.ref}-poly.pdf`);
    const tricky = addAttachment(db, actor(fx.firmUser), r.id, {
      name: 'invoice\u202Efdp.exe\u0007\u200B"quote".pdf',
      bytes: pdf,
    });
    expect(tricky.fileName).toBe("invoicefdp.exequote.pdf");
    const download = readAttachment(db, actor(fx.firmUser), tricky.id).fileName;
    expect(download).toBe(`${r.ref}-invoicefdp.exequote.pdf`);
    expect(download).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069"]/);
  });

  it("refuses wrong types, oversized files and a sixth file", async () => {
    const r = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ equipmentId: fx.reactor.id }),
    );
    const firm = actor(fx.firmUser);
    expect(
      code(() =>
        addAttachment(db, firm, r.id, {
          name: "report.pdf",
          bytes: new Uint8Array([0x4d, 0x5a, 1, 2, 3]),
        }),
      ),
    ).toMatch(/^VALIDATION: file: not a PDF, PNG, JPEG, XLSX, DOCX or CSV/);
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(code(() => addAttachment(db, firm, r.id, { name: "big.pdf", bytes: big }))).toBe(
      "VALIDATION: file: larger than 20 MB",
    );
    for (let i = 0; i < 5; i++)
      addAttachment(db, firm, r.id, { name: `p${i}.pdf`, bytes: minimalPdf([`page ${i}`]) });
    expect(
      code(() => addAttachment(db, firm, r.id, { name: "p6.pdf", bytes: minimalPdf(["six"]) })),
    ).toBe("VALIDATION: file: a request holds at most 5 files");
  });

  it("exports a confirmed booking as an .ics event", async () => {
    const r = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({
        equipmentId: fx.chamber.id,
        serviceType: "testing",
        preferredStart: at(1, 15),
        hours: 2,
      }),
    );
    const ics = bookingCalendar(db, actor(fx.firmUser), r.id);
    expect(ics.fileName).toBe(`${r.ref}.ics`);
    expect(ics.body).toContain("BEGIN:VEVENT");
    expect(ics.body).toContain("DTSTART:20270105T070000Z");
    expect(ics.body).toContain("DTEND:20270105T090000Z");
    expect(code(() => bookingCalendar(db, actor(fx.firmUserB), r.id))).toBe(
      "NOT_FOUND: Request not found.",
    );
    const pending = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ equipmentId: fx.reactor.id }),
    );
    expect(code(() => bookingCalendar(db, actor(fx.firmUser), pending.id))).toMatch(
      /^INVALID_STATE: .* has no confirmed booking yet/,
    );
  });
});
