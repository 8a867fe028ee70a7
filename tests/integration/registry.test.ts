// The public registry over the demo data: facets alone and combined, Chinese and English text,
// unit conversion, availability, and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { equipment, facilities } from "@/db/schema";
import { setClockForTests } from "@/server/services/clock";
import { clientMessage } from "@/server/api/errors";
import { freshDb, callerFor } from "../helpers/test-db";

const NOW = Date.UTC(2026, 10, 27, 4, 30);
const { db, dir } = freshDb();
const anon = callerFor(db, null);
const all = <T>(q: string) => db.$client.prepare(q).all() as T[];

beforeAll(() => {
  seedDemo(db, { now: NOW, dataDir: dir, passwordHash: "x" });
  setClockForTests(NOW);
});
afterAll(() => setClockForTests(null));

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: clientMessage(e) };
    throw e;
  }
  throw new Error("accepted");
}

const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug);

describe("facility.list", () => {
  it("lists the hub first, then the facilities by name, paged", async () => {
    const first = await anon.facility.list({ pageSize: 5 });
    expect(first.items[0].kind).toBe("hub");
    expect(first.total).toBe(30);
    expect(first.pages).toBe(6);
    const rest = first.items.slice(1).map((i) => i.nameEn);
    expect(rest).toEqual(
      [...rest].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })),
    );
    const second = await anon.facility.list({ pageSize: 5, page: 2 });
    expect(second.items.some((i) => first.items.some((f) => f.slug === i.slug))).toBe(false);
  });

  it("sorts by equipment count", async () => {
    const r = await anon.facility.list({ sort: "equipment", kind: "facility", pageSize: 50 });
    const counts = r.items.map((i) => i.equipmentCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("finds text in English and Chinese names, hosts, equipment and services", async () => {
    expect(slugs(await anon.facility.list({ q: "Vanadium" }))).toEqual([
      "panzhihua-vanadium-titanium-new-materials",
    ]);
    expect(slugs(await anon.facility.list({ q: "钒钛" }))).toEqual([
      "panzhihua-vanadium-titanium-new-materials",
    ]);
    expect(slugs(await anon.facility.list({ q: "九州电子" }))).toEqual([
      "sichuan-data-communication-terminal",
    ]);
    const reactors = all<{ slug: string }>(
      `SELECT DISTINCT f.slug FROM facilities f JOIN equipment e ON e.facility_id = f.id WHERE e.category = 'jacketed_reactor' AND e.status != 'retired'`,
    )
      .map((r) => r.slug)
      .sort();
    expect(
      slugs(await anon.facility.list({ q: "glass-lined reactor", pageSize: 50 })).sort(),
    ).toEqual(reactors);
    expect(slugs(await anon.facility.list({ q: "搪玻璃反应釜", pageSize: 50 })).sort()).toEqual(
      reactors,
    );
    const saltSpray = all<{ slug: string }>(
      `SELECT DISTINCT f.slug FROM facilities f JOIN services s ON s.facility_id = f.id WHERE s.standards LIKE '%GB/T 10125%'`,
    )
      .map((r) => r.slug)
      .sort();
    expect(saltSpray.length).toBeGreaterThan(0);
    expect(slugs(await anon.facility.list({ q: "GB/T 10125", pageSize: 50 })).sort()).toEqual(
      saltSpray,
    );
    expect((await anon.facility.list({ q: "no such thing anywhere" })).total).toBe(0);
    expect((await anon.facility.list({ q: "100%_" })).total).toBe(0);
  });

  it("filters by each facet alone and combined", async () => {
    const byField = await anon.facility.list({ field: "clean_energy", pageSize: 50 });
    expect(byField.total).toBeGreaterThan(2);
    for (const i of byField.items) expect(i.fields).toContain("clean_energy");
    const byPrefecture = await anon.facility.list({ prefecture: "meishan", pageSize: 50 });
    expect(byPrefecture.items.map((i) => i.prefecture)).toEqual(
      Array(byPrefecture.total).fill("meishan"),
    );
    expect(byPrefecture.total).toBe(5);
    const byService = await anon.facility.list({ serviceType: "scale_up", pageSize: 50 });
    for (const i of byService.items) expect(i.serviceTypes).toContain("scale_up");
    const withCma = await anon.facility.list({ accreditation: "CMA", pageSize: 50 });
    const validCma = all<{ slug: string }>(
      `SELECT DISTINCT f.slug FROM facilities f JOIN accreditations a ON a.facility_id = f.id WHERE a.type = 'CMA' AND a.valid_until > ${NOW}`,
    )
      .map((r) => r.slug)
      .sort();
    const anyCma = all<{ slug: string }>(
      `SELECT DISTINCT f.slug FROM facilities f JOIN accreditations a ON a.facility_id = f.id WHERE a.type = 'CMA'`,
    );
    // some certificates have expired: they do not count
    expect(anyCma.length).toBeGreaterThan(validCma.length);
    expect(slugs(withCma).sort()).toEqual(validCma);
    expect(slugs(await anon.facility.list({ kind: "hub" }))).toEqual(["sichuan-pilot-hub"]);
    const combined = await anon.facility.list({
      field: "advanced_materials",
      prefecture: "meishan",
      serviceType: "testing",
      pageSize: 50,
    });
    expect(combined.total).toBeGreaterThan(0);
    for (const i of combined.items) {
      expect(i.fields).toContain("advanced_materials");
      expect(i.prefecture).toBe("meishan");
      expect(i.serviceTypes).toContain("testing");
    }
    expect(combined.total).toBeLessThan(byPrefecture.total);
  });

  it("hides suspended facilities and keeps the search index current", async () => {
    const target = db
      .select()
      .from(facilities)
      .where(eq(facilities.slug, "sichuan-ic-packaging"))
      .get()!;
    db.update(facilities)
      .set({ nameEn: "Sichuan Zircon Packaging Lab" })
      .where(eq(facilities.id, target.id))
      .run();
    expect(slugs(await anon.facility.list({ q: "Zircon" }))).toEqual(["sichuan-ic-packaging"]);
    db.update(facilities).set({ status: "suspended" }).where(eq(facilities.id, target.id)).run();
    expect((await anon.facility.list({ q: "Zircon" })).total).toBe(0);
    db.update(facilities)
      .set({ status: "active", nameEn: target.nameEn })
      .where(eq(facilities.id, target.id))
      .run();
  });

  it("refuses unknown facets and bad paging with the field named", async () => {
    expect(await refusal(anon.facility.list({ field: "astrology" as "ai" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "field: unknown technology field",
    });
    expect(await refusal(anon.facility.list({ prefecture: "beijing" as "chengdu" }))).toMatchObject(
      { message: "prefecture: unknown prefecture" },
    );
    expect(await refusal(anon.facility.list({ page: 0 }))).toMatchObject({
      message: "page: must be 1 or more",
    });
  });
});

describe("facility.get", () => {
  it("returns the profile with accreditations (expired ones marked), equipment and services", async () => {
    const expired = all<{ slug: string }>(
      `SELECT f.slug FROM facilities f JOIN accreditations a ON a.facility_id = f.id WHERE a.valid_until < ${NOW} LIMIT 1`,
    )[0];
    const r = await anon.facility.get({ slug: expired.slug });
    expect(r.accreditations.some((a) => !a.valid)).toBe(true);
    expect(r.equipment.length).toBeGreaterThan(0);
    expect(r.equipment[0].params.length).toBeGreaterThan(0);
    expect(r.services.length).toBeGreaterThan(0);
    expect(r.facility).not.toHaveProperty("icalToken");
  });

  it("is NOT_FOUND for an unknown slug", async () => {
    expect(await refusal(anon.facility.get({ slug: "no-such-facility" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "Facility not found.",
    });
  });
});

describe("equipment.search", () => {
  const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id).sort((a, b) => a - b);

  it("matches a minimum against the envelope's maximum, in any unit", async () => {
    const litres = await anon.equipment.search({
      params: [{ key: "volume", min: 500, unit: "L" }],
      pageSize: 100,
    });
    const cubic = await anon.equipment.search({
      params: [{ key: "volume", min: 0.5, unit: "m³" }],
      pageSize: 100,
    });
    expect(litres.total).toBeGreaterThan(3);
    expect(ids(cubic)).toEqual(ids(litres));
    for (const item of litres.items)
      expect(item.params.find((p) => p.key === "volume")!.max).toBeGreaterThanOrEqual(500);
    const expected = all<{ id: number }>(
      `SELECT e.id FROM equipment e JOIN equipment_params p ON p.equipment_id = e.id JOIN facilities f ON f.id = e.facility_id WHERE p.key = 'volume' AND p.max >= 500 AND e.status != 'retired' AND e.sharing = 'external' AND f.status = 'active'`,
    );
    expect(litres.total).toBe(expected.length);
  });

  it("converts bar and MPa, kg/h and t/h, °C and K", async () => {
    const bar = await anon.equipment.search({
      params: [{ key: "pressure", min: 10, unit: "bar" }],
      pageSize: 100,
    });
    expect(
      ids(
        await anon.equipment.search({
          params: [{ key: "pressure", min: 1, unit: "MPa" }],
          pageSize: 100,
        }),
      ),
    ).toEqual(ids(bar));
    const kgh = await anon.equipment.search({
      params: [{ key: "throughput", min: 20, unit: "kg/h" }],
      pageSize: 100,
    });
    expect(kgh.total).toBeGreaterThan(0);
    expect(
      ids(
        await anon.equipment.search({
          params: [{ key: "throughput", min: 0.02, unit: "t/h" }],
          pageSize: 100,
        }),
      ),
    ).toEqual(ids(kgh));
    const celsius = await anon.equipment.search({
      params: [{ key: "temperature", min: 300, unit: "°C" }],
      pageSize: 100,
    });
    expect(
      ids(
        await anon.equipment.search({
          params: [{ key: "temperature", min: 573.15, unit: "K" }],
          pageSize: 100,
        }),
      ),
    ).toEqual(ids(celsius));
  });

  it("matches a maximum against the envelope's minimum, and a two-sided range by covering it", async () => {
    const cold = await anon.equipment.search({
      params: [{ key: "temperature", max: -40, unit: "°C" }],
      pageSize: 100,
    });
    for (const item of cold.items)
      expect(item.params.find((p) => p.key === "temperature")!.min).toBeLessThanOrEqual(-40);
    const both = await anon.equipment.search({
      params: [{ key: "temperature", min: 0, max: 150, unit: "°C" }],
      pageSize: 100,
    });
    for (const item of both.items) {
      const t = item.params.find((p) => p.key === "temperature")!;
      expect(t.min).toBeLessThanOrEqual(0);
      expect(t.max).toBeGreaterThanOrEqual(150);
    }
  });

  it("combines text, category and parameters", async () => {
    const r = await anon.equipment.search({
      q: "reactor",
      category: "jacketed_reactor",
      params: [{ key: "volume", min: 500, unit: "L" }],
    });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) expect(i.category).toBe("jacketed_reactor");
    const zh = await anon.equipment.search({
      q: "反应釜",
      params: [{ key: "volume", min: 500, unit: "L" }],
      pageSize: 100,
    });
    expect(ids(zh)).toEqual(expect.arrayContaining(ids(r)));
  });

  it("shows each result's next free slot for a duration, inside its free intervals", async () => {
    const r = await anon.equipment.search({ category: "jacketed_reactor", durationHours: 8 });
    const withSlot = r.items.filter((i) => i.nextFreeSlot);
    expect(withSlot.length).toBeGreaterThan(0);
    for (const item of withSlot) {
      const slot = item.nextFreeSlot!;
      expect(slot.end - slot.start).toBe(8 * 3_600_000);
      expect(slot.start).toBeGreaterThanOrEqual(NOW);
      const a = await anon.equipment.availability({
        equipmentId: item.id,
        from: slot.start,
        to: slot.end,
      });
      expect(a.intervals.reduce((s, i) => s + (i.end - i.start), 0)).toBe(8 * 3_600_000);
    }
  });

  it("refuses unknown keys and units, inverted and non-numeric ranges, naming the field", async () => {
    expect(
      (await refusal(anon.equipment.search({ params: [{ key: "colour", min: 1, unit: "L" }] })))
        .message,
    ).toMatch(/^params\.0\.key: unknown parameter 'colour'/);
    expect(
      (
        await refusal(
          anon.equipment.search({ params: [{ key: "volume", min: 1, unit: "gallon" }] }),
        )
      ).message,
    ).toBe("params.0.unit: unknown unit 'gallon' for volume; use L, m³, m3, mL");
    expect(
      (
        await refusal(
          anon.equipment.search({ params: [{ key: "volume", min: 900, max: 100, unit: "L" }] }),
        )
      ).message,
    ).toBe("params.0.max: the maximum is below the minimum");
    expect(
      (
        await refusal(
          anon.equipment.search({
            params: [{ key: "volume", min: "lots" as unknown as number, unit: "L" }],
          }),
        )
      ).message,
    ).toBe("params.0.min: must be a number");
    expect(
      (await refusal(anon.equipment.search({ params: [{ key: "volume", unit: "L" }] }))).message,
    ).toBe("params.0.min: give at least a minimum or a maximum");
    expect((await refusal(anon.equipment.search({ durationHours: 0 }))).message).toBe(
      "durationHours: at least 1 hour",
    );
  });
});

describe("equipment.get and equipment.availability", () => {
  const reactor = () =>
    all<{ id: number }>(
      `SELECT e.id FROM equipment e JOIN facilities f ON f.id = e.facility_id WHERE f.slug LIKE 'jinxiang%' AND e.category = 'jacketed_reactor'`,
    )[0].id;

  it("returns specifications, services, price, calibration and rules", async () => {
    const e = await anon.equipment.get({ id: reactor() });
    expect(e.params.find((p) => p.key === "volume")).toMatchObject({ unit: "L", max: 1000 });
    expect(e.services.length).toBeGreaterThan(0);
    expect(["valid", "due_soon", "expired"]).toContain(e.calibration);
    expect(e.facility.slug).toMatch(/^jinxiang/);
  });

  it("returns 90 days of free intervals and a day summary without revealing bookings", async () => {
    const id = reactor();
    const from = NOW;
    const to = NOW + 90 * 86_400_000;
    const a = await anon.equipment.availability({
      equipmentId: id,
      from: new Date(from).toISOString(),
      to,
    });
    expect(a.days.length).toBeGreaterThanOrEqual(90);
    expect(new Set(a.days.map((d) => d.status))).toEqual(expect.any(Set));
    const statuses = a.days.map((d) => d.status);
    expect(statuses).toContain("closed"); // office hours: weekends
    expect(statuses.some((s) => s === "free" || s === "partly_free")).toBe(true);
    const json = JSON.stringify(a);
    for (const secret of ["firm", "ref", "PT-", "requestId", "reason"])
      expect(json).not.toContain(secret);
    for (const i of a.intervals) {
      expect(i.freeUnits).toBeGreaterThan(0);
      expect(i.start).toBeGreaterThanOrEqual(from);
    }
  });

  it("marks days of a facility-wide maintenance window", async () => {
    const m = all<{ facility_id: number; start: number }>(
      `SELECT facility_id, start FROM reservations WHERE kind = 'maintenance' AND equipment_id IS NULL AND start > ${NOW} LIMIT 1`,
    )[0];
    const e = db
      .select()
      .from(equipment)
      .where(eq(equipment.facilityId, m.facility_id))
      .all()
      .find((x) => x.status === "operational" && x.sharing === "external")!;
    const a = await anon.equipment.availability({
      equipmentId: e.id,
      from: m.start,
      to: m.start + 2 * 86_400_000,
    });
    expect(a.intervals).toEqual([]);
    expect(a.days.map((d) => d.status).filter((s) => s !== "closed")).toEqual(
      expect.arrayContaining(["maintenance"]),
    );
  });

  it("refuses long or inverted windows and bad times; unknown ids are NOT_FOUND", async () => {
    const id = reactor();
    expect(
      (
        await refusal(
          anon.equipment.availability({ equipmentId: id, from: NOW, to: NOW + 367 * 86_400_000 }),
        )
      ).message,
    ).toBe("to: the window may be at most 366 days");
    expect(
      (await refusal(anon.equipment.availability({ equipmentId: id, from: NOW, to: NOW }))).message,
    ).toBe("to: must be after from");
    expect(
      (
        await refusal(
          anon.equipment.availability({ equipmentId: id, from: "next tuesday", to: NOW }),
        )
      ).message,
    ).toMatch(/^from: must be an ISO-8601 time/);
    expect(
      await refusal(
        anon.equipment.availability({ equipmentId: 999_999, from: NOW, to: NOW + 86_400_000 }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(anon.equipment.get({ id: 999_999 }))).toMatchObject({
      code: "NOT_FOUND",
      message: "Equipment not found.",
    });
  });

  it("keeps internal equipment out of public view", async () => {
    const internal = all<{ id: number }>(
      `SELECT id FROM equipment WHERE sharing = 'internal' LIMIT 1`,
    )[0];
    expect(internal).toBeDefined();
    expect(await refusal(anon.equipment.get({ id: internal.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await anon.equipment.search({ pageSize: 100 })).items.map((i) => i.id)).not.toContain(
      internal.id,
    );
  });
});

describe("service.list", () => {
  it("finds services by standard code and by name, with their facility", async () => {
    const r = await anon.service.list({ q: "GB/T 2423", pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const s of r.items) expect(s.standards.join(" ")).toContain("GB/T 2423");
    expect(r.items[0].facility.slug).toBeTruthy();
    const zh = await anon.service.list({ q: "盐雾", pageSize: 100 });
    for (const s of zh.items) expect(s.nameZh).toContain("盐雾");
    expect(zh.total).toBeGreaterThan(0);
  });

  it("filters by type and facility", async () => {
    const r = await anon.service.list({ type: "consulting", facility: "sichuan-pilot-hub" });
    expect(r.total).toBe(3);
    for (const s of r.items) expect(s.type).toBe("consulting");
    expect((await refusal(anon.service.list({ type: "magic" as "testing" }))).message).toBe(
      "type: unknown service type",
    );
  });
});
