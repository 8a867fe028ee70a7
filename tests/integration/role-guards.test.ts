// Every procedure kind refuses callers without a session (UNAUTHORIZED) and with the wrong role
// (FORBIDDEN).
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { auditLog, bookingRequests, users } from "@/db/schema";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeFixture, type Fixture } from "../helpers/fixtures";

const { db } = freshDb();
let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture(db);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("procedure kinds", () => {
  it("public: health and the network overview answer without a session", async () => {
    const anon = callerFor(db, null);
    expect(await anon.health()).toMatchObject({ ok: true });
    expect((await anon.network.overview()).facilityCount).toBe(2);
  });

  it("authed: user.me needs a session and returns the caller", async () => {
    expect(await codeOf(callerFor(db, null).user.me())).toBe("UNAUTHORIZED");
    expect(await callerFor(db, fx.firmUser.id).user.me()).toMatchObject({
      email: "firm-a@example.cn",
      role: "firm",
      firmId: fx.firmA.id,
    });
  });

  const cases: {
    name: string;
    call: (c: ReturnType<typeof callerFor>) => Promise<unknown>;
    allowed: () => number[];
    refused: () => number[];
  }[] = [
    {
      name: "firm (workspace.firm)",
      call: (c) => c.workspace.firm(),
      allowed: () => [fx.firmUser.id],
      refused: () => [fx.operator.id, fx.coordinator.id, fx.admin.id],
    },
    {
      name: "operator (workspace.operator)",
      call: (c) => c.workspace.operator(),
      allowed: () => [fx.operator.id, fx.coordinator.id],
      refused: () => [fx.firmUser.id, fx.admin.id],
    },
    {
      name: "coordinator (workspace.hub)",
      call: (c) => c.workspace.hub(),
      allowed: () => [fx.coordinator.id],
      refused: () => [fx.firmUser.id, fx.operator.id, fx.admin.id],
    },
    {
      name: "admin (workspace.admin)",
      call: (c) => c.workspace.admin(),
      allowed: () => [fx.admin.id],
      refused: () => [fx.firmUser.id, fx.operator.id, fx.coordinator.id],
    },
    {
      name: "admin (audit.list)",
      call: (c) => c.audit.list({}),
      allowed: () => [fx.admin.id],
      refused: () => [fx.firmUser.id, fx.operator.id, fx.coordinator.id],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: no session is UNAUTHORIZED, wrong role FORBIDDEN, right role OK`, async () => {
      expect(await codeOf(c.call(callerFor(db, null)))).toBe("UNAUTHORIZED");
      for (const id of c.refused())
        expect(await codeOf(c.call(callerFor(db, id))), `user ${id}`).toBe("FORBIDDEN");
      for (const id of c.allowed())
        expect(await codeOf(c.call(callerFor(db, id))), `user ${id}`).toBe("OK");
    });
  }

  it("writes an audit row for each denial", async () => {
    const before = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "auth.denied"))
      .all().length;
    await codeOf(callerFor(db, fx.firmUser.id).workspace.admin());
    const rows = db.select().from(auditLog).where(eq(auditLog.action, "auth.denied")).all();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorId: fx.firmUser.id,
      target: "workspace.admin",
      ip: "198.51.100.7",
    });
  });

  it("refuses a disabled user on their very next call", async () => {
    const caller = callerFor(db, fx.operatorB.id);
    expect(await codeOf(caller.workspace.operator())).toBe("OK");
    db.update(users).set({ disabled: true }).where(eq(users.id, fx.operatorB.id)).run();
    expect(await codeOf(caller.workspace.operator())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.user.me())).toBe("UNAUTHORIZED");
    db.update(users).set({ disabled: false }).where(eq(users.id, fx.operatorB.id)).run();
  });
});

describe("tenant scoping of start pages", () => {
  it("a firm sees only its own requests; an operator only its facility's", async () => {
    const base = {
      serviceType: "testing" as const,
      title: "t",
      earliestStart: 0,
      deadline: 1,
      hours: 1,
    };
    db.insert(bookingRequests)
      .values([
        {
          ...base,
          ref: "PT-2026-900001",
          firmId: fx.firmA.id,
          requesterId: fx.firmUser.id,
          facilityId: fx.lab.id,
          title: "A at lab A",
        },
        {
          ...base,
          ref: "PT-2026-900002",
          firmId: fx.firmB.id,
          requesterId: fx.firmUserB.id,
          facilityId: fx.otherLab.id,
          title: "B at lab B",
        },
        {
          ...base,
          ref: "PT-2026-900003",
          firmId: fx.firmB.id,
          requesterId: fx.firmUserB.id,
          facilityId: null,
          title: "B to hub",
        },
      ])
      .run();
    const firmA = await callerFor(db, fx.firmUser.id).workspace.firm();
    expect(firmA.recent.map((r) => r.ref)).toEqual(["PT-2026-900001"]);
    const opA = await callerFor(db, fx.operator.id).workspace.operator();
    expect(opA.awaitingQuote.map((r) => r.ref)).toEqual(["PT-2026-900001"]);
    const hub = await callerFor(db, fx.coordinator.id).workspace.hub();
    expect(hub.unrouted.map((r) => r.ref)).toEqual(["PT-2026-900003"]);
  });
});
