// Samples in a real browser: the operator receives a sample on a firm's request (a refused form
// first), moves it and prints its labels; the firm reads the sample and its chain of custody.
// Screenshots: /tmp/pilot-e2e-shots/samples-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let operator: BrowserContext;
let firm: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
  firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

describe("samples", () => {
  it("are received, moved and labelled by the facility and read by the firm", async () => {
    // A request of the firm that the operator's facility works on.
    const f = await firm.newPage();
    await f.goto("/requests?status=completed");
    const hrefs = await f
      .getByTestId("request-list")
      .locator("tbody tr a[href^='/requests/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const o = await operator.newPage();
    let href: string | null = null;
    for (const h of hrefs) {
      const res = await o.goto(h);
      if (res?.status() === 200 && (await o.getByTestId("receive-sample-form").count())) {
        href = h;
        break;
      }
    }
    expect(href).not.toBeNull();
    const form = o.getByTestId("receive-sample-form");
    // Nothing described: refused beside the form, nothing received.
    await form.getByRole("button", { name: "Receive sample" }).click();
    await expect
      .poll(() => form.getByTestId("form-errors").innerText())
      .toContain("Description: describe the sample");
    await form.getByLabel("Description").fill("Resin pellets, batch 7");
    await form.getByLabel("Quantity").fill("4");
    await form.getByLabel("Unit").fill("bags");
    await form.getByLabel("Condition on receipt").fill("sealed, dry");
    await form.getByLabel("Storage location").fill("Store room 2");
    await form.getByLabel("Hazard class").selectOption("flammable");
    await form.getByRole("button", { name: "Receive sample" }).click();
    await o.getByTestId("toast-success").last().waitFor();
    const sample = o.getByTestId("sample").first();
    await expect.poll(() => sample.getAttribute("data-code")).toMatch(/^P011-\d{4}-\d{5}$/);
    const code = (await sample.getAttribute("data-code"))!;
    await sample.locator("summary").click();
    const step = sample.getByTestId("sample-step-form");
    await step.getByLabel("New location").fill("Extruder hall");
    await step.getByRole("button", { name: "Record step" }).click();
    await expect.poll(() => o.getByTestId("sample").first().innerText()).toContain("Extruder hall");
    const labels = await operator.request.get(
      `${href}`.replace("/requests/", "/api/requests/") + "/sample-labels",
    );
    expect(labels.status()).toBe(200);
    expect(labels.headers()["content-type"]).toBe("application/pdf");
    await o.getByTestId("samples").screenshot({ path: `${SHOTS}/samples-operator.png` });
    // The firm reads it with its custody, and records nothing.
    await f.goto(href!);
    const seen = f.locator(`[data-testid="sample"][data-code="${code}"]`);
    await seen.locator("summary").click();
    await expect.poll(() => seen.getByTestId("custody").innerText()).toContain("Extruder hall");
    expect(await seen.getByTestId("custody").innerText()).toContain("Received");
    expect(await f.getByTestId("receive-sample-form").count()).toBe(0);
    expect(await f.getByTestId("sample-step-form").count()).toBe(0);
    await f.getByTestId("samples").screenshot({ path: `${SHOTS}/samples-firm.png` });
  });
});
