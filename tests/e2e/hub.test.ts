// The hub in a real browser: a firm asks the hub for a 500 L reactor and sees suggestions, a
// coordinator routes the request, and the chosen facility's operator finds it in their inbox.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("asking the hub", () => {
  it("firm asks, coordinator routes, operator sees it", async () => {
    const firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
    const f = await firm.newPage();
    await f.goto("/requests");
    await f.getByRole("link", { name: "Ask the hub" }).click();
    await f.waitForURL("**/requests/new");
    await f.getByLabel("Title").fill("E2E: 500 L reactor for a pilot batch");
    await f.getByLabel("Service type").selectOption("pilot_production");
    await f.getByLabel("Required parameters 1").selectOption("volume");
    await f.locator('input[name="pmin0"]').fill("500");
    await f.locator('input[name="pu0"]').fill("L");
    await f.getByRole("button", { name: "Find facilities that can do it" }).click();
    await f
      .getByTestId("hub-suggestions")
      .getByRole("button", { name: "Send to this facility" })
      .first()
      .waitFor();
    await expect(f.getByTestId("hub-target").textContent()).resolves.toMatch(
      /Will be sent to the hub/,
    );
    await f.getByRole("button", { name: "Submit request" }).click();
    await f.waitForURL(/\/requests\/\d+$/);
    const url = f.url();
    const ref = (await f.getByTestId("request-ref").textContent())!;
    await firm.close();

    const coordinator = await signedInClient(browser, baseURL, "coordinator@pilot.demo");
    const c = await coordinator.newPage();
    await c.goto("/hub");
    await c.getByTestId("hub-inbox").getByRole("link", { name: ref }).click();
    await c.waitForURL(url);
    const first = c.getByTestId("match-candidates").locator("li").first();
    await first.waitFor();
    const slug = (await first.locator("a[data-slug]").getAttribute("data-slug"))!;
    await first.getByRole("button", { name: "Route here" }).click();
    await c.getByTestId("toast-success").waitFor();
    await c.waitForFunction(
      () =>
        !document.querySelector('[data-testid="match-candidates"]') ||
        document.body.textContent?.includes("Routed to"),
    );
    await coordinator.close();

    const operatorEmail = slug.startsWith("jinxiang-sairui")
      ? "operator@pilot.demo"
      : `ops.${slug}@pilot.demo`;
    const operator = await signedInClient(browser, baseURL, operatorEmail);
    const o = await operator.newPage();
    await o.goto("/requests?status=submitted");
    await o.getByTestId("request-list").getByRole("link", { name: ref }).waitFor();
    await operator.close();
  });
});
