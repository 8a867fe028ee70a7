// The whole life of a request in a real browser: the firm submits, the operator quotes, the
// firm accepts, the operator starts and completes with a report, the firm downloads it and rates;
// the bell shows each step.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";
import { reviewAndRelease, sendReport } from "./report-steps";
import { minimalPdf } from "@/db/seed/pdf";

const baseURL = inject("baseURL");
let browser: Browser;
let firm: BrowserContext;
let operator: BrowserContext;

const signedIn = (email: string) => signedInClient(browser, baseURL, email);

async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("bell-count");
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

async function waitForStatus(page: Page, status: string) {
  await page
    .locator(`[data-testid="request-status"][data-status="${status}"]`)
    .waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  browser = await launchBrowser();
  firm = await signedIn("firm@pilot.demo");
  operator = await signedIn("operator@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

describe("a booking from request to rating", () => {
  it("goes through every step with the bell telling each side", async () => {
    const f = await firm.newPage();
    await f.goto("/equipment?q=reactor&pk=volume&pmin=500&pu=L");
    await f
      .getByTestId("equipment-results")
      .getByRole("link", { name: /Jacketed glass-lined reactor 1000 L/ })
      .first()
      .click();
    await f.waitForURL(/\/equipment\/\d+/);
    const facilityName = (await f
      .getByTestId("equipment-page")
      .locator("header a")
      .first()
      .textContent())!;
    expect(facilityName).toMatch(/Jinxiang Sairui/);
    await f.getByTestId("request-this").click();
    await f.waitForURL(/\/requests\/new\?equipment=/);
    await f.getByLabel("Title").fill("E2E resin pilot test");
    await f.getByLabel("Service type").selectOption("testing");
    await f.getByLabel("Description").fill("Two 500 L batches at 180 °C");
    await f.getByLabel("Sample or material").fill("Monomer, 400 kg");
    await f.getByRole("button", { name: "Submit request" }).click();
    await f.waitForURL(/\/requests\/\d+$/);
    await waitForStatus(f, "submitted");
    const requestUrl = f.url();
    const ref = (await f.getByTestId("request-ref").textContent())!;
    expect(ref).toMatch(/^PT-\d{4}-\d{6}$/);

    const o = await operator.newPage();
    await o.goto("/requests?status=submitted");
    expect(await bellCount(o)).toBeGreaterThan(0);
    await o.getByRole("link", { name: ref }).click();
    await o.getByTestId("quote-form").waitFor();
    const slot = o.getByTestId("quote-slot-picker");
    await slot.locator("option:not([disabled])").first().waitFor({ state: "attached" });
    await o.getByRole("button", { name: "Send quote" }).click();
    await waitForStatus(o, "quoted");

    const firmBellBefore = await (async () => {
      await f.goto(requestUrl);
      return bellCount(f);
    })();
    expect(firmBellBefore).toBeGreaterThan(0);
    await f.getByTestId("quote").waitFor();
    await f.getByTestId("action-accept").click();
    await waitForStatus(f, "confirmed");
    const ics = await f.request.get(
      new URL((await f.getByTestId("ics-link").getAttribute("href"))!, baseURL).toString(),
    );
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain(`SUMMARY:${ref}`);

    await o.goto(requestUrl);
    // The slot is days away: starting now takes a reason, which the timeline keeps.
    await o.getByTestId("start-early-form").waitFor();
    await o.getByLabel("Why start early?").fill("Samples arrived early");
    await o.getByRole("button", { name: "Start early" }).click();
    await waitForStatus(o, "in_progress");
    await expect(o.getByTestId("timeline").textContent()).resolves.toContain(
      "Started before the booked slot: Samples arrived early",
    );
    await o.getByTestId("action-complete").click();
    await o.getByTestId("toast-error").waitFor();
    await expect(o.getByTestId("toast-error").first().textContent()).resolves.toMatch(
      /Upload the report/,
    );
    // The report goes into the register; the authorised signatory releases it to the firm.
    await sendReport(o, "E2E report", minimalPdf(["E2E report", ref]));
    await o.getByTestId("action-complete").click();
    await waitForStatus(o, "completed");
    await reviewAndRelease(browser, baseURL, requestUrl);

    await f.goto(requestUrl);
    const reportLink = f.getByTestId("report").first().getByTestId("report-download");
    const download = await f.request.get(
      new URL((await reportLink.getAttribute("href"))!, baseURL).toString(),
    );
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await f.getByLabel("Rating (1–5)").selectOption("5");
    await f.getByLabel("Comment").fill("Fast and clear");
    await f.getByRole("button", { name: "Rate" }).click();
    await f.getByTestId("feedback").waitFor();
    await expect(f.getByTestId("timeline").textContent()).resolves.toMatch(
      /Submitted.*Quoted.*Confirmed.*In progress.*Completed/s,
    );

    // another firm cannot open it, nor its report
    const other = await signedIn("firm2@pilot.demo");
    const stranger = await other.newPage();
    const response = await stranger.goto(requestUrl);
    expect(response?.status()).toBe(404);
    expect(
      (
        await stranger.request.get(
          new URL((await reportLink.getAttribute("href"))!, baseURL).toString(),
        )
      ).status(),
    ).toBe(404);
    await other.close();

    await f.goto("/notifications");
    await f.getByTestId("notifications-page").waitFor();
    await expect(f.locator("main").textContent()).resolves.toContain(ref);
  });
});
