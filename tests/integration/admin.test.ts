// Administration: facilities (create, edit, suspend), staff accounts (create, disable, reset with
// a forced change), and the rule that only admins may call any admin.* or stats.* procedure.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { fieldErrorsOf } from "@/server/api/errors";
import { signIn } from "@/server/services/auth/sign-in";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeFixture, PASSWORD, type Fixture } from "../helpers/fixtures";
import { refusalChecker } from "../helpers/refusal";

const { db } = freshDb();
const refused = refusalChecker(db);
let fx: Fixture;
const admin = () => callerFor(db, fx.admin.id);
const newFacility = {
  slug: "new-lab",
  nameEn: "New Pilot Lab",
  nameZh: "新中试实验室",
  prefecture: "mianyang" as const,
  fields: ["advanced_materials" as const],
};

beforeAll(async () => {
  fx = await makeFixture(db);
});

describe("admin facilities", () => {
  it("creates a facility that appears in search, and edits it", async () => {
    const created = await admin().admin.createFacility({
      ...newFacility,
      openingHours: "extended",
    });
    expect(
      (await callerFor(db, null).facility.list({ q: "New Pilot" })).items.map((f) => f.slug),
    ).toContain("new-lab");
    const edited = await admin().admin.updateFacility({
      id: created.id,
      version: 1,
      nameEn: "New Pilot-Scale Lab",
      host: "Mianyang Institute",
    });
    expect(edited.version).toBe(2);
    expect(await admin().admin.facility({ id: created.id })).toMatchObject({
      nameEn: "New Pilot-Scale Lab",
      host: "Mianyang Institute",
      prefecture: "mianyang",
    });
    expect((await admin().admin.facilities({ q: "Pilot-Scale" })).rows.map((r) => r.slug)).toEqual([
      "new-lab",
    ]);
  });

  it("refuses bad input, a taken slug, a second hub, a stale version and an unknown facility, changing nothing", async () => {
    const bad = await refused(() =>
      admin().admin.createFacility({ ...newFacility, slug: "Bad Slug!", fields: [] }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    const err = await admin()
      .admin.createFacility({ ...newFacility, slug: "x", fields: [] })
      .catch((e: TRPCError) => e);
    expect(Object.keys(fieldErrorsOf(err as TRPCError) ?? {}).sort()).toEqual(["fields", "slug"]);
    expect((await refused(() => admin().admin.createFacility(newFacility))).message).toMatch(
      /slug.*already taken/,
    );
    expect(
      (
        await refused(() =>
          admin().admin.createFacility({ ...newFacility, slug: "hub-2", kind: "hub" }),
        )
      ).message,
    ).toMatch(/already has its hub/);
    expect(
      (
        await refused(() =>
          admin().admin.updateFacility({ id: fx.lab.id, version: 99, nameEn: "Renamed" }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(
      (await refused(() => admin().admin.updateFacility({ id: 9999, nameEn: "Renamed" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refused(() =>
          admin().admin.updateFacility({ id: fx.lab.id, contactEmail: "not-an-email" }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });

  it("suspends a facility: hidden from search, no new requests, existing work still visible; the hub cannot be suspended", async () => {
    const ask = {
      facilityId: fx.otherLab.id,
      serviceType: "testing" as const,
      title: "Tensile test",
      earliestStart: Date.now() + 86_400_000,
      deadline: Date.now() + 30 * 86_400_000,
      hours: 2,
    };
    const before = await callerFor(db, fx.firmUser.id).request.submit(ask);
    await admin().admin.setFacilityStatus({
      id: fx.otherLab.id,
      status: "suspended",
      reason: "Safety review",
    });
    expect((await callerFor(db, null).facility.list({})).items.map((f) => f.slug)).not.toContain(
      "lab-b",
    );
    expect(
      (await callerFor(db, fx.firmUser.id).request.get({ id: before.id })).request.status,
    ).toBe("submitted");
    expect(
      (await callerFor(db, fx.operatorB.id).request.list({})).items.map((r) => r.id),
    ).toContain(before.id);
    const submit = await callerFor(db, fx.firmUser.id)
      .request.submit(ask)
      .catch((e: TRPCError) => e);
    expect(submit).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(
      (await admin().admin.facilities({ status: "suspended" })).rows.map((r) => r.slug),
    ).toEqual(["lab-b"]);
    // each row counts its own facility's equipment, staff and open requests
    expect((await admin().admin.facilities({ status: "suspended" })).rows[0]).toMatchObject({
      equipment: 0,
      operators: 1,
      openRequests: 1,
    });
    expect(
      (
        await refused(() =>
          admin().admin.setFacilityStatus({
            id: fx.otherLab.id,
            status: "suspended",
            reason: "Again",
          }),
        )
      ).code,
    ).toBe("PRECONDITION_FAILED");
    const noReason = await refused(() =>
      admin().admin.setFacilityStatus({ id: fx.lab.id, status: "suspended" }),
    );
    expect(noReason.message).toMatch(/^reason: give a reason of at least 3 characters/);
    expect(
      (
        await refused(() =>
          admin().admin.setFacilityStatus({ id: fx.hub.id, status: "suspended", reason: "Test" }),
        )
      ).message,
    ).toMatch(/hub cannot be suspended/);
    await admin().admin.setFacilityStatus({ id: fx.otherLab.id, status: "active" });
    expect((await callerFor(db, null).facility.list({})).items.map((f) => f.slug)).toContain(
      "lab-b",
    );
  });
});

describe("admin accounts", () => {
  it("creates an operator who must change the one-time password before anything else", async () => {
    const created = await admin().admin.createUser({
      email: "New.Operator@Example.cn",
      name: "New Operator",
      role: "operator",
      facilityId: fx.lab.id,
    });
    expect(created.email).toBe("new.operator@example.cn");
    const actor = await signIn(db, {
      email: created.email,
      password: created.temporaryPassword,
      ip: null,
    });
    expect(actor).toMatchObject({
      role: "operator",
      facilityId: fx.lab.id,
      mustChangePassword: true,
    });
    const op = callerFor(db, created.id);
    await expect(op.facility.catalogue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const weak = await op.user
      .changePassword({ currentPassword: created.temporaryPassword, newPassword: "short" })
      .catch((e: TRPCError) => e);
    expect(fieldErrorsOf(weak as TRPCError)).toHaveProperty("newPassword");
    const wrong = await op.user
      .changePassword({
        currentPassword: "nope-nope-nope",
        newPassword: "a-much-better-passphrase",
      })
      .catch((e: TRPCError) => e);
    expect(fieldErrorsOf(wrong as TRPCError)).toHaveProperty("currentPassword");
    await op.user.changePassword({
      currentPassword: created.temporaryPassword,
      newPassword: "a-much-better-passphrase",
    });
    expect((await op.facility.catalogue()).equipment).toBeDefined();
    await expect(
      signIn(db, { email: created.email, password: created.temporaryPassword, ip: null }),
    ).rejects.toThrow();
  });

  it("attaches coordinators to the hub and refuses bad accounts", async () => {
    const co = await admin().admin.createUser({
      email: "co2@example.cn",
      name: "Coordinator Two",
      role: "coordinator",
    });
    expect((await admin().admin.users({ q: "co2@" })).rows).toMatchObject([
      { role: "coordinator", facility: "hub", mustChangePassword: true },
    ]);
    expect(co.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(
      (
        await refused(() =>
          admin().admin.createUser({ email: "x@example.cn", name: "X", role: "operator" }),
        )
      ).message,
    ).toMatch(/facilityId: an operator needs a facility/);
    expect(
      (
        await refused(() =>
          admin().admin.createUser({ email: "co2@example.cn", name: "Again", role: "admin" }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect(
      (
        await refused(() =>
          admin().admin.createUser({
            email: "y@example.cn",
            name: "Why",
            role: "operator",
            facilityId: fx.hub.id,
          }),
        )
      ).message,
    ).toMatch(/coordinators/);
    expect(
      (
        await refused(() =>
          admin().admin.createUser({ email: "z@example.cn", name: "Z", role: "firm" as "admin" }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });

  it("disables a user, who is refused on the next request, and enables them again", async () => {
    const op = callerFor(db, fx.operatorB.id);
    await op.facility.catalogue();
    await admin().admin.setUserDisabled({ id: fx.operatorB.id, disabled: true });
    await expect(op.facility.catalogue()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      signIn(db, { email: fx.operatorB.email, password: PASSWORD, ip: null }),
    ).rejects.toThrow(/disabled/);
    expect(
      (await refused(() => admin().admin.setUserDisabled({ id: fx.admin.id, disabled: true })))
        .message,
    ).toMatch(/own account/);
    expect(
      (await refused(() => admin().admin.setUserDisabled({ id: 9999, disabled: true }))).code,
    ).toBe("NOT_FOUND");
    await admin().admin.setUserDisabled({ id: fx.operatorB.id, disabled: false });
    await op.facility.catalogue();
  });

  it("resets a password: the old one stops working and the user must choose a new one", async () => {
    const reset = await admin().admin.resetPassword({ id: fx.firmUserB.id });
    await expect(
      signIn(db, { email: fx.firmUserB.email, password: PASSWORD, ip: null }),
    ).rejects.toThrow();
    await signIn(db, { email: fx.firmUserB.email, password: reset.temporaryPassword, ip: null });
    await expect(callerFor(db, fx.firmUserB.id).request.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await callerFor(db, fx.firmUserB.id).user.me()).mustChangePassword).toBe(true);
    expect((await refused(() => admin().admin.resetPassword({ id: 0 }))).code).toBe("BAD_REQUEST");
  });
});

describe("only admins", () => {
  const period = { from: Date.UTC(2027, 0, 1), to: Date.UTC(2027, 1, 1) };
  const calls: [string, (c: ReturnType<typeof callerFor>) => Promise<unknown>][] = [
    ["stats.overview", (c) => c.stats.overview(period)],
    ["stats.utilisation", (c) => c.stats.utilisation(period)],
    ["stats.machineHours", (c) => c.stats.machineHours(period)],
    ["stats.equipmentRequests", (c) => c.stats.equipmentRequests({ equipmentId: 1, ...period })],
    ["admin.facilities", (c) => c.admin.facilities({})],
    ["admin.facility", (c) => c.admin.facility({ id: fx.lab.id })],
    ["admin.createFacility", (c) => c.admin.createFacility({ ...newFacility, slug: "sneaky" })],
    ["admin.updateFacility", (c) => c.admin.updateFacility({ id: fx.lab.id, nameEn: "Sneaky" })],
    [
      "admin.setFacilityStatus",
      (c) => c.admin.setFacilityStatus({ id: fx.lab.id, status: "suspended" }),
    ],
    ["admin.users", (c) => c.admin.users({})],
    [
      "admin.createUser",
      (c) => c.admin.createUser({ email: "sneaky@example.cn", name: "Sneaky", role: "admin" }),
    ],
    [
      "admin.setUserDisabled",
      (c) => c.admin.setUserDisabled({ id: fx.firmUser.id, disabled: true }),
    ],
    ["admin.resetPassword", (c) => c.admin.resetPassword({ id: fx.firmUser.id })],
    ["audit.list", (c) => c.audit.list({})],
    ["audit.outbox", (c) => c.audit.outbox({ page: 1 })],
  ];
  it.each(calls)(
    "%s refuses firms, operators, coordinators and visitors, changing nothing",
    async (_name, call) => {
      for (const user of [fx.firmUser, fx.operator, fx.coordinator])
        expect((await refused(() => call(callerFor(db, user.id)))).code).toBe("FORBIDDEN");
      expect((await refused(() => call(callerFor(db, null)))).code).toBe("UNAUTHORIZED");
    },
  );
});
