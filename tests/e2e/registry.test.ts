// A visitor uses the public registry in a real browser, in English and in Chinese.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newClient } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the public registry", () => {
  it("finds a reactor of at least 500 L, opens it and reads its calendar (English)", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Find equipment" }).click();
    await page.waitForURL("**/equipment");
    await page.getByLabel("Text").fill("reactor");
    await page.getByLabel("Parameter 1").selectOption("volume");
    await page.getByLabel("At least").first().fill("500");
    await page.getByLabel("Unit").first().selectOption("L");
    await page.getByLabel("Duration (hours)").fill("8");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/pk=volume/);
    const rows = page.getByTestId("equipment-results").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    await expect(first.textContent()).resolves.toMatch(/reactor/i);
    // the same search in m³ finds the same equipment
    const url = new URL(page.url());
    url.searchParams.set("pmin", "0.5");
    url.searchParams.delete("pu");
    url.searchParams.append("pu", "m³");
    const sameCount = (await page.getByTestId("result-count").textContent())!;
    await page.goto(url.pathname + url.search);
    await expect(page.getByTestId("result-count").textContent()).resolves.toBe(sameCount);

    await page.getByTestId("equipment-results").locator("tbody tr a").first().click();
    await page.waitForURL(/\/equipment\/\d+/);
    await page.getByTestId("specifications").waitFor();
    await expect(page.getByTestId("specifications").textContent()).resolves.toMatch(
      /Working volume.*L/,
    );
    const calendar = page.getByTestId("availability-calendar");
    await calendar.waitFor();
    const days = calendar.locator("a[data-status]");
    expect(await days.count()).toBeGreaterThanOrEqual(28);
    await page.getByRole("link", { name: "Next month" }).click();
    await page.waitForURL(/month=/);
    const bookable = calendar
      .locator('a[data-status="free"], a[data-status="partly_free"]')
      .first();
    await bookable.click();
    await page.waitForURL(/day=/);
    await expect(page.getByTestId("day-intervals").textContent()).resolves.toMatch(
      /\d{2}:\d{2} – \d{2}:\d{2}.*unit/,
    );
    await context.close();
  });

  it("does the same in Chinese", async () => {
    const context = await newClient(browser, baseURL, { locale: "zh" });
    const page = await context.newPage();
    await page.goto("/equipment");
    await page.getByLabel("关键词").fill("反应釜");
    await page.getByLabel("参数 1").selectOption("volume");
    await page.getByLabel("至少").first().fill("500");
    await page.getByLabel("单位").first().selectOption("L");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.waitForURL(/pk=volume/);
    await expect(page.getByTestId("result-count").textContent()).resolves.toMatch(
      /^共 \d+ 条结果$/,
    );
    await page.getByTestId("equipment-results").locator("tbody tr a").first().click();
    await page.waitForURL(/\/equipment\/\d+/);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/反应釜/);
    await expect(page.getByTestId("specifications").textContent()).resolves.toContain("工作容积");
    await page.getByTestId("availability-calendar").waitFor();
    await expect(page.getByTestId("availability-calendar").textContent()).resolves.toContain(
      "空闲",
    );
    await context.close();
  });

  it("filters facilities by facets from the URL and shows a helpful message for bad input", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/facilities?prefecture=meishan&field=clean_energy");
    await expect(page.getByTestId("result-count").textContent()).resolves.toMatch(/\d+ results?/);
    const cards = page.getByTestId("facility-results").locator("li");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const text of await cards.allTextContents()) expect(text).toContain("Meishan");
    await page.goto("/facilities?q=%E9%92%92%E9%92%9B");
    await page.getByTestId("facility-results").getByRole("link").first().click();
    await page.getByTestId("facility-page").waitFor();
    await expect(page.locator("h1").textContent()).resolves.toMatch(/Vanadium-Titanium/);
    await page.goto("/equipment?pk=volume&pmin=900&pmax=100&pu=L");
    await expect(page.getByTestId("bad-input").textContent()).resolves.toContain(
      "params.0.max: the maximum is below the minimum",
    );
    const missing = await page.goto("/facilities/no-such-facility");
    expect(missing?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await context.close();
  });

  it("searches services by standard code", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/services");
    await page.getByLabel("Standard code or name").fill("GB/T 2423");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=GB/);
    // the results stream in after a loading state
    await page.locator("main").getByText("GB/T 2423", { exact: false }).first().waitFor();
    await page.getByText("Loading…").waitFor({ state: "detached" });
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("GB/T 2423");
    expect(text).toContain("Testing");
    await context.close();
  });
});
