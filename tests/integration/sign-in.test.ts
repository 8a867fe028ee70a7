// Sign-in: audit rows, throttling by email and by IP, disabled accounts.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { signIn } from "@/server/services/auth/sign-in";
import { DomainError } from "@/server/services/errors";
import { setClockForTests } from "@/server/services/clock";
import { freshDb } from "../helpers/test-db";
import { makeFixture, PASSWORD, type Fixture } from "../helpers/fixtures";

const { db } = freshDb();
let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture(db);
});
afterEach(() => setClockForTests(null));

const t0 = Date.UTC(2026, 10, 27, 2);
const MIN = 60_000;

async function attempt(email: string, password: string, ip: string) {
  try {
    const actor = await signIn(db, { email, password, ip });
    return { ok: true as const, actor };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false as const, code: error.code, message: error.message };
  }
}

const count = (action: string, email: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorEmail, email)))
    .all().length;

describe("signIn", () => {
  it("returns the actor for the right password, case-insensitively, and audits it", async () => {
    setClockForTests(t0);
    const r = await attempt("Firm-A@Example.cn", PASSWORD, "203.0.113.1");
    expect(r).toMatchObject({ ok: true, actor: { userId: fx.firmUser.id, role: "firm" } });
    expect(count("auth.sign_in", "firm-a@example.cn")).toBe(1);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    setClockForTests(t0);
    const wrong = await attempt("operator@example.cn", "not-the-password", "203.0.113.2");
    const unknown = await attempt("nobody@example.cn", "whatever-password", "203.0.113.2");
    expect(wrong).toEqual({ ok: false, code: "UNAUTHORIZED", message: "Wrong email or password." });
    expect(unknown).toEqual(wrong);
    expect(count("auth.sign_in_failed", "operator@example.cn")).toBe(1);
  });

  it("stops one email from one address after 5 failures, for 15 minutes, and nobody else", async () => {
    const email = "coordinator@example.cn";
    const attacker = "192.0.2.10";
    for (let i = 0; i < 5; i++) {
      setClockForTests(t0 + i * MIN);
      expect((await attempt(email, "wrong-password-x", attacker)).message).toBe(
        "Wrong email or password.",
      );
    }
    setClockForTests(t0 + 5 * MIN);
    const sixth = await attempt(email, PASSWORD, attacker);
    expect(sixth).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
    expect(sixth.ok === false && sixth.message).toMatch(/Try again in 10 minutes/);
    expect(count("auth.locked", email)).toBe(1);
    expect(count("auth.sign_in_refused", email)).toBe(1);
    // The real user, from another address, is not locked out (at most asked to wait a minute).
    setClockForTests(t0 + 5 * MIN + 60_000);
    expect(await attempt(email, PASSWORD, "192.0.2.99")).toMatchObject({ ok: true });
    setClockForTests(t0 + 15 * MIN);
    expect(await attempt(email, PASSWORD, attacker)).toMatchObject({ ok: true });
  });

  it("an administrator stays reachable from a known address while guesses come from many", async () => {
    const email = "admin@example.cn";
    const home = "198.51.100.7";
    setClockForTests(t0 + 50 * MIN);
    expect(await attempt(email, PASSWORD, home)).toMatchObject({ ok: true });
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      setClockForTests(t0 + 51 * MIN + i * 5_000);
      const r = await attempt(email, "wrong-password-x", `203.0.113.${100 + i}`);
      if (r.ok === false && r.code === "TOO_MANY_REQUESTS") refused++;
    }
    // the delay grows past 5 s after a few guesses, so most of these 40 were not even checked
    expect(refused).toBeGreaterThan(25);
    expect(count("auth.sign_in_failed", email)).toBeLessThan(15);
    setClockForTests(t0 + 51 * MIN + 40 * 5_000);
    expect(await attempt(email, PASSWORD, home)).toMatchObject({ ok: true });
    // from a new address, the real user waits at most a minute
    const fresh = await attempt(email, "wrong-password-x", "203.0.113.250");
    setClockForTests(t0 + 51 * MIN + 40 * 5_000 + 60_000);
    expect(fresh.ok).toBe(false);
    expect(await attempt(email, PASSWORD, "203.0.113.251")).toMatchObject({ ok: true });
  });

  it("stops one address after 30 failures across different emails", async () => {
    const ip = "198.51.100.200";
    for (let i = 0; i < 30; i++) {
      setClockForTests(t0 + 100 * MIN + i * 10_000);
      await attempt(`guess${i}@example.cn`, "wrong-password-x", ip);
    }
    setClockForTests(t0 + 106 * MIN);
    expect(await attempt("operator@example.cn", PASSWORD, ip)).toMatchObject({
      ok: false,
      code: "TOO_MANY_REQUESTS",
    });
    expect(await attempt("operator@example.cn", PASSWORD, "198.51.100.201")).toMatchObject({
      ok: true,
    });
  });

  it("a success resets the email's failure count", async () => {
    const email = "operator-b@example.cn";
    for (let i = 0; i < 4; i++) {
      setClockForTests(t0 + 200 * MIN + i * MIN);
      await attempt(email, "wrong-password-x", `192.0.2.${50 + i}`);
    }
    setClockForTests(t0 + 205 * MIN);
    expect(await attempt(email, PASSWORD, "192.0.2.60")).toMatchObject({ ok: true });
    setClockForTests(t0 + 206 * MIN);
    expect(await attempt(email, "wrong-password-x", "192.0.2.61")).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await attempt(email, PASSWORD, "192.0.2.62")).toMatchObject({ ok: true });
  });

  it("refuses a disabled account with a message saying so", async () => {
    setClockForTests(t0 + 300 * MIN);
    db.update(users).set({ disabled: true }).where(eq(users.id, fx.firmUserB.id)).run();
    expect(await attempt("firm-b@example.cn", PASSWORD, "192.0.2.70")).toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/disabled/),
    });
  });
});
