// axe-core on every page of each role, in English and in Chinese at 1280 px and in English at
// 390 px: no serious or critical WCAG 2 A/AA violation anywhere.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newClient, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const AXE = path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first link on a list page whose address matches, for pages of one record. */
async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = () =>
    page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // The list may still be streaming in when the page has loaded.
  for (let tries = 0; tries < 20; tries++) {
    const found = (await hrefs()).find((h) => pattern.test(h));
    if (found) return found;
    await page.waitForTimeout(500);
  }
  const heading = await page
    .locator("h1")
    .first()
    .textContent()
    .catch(() => null);
  throw new Error(
    `no link like ${pattern} on ${list} (at ${page.url()}, "${heading}"): ${(await hrefs()).join(" ")}`,
  );
}

type Violation = { page: string; rule: string; impact: string; target: string };

async function audit(page: Page, url: string, label: string): Promise<Violation[]> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    return (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => ({
        page: label,
        rule: v.id,
        impact: v.impact,
        target: n.target.join(" "),
      })),
    );
}

const roles: { who: string; pages: (p: Page) => Promise<string[]> }[] = [
  {
    who: "visitor",
    pages: async (p) => [
      "/",
      "/facilities",
      await firstLink(p, "/facilities", /^\/facilities\/[a-z0-9-]+/),
      "/equipment",
      await firstLink(p, "/equipment", /^\/equipment\/\d+/),
      "/services",
      "/about/metrics",
      "/signin",
      "/register",
    ],
  },
  {
    who: "firm@pilot.demo",
    pages: async (p) => [
      "/firm",
      "/firm/vouchers",
      "/requests",
      "/requests/new",
      await firstLink(p, "/requests", /^\/requests\/\d+$/),
      "/notifications",
      "/account/password",
    ],
  },
  {
    who: "operator@pilot.demo",
    pages: async (p) => [
      "/operator",
      "/operator/schedule",
      "/operator/schedule?view=day",
      "/operator/schedule?view=month",
      "/operator/equipment",
      "/operator/services",
      "/operator/maintenance",
      "/operator/profile",
      await firstLink(p, "/requests", /^\/requests\/\d+$/),
    ],
  },
  {
    who: "coordinator@pilot.demo",
    pages: async (p) => ["/hub", await firstLink(p, "/requests?unrouted=1", /^\/requests\/\d+$/)],
  },
  {
    who: "admin@pilot.demo",
    pages: async (p) => [
      "/admin",
      "/admin/dashboard",
      "/admin/facilities",
      await firstLink(p, "/admin/facilities", /^\/admin\/facilities\/\d+$/),
      "/admin/users",
      "/admin/audit",
      "/admin/outbox",
      "/admin/vouchers",
      "/admin/vouchers/claims",
    ],
  },
];

describe("accessibility", () => {
  for (const role of roles)
    it(`has no serious or critical axe violation on any page of ${role.who}`, async () => {
      const context: BrowserContext =
        role.who === "visitor"
          ? await newClient(browser, baseURL)
          : await signedInClient(browser, baseURL, role.who);
      const page = await context.newPage();
      const urls = await role.pages(page);
      const found: Violation[] = [];
      for (const locale of ["en", "zh"] as const) {
        await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
        for (const url of urls) found.push(...(await audit(page, url, `${locale} 1280 ${url}`)));
      }
      await context.addCookies([{ name: "locale", value: "en", url: baseURL }]);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const url of urls) found.push(...(await audit(page, url, `en 390 ${url}`)));
      await context.close();
      expect(found).toEqual([]);
    }, 180_000);
});
