// Ids are positive safe integers written in decimal digits: the loose forms the issue found
// (`true`, "0x10", [16], " 12 ", "1e1") are a 400 and change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { idInput } from "@/server/services/id-input";
import { freshDb, callerFor } from "../helpers/test-db";
import { refusalChecker } from "../helpers/refusal";
import { makeBookingFixture } from "../helpers/booking-fixture";

const { db } = freshDb();
const refused = refusalChecker(db);
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
});

const LOOSE = [true, "0x10", [16], " 12 ", "1e1", "012", "1.0", 1.5, 0, -3, "", null, 2 ** 60];

describe("strict ids", () => {
  it("accepts a positive safe integer as a number or decimal digits", () => {
    expect(idInput().parse(16)).toBe(16);
    expect(idInput().parse("16")).toBe(16);
    for (const v of LOOSE)
      expect({ v, ok: idInput().safeParse(v).success }).toEqual({ v, ok: false });
  });

  it("refuses the loose forms at the API with a 400 that changes nothing", async () => {
    for (const id of LOOSE) {
      const r = await refused(() =>
        callerFor(db, null).equipment.get({ id } as unknown as { id: number }),
      );
      expect({ id, code: r.code }).toEqual({ id, code: "BAD_REQUEST" });
    }
    const target = fx.firmUser.id;
    const before = db.select().from(users).where(eq(users.id, target)).get()!;
    const r = await refused(() =>
      callerFor(db, fx.admin.id).admin.resetPassword({
        id: `0x${target.toString(16)}`,
      } as unknown as { id: number }),
    );
    expect(r.code).toBe("BAD_REQUEST");
    expect(db.select().from(users).where(eq(users.id, target)).get()).toEqual(before);
  });
});
