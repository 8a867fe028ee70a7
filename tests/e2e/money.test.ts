// Money in a real browser: the operator publishes a fee schedule, the firm sees the estimate it
// gives before asking, the operator quotes with lines (VAT per line), the firm accepts with its
// innovation voucher; the work done, the operator records the fapiao and the firm's share, files
// the voucher claim and the department approves it. On another completed request the operator
// records a fapiao and a part payment, leaving a balance. The department grants a waiting
// voucher application and the firm sees it.
// Screenshots: /tmp/pilot-e2e-shots/money-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";
import { reviewAndRelease, sendReport } from "./report-steps";
import { minimalPdf } from "@/db/seed/pdf";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let firm: BrowserContext;
let operator: BrowserContext;
let admin: BrowserContext;
/** The request the first test quotes and the firm accepts with its voucher. */
let requestUrl = "";

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
  admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

describe("money", () => {
  it("fee schedule → estimate → itemised quote → acceptance", async () => {
    const o = await operator.newPage();
    await o.goto("/operator/services");
    const first = o.getByTestId("manage-services").locator("li details").first();
    await first.locator("summary").click();
    const form = first.locator("form");
    await form.locator('select[name="priceBasis"]').selectOption("per_hour");
    await form.locator('input[name="price"]').fill("60");
    await form.locator('input[name="minCharge"]').fill("500");
    await form.locator('button[type="submit"]').first().click();
    await o.getByTestId("toast-success").waitFor();
    const serviceName = (await first.locator("summary span").first().textContent())!.trim();

    const f = await firm.newPage();
    await f.goto(`/services?q=${encodeURIComponent(serviceName)}`);
    const card = f.locator("li", { hasText: "Jinxiang" }).filter({ hasText: serviceName }).first();
    await card.getByRole("link", { name: "Request this service" }).click();
    await f.waitForURL(/\/requests\/new\?service=\d+/);
    const estimate = f.getByTestId("cost-estimate");
    await expect(estimate.textContent()).resolves.toContain("Minimum charge");
    // 8 h × ¥60 is below the ¥500 minimum: ¥500 + 6 % VAT.
    await expect(f.getByTestId("estimate-total").textContent()).resolves.toContain("530.00");
    await f.screenshot({ path: `${SHOTS}/money-estimate.png`, fullPage: true });
    await f.locator("#title").fill("E2E: corrosion test with a published fee");
    await f.locator("form[data-testid=new-request-form] button[type=submit]").click();
    await f.waitForURL(/\/requests\/\d+$/);
    requestUrl = f.url();

    await o.goto(requestUrl);
    const quote = o.getByTestId("quote-form");
    await quote.waitFor();
    await expect(o.locator("#quote-line-0-price").inputValue()).resolves.toBe("500");
    await quote.getByRole("button", { name: "Add a line" }).click();
    await o.locator("#quote-line-1-kind").selectOption("consumables");
    await o.locator("#quote-line-1-description").fill("Salt solution");
    await o.locator("#quote-line-1-price").fill("25.25");
    await expect(o.getByTestId("quote-form-totals").textContent()).resolves.toContain("556.77");
    // The first equipment whose calibration and free time suit the service takes the quote.
    const options = await o
      .locator("#quote-equipment option")
      .evaluateAll((os) => os.map((x) => (x as HTMLOptionElement).value));
    let sent = false;
    for (const value of options) {
      await o.locator("#quote-equipment").selectOption(value);
      await o.locator('[data-testid="quote-slot-picker"]:not([aria-busy="true"])').waitFor();
      const slots = o.getByTestId("quote-slot-picker").locator("option");
      if (!(await slots.first().getAttribute("value"))) continue;
      await quote.locator('button[type="submit"]').click();
      const outcome = o
        .locator('[data-testid="toast-success"], [data-testid="toast-error"]')
        .last();
      await outcome.waitFor();
      if ((await outcome.getAttribute("data-testid")) === "toast-success") {
        sent = true;
        break;
      }
      await o.locator('[data-testid="toast-error"] button').last().click();
    }
    expect(sent).toBe(true);

    await f.goto(requestUrl);
    const lines = f.getByTestId("quote-lines");
    await lines.waitFor();
    // ¥500 + ¥25.25, VAT 30.00 + 1.52 (1.515 rounds up): ¥556.77.
    await expect(f.getByTestId("quote-total").textContent()).resolves.toContain("556.77");
    await f.screenshot({ path: `${SHOTS}/money-quote.png`, fullPage: true });
    await f.getByTestId("agreement").waitFor();
    // The firm's allotment offers 30 % of the eligible lines; it accepts with the voucher.
    const offer = f.getByTestId("voucher-accept");
    await offer.waitFor();
    await expect(f.getByTestId("voucher-offer").textContent()).resolves.toMatch(/30 %/);
    await offer.screenshot({ path: `${SHOTS}/money-voucher-offer.png` });
    await f.getByRole("button", { name: "Accept the quote with the voucher" }).click();
    await f.getByTestId("toast-success").waitFor();
    await expect(f.getByTestId("voucher-state").textContent()).resolves.toMatch(/reserved/);
    // The agreement the firm accepted, served by the built app as a PDF with its fonts.
    await f.getByTestId("agreement").filter({ hasText: "accepted" }).waitFor();
    const id = new URL(requestUrl).pathname.split("/").pop();
    const pdf = await f.request.get(
      new URL(`/api/requests/${id}/agreement`, requestUrl).toString(),
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(20_000);
    await o.close();
    await f.close();
  });

  it("work done: fapiao, the firm's share paid, the voucher claim filed and approved", async () => {
    const o = await operator.newPage();
    await o.goto(requestUrl);
    const ref = (await o.getByTestId("request-ref").textContent())!.trim();
    await o.getByTestId("start-early-form").waitFor();
    await o.getByLabel("Why start early?").fill("Samples arrived early");
    await o.getByRole("button", { name: "Start early" }).click();
    await o.locator('[data-testid="request-status"][data-status="in_progress"]').waitFor();
    // The report is written, then released by the authorised signatory (a claim needs it).
    await sendReport(o, "E2E voucher report", minimalPdf(["E2E voucher report", ref]));
    await reviewAndRelease(browser, baseURL, requestUrl);
    await o.reload();
    await o.getByTestId("action-complete").click();
    await o.locator('[data-testid="request-status"][data-status="completed"]').waitFor();
    // Before the fapiao, the claim says what it still needs.
    await expect(o.getByTestId("claim-missing").textContent()).resolves.toContain("fapiao");
    await o.locator("#inv-number").fill("51012026E2EV0001");
    await o.getByTestId("invoice-form").locator('button[type="submit"]').click();
    const payment = o.getByTestId("payment-form-51012026E2EV0001");
    await payment.waitFor();
    await expect(o.getByTestId("billing-voucher").textContent()).resolves.toMatch(/\d/);
    // The payment form starts at the firm's share: the total less the voucher cover.
    await payment.locator('input[name="bankReference"]').fill("E2E-BANK-V001");
    await payment.locator('button[type="submit"]').click();
    await o.getByTestId("invoice-51012026E2EV0001").getByText("E2E-BANK-V001").waitFor();
    await o.getByTestId("file-claim").click();
    await o.locator('[data-testid^="claim-"][data-status="filed"]').waitFor();
    await o.getByTestId("voucher-cover").screenshot({ path: `${SHOTS}/money-claim-filed.png` });

    const a = await admin.newPage();
    await a.goto("/admin/vouchers/claims?status=filed");
    const claim = a.locator('[data-testid^="admin-claim-"]', { hasText: ref });
    await claim.waitFor();
    await a.screenshot({ path: `${SHOTS}/money-claims.png`, fullPage: true });
    await claim.getByRole("button", { name: "Approve and redeem" }).click();
    await a.getByTestId("toast-success").waitFor();
    const csv = await a.request.get(
      new URL("/api/admin/vouchers/claims?format=csv&status=approved", baseURL).toString(),
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(ref);

    const f = await firm.newPage();
    await f.goto(requestUrl);
    await expect(f.getByTestId("voucher-state").textContent()).resolves.toMatch(/redeemed/);
    await expect(f.getByTestId("billing-balance").textContent()).resolves.toMatch(/0\.00/);
    await f.goto("/firm/vouchers");
    await expect(f.getByTestId("voucher-redeemed").textContent()).resolves.toMatch(/\d/);
    await f.screenshot({ path: `${SHOTS}/money-firm-vouchers.png`, fullPage: true });
    await Promise.all([o.close(), a.close(), f.close()]);
  });

  it("the department grants a waiting application and the firm sees its allotment", async () => {
    const a = await admin.newPage();
    await a.goto("/admin/vouchers");
    const waiting = a.locator('[data-testid^="application-"][data-status="pending"]').first();
    await waiting.waitFor();
    await waiting.getByLabel("Amount to grant (¥)").fill("30000");
    await waiting.getByRole("button", { name: "Grant" }).click();
    await a.getByTestId("toast-success").waitFor();
    const f2 = await (await signedInClient(browser, baseURL, "firm2@pilot.demo")).newPage();
    await f2.goto("/firm/vouchers");
    await f2.locator('[data-testid^="allotment-"][data-status="approved"]').waitFor();
    await expect(f2.getByTestId("voucher-available").textContent()).resolves.toContain("30,000");
    await a.close();
    await f2.close();
  });

  it("records a fapiao and a part payment on completed work, leaving a balance", async () => {
    const o = await operator.newPage();
    await o.goto("/requests?status=completed");
    const links = await o
      .getByTestId("request-list")
      .locator("tbody tr a[href^='/requests/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let found = false;
    for (const href of links.slice(0, 12)) {
      await o.goto(href);
      if (await o.getByTestId("invoice-form").count()) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await o.locator("#inv-number").fill("51012026E2E00001");
    await o.getByTestId("invoice-form").locator('button[type="submit"]').click();
    await o.getByTestId("toast-success").waitFor();
    const payment = o.getByTestId("payment-form-51012026E2E00001");
    await payment.waitFor();
    await payment.locator('input[name="amount"]').fill("10");
    await payment.locator('input[name="bankReference"]').fill("E2E-BANK-0001");
    await payment.locator('button[type="submit"]').click();
    await o.getByTestId("invoice-51012026E2E00001").getByText("E2E-BANK-0001").waitFor();
    await expect(o.getByTestId("billing-paid").textContent()).resolves.toMatch(/\d/);
    await o.getByTestId("billing").screenshot({ path: `${SHOTS}/money-billing.png` });
    await o.close();
  });
});
