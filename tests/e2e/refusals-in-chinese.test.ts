// A firm user who works in Chinese: signing in through the Chinese page stores the language on the
// account; a slot taken a moment before they submit and a quote that expires while they look at it
// are refused in Chinese, and the notification of the expiry is written in Chinese too.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD, launchBrowser, newClient, signedInClient } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;
let firmZh: BrowserContext;
let otherFirm: BrowserContext;
let operator: BrowserContext;

type Json = Record<string, unknown>;

async function query<T>(api: APIRequestContext, path: string, input: Json): Promise<T> {
  const res = await api.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function mutate<T>(api: APIRequestContext, path: string, input: Json): Promise<T> {
  const res = await api.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

type Equipment = {
  id: number;
  autoApprove: boolean;
  units: number;
  minHours: number;
  facility: { slug: string };
};
type Free = { intervals: { start: number; end: number; freeUnits: number }[] };

async function findEquipment(api: APIRequestContext, input: Json, ok: (e: Equipment) => boolean) {
  const found = await query<{ items: { id: number }[] }>(api, "equipment.search", input);
  for (const { id } of found.items) {
    const e = await query<Equipment>(api, "equipment.get", { id });
    if (ok(e)) return e;
  }
  throw new Error(`no equipment for ${JSON.stringify(input)}`);
}

async function firstFreeSlot(api: APIRequestContext, e: Equipment) {
  const from = Date.now() + 7 * 86_400_000;
  const free = await query<Free>(api, "equipment.availability", {
    equipmentId: e.id,
    from,
    to: from + 30 * 86_400_000,
  });
  const hours = e.minHours;
  const slot = free.intervals.find((i) => i.freeUnits >= 1 && i.end - i.start >= hours * 3.6e6)!;
  return { start: slot.start, end: slot.start + hours * 3_600_000, hours };
}

async function signInInChinese(email: string): Promise<BrowserContext> {
  const context = await newClient(browser, baseURL, { locale: "zh" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.close();
  return context;
}

const errorToast = (page: Page) => page.getByTestId("toast-error").last();

beforeAll(async () => {
  browser = await launchBrowser();
  firmZh = await signInInChinese("firm2@pilot.demo");
  otherFirm = await signedInClient(browser, baseURL, "firm@pilot.demo");
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

describe("refusals in the reader's language", () => {
  it("a slot taken before the firm submits is refused in Chinese, naming the clash", async () => {
    const e = await findEquipment(
      firmZh.request,
      { category: "climate_chamber", pageSize: 50 },
      (x) => x.autoApprove,
    );
    const page = await firmZh.newPage();
    await page.goto(`/requests/new?equipment=${e.id}`);
    await page.locator("#title").fill("中文冲突测试");
    const picker = page.getByTestId("preferred-picker");
    await picker.locator("option[value*='-']").first().waitFor({ state: "attached" });
    const value = await picker.locator("option[value*='-']").first().getAttribute("value");
    await picker.selectOption(value!);
    const [start, end] = value!.split("-").map(Number);
    // Another firm books every unit of the same slot first (auto-approve confirms it at once).
    const taken = await mutate<{ status: string }>(otherFirm.request, "request.submit", {
      title: "Takes the slot first",
      serviceType: "testing",
      equipmentId: e.id,
      earliestStart: start,
      deadline: end,
      hours: (end - start) / 3_600_000,
      units: e.units,
      preferredStart: start,
    });
    expect(taken.status).toBe("confirmed");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect
      .poll(() => errorToast(page).textContent())
      .toMatch(/无法预约该时段：与 .* 的另一预约冲突/);
    expect(await errorToast(page).textContent()).not.toMatch(/[A-Za-z]{5,}/);
    await page.close();
  });

  it("a quote that expires on the page is refused in Chinese, and the firm is notified in Chinese", async () => {
    const e = await findEquipment(firmZh.request, { q: "reactor", pageSize: 50 }, (x) =>
      x.facility.slug.startsWith("jinxiang"),
    );
    const slot = await firstFreeSlot(firmZh.request, e);
    const created = await mutate<{ id: number; ref: string }>(firmZh.request, "request.submit", {
      title: "中文报价过期测试",
      serviceType: "testing",
      equipmentId: e.id,
      earliestStart: slot.start,
      deadline: slot.end + 86_400_000,
      hours: slot.hours,
      units: 1,
    });
    const validUntil = Date.now() + 5_000;
    await mutate(operator.request, "request.quote", {
      id: created.id,
      equipmentId: e.id,
      start: slot.start,
      end: slot.end,
      units: 1,
      amountFen: 120_000,
      validUntil,
    });
    const page = await firmZh.newPage();
    await page.goto(`/requests/${created.id}`);
    const accept = page.getByTestId("action-accept");
    await accept.waitFor();
    await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(validUntil + 300);
    await accept.click();
    // The sweep (every minute) may have expired it a moment earlier: either refusal is Chinese.
    await expect
      .poll(() => errorToast(page).textContent())
      .toMatch(
        new RegExp(`${created.ref} 的报价已于 .* 过期，无法再接受。|已过期的申请不能变为已确认。`),
      );
    await page.goto("/notifications");
    const notice = page.getByTestId("notifications-page").getByRole("link", {
      name: `${created.ref}：报价已过期`,
    });
    await expect.poll(() => notice.count()).toBe(1);
    await page.close();
  });
});
