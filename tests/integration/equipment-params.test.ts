// Capability parameters typed in any unit their key accepts are stored in the canonical unit;
// each key once, with a bound, and a refusal names the row and field in words.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { fieldRefusalsOf } from "@/server/api/errors";
import { freshDb, callerFor, tableCounts } from "../helpers/test-db";
import { makeBookingFixture } from "../helpers/booking-fixture";

const { db } = freshDb();
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
});

const fields = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => fieldRefusalsOf(e),
  );
const stored = (equipmentId: number) =>
  db.$client
    .prepare(`SELECT key, unit, min, max FROM equipment_params WHERE equipment_id = ? ORDER BY key`)
    .all(equipmentId);

describe("equipment parameters", () => {
  it("converts each range to the key's canonical unit on create and on update", async () => {
    const op = callerFor(db, fx.operator.id);
    const created = await op.equipment.create({
      name: "Spray dryer 5 m³",
      category: "spray_dryer",
      hourlyRateFen: 30_000,
      params: [
        { key: "volume", min: 0.5, max: 5, unit: "m³" },
        { key: "temperature", min: null, max: 392, unit: "°F" },
      ],
    });
    expect(stored(created.id)).toEqual([
      { key: "temperature", unit: "°C", min: null, max: 200 },
      { key: "volume", unit: "L", min: 500, max: 5000 },
    ]);
    await op.equipment.update({
      id: fx.reactor.id,
      params: [{ key: "pressure", min: 0, max: 1, unit: "MPa" }],
    });
    expect(stored(fx.reactor.id)).toEqual([{ key: "pressure", unit: "bar", min: 0, max: 10 }]);
  });

  it("refuses a unit of another key, a key twice and a row without bounds, naming each", async () => {
    const op = callerFor(db, fx.operator.id);
    const before = tableCounts(db);
    const refused = await fields(
      op.equipment.update({
        id: fx.reactor.id,
        params: [
          { key: "volume", min: 1, max: 2, unit: "bar" },
          { key: "volume", min: 1, max: null },
          { key: "pressure", min: null, max: null },
        ],
      }),
    );
    expect(refused).toMatchObject({
      "params.0.unit": { code: "field.unknownUnit" },
      "params.1.key": { code: "field.paramTwice" },
      "params.2.min": { code: "field.minOrMax" },
    });
    expect(tableCounts(db)).toEqual(before);
  });

  it("keeps another facility's equipment out of reach, and firms out of the editor", async () => {
    const foreign = await callerFor(db, fx.operatorB.id)
      .equipment.update({ id: fx.reactor.id, params: [] })
      .catch((e: TRPCError) => e.code);
    expect(foreign).toBe("NOT_FOUND");
    const firm = await callerFor(db, fx.firmUser.id)
      .equipment.update({ id: fx.reactor.id, params: [] })
      .catch((e: TRPCError) => e.code);
    expect(firm).toBe("FORBIDDEN");
  });
});
