// Monitoring and administration in a real browser: an admin filters the dashboard to one
// prefecture, drills into a facility and downloads its equipment table as CSV (checked cell by
// cell against the page); an admin creates an operator account whose one-time password must be
// replaced at the first sign-in.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newClient, signedInClient } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("monitoring dashboard", () => {
  it("filters to a prefecture, drills into a facility and downloads a CSV of what it shows", async () => {
    const admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
    const page = await admin.newPage();
    await page.goto("/admin/dashboard");
    await page.getByTestId("headline").waitFor();
    await page.getByLabel("Prefecture", { exact: true }).selectOption("chengdu");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/prefecture=chengdu/);
    await expect(page.getByTestId("breadcrumb").textContent()).resolves.toMatch(/Network.*Chengdu/);
    // the chart drew
    await page.getByTestId("chart-trend").locator("svg.recharts-surface").first().waitFor();

    const facilityLink = page.getByTestId("table-facilities").locator("tbody a").first();
    const facilityName = (await facilityLink.textContent())!;
    // Every facility listed under Chengdu is in Chengdu.
    for (const cell of await page
      .getByTestId("table-facilities")
      .locator("tbody tr td:nth-child(2)")
      .allTextContents())
      expect(cell).toBe("Chengdu");
    await facilityLink.click();
    await page.waitForURL(/facilityId=\d+/);
    await expect(page.getByTestId("breadcrumb").textContent()).resolves.toContain(facilityName);
    const table = page.getByTestId("table-equipment");
    const shown = await table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")),
      );
    expect(shown.length).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      table.getByTestId("csv-equipment").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^equipment-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff); // the BOM spreadsheet programs need for Chinese
    const lines = csv
      .slice(1)
      .trim()
      .split("\r\n")
      .map((l) => l.slice(1, -1).split('","'));
    expect(lines[0]).toEqual([
      "Equipment",
      "Units",
      "Booked unit-hours",
      "Available unit-hours",
      "Utilisation (%)",
    ]);
    expect(lines.slice(1).map((row) => row.map((c) => (c === "" ? "—" : c)))).toEqual(shown);

    // The last step: one equipment and its requests.
    await table.locator("tbody a").first().click();
    await page.getByTestId("equipment-figures").waitFor();
    await expect(page.getByTestId("breadcrumb").textContent()).resolves.toContain(facilityName);
    await admin.close();
  });
});

describe("who may see the figures", () => {
  it("refuses other roles the dashboard and its CSV, and names the tables that exist", async () => {
    const firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
    const page = await firm.newPage();
    await page.goto("/admin/dashboard");
    await expect(
      page.getByRole("heading", { name: "Not available for your role" }).isVisible(),
    ).resolves.toBe(true);
    expect((await page.request.get("/api/admin/stats/prefectures?period=year")).status()).toBe(403);
    await firm.close();
    const visitor = await newClient(browser, baseURL);
    expect((await visitor.request.get("/api/admin/stats/prefectures")).status()).toBe(401);
    await visitor.close();
    const admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
    const missing = await admin.request.get("/api/admin/stats/nonsense");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.message).toMatch(/Tables: months, prefectures/);
    const bad = await admin.request.get("/api/admin/stats/requests?equipmentId=abc");
    expect(bad.status()).toBe(400);
    await admin.close();
  });
});

describe("administration", () => {
  it("creates an operator account whose one-time password must be changed at first sign-in", async () => {
    const admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
    const page = await admin.newPage();
    await page.goto("/admin/users");
    const form = page.getByTestId("account-form");
    await form.getByLabel("Email", { exact: true }).fill("e2e.operator@pilot.demo");
    await form.getByLabel("Name", { exact: true }).fill("E2E Operator");
    await form.getByLabel("Facility", { exact: true }).selectOption({ index: 1 });
    await form.getByRole("button", { name: "Create account" }).click();
    const password = (await page.getByTestId("temporary-password").textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    await admin.close();

    const user = await newClient(browser, baseURL);
    const p = await user.newPage();
    await p.goto("/signin");
    await p.getByLabel("Email").fill("e2e.operator@pilot.demo");
    await p.getByLabel("Password").fill(password);
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.waitForURL("**/account/password");
    await p.goto("/operator"); // anything else sends them back
    await p.waitForURL("**/account/password");
    await p.getByLabel("Current password").fill(password);
    await p.getByLabel("New password", { exact: true }).fill("e2e-operator-passphrase");
    await p.getByLabel("Repeat the new password").fill("e2e-operator-passphrase");
    await p.getByRole("button", { name: "Change password" }).click();
    await p.waitForURL("**/operator");
    await p.getByTestId("start-operator").waitFor();
    await user.close();
  });
});
