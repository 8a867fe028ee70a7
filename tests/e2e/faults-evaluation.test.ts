// Faults and the annual evaluation in a real browser: the operator reports a fault on equipment
// with bookings ahead (the public page says it is down), moves one affected booking (the firm
// accepts the proposed slot), hands another to the hub and closes the fault; the department sets,
// runs and exports the year's evaluation and the facility reads its own result. Screenshots:
// /tmp/pilot-e2e-shots/fault-*.png, evaluation-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";
import {
  localDateTimeKey,
  localParts,
  NETWORK_TIME_ZONE,
} from "@/server/services/scheduling/local-time";
import { demoFirmEmails } from "@/db/seed/demo-parties";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let operator: BrowserContext;
let admin: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
  admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
});
afterAll(async () => {
  // Whatever happened, no equipment stays down for the other browser tests.
  if (operator) {
    const p = await operator.newPage();
    const faults = await query<{ id: number; closedAt: number | null }[]>(
      p,
      "fault.list",
      undefined,
    );
    for (const f of faults.filter((x) => x.closedAt === null))
      await p.request.post("/api/trpc/fault.close", { data: { json: { id: f.id } } });
  }
  await browser?.close();
});

/** A tRPC query through the page's session (superjson envelope). */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

const TOASTS = '[data-testid="toast-success"], [data-testid="toast-error"]';
/** Clicks and waits for the toast the click brings (a new one, not an earlier one). */
async function outcomeOf(page: Page, click: () => Promise<void>) {
  await page
    .locator(TOASTS)
    .evaluateAll((ts) => ts.forEach((t) => t.setAttribute("data-seen", "")));
  await click();
  const toast = page
    .locator(
      '[data-testid="toast-success"]:not([data-seen]), [data-testid="toast-error"]:not([data-seen])',
    )
    .first();
  await toast.waitFor();
  return {
    ok: (await toast.getAttribute("data-testid")) === "toast-success",
    text: await toast.textContent(),
  };
}

describe("a fault", () => {
  it("takes the equipment down, moves one affected booking, hands another to the hub, closes", async () => {
    const o = await operator.newPage();
    await o.goto("/requests?status=confirmed");
    const ids = (
      await o
        .getByTestId("request-list")
        .locator("tbody tr a[href^='/requests/']")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")!))
    ).map((h) => Number(h.split("/").pop()));
    type Booked = { id: number; ref: string; equipmentId: number; start: number; firm: string };
    const ahead: Booked[] = [];
    for (const id of ids) {
      const { request: r, firm } = await query<{
        request: { ref: string; quoteEquipmentId: number | null; quoteStart: number | null };
        firm: { name: string };
      }>(o, "request.get", { id });
      if (r.quoteEquipmentId && r.quoteStart && r.quoteStart > Date.now() + 6 * 3_600_000)
        ahead.push({
          id,
          ref: r.ref,
          equipmentId: r.quoteEquipmentId,
          start: r.quoteStart,
          firm: firm.name,
        });
    }
    // An equipment with two bookings ahead: the later one is moved, the earlier handed to the hub.
    const equipmentId = ahead.find(
      (x) => ahead.filter((y) => y.equipmentId === x.equipmentId).length > 1,
    )?.equipmentId;
    expect(equipmentId).toBeDefined();
    const [handed, moved] = ahead
      .filter((x) => x.equipmentId === equipmentId)
      .sort((x, y) => x.start - y.start)
      .slice(-2);

    await o.goto("/operator/faults");
    const form = o.getByTestId("fault-form");
    await form.getByLabel("Equipment").selectOption(String(equipmentId));
    await form.getByLabel("What is wrong").fill("Vacuum pump failure: no vacuum below 10 Pa");
    // Expected back an hour after the later booking begins: both are affected.
    await form
      .getByLabel("Expected back (optional)")
      .fill(localDateTimeKey(moved.start + 3_600_000, NETWORK_TIME_ZONE));
    expect(
      (await outcomeOf(o, () => form.getByRole("button", { name: "Report fault" }).click())).ok,
    ).toBe(true);

    // The public page says so, to anyone.
    const visitor = await browser.newContext({ baseURL });
    const v = await visitor.newPage();
    await v.goto(`/equipment/${equipmentId}`);
    await expect(v.getByTestId("equipment-down").textContent()).resolves.toMatch(/Out of service/);
    await visitor.close();

    await o.goto("/operator/faults");
    await o.getByTestId("fault-list").getByRole("link", { name: "Affected work" }).first().click();
    await o.getByTestId("fault-page").waitFor();
    const faultUrl = o.url();
    const item = (b: Booked) => o.getByTestId("affected-item").filter({ hasText: b.ref });
    await item(moved).waitFor();
    await item(handed).waitFor();
    await o.screenshot({ path: `${SHOTS}/fault-affected.png`, fullPage: true });

    // Move: propose the facility's slot, the firm accepts it.
    expect(
      (
        await outcomeOf(o, () =>
          item(moved).getByRole("button", { name: "Propose this slot" }).first().click(),
        )
      ).ok,
    ).toBe(true);
    const firmContext = await signedInClient(browser, baseURL, demoFirmEmails(moved.firm)[0]);
    const f = await firmContext.newPage();
    await f.goto(`/requests/${moved.id}`);
    expect(
      (await outcomeOf(f, () => f.getByRole("button", { name: "Accept the new slot" }).click())).ok,
    ).toBe(true);
    await firmContext.close();
    await o.goto(faultUrl);
    await item(handed).waitFor();
    expect(await item(moved).count()).toBe(0);

    // Hand the other to the hub: it leaves the facility (its operator no longer reads it).
    expect(
      (
        await outcomeOf(o, () =>
          item(handed).getByRole("button", { name: "Hand to the hub" }).click(),
        )
      ).ok,
    ).toBe(true);
    await item(handed).waitFor({ state: "detached" });
    const gone = await o.request.get(
      `/api/trpc/request.get?input=${encodeURIComponent(JSON.stringify({ json: { id: handed.id } }))}`,
    );
    expect(gone.status()).toBe(404);

    await o.getByLabel("Repair note (optional)").fill("Pump replaced and leak-tested");
    expect(
      (
        await outcomeOf(o, () =>
          o.getByRole("button", { name: "Equipment works again: close" }).click(),
        )
      ).ok,
    ).toBe(true);
    await o.goto("/operator/faults");
    await expect(o.getByTestId("fault-list").textContent()).resolves.toMatch(/Repaired in/);
    await o.close();
  });
});

describe("the annual evaluation", () => {
  it("is set, run, read by the facility and exported", async () => {
    const year = localParts(Date.now(), NETWORK_TIME_ZONE).year;
    const a = await admin.newPage();
    await a.goto(`/admin/evaluation?year=${year}`);
    const settings = a.getByTestId("evaluation-settings");
    await settings.getByLabel("Benchmark (effective hours a year per instrument)").fill("1500");
    // Weights that do not add up are refused beside the form.
    await settings.getByLabel("Effective hours", { exact: true }).fill("40");
    expect(
      (await outcomeOf(a, () => settings.getByRole("button", { name: "Save settings" }).click()))
        .ok,
    ).toBe(false);
    await expect(settings.getByTestId("form-errors").textContent()).resolves.toMatch(/100/);
    await settings.getByLabel("Effective hours", { exact: true }).fill("35");
    expect(
      (await outcomeOf(a, () => settings.getByRole("button", { name: "Save settings" }).click()))
        .ok,
    ).toBe(true);
    expect((await outcomeOf(a, () => a.getByTestId("run-evaluation").click())).ok).toBe(true);
    const ranking = a.getByTestId("evaluation-ranking");
    await ranking.waitFor();
    await a.screenshot({ path: `${SHOTS}/evaluation-ranking.png`, fullPage: true });
    // The figures behind a facility's score are one click away.
    await ranking.locator("tbody tr a").first().click();
    await a.getByTestId("evaluation-result").waitFor();
    await a.getByTestId("evaluation-equipment").waitFor();

    const csv = await a.request.get(`/api/admin/evaluation?year=${year}&what=ranking&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/排名 Rank/);
    const xlsx = await a.request.get(
      `/api/admin/evaluation?year=${year}&what=instruments&format=xlsx`,
    );
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    await a.close();

    const o = await operator.newPage();
    await o.goto("/operator/evaluation");
    await o.getByTestId("evaluation-result").first().waitFor();
    await o.screenshot({ path: `${SHOTS}/evaluation-mine.png`, fullPage: true });
    await o.close();
  });
});
