// Actual use in a real browser: the operator records the whole use of a completed booking (the
// page then shows it against the slot) and records in-house use from the schedule board.
// Screenshots: /tmp/pilot-e2e-shots/use-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";
import {
  addDays,
  localDateKey,
  localDateTimeKey,
  NETWORK_TIME_ZONE,
} from "@/server/services/scheduling/local-time";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let operator: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

/** The demo facility's times are read in the network's time zone. */
const zone = NETWORK_TIME_ZONE;
/** "YYYY-MM-DD" of the day before today in that zone. */
const yesterday = () => addDays(localDateKey(Date.now(), zone), -1);

describe("actual use", () => {
  it("checks a confirmed booking in and out, and shows the use against the slot", async () => {
    const o = await operator.newPage();
    await o.goto("/requests?status=confirmed");
    const links = await o
      .getByTestId("request-list")
      .locator("tbody tr a[href^='/requests/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    // Work began early, now: checked in at this minute, out two minutes later.
    const local = (ms: number) => localDateTimeKey(ms, zone);
    let checkedIn = false;
    for (const href of links.slice(0, 8)) {
      await o.goto(href);
      const form = o.getByTestId("check-in-form");
      if (!(await form.count())) continue;
      await form.getByLabel("Actual start").fill(local(Date.now()));
      await form.getByRole("button", { name: "Check in" }).click();
      const outcome = o
        .locator('[data-testid="toast-success"], [data-testid="toast-error"]')
        .last();
      await outcome.waitFor();
      if ((await outcome.getAttribute("data-testid")) === "toast-success") {
        checkedIn = true;
        break;
      }
    }
    expect(checkedIn).toBe(true);
    await o
      .getByTestId("use-list")
      .getByText(/still running/)
      .waitFor();
    const out = o.getByTestId("check-out-form");
    await out.getByLabel("Actual end").fill(local(Date.now() + 2 * 60_000));
    await out.getByRole("button", { name: "Check out" }).click();
    await o
      .getByTestId("use-list")
      .getByText(/Used .* on 1 unit/)
      .waitFor();
    await expect(o.getByTestId("use-list").textContent()).resolves.toMatch(/early/);
    await o.getByTestId("actual-use").screenshot({ path: `${SHOTS}/use-recorded.png` });
    await o.close();
  });

  it("records in-house use from the schedule board", async () => {
    const o = await operator.newPage();
    await o.goto("/operator/schedule");
    await o.getByText("Record in-house use", { exact: true }).first().click();
    const form = o.getByTestId("in-house-form");
    await form.waitFor();
    await form.getByLabel("From").fill(`${yesterday()}T21:00`);
    await form.getByLabel("Until").fill(`${yesterday()}T23:00`);
    await form.getByLabel("Purpose").selectOption("teaching");
    await form.getByLabel("Used by").fill("Prof. Zhang Min");
    await form.getByRole("button", { name: "Record in-house use" }).click();
    await o.getByTestId("toast-success").waitFor();
    await form.screenshot({ path: `${SHOTS}/use-in-house.png` });
    // The same hours again are now taken: refused, with the reason beside the form.
    await form.getByRole("button", { name: "Record in-house use" }).click();
    await o.getByTestId("toast-error").waitFor();
    await expect(form.getByTestId("form-errors").textContent()).resolves.toMatch(/taken/);
    await o.close();
  });
});
