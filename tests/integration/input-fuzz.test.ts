// Fuzzing every input schema: each procedure's probe input (tests/helpers/tenant-probe.ts) with the
// whole input, each field and each array's first element replaced by hostile values (wrong types,
// huge strings, extreme numbers and dates, unicode, FTS5 and SQL syntax, prototype keys), called by
// a caller the gate admits. No call may fail with a 500, a refused call changes no row, and no
// prototype is polluted. Route handler parameters get the same treatment.
import { describe, expect, it, vi } from "vitest";
import { signedIn } from "../helpers/mock-session";
import { createCaller } from "@/server/api/root";
import { cell, withTenant, procedureSpecs, type Caller, type Kind } from "../helpers/tenant-probe";

vi.mock("@/server/auth/session", () => import("../helpers/mock-session"));
vi.mock("@/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: () => signedIn.db,
}));

const { db, tenant } = withTenant();
signedIn.db = db;

const hostile: [string, unknown][] = [
  ["null", null],
  ["true", true],
  ["empty array", []],
  ["empty object", {}],
  ["empty string", ""],
  ["zero", 0],
  ["minus one", -1],
  ["fraction", 1.5],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["2^53 + 2", 2 ** 53 + 2],
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["last date", 8.64e15],
  ["first date", -8.64e15],
  ["ISO date", "2027-01-04T09:00:00+08:00"],
  ["numeric string", "12"],
  ["hex string", "0x10"],
  ["huge string", "a".repeat(200_000)],
  ["astral string", "𝕏".repeat(50_000)],
  ["control and bidi", "\u202e\u0000\u200b\ud800 中文 😀\r\n"],
  ["FTS quote", '"'],
  ["FTS syntax", 'NEAR(a b) OR "x* AND NOT ^y'],
  ["FTS column filter", "name:x OR {a b}: c -d"],
  ["SQL", "'; DROP TABLE users; --"],
  ["long array", Array.from({ length: 5000 }, () => 1)],
  ["deep object", JSON.parse('{"a":{"b":{"c":{"d":{"e":{"f":{}}}}}}}')],
  ["__proto__ object", JSON.parse('{"__proto__":{"polluted":1},"id":1}')],
  ["constructor object", { constructor: { prototype: { polluted: 1 } } }],
];

/** The procedure path and input a probe call makes, read without running it. */
function recorded(call: (c: Caller) => Promise<unknown>): { path: string[]; input: unknown } {
  let seen: { path: string[]; input: unknown } | null = null;
  const proxy = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => proxy([...path, String(key)]),
      apply: (_target, _this, args: unknown[]) => {
        seen = { path, input: args[0] };
        return Promise.resolve(null);
      },
    });
  void call(proxy([]) as Caller);
  return seen!;
}

function variants(input: unknown): [string, unknown][] {
  const out: [string, unknown][] = hostile.map(([name, v]) => [`input = ${name}`, v]);
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const base = input as Record<string, unknown>;
    for (const key of Object.keys(base)) {
      for (const [name, v] of hostile) out.push([`${key} = ${name}`, { ...base, [key]: v }]);
      const value = base[key];
      if (Array.isArray(value) && value.length)
        for (const [name, v] of hostile)
          out.push([`${key}[0] = ${name}`, { ...base, [key]: [v, ...value.slice(1)] }]);
    }
    out.push([
      "with __proto__ key",
      { ...JSON.parse('{"__proto__":{"polluted":1,"role":"admin"}}'), ...base },
    ]);
    out.push(["with constructor key", { ...base, constructor: { prototype: { polluted: 1 } } }]);
  }
  return out;
}

describe("input fuzz", () => {
  it("no input of any procedure gives a 500, changes rows when refused, or pollutes a prototype", async () => {
    const problems: unknown[] = [];
    const outcomes: Record<string, number> = {};
    let calls = 0;
    for (const [name, spec] of Object.entries(procedureSpecs(tenant()))) {
      const kind: Kind =
        spec.roles === "public"
          ? "anonymous"
          : spec.owners!.find((k) => !["anonymous", "disabled", "mustChange"].includes(k))!;
      const userId = tenant().userOf[kind];
      signedIn.userId = userId;
      const caller = createCaller({
        db,
        session: userId === null ? null : { userId, sessionId: "test-session" },
        ip: "198.51.100.50",
      });
      const { path, input } = recorded(spec.call);
      const procedure = path.reduce<unknown>(
        (o, k) => (o as Record<string, unknown>)[k],
        caller,
      ) as (input: unknown) => Promise<unknown>;
      for (const [variant, value] of variants(input)) {
        const { outcome, changedAny } = await cell(db, tenant(), () => procedure(value));
        calls++;
        outcomes[outcome.code] = (outcomes[outcome.code] ?? 0) + 1;
        if (process.env.FUZZ_SHOW_ACCEPTED && outcome.code === "OK") console.log(name, variant);
        if (outcome.code === "INTERNAL_SERVER_ERROR")
          problems.push({ name, variant, problem: "500", text: outcome.text.slice(0, 200) });
        if (outcome.code !== "OK" && changedAny)
          problems.push({ name, variant, problem: "refused but changed rows" });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).role).toBeUndefined();
    console.log(`input fuzz: ${calls} procedure calls`, outcomes);
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(5000);
  }, 180_000);

  it("route handler parameters and queries never give a 500", async () => {
    const params = [
      "0",
      "-1",
      "1e1",
      "0x10",
      " 12 ",
      "１２",
      "99999999999999999999",
      "%00",
      "../../etc/passwd",
      "a".repeat(10_000),
      "\u202e1",
      "1.ics",
    ];
    const route = (path: string) =>
      import(`@/app/api/${path}/route`) as Promise<
        Record<string, (req: Request, ctx: unknown) => Promise<Response>>
      >;
    const statuses: Record<number, number> = {};
    const problems: unknown[] = [];
    let calls = 0;
    const probe = async (label: string, run: () => Promise<Response>) => {
      const { outcome } = await cell(db, tenant(), run);
      calls++;
      const status = /^HTTP (\d+)$/.exec(outcome.code)?.[1];
      const code = Number(
        status ?? { OK: 200, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 }[outcome.code] ?? 0,
      );
      statuses[code] = (statuses[code] ?? 0) + 1;
      if (!(code >= 200 && code < 500))
        problems.push({ label, code, text: outcome.text.slice(0, 200) });
    };
    signedIn.userId = tenant().userOf.operator;
    for (const id of params) {
      const ctx = { params: Promise.resolve({ id, token: id }) };
      await probe(`attachment ${id}`, async () =>
        (await route("attachments/[id]")).GET(new Request("http://localhost/"), ctx),
      );
      await probe(`ics ${id}`, async () =>
        (await route("requests/[id]/ics")).GET(new Request("http://localhost/"), ctx),
      );
      await probe(`ical ${id}`, async () =>
        (await route("ical/[token]")).GET(new Request("http://localhost/"), ctx),
      );
      await probe(`upload ${id}`, async () => {
        const form = new FormData();
        form.set("file", new File(["%PDF-1.7\n"], id.slice(0, 200), { type: "application/pdf" }));
        return (await route("requests/[id]/attachments")).POST(
          new Request("http://localhost/", { method: "POST", body: form }),
          ctx,
        );
      });
      await probe(`csv ${id}`, async () =>
        (await route("operator/schedule-csv")).GET(
          new Request(
            `http://localhost/api/operator/schedule-csv?from=${encodeURIComponent(id)}&to=${encodeURIComponent(id)}`,
          ),
          {},
        ),
      );
    }
    console.log(`input fuzz: ${calls} route handler calls`, statuses);
    expect(problems).toEqual([]);
  });
});
