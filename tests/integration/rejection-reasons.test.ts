// Turning a request down names one of the common reasons (each reader sees it in their language,
// and the dashboard counts it by reason) or "other" in the operator's own words.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setClockForTests } from "@/server/services/clock";
import { noteText } from "@/server/services/booking/event-note";
import { statsOverview } from "@/server/services/stats/overview";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, NOW, DAY } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
});

const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError & { cause?: unknown }) => e,
  );

async function submitted() {
  return callerFor(db, fx.firmUser.id).request.submit(
    requestBody({ facilityId: fx.lab.id, title: "Resin batch to turn down" }),
  );
}

describe("request.reject", () => {
  it("records a common reason by its code, in each reader's language", async () => {
    const r = await submitted();
    const op = callerFor(db, fx.operator.id);
    await op.request.reject({ id: r.id, reasonCode: "no_capacity" });
    const page = await op.request.get({ id: r.id });
    expect(page.request.status).toBe("rejected");
    const last = page.events.at(-1)!;
    expect(last.noteCode).toBe("rejectedFor");
    const note = { code: last.noteCode!, params: last.noteParams! } as Parameters<
      typeof noteText
    >[0];
    expect(noteText(note, "en")).toBe("Reason: no capacity before the deadline");
    expect(noteText(note, "zh")).toBe("原因：截止日期前没有可用产能");

    const withWords = await submitted();
    await op.request.reject({
      id: withWords.id,
      reasonCode: "outside_scope",
      reason: "We test to GB/T only",
    });
    const other = await submitted();
    await op.request.reject({ id: other.id, reason: "Site closed for relocation" });
    const reasons = statsOverview(db, { from: NOW - DAY, to: NOW + DAY }).rejectionReasons;
    expect(reasons).toEqual(
      expect.arrayContaining([
        { code: "no_capacity", reason: null, n: 1 },
        { code: "outside_scope", reason: null, n: 1 },
        { code: "other", reason: "Site closed for relocation", n: 1 },
      ]),
    );
  });

  it("refuses an unknown reason, and 'other' without words, changing nothing", async () => {
    const r = await submitted();
    const op = callerFor(db, fx.operator.id);
    const before = tableCounts(db);
    const unknown = await refused(
      op.request.reject({ id: r.id, reasonCode: "bored" as "other", reason: "x y z" }),
    );
    expect(unknown?.code).toBe("BAD_REQUEST");
    const bare = await refused(op.request.reject({ id: r.id, reasonCode: "other" }));
    expect(bare?.code).toBe("BAD_REQUEST");
    expect(tableCounts(db)).toEqual(before);
    expect((await op.request.get({ id: r.id })).request.status).toBe("submitted");
  });

  it("is the facility's to do: a firm is forbidden, another facility finds nothing", async () => {
    const r = await submitted();
    const firm = await refused(
      callerFor(db, fx.firmUser.id).request.reject({ id: r.id, reasonCode: "no_capacity" }),
    );
    expect(firm?.code).toBe("FORBIDDEN");
    const foreign = await refused(
      callerFor(db, fx.operatorB.id).request.reject({ id: r.id, reasonCode: "no_capacity" }),
    );
    expect(foreign?.code).toBe("NOT_FOUND");
  });
});
