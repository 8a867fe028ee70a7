// The authorization matrix: every tRPC procedure and every gated route handler, called by each of
// ten kinds of caller against the objects of one tenant (firm A and its requests at lab A,
// tests/helpers/tenant-probe.ts). Expected: visitors and disabled accounts UNAUTHORIZED;
// must-change-password users FORBIDDEN (but the password change); a wrong role FORBIDDEN; another
// firm's or facility's object NOT_FOUND; the owners get through the gate (positive control). A
// refusal changes no row, and nobody outside the tenant sees its private text or changes its rows.
import { describe, expect, it, vi } from "vitest";
import { signedIn } from "../helpers/mock-session";
import { appRouter, createCaller } from "@/server/api/root";
import {
  OPEN_DURING_CHANGE,
  cell,
  hiddenFrom,
  kinds,
  withTenant,
  procedureSpecs,
  roleOf,
  routeSpecs,
  type Kind,
  type Outcome,
  type Spec,
} from "../helpers/tenant-probe";

vi.mock("@/server/auth/session", () => import("../helpers/mock-session"));
vi.mock("@/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: () => signedIn.db,
}));

const { db, tenant } = withTenant();
signedIn.db = db;

const DENIALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

function expectation(name: string, spec: Spec, kind: Kind): string {
  if (spec.roles === "public") return "ANSWERED";
  if (kind === "anonymous" || kind === "disabled") return "UNAUTHORIZED";
  if (kind === "mustChange" && !OPEN_DURING_CHANGE.has(name)) return "FORBIDDEN";
  if (!spec.roles.includes(roleOf[kind]!)) return "FORBIDDEN";
  const owners = spec.owners ?? [];
  if (owners.includes(kind) || (kind === "mustChange" && owners.includes("colleague")))
    return "ADMITTED";
  return spec.others ?? "NOT_FOUND";
}

function verdict(expected: string, outcome: Outcome): string {
  if (outcome.code === "INTERNAL_SERVER_ERROR" || outcome.code.startsWith("HTTP 5"))
    return "INTERNAL";
  if (expected === "ANSWERED") return "ANSWERED";
  if (expected === "ADMITTED") return DENIALS.has(outcome.code) ? outcome.code : "ADMITTED";
  if (expected === "OWN") return outcome.code === "NOT_FOUND" ? "NOT_FOUND" : "OWN";
  return outcome.code;
}

describe("authorization matrix", () => {
  it("covers every procedure", () => {
    expect(Object.keys(procedureSpecs(tenant())).sort()).toEqual(
      Object.keys(appRouter._def.procedures).sort(),
    );
  });

  it("every procedure and route handler × ten kinds of caller × the other tenant's objects", async () => {
    const entries: [string, Spec & { request?: () => Promise<Response> }][] = [
      ...Object.entries(procedureSpecs(tenant())),
      ...Object.entries(routeSpecs(tenant())),
    ];
    const problems: unknown[] = [];
    let calls = 0;
    const tally: Record<string, number> = {};
    for (const [name, spec] of entries) {
      for (const kind of kinds) {
        const userId = tenant().userOf[kind];
        signedIn.userId = userId;
        const caller = createCaller({
          db,
          session: userId === null ? null : { userId, sessionId: "test-session" },
          ip: `198.51.100.${kinds.indexOf(kind) + 1}`,
        });
        const { outcome, changedAny, changedTenant } = await cell(db, tenant(), () =>
          spec.request ? spec.request() : spec.call(caller),
        );
        calls++;
        const expected = expectation(name, spec, kind);
        const got = verdict(expected, outcome);
        tally[got] = (tally[got] ?? 0) + 1;
        const leaked = (hiddenFrom[kind] ?? []).filter((s) => outcome.text.includes(s));
        const insider = expected === "ADMITTED" || spec.roles === "public";
        if (got !== expected && !(expected === "ANSWERED"))
          problems.push({
            name,
            kind,
            expected,
            got: outcome.code,
            text: outcome.text.slice(0, 160),
          });
        if (leaked.length) problems.push({ name, kind, leaked });
        if (DENIALS.has(outcome.code) && changedAny)
          problems.push({ name, kind, problem: "a refusal changed rows" });
        if (!insider && changedTenant)
          problems.push({ name, kind, problem: "changed the other tenant's rows" });
        if (got === "INTERNAL") problems.push({ name, kind, problem: "500", text: outcome.text });
      }
    }
    console.log(`authorization matrix: ${calls} calls`, tally);
    expect(problems).toEqual([]);
    expect(calls).toBe(entries.length * kinds.length);
  });
});
