// The service agreement: a PDF in Chinese and English with both parties and their credit codes,
// the scope, the quote's lines and total, and the terms; a draft until the firm accepts the quote,
// whose acceptance records the agreement's number. Only the request's parties may read it.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { facilities } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { agreementPdf } from "@/server/services/money/agreement";
import { loadActor } from "@/server/services/users/load-actor";
import { freshDb, callerFor } from "../helpers/test-db";
import { textOf } from "../helpers/pdf-text";
import { makeBookingFixture, requestBody, at, NOW, HOUR } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
  setClockForTests(NOW);
  db.update(facilities)
    .set({ nameZh: "甲实验室", creditCode: "91510100520000011X" })
    .where(eq(facilities.id, fx.lab.id))
    .run();
});

describe("service agreement", () => {
  it("is a bilingual PDF of the quote, a draft until the firm accepts it", async () => {
    const firm = callerFor(db, fx.firmUser.id);
    const r = await firm.request.submit(requestBody({ equipmentId: fx.reactor.id }));
    await callerFor(db, fx.operator.id).request.quote({
      id: r.id,
      equipmentId: fx.reactor.id,
      start: at(1, 9),
      end: at(1, 13),
      units: 1,
      lines: [
        {
          kind: "machine_time",
          quantity: 4,
          unit: "h",
          unitPriceFen: 50_000,
          voucherEligible: true,
        },
        { kind: "report", description: "检测报告", quantity: 1, unitPriceFen: 20_000 },
      ],
      validUntil: NOW + 12 * HOUR,
    });
    const firmActor = loadActor(db, fx.firmUser.id)!;
    const draft = await textOf((await agreementPdf(db, firmActor, r.id)).bytes);
    const number = `SA-${r.ref.slice(3)}-V1`;
    for (const part of [
      "委托服务协议",
      "Service agreement",
      number,
      "Firm A",
      "甲实验室",
      "91510100520000011X",
      "检测报告",
      "¥2,332.00", // (¥2,000 + ¥200) × 1.06
      "Draft",
      "保密",
      "Confidentiality",
    ])
      expect(draft, part).toContain(part);

    await firm.request.accept({ id: r.id });
    const page = await firm.request.get({ id: r.id });
    expect(page.request.agreementNumber).toBe(number);
    const accepted = await textOf((await agreementPdf(db, firmActor, r.id)).bytes);
    expect(accepted).toContain("Accepted by the firm");
  });

  it("is read only by the request's parties, and only once there is a quote", async () => {
    const r = await callerFor(db, fx.firmUser.id).request.submit(
      requestBody({ equipmentId: fx.reactor.id }),
    );
    await expect(agreementPdf(db, loadActor(db, fx.firmUser.id)!, r.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(agreementPdf(db, loadActor(db, fx.firmUserB.id)!, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(agreementPdf(db, loadActor(db, fx.operatorB.id)!, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
