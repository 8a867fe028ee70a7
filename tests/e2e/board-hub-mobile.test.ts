// In English and in Chinese: a hub need for a 500 L reactor suggests only reactors; the schedule
// board labels in-house use and shows an item's details beside it; a booking dragged along its row
// proposes a new slot to the firm; at 390 px the header folds into a menu and lists become cards.
// Screenshots: /tmp/pilot-e2e-shots/{hub-reactors,board-in-house,board-drag,mobile}-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { localDateKey, NETWORK_TIME_ZONE } from "@/server/services/scheduling/local-time";
import { launchBrowser, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
const DAY = 86_400_000;
let browser: Browser;
let firm: BrowserContext;
let operator: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

const locales = ["en", "zh"] as const;
const words = {
  en: { inHouse: "In-house use", find: "Find facilities that can do it" },
  zh: { inHouse: "内部使用", find: "查找能承接的平台" },
};
/** The demo operator's facility keeps the network's time zone: its board pages by that day. */
const shanghaiDay = (ms: number) => localDateKey(ms, NETWORK_TIME_ZONE);

async function inLocale(locale: "en" | "zh", ...contexts: BrowserContext[]) {
  for (const c of contexts) await c.addCookies([{ name: "locale", value: locale, url: baseURL }]);
}

describe("hub needs, the schedule board and small screens", () => {
  for (const locale of locales)
    it(`suggests only reactors for a 500 L reactor need (${locale})`, async () => {
      await inLocale(locale, firm);
      const f = await firm.newPage();
      await f.goto("/requests/new");
      await f.locator("#title").fill("Pilot batch, 500 L jacketed reactor, 8 h");
      await f.locator("#equipmentCategory").selectOption("jacketed_reactor");
      await f.locator("#serviceType").selectOption("pilot_production");
      await f.locator('select[name="pk0"]').selectOption("volume");
      await f.locator('input[name="pmin0"]').fill("500");
      await f.locator('input[name="pu0"]').fill("L");
      await f.getByRole("button", { name: words[locale].find }).click();
      const items = f.getByTestId("hub-suggestion");
      await items.first().waitFor();
      const kinds = await items.evaluateAll((li) => li.map((x) => x.getAttribute("data-category")));
      expect(kinds.length).toBeGreaterThan(0);
      expect(new Set(kinds)).toEqual(new Set(["jacketed_reactor"]));
      await f.screenshot({ path: `${SHOTS}/hub-reactors-${locale}.png`, fullPage: true });
      await f.close();
    });

  for (const locale of locales)
    it(`labels in-house use on the board and shows an item's details (${locale})`, async () => {
      await inLocale(locale, operator);
      const o = await operator.newPage();
      await o.goto(`/operator/schedule?view=week&date=${shanghaiDay(Date.now() - 3 * DAY)}`);
      const inHouse = o.locator('[data-testid="board-grid"] button[data-kind="inHouse"]').first();
      await inHouse.waitFor();
      await expect(inHouse.textContent()).resolves.toContain(words[locale].inHouse);
      await inHouse.focus();
      await o.keyboard.press("Enter");
      const panel = o.getByTestId("board-panel");
      await expect(panel.textContent()).resolves.toContain(words[locale].inHouse);
      await o.screenshot({ path: `${SHOTS}/board-in-house-${locale}.png`, fullPage: true });
      await o.close();
    });

  it("proposes a new slot when a booking is dragged along its row", async () => {
    await inLocale("en", operator, firm);
    const o = await operator.newPage();
    await o.setViewportSize({ width: 1400, height: 900 });
    let proposed: { ref: string; href: string } | null = null;
    // Try the bookings of the coming weeks, a day later, until one lands on free time.
    for (let week = 1; week <= 8 && !proposed; week++) {
      await o.goto(`/operator/schedule?view=week&date=${shanghaiDay(Date.now() + week * 7 * DAY)}`);
      const bookings = o.locator('[data-testid="board-grid"] button[data-kind="booking"]');
      const count = Math.min(await bookings.count(), 4);
      for (let i = 0; i < count && !proposed; i++) {
        proposed = await dragOneDay(o, bookings.nth(i));
      }
    }
    expect(proposed?.ref).toMatch(/^PT-\d{4}-\d{6}$/);
    await o.screenshot({ path: `${SHOTS}/board-drag-en.png`, fullPage: true });
    // The request's timeline records the proposal, which the firm is asked to answer.
    await o.goto(proposed!.href);
    await o
      .getByText(/New slot proposed/)
      .first()
      .waitFor();
    await o.close();
  });

  for (const locale of locales)
    it(`folds the header into a menu and shows lists as cards at 390 px (${locale})`, async () => {
      await inLocale(locale, firm);
      const f = await firm.newPage();
      await f.setViewportSize({ width: 390, height: 844 });
      await f.goto("/requests");
      const menu = f.getByTestId("mobile-menu");
      await expect(menu.isVisible()).resolves.toBe(true);
      const links = menu.locator("nav a, a");
      await expect(links.first().isVisible()).resolves.toBe(false);
      await menu.locator("summary").click();
      await expect(links.first().isVisible()).resolves.toBe(true);
      await menu.locator("summary").click();
      const row = f.getByTestId("request-list").locator("tbody tr").first();
      await expect(row.evaluate((tr) => getComputedStyle(tr).display)).resolves.toBe("block");
      const wide = await f.evaluate(() => document.documentElement.scrollWidth);
      expect(wide).toBeLessThanOrEqual(390);
      await f.screenshot({ path: `${SHOTS}/mobile-${locale}.png`, fullPage: true });
      // A completed request's page, with its itemised quote and billing, fits the screen too.
      await f.goto("/requests?status=completed");
      await f.getByTestId("request-list").locator("tbody tr a").first().click();
      await f.waitForURL(/\/requests\/\d+$/);
      await f.getByTestId("quote-lines").waitFor();
      const page = await f.evaluate(() => document.documentElement.scrollWidth);
      expect(page).toBeLessThanOrEqual(390);
      await f.screenshot({ path: `${SHOTS}/mobile-request-${locale}.png`, fullPage: true });
      await f.close();
    });
});

/** Drags a booking one day later on the week board and proposes it; the reference on success. */
async function dragOneDay(
  o: Page,
  item: ReturnType<Page["locator"]>,
): Promise<{ ref: string; href: string } | null> {
  const box = await item.boundingBox();
  const lane = await item.locator("xpath=..").boundingBox();
  if (!box || !lane || box.x + box.width / 2 + lane.width / 7 > lane.x + lane.width) return null;
  const ref = await item.getAttribute("data-ref");
  const x = box.x + Math.min(box.width / 2, 20);
  const y = box.y + box.height / 2;
  await o.mouse.move(x, y);
  await o.mouse.down();
  await o.mouse.move(x + lane.width / 14, y, { steps: 4 });
  await o.mouse.move(x + lane.width / 7, y, { steps: 4 });
  await o.mouse.up();
  const move = o.getByTestId("board-move");
  await move.waitFor();
  const href = (await o
    .getByTestId("board-panel")
    .locator('a[href^="/requests/"]')
    .getAttribute("href"))!;
  await move.getByRole("button", { name: "Propose to the firm" }).click();
  const outcome = o.locator('[data-testid="toast-success"], [data-testid="toast-error"]').last();
  await outcome.waitFor();
  const ok = (await outcome.getAttribute("data-testid")) === "toast-success";
  if (ok) await expect(outcome.textContent()).resolves.toContain(ref!);
  // A fresh page for the next try, so that it reads its own outcome.
  if (!ok) await o.reload();
  return ok ? { ref: ref!, href } : null;
}
