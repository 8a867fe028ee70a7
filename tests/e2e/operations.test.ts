// The operator's workspace in a real browser: a maintenance window appears on the public
// calendar; a proposed new slot is accepted by the firm.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newClient, signedInClient } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

const signedIn = (email: string) => signedInClient(browser, baseURL, email);

const waitForStatus = (page: Page, status: string) =>
  page
    .locator(`[data-testid="request-status"][data-status="${status}"]`)
    .waitFor({ timeout: 15_000 });

/** A weekday about `days` ahead, as YYYY-MM-DD in Shanghai. */
function weekdayAhead(days: number): string {
  let t = Date.now() + days * 86_400_000;
  while ([0, 6].includes(new Date(t + 8 * 3_600_000).getUTCDay())) t += 86_400_000;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("operator workspace", () => {
  it("a maintenance window shows on the public calendar", async () => {
    const operator = await signedIn("operator@pilot.demo");
    const o = await operator.newPage();
    await o.goto("/operator");
    await o.getByRole("link", { name: "Maintenance windows" }).click();
    await o.getByTestId("maintenance-form").waitFor();
    const reactor = o
      .getByLabel("Equipment")
      .locator("option", { hasText: "Jacketed glass-lined reactor 1000 L" });
    const reactorId = (await reactor.getAttribute("value"))!;
    await o.getByLabel("Equipment").selectOption(reactorId);
    const day = weekdayAhead(70);
    await o.getByLabel("Reason", { exact: true }).fill("Annual pressure-vessel inspection");
    await o.getByLabel("Start").fill(`${day}T08:00`);
    await o.getByLabel("End").fill(`${day}T18:00`);
    await o.getByRole("button", { name: "Add window" }).click();
    await o
      .getByTestId("maintenance-list")
      .getByText("Annual pressure-vessel inspection")
      .waitFor();

    const visitor = await newClient(browser, baseURL);
    const v = await visitor.newPage();
    await v.goto(`/equipment/${reactorId}?month=${day.slice(0, 7)}`);
    await expect(v.locator(`[data-date="${day}"]`).getAttribute("data-status")).resolves.toBe(
      "maintenance",
    );
    await visitor.close();
    await operator.close();
  });

  it("the operator proposes a new slot and the firm accepts it", async () => {
    const firm = await signedIn("firm@pilot.demo");
    const operator = await signedIn("operator@pilot.demo");
    const f = await firm.newPage();
    await f.goto("/equipment?q=reactor&pk=volume&pmin=500&pu=L");
    await f
      .getByTestId("equipment-results")
      .getByRole("link", { name: /Jacketed glass-lined reactor 1000 L/ })
      .first()
      .click();
    await f.getByTestId("request-this").click();
    await f.getByLabel("Title").fill("E2E reschedule run");
    await f.getByRole("button", { name: "Submit request" }).click();
    await f.waitForURL(/\/requests\/\d+$/);
    const url = f.url();
    const o = await operator.newPage();
    await o.goto(url);
    await o
      .getByTestId("quote-slot-picker")
      .locator("option:not([disabled])")
      .first()
      .waitFor({ state: "attached" });
    await o.getByRole("button", { name: "Send quote" }).click();
    await waitForStatus(o, "quoted");
    await f.goto(url);
    await f.getByTestId("action-accept").click();
    await waitForStatus(f, "confirmed");
    const before = (await f.getByTestId("quote").textContent())!;

    await o.goto(url);
    const picker = o.getByTestId("reschedule-slot-picker");
    await picker.locator("option:not([disabled])").nth(1).waitFor({ state: "attached" });
    await picker.selectOption({ index: 20 });
    await o.getByRole("button", { name: "Propose" }).click();
    await o.getByTestId("toast-success").waitFor();

    await f.goto(url);
    await f.getByTestId("reschedule-answer").waitFor();
    await f.getByTestId("action-accept-reschedule").click();
    await f.getByTestId("toast-success").waitFor();
    await f.waitForFunction(
      (old) => document.querySelector('[data-testid="quote"]')?.textContent !== old,
      before,
    );
    await expect(f.getByTestId("timeline").textContent()).resolves.toMatch(/Moved to/);
    await firm.close();
    await operator.close();
  });
});
