// Booking by pointing, in English and in Chinese: the firm picks a start time on the equipment's
// calendar, the form keeps that slot visible and selected, the request page shows it, and the
// operator's quote picker starts on it. Screenshots: /tmp/pilot-e2e-shots/pick-a-slot-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
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

const words = {
  en: { yours: "Your slot:", firmChose: "The firm chose", title: "Slot picked on the calendar" },
  zh: { yours: "您选择的时段", firmChose: "企业选择了", title: "在日历上选择的时段" },
};

describe("picking a slot on the calendar", () => {
  for (const [i, locale] of (["en", "zh"] as const).entries()) {
    it(`keeps the firm's slot through to the operator's quote (${locale})`, async () => {
      for (const context of [firm, operator])
        await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
      const f = await firm.newPage();
      await f.goto("/equipment?q=reactor&pk=volume&pmin=500&pu=L");
      await f.getByTestId("equipment-results").locator("tbody tr a").first().click();
      await f.waitForURL(/\/equipment\/\d+$/);
      const calendar = f.getByTestId("availability-calendar");
      await calendar.locator('a[href*="month="]:not([href*="day="])').last().click();
      await f.waitForURL(/month=/);
      await calendar.locator('a[data-status="free"]').nth(i).click();
      await f.waitForURL(/day=/);
      const chip = f.getByTestId("start-chips").first().getByRole("link").nth(i);
      await chip.click();
      await f.waitForURL(/\/requests\/new\?equipment=\d+&start=\d{13}$/);
      const start = Number(new URL(f.url()).searchParams.get("start"));
      const note = f.getByTestId("preferred-preferred");
      await expect(note.textContent()).resolves.toContain(words[locale].yours);
      const picker = f.getByTestId("preferred-picker");
      await expect(picker.inputValue()).resolves.toMatch(new RegExp(`^${start}-\\d+$`));
      await f.screenshot({ path: `${SHOTS}/pick-a-slot-${locale}-form.png`, fullPage: true });
      await f.locator("#title").fill(words[locale].title);
      // Enter in a one-line field does not send the form half-filled
      await f.locator("#title").press("Enter");
      expect(new URL(f.url()).pathname).toBe("/requests/new");
      await f.locator("form[data-testid=new-request-form] button[type=submit]").click();
      await f.waitForURL(/\/requests\/\d+$/);
      const asked = f.getByTestId("asked-slot");
      await asked.waitFor();
      const requestUrl = f.url();

      const o = await operator.newPage();
      await o.goto(requestUrl);
      await o.getByTestId("quote-form").waitFor();
      const chosen = o.getByTestId("quote-slot-preferred");
      await expect(chosen.textContent()).resolves.toContain(words[locale].firmChose);
      await expect(o.getByTestId("quote-slot-picker").inputValue()).resolves.toMatch(
        new RegExp(`^${start}-\\d+$`),
      );
      await o.screenshot({ path: `${SHOTS}/pick-a-slot-${locale}-operator.png`, fullPage: true });
      await f.close();
      await o.close();
    });
  }
});
