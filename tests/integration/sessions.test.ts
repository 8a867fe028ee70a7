// Revocable sessions: a cookie counts only while its server-side session is open; sign-out, "sign
// out everywhere", a password change (but not for the session that made it), a reset and disabling
// close them. Also the budget of wrong current passwords on the password form.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import { openSession, sessionIsOpen } from "@/server/services/auth/sessions";
import { setClockForTests } from "@/server/services/clock";
import { clientMessage } from "@/server/api/errors";
import { createCaller } from "@/server/api/root";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeFixture, PASSWORD, type Fixture } from "../helpers/fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDb: () => state.db,
}));

const { db } = freshDb();
state.db = db;
let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture(db);
});
afterEach(() => setClockForTests(null));

const as = (userId: number, sessionId: string) =>
  createCaller({ db, session: { userId, sessionId }, ip: "198.51.100.9" });
const why = (id: string) =>
  db.select().from(userSessions).where(eq(userSessions.id, id)).get()?.closedWhy ?? null;

describe("sessions", () => {
  it("are open for their own user only", () => {
    const id = openSession(db, fx.firmUser.id, "198.51.100.1");
    expect(sessionIsOpen(db, id, fx.firmUser.id)).toBe(true);
    expect(sessionIsOpen(db, id, fx.firmUserB.id)).toBe(false);
    expect(sessionIsOpen(db, "no-such-session", fx.firmUser.id)).toBe(false);
    expect(sessionIsOpen(db, undefined, fx.firmUser.id)).toBe(false);
  });

  it("read as signed out in next-auth once closed, and sign-out closes the cookie's session", async () => {
    const { authOptions } = await import("@/server/auth/options");
    const id = openSession(db, fx.operator.id, null);
    const token = { uid: fx.operator.id, role: "operator", sid: id } as unknown as JWT;
    const read = () =>
      authOptions.callbacks!.session!({
        session: {
          user: { id: 0, role: "firm", email: "", name: "" },
          expires: "2099-01-01",
        } as Session,
        token,
      } as never) as Session;
    expect(read().user).toMatchObject({ id: fx.operator.id, role: "operator" });
    expect(read().sessionId).toBe(id);
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(why(id)).toBe("signed_out");
    expect(read().user).toBeUndefined();
  });

  it("a password change closes the user's other sessions and keeps the one that made it", async () => {
    const here = openSession(db, fx.firmUser.id, null);
    const phone = openSession(db, fx.firmUser.id, null);
    const stolen = openSession(db, fx.firmUser.id, null);
    await as(fx.firmUser.id, here).user.changePassword({
      currentPassword: PASSWORD,
      newPassword: "a-fresh-passphrase-77",
    });
    expect([why(here), why(phone), why(stolen)]).toEqual([
      null,
      "password_changed",
      "password_changed",
    ]);
  });

  it("sign out everywhere closes every session of the caller, and only the caller's", async () => {
    const a = openSession(db, fx.operatorB.id, null);
    const b = openSession(db, fx.operatorB.id, null);
    const other = openSession(db, fx.coordinator.id, null);
    expect(await as(fx.operatorB.id, a).user.signOutEverywhere()).toEqual({ closed: 2 });
    expect([why(a), why(b), why(other)]).toEqual([
      "signed_out_everywhere",
      "signed_out_everywhere",
      null,
    ]);
    // anonymous callers cannot
    await expect(callerFor(db, null).user.signOutEverywhere()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("an administrator's reset or disabling closes all the user's sessions", async () => {
    const admin = callerFor(db, fx.admin.id);
    const reset = openSession(db, fx.operator.id, null);
    await admin.admin.resetPassword({ id: fx.operator.id });
    expect(why(reset)).toBe("password_reset");
    const disabled = openSession(db, fx.coordinator.id, null);
    await admin.admin.setUserDisabled({ id: fx.coordinator.id, disabled: true });
    expect(why(disabled)).toBe("disabled");
  });
});

describe("user.changePassword budget", () => {
  it("takes 5 wrong current passwords in 15 minutes, then refuses even the right one", async () => {
    const t0 = Date.UTC(2026, 11, 1, 2);
    const me = callerFor(db, fx.firmUserB.id);
    for (let i = 0; i < 5; i++) {
      setClockForTests(t0 + i * 1000);
      const wrong = await me.user
        .changePassword({ currentPassword: `guess-${i}-xxxx`, newPassword: "another-pass-99" })
        .catch((e: TRPCError) => e);
      expect((wrong as TRPCError).code).toBe("BAD_REQUEST");
    }
    setClockForTests(t0 + 10_000);
    const sixth = await me.user
      .changePassword({ currentPassword: PASSWORD, newPassword: "another-pass-99" })
      .catch((e: TRPCError) => e);
    expect((sixth as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    expect(clientMessage(sixth as TRPCError)).toMatch(/Try again in 15 minutes/);
    setClockForTests(t0 + 15 * 60_000 + 1);
    await expect(
      me.user.changePassword({ currentPassword: PASSWORD, newPassword: "another-pass-99" }),
    ).resolves.toEqual({ ok: true });
  });
});
