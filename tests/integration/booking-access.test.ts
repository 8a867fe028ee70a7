// Every booking mutation refuses the wrong role (FORBIDDEN) and a foreign tenant (NOT_FOUND),
// and leaves the database unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setClockForTests } from "@/server/services/clock";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
let ids: Record<string, number>;

beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  const firm = callerFor(db, fx.firmUser.id);
  const op = callerFor(db, fx.operator.id);
  const submitted = await firm.request.submit(requestBody({ equipmentId: fx.reactor.id }));
  const quoted = await firm.request.submit(requestBody({ equipmentId: fx.reactor.id }));
  await op.request.quote({
    id: quoted.id,
    equipmentId: fx.reactor.id,
    start: at(1, 9),
    end: at(1, 12),
    units: 1,
    amountFen: 1,
    validUntil: NOW + 10 * HOUR,
  });
  const confirmed = await firm.request.submit(
    requestBody({
      equipmentId: fx.chamber.id,
      serviceType: "testing",
      preferredStart: at(1, 9),
      hours: 2,
    }),
  );
  const started = await firm.request.submit(
    requestBody({
      equipmentId: fx.chamber.id,
      serviceType: "pilot_production",
      preferredStart: at(1, 12),
      hours: 2,
    }),
  );
  await op.request.start({ id: started.id });
  ids = {
    submitted: submitted.id,
    quoted: quoted.id,
    confirmed: confirmed.id,
    started: started.id,
  };
});
afterAll(() => setClockForTests(null));

async function code(call: () => Promise<unknown>) {
  const { audit_log: _a, ...before } = tableCounts(db);
  try {
    await call();
    return "OK";
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const { audit_log: _b, ...after } = tableCounts(db);
    expect(after).toEqual(before);
    return e.code;
  }
}

const as = (u: { id: number }) => callerFor(db, u.id);

describe("booking mutations: wrong role and foreign tenant", () => {
  const cases: [string, (c: ReturnType<typeof as>) => Promise<unknown>, "firm" | "facility"][] = [
    ["accept", (c) => c.request.accept({ id: ids.quoted }), "firm"],
    ["withdraw", (c) => c.request.withdraw({ id: ids.submitted }), "firm"],
    ["rate", (c) => c.request.rate({ id: ids.confirmed, rating: 5 }), "firm"],
    [
      "quote",
      (c) =>
        c.request.quote({
          id: ids.submitted,
          equipmentId: fx.reactor.id,
          start: at(2, 9),
          end: at(2, 12),
          units: 1,
          amountFen: 1,
          validUntil: NOW + HOUR,
        }),
      "facility",
    ],
    ["reject", (c) => c.request.reject({ id: ids.submitted, reason: "Not possible" }), "facility"],
    ["start", (c) => c.request.start({ id: ids.confirmed }), "facility"],
    ["complete", (c) => c.request.complete({ id: ids.started }), "facility"],
  ];
  for (const [name, call, side] of cases) {
    it(`${name}: the other side and admins are FORBIDDEN; the other firm or facility NOT_FOUND`, async () => {
      const wrongRole = side === "firm" ? fx.operator : fx.firmUser;
      const foreign = side === "firm" ? fx.firmUserB : fx.operatorB;
      expect(await code(() => call(as(wrongRole)))).toBe("FORBIDDEN");
      expect(await code(() => call(as(fx.admin)))).toBe("FORBIDDEN");
      expect(await code(() => call(as(foreign)))).toBe("NOT_FOUND");
    });
  }
  it("cancel and message: admins FORBIDDEN, strangers NOT_FOUND on both sides", async () => {
    for (const call of [
      (c: ReturnType<typeof as>) => c.request.cancel({ id: ids.confirmed, reason: "Because" }),
      (c: ReturnType<typeof as>) => c.request.message({ id: ids.confirmed, body: "Hello" }),
    ]) {
      expect(await code(() => call(as(fx.admin)))).toBe("FORBIDDEN");
      expect(await code(() => call(as(fx.firmUserB)))).toBe("NOT_FOUND");
      expect(await code(() => call(as(fx.operatorB)))).toBe("NOT_FOUND");
    }
  });
  it("reads: strangers get NOT_FOUND, admins read everything", async () => {
    expect(await code(() => as(fx.firmUserB).request.get({ id: ids.confirmed }))).toBe("NOT_FOUND");
    expect(await code(() => as(fx.operatorB).request.get({ id: ids.confirmed }))).toBe("NOT_FOUND");
    expect((await as(fx.admin).request.get({ id: ids.confirmed })).actions).toEqual([]);
    expect(await code(() => callerFor(db, null).request.list({}))).toBe("UNAUTHORIZED");
  });
});
