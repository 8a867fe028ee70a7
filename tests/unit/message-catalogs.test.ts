import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/app/i18n/messages/en.json";
import zh from "@/app/i18n/messages/zh.json";
import serverEn from "@/server/i18n/messages/en.json";
import serverZh from "@/server/i18n/messages/zh.json";
import { isRefusalCode, renderRefusal } from "@/server/i18n/render";
import { creditCodeRefusals } from "@/server/services/firms/credit-code";
import { registerFirmInput } from "@/server/services/firms/register-input";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const lookup = (o: object, key: string) =>
  key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], o);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

const namespaces = Object.keys(serverEn.refusals).join("|");
/** Every refusal code written in the code: "slot.clash", `notFound.${what}` expanded below. */
function codesIn(dirs: string[]): Set<string> {
  // Audit actions ("auth.denied") and notification kinds ("request.quoted") share some
  const found = new Set<string>();
  // namespaces' names, so those count only where a refusal is made.
  const shared = ["auth", "admin", "request", "firm", "token"];
  const own = Object.keys(serverEn.refusals).filter((ns) => !shared.includes(ns));
  const literal = new RegExp(`["'\`]((?:${own.join("|")})\\.[A-Za-z_]+)["'\`]`, "g");
  const refused = new RegExp(
    `(?:refuse\\([^,]+,|code:)\\s*"((?:${namespaces})\\.[A-Za-z_]+)"`,
    "g",
  );
  for (const file of dirs.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(literal)) found.add(m[1]);
    for (const m of text.matchAll(refused)) found.add(m[1]);
    for (const m of text.matchAll(/notFound\("([a-z]+)"\)/g)) found.add(`notFound.${m[1]}`);
  }
  return found;
}

describe("message catalogs", () => {
  it("English and Chinese have the same keys, none empty (app and server catalogs)", () => {
    for (const [a, b] of [
      [en, zh],
      [serverEn, serverZh],
    ] as const) {
      expect(keys(b).sort()).toEqual(keys(a).sort());
      for (const k of keys(b)) expect(lookup(b, k), k).not.toBe("");
    }
  });

  it("the app's and the server's catalogs share no namespace", () => {
    for (const ns of Object.keys(serverEn)) expect(Object.keys(en)).not.toContain(ns);
  });

  it("every refusal code thrown in server/services (and the API and routes) has both translations", () => {
    const codes = codesIn(["server", "app"].map((d) => path.join(process.cwd(), d)));
    expect(codes.size).toBeGreaterThan(100);
    for (const code of codes) {
      expect(isRefusalCode(code), code).toBe(true);
      expect(typeof lookup(serverZh.refusals, code), `zh ${code}`).toBe("string");
    }
  });

  it("every refusal renders in both languages with its parameters filled in", () => {
    const params = {
      ref: "PT-2027-000001",
      from: new Date(Date.UTC(2027, 0, 5, 1)),
      to: new Date(Date.UTC(2027, 0, 5, 5)),
      setupMinutes: 30,
      units: 1,
      status: "in_progress",
      fromStatus: "quoted",
      toStatus: "confirmed",
      sides: "firm,facility",
      roles: "operator,coordinator",
      serviceType: "pilot_production",
      equipmentStatus: "retired",
      facilityStatus: "active",
      disabled: true,
    };
    for (const code of keys(serverEn.refusals)) {
      if (!isRefusalCode(code)) throw new Error(code);
      const message = String(lookup(serverEn.refusals, code));
      for (const [, name] of message.matchAll(/\{(\w+)/g))
        if (!(name in params)) Object.assign(params, { [name]: 3 });
      for (const locale of ["en", "zh"] as const) {
        const text = renderRefusal(locale, { code, params });
        expect(text, `${locale} ${code}`).not.toMatch(/refusals\.|in_progress|pilot_production/);
      }
    }
    expect(renderRefusal("zh", { code: "slot.clash", params })).toBe(
      "无法预约该时段：与 2027-01-05 09:00 至 2027-01-05 13:00 的另一预约冲突（同一台设备两次使用之间需间隔 30 分钟准备时间）；设备已被占用。",
    );
    expect(renderRefusal("en", { code: "request.wrongSide", params })).toBe(
      "Only the firm or facility may make a request confirmed.",
    );
  });

  it("every reason a registration can give is a refusal code, so forms can translate it", () => {
    const reasons: string[] = [...Object.values(creditCodeRefusals)];
    const parsed = registerFirmInput.safeParse({ firmName: "", email: "x", password: "" });
    if (!parsed.success) reasons.push(...parsed.error.issues.map((i) => i.message));
    const missing = registerFirmInput.safeParse({});
    if (!missing.success) reasons.push(...missing.error.issues.map((i) => i.message));
    const long = registerFirmInput.safeParse({
      firmName: "x".repeat(121),
      name: "x".repeat(81),
      email: `${"x".repeat(200)}@example.cn`,
      password: "",
    });
    if (!long.success) reasons.push(...long.error.issues.map((i) => i.message));
    expect(reasons.length).toBeGreaterThan(8);
    for (const reason of reasons) expect(isRefusalCode(reason), reason).toBe(true);
  });
});
