// The equipment record the sharing evaluation needs: asset number, original value, purchase day
// and funding source, set by the facility when it adds or edits equipment; bad values refused by
// field with nothing changed; another facility's equipment is not found.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { equipment } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { fieldRefusalsOf } from "@/server/api/errors";
import { isLargeInstrument } from "@/db/reference/large-instrument";
import { outcome } from "../helpers/outcome";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, NOW } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});

describe("the equipment record", () => {
  it("is saved on edit and read back; a large instrument is one worth ¥500,000 or more", async () => {
    const op = callerFor(db, fx.operator.id);
    await op.equipment.update({
      id: fx.reactor.id,
      assetNumber: "JX-2021-007",
      originalValueFen: 68_000_000,
      purchaseDate: "2021-06-15",
      fundingSource: "provincial_fiscal",
    });
    const row = db.select().from(equipment).where(eq(equipment.id, fx.reactor.id)).get()!;
    expect(row).toMatchObject({
      assetNumber: "JX-2021-007",
      originalValueFen: 68_000_000,
      purchaseDate: "2021-06-15",
      fundingSource: "provincial_fiscal",
    });
    expect(isLargeInstrument(row.originalValueFen)).toBe(true);
    expect(isLargeInstrument(49_999_999)).toBe(false);
  });

  it("refuses a bad asset number, a future or malformed day and an unknown source", async () => {
    const op = callerFor(db, fx.operator.id);
    const before = tableCounts(db);
    const e = await outcome(
      op.equipment.update({
        id: fx.chamber.id,
        assetNumber: "资产 #1",
        purchaseDate: "2031-01-01",
        fundingSource: "lottery" as "other",
      }),
    );
    expect(Object.keys(fieldRefusalsOf(e!) ?? {}).sort()).toEqual([
      "assetNumber",
      "fundingSource",
      "purchaseDate",
    ]);
    const malformed = await outcome(
      op.equipment.update({ id: fx.chamber.id, purchaseDate: "2021-13-40" }),
    );
    expect(fieldRefusalsOf(malformed!)).toHaveProperty("purchaseDate");
    expect(tableCounts(db)).toEqual(before);
    const other = await outcome(
      callerFor(db, fx.operatorB.id).equipment.update({ id: fx.chamber.id, assetNumber: "X-1" }),
    );
    expect(other?.code).toBe("NOT_FOUND");
    const firm = await outcome(
      callerFor(db, fx.firmUser.id).equipment.update({ id: fx.chamber.id, assetNumber: "X-1" }),
    );
    expect(firm?.code).toBe("FORBIDDEN");
  });
});
