// Every entry point goes through the one gate (server/api/guard.ts): each tRPC procedure and each
// route handler refuses a user who must still change a one-time password (but the change
// itself), and the operator export refuses a firm user with an audited denial.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signedIn } from "../helpers/mock-session";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { refusalOf } from "@/server/api/errors";
import { freshDb, callerFor } from "../helpers/test-db";
import { makeBookingFixture } from "../helpers/booking-fixture";

vi.mock("@/server/auth/session", () => import("../helpers/mock-session"));
vi.mock("@/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: () => signedIn.db,
}));

const { db } = freshDb();
signedIn.db = db;
let fx: Awaited<ReturnType<typeof makeBookingFixture>>;
beforeAll(async () => {
  fx = await makeBookingFixture(db);
});

/** Route handlers by what guards them; a new route must be placed here to pass. */
const ROUTES = {
  gated: [
    "admin/evaluation",
    "admin/stats/[table]", // through the admin tRPC procedures
    "admin/vouchers/claims",
    "attachments/[id]",
    "operator/schedule-csv",
    "requests/[id]/agreement",
    "requests/[id]/attachments",
    "requests/[id]/ics",
    "requests/[id]/reports",
    "requests/[id]/sample-labels",
    "reports/[id]/draft",
  ],
  public: ["auth/[...nextauth]", "health", "ical/[token]", "trpc/[trpc]"],
};
const WITH_ACTOR = ROUTES.gated.filter((r) => r !== "admin/stats/[table]");
const OPEN_DURING_CHANGE = new Set([
  "user.me",
  "user.changePassword",
  "user.setLocale",
  "user.signOutEverywhere",
  "notification.unreadCount",
]);

function routeFiles(dir = path.resolve("app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return routeFiles(full);
    return d.name === "route.ts"
      ? [path.relative(path.resolve("app/api"), path.dirname(full))]
      : [];
  });
}

async function callRoute(route: string) {
  const mod = (await import(`@/app/api/${route}/route`)) as Record<
    string,
    (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>
  >;
  const statuses: number[] = [];
  for (const method of ["GET", "POST"] as const) {
    if (!mod[method]) continue;
    const req = new Request(`http://localhost/api/${route}?from=2027-01-01&to=2027-01-02`, {
      method,
      ...(method === "POST" ? { body: new FormData() } : {}),
    });
    const res = await mod[method](req, { params: Promise.resolve({ id: "1" }) });
    statuses.push(res.status);
    const body = (await res.json()) as { error?: { refusal?: { code: string } } };
    statuses.push(body.error?.refusal?.code === "auth.mustChangePassword" ? 1 : 0);
  }
  return statuses;
}

describe("the one gate", () => {
  it("knows every route handler", () => {
    expect(routeFiles().sort()).toEqual([...ROUTES.gated, ...ROUTES.public].sort());
  });

  it("refuses a must-change-password user at every procedure but the change, and at every route handler", async () => {
    db.update(users).set({ mustChangePassword: true }).where(eq(users.id, fx.operator.id)).run();
    const paths = Object.keys(appRouter._def.procedures);
    let gated = 0;
    for (const p of paths) {
      const call = (userId: number | null) => {
        const fn = p
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callerFor(db, userId)) as (
          input: unknown,
        ) => Promise<unknown>;
        return fn({}).then(
          () => null,
          (e: unknown) => (e instanceof TRPCError ? e : Promise.reject(e)),
        );
      };
      const anonymous = await call(null);
      if (anonymous?.code !== "UNAUTHORIZED") continue; // a public procedure
      const e = await call(fx.operator.id);
      if (OPEN_DURING_CHANGE.has(p)) {
        expect({ p, refusal: e && refusalOf(e).code }).not.toEqual({
          p,
          refusal: "auth.mustChangePassword",
        });
      } else {
        expect({ p, code: e?.code, refusal: e && refusalOf(e).code }).toEqual({
          p,
          code: "FORBIDDEN",
          refusal: "auth.mustChangePassword",
        });
        gated++;
      }
    }
    expect(gated).toBeGreaterThan(40);
    signedIn.userId = fx.operator.id;
    for (const route of WITH_ACTOR) {
      const statuses = await callRoute(route);
      for (let i = 0; i < statuses.length; i += 2)
        expect({ route, status: statuses[i], refusal: statuses[i + 1] }).toEqual({
          route,
          status: 403,
          refusal: 1,
        });
    }
    db.update(users).set({ mustChangePassword: false }).where(eq(users.id, fx.operator.id)).run();
    console.log(`gate: ${gated} procedures and ${WITH_ACTOR.length} route handlers refused`);
  });

  it("the schedule export refuses a firm user through the gate, with an audited denial", async () => {
    signedIn.userId = fx.firmUser.id;
    const mod = await import("@/app/api/operator/schedule-csv/route");
    const res = await mod.GET(
      new Request("http://localhost/api/operator/schedule-csv?from=2027-01-01&to=2027-01-02"),
    );
    expect(res.status).toBe(403);
    const denial = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, "GET /api/operator/schedule-csv"))
      .all();
    expect(denial).toMatchObject([{ action: "auth.denied", actorId: fx.firmUser.id }]);
  });
});

describe("writes from another site", () => {
  const post = (route: string, headers: Record<string, string>) =>
    import(`@/app/api/${route}/route`).then(
      (mod: Record<string, (r: Request, c: unknown) => Promise<Response>>) =>
        mod.POST(
          new Request(`http://pilot.example/api/${route.replace("[trpc]", "user.setLocale")}`, {
            method: "POST",
            headers: { host: "pilot.example", "content-type": "application/json", ...headers },
            body: JSON.stringify({ json: { locale: "zh" } }),
          }),
          { params: Promise.resolve({ id: "1", trpc: "user.setLocale" }) },
        ),
    );

  it("are refused before anything runs; this site's own and non-browser clients go on", async () => {
    signedIn.userId = fx.firmUser.id;
    for (const route of ["trpc/[trpc]", "requests/[id]/attachments"]) {
      const crossSite: Record<string, string>[] = [
        { origin: "http://evil.example" },
        { "sec-fetch-site": "cross-site", origin: "http://evil.example" },
        { "sec-fetch-site": "same-site" },
      ];
      for (const headers of crossSite) {
        const res = await post(route, headers);
        const body = (await res.json()) as { error?: { refusal?: { code: string } } };
        expect({ route, headers, status: res.status, code: body.error?.refusal?.code }).toEqual({
          route,
          headers,
          status: 403,
          code: "auth.crossSite",
        });
      }
    }
    const sameSite: Record<string, string>[] = [
      { origin: "http://pilot.example", "sec-fetch-site": "same-origin" },
      { origin: "http://pilot.example" },
      {},
    ];
    for (const headers of sameSite) {
      const res = await post("trpc/[trpc]", headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 200 });
    }
    expect(db.select().from(users).where(eq(users.id, fx.firmUser.id)).get()!.locale).toBe("zh");
  });
});
