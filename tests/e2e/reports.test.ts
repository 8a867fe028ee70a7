// Reports in a real browser: the tester uploads a report (a refused form first), a colleague
// reviews it, the authorised signatory approves it and it gets its number; the firm downloads the
// stamped PDF; anyone checks it on /verify with the number alone, a wrong code and the right one,
// then drops the released file and a modified copy on the page (hashed in the browser).
// Screenshots: /tmp/pilot-e2e-shots/reports-*.png.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { PdfWriter } from "@/server/services/pdf/pdf-writer";
import { launchBrowser, signedInClient } from "./browser";
import { textOf } from "../helpers/pdf-text";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let tester: BrowserContext;
let reviewer: BrowserContext;
let signatory: BrowserContext;
let firm: BrowserContext;
let visitor: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  tester = await signedInClient(browser, baseURL, "operator@pilot.demo");
  reviewer = await signedInClient(browser, baseURL, "reviewer@pilot.demo");
  signatory = await signedInClient(browser, baseURL, "signatory@pilot.demo");
  firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
  visitor = await browser.newContext({ baseURL });
});
afterAll(async () => {
  await browser?.close();
});

describe("reports", () => {
  it("are tested, reviewed and approved by three people, downloaded by the firm and verified by anyone", async () => {
    // A completed request of the firm at the tester's facility (it may hold other reports).
    const f = await firm.newPage();
    await f.goto("/requests?status=completed");
    const hrefs = await f
      .getByTestId("request-list")
      .locator("tbody tr a[href^='/requests/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const t = await tester.newPage();
    let href: string | null = null;
    for (const h of hrefs) {
      const res = await t.goto(h);
      if (res?.status() === 200 && (await t.getByTestId("draft-report-form").count())) {
        href = h;
        break;
      }
    }
    expect(href).not.toBeNull();
    const form = t.getByTestId("draft-report-form");
    // No subject, no file: refused beside the form, nothing in the register.
    await form.getByRole("button", { name: "Send for review" }).click();
    await t.getByTestId("toast-error").last().waitFor();
    const before = await t.getByTestId("report").count();
    expect(await form.getByTestId("form-errors").innerText()).toContain("Subject of the report");
    const draft = await PdfWriter.create("Report");
    await draft.paragraph("Tensile strength of resin samples: 48 MPa (demo)");
    const file = path.join(SHOTS, "reports-draft.pdf");
    fs.writeFileSync(file, await draft.save());
    await form.getByLabel("Subject of the report").fill("Tensile strength of resin samples");
    await form.locator("input[type=file]").setInputFiles(file);
    await form.getByRole("button", { name: "Send for review" }).click();
    await t.getByTestId("toast-success").last().waitFor();
    const ours = (page: typeof t) =>
      page.getByTestId("report").filter({ hasText: "Tensile strength of resin samples" });
    await expect.poll(() => t.getByTestId("report").count()).toBe(before + 1);
    const mine = ours(t);
    await expect.poll(() => mine.getAttribute("data-status")).toBe("awaiting_review");
    // The tester cannot review or approve their own report.
    expect(await mine.getByRole("button", { name: "Mark as reviewed" }).count()).toBe(0);
    expect(await mine.getByRole("button", { name: "Approve and release" }).count()).toBe(0);
    // The firm sees nothing yet.
    await f.goto(href!);
    expect(await ours(f).count()).toBe(0);

    const r = await reviewer.newPage();
    await r.goto(href!);
    await ours(r).getByRole("button", { name: "Mark as reviewed" }).click();
    await r.getByTestId("toast-success").last().waitFor();
    await expect.poll(() => ours(r).getAttribute("data-status")).toBe("awaiting_approval");

    const s = await signatory.newPage();
    await s.goto(href!);
    await ours(s).getByRole("button", { name: "Approve and release" }).click();
    await s.getByTestId("toast-success").last().waitFor();
    const released = ours(s);
    await expect.poll(() => released.getAttribute("data-status")).toBe("released");
    const number = (await released.getAttribute("data-number"))!;
    expect(number).toMatch(/^P011-\d{4}-R\d{5}$/);
    await s.getByTestId("reports").screenshot({ path: `${SHOTS}/reports-signatory.png` });

    // The firm downloads the stamped PDF; its cover carries the number and the code.
    await f.goto(href!);
    const link = ours(f).getByTestId("report-download");
    const pdf = await firm.request.get((await link.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    const bytes = new Uint8Array(await pdf.body());
    // A copy: the PDF reader takes over the buffer it is given.
    const text = await textOf(bytes.slice());
    expect(text).toContain(number);
    expect(text).toContain("Chen Jing");
    expect(text).toContain("Huang Lei");
    const code = text.match(/[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}/)![0];
    await f.getByTestId("reports").screenshot({ path: `${SHOTS}/reports-firm.png` });

    // Anyone: the number alone, a wrong code, the right code.
    const v = await visitor.newPage();
    await v.goto("/verify");
    await v.getByLabel("Report number").fill(number);
    await v.getByRole("button", { name: "Check" }).click();
    await expect
      .poll(() => v.getByTestId("verify-outcome").getAttribute("data-outcome"))
      .toBe("exists");
    await v.getByLabel("Verification code").fill("ABCDE-FGHJK");
    await v.getByRole("button", { name: "Check" }).click();
    await expect
      .poll(() => v.getByTestId("verify-outcome").getAttribute("data-outcome"))
      .toBe("wrong-code");
    await v.getByLabel("Verification code").fill(code);
    await v.getByRole("button", { name: "Check" }).click();
    await expect
      .poll(() => v.getByTestId("verify-outcome").getAttribute("data-outcome"))
      .toBe("released");
    const shown = await v.getByTestId("verify").innerText();
    expect(shown).not.toContain("Xinrui");
    expect(shown).not.toContain("48 MPa");
    // The released file matches; a modified copy does not. Hashed in the page.
    const released1 = path.join(SHOTS, "reports-released.pdf");
    const modified = path.join(SHOTS, "reports-modified.pdf");
    fs.writeFileSync(released1, bytes);
    fs.writeFileSync(modified, Buffer.concat([Buffer.from(bytes), Buffer.from("\n%edit")]));
    const input = v.locator("#verify-file");
    await input.setInputFiles(released1);
    await expect
      .poll(() => v.getByTestId("verify-file-result").locator("p").getAttribute("data-matches"))
      .toBe("true");
    await v.screenshot({ path: `${SHOTS}/reports-verify.png`, fullPage: true });
    await input.setInputFiles(modified);
    await expect
      .poll(() => v.getByTestId("verify-file-result").locator("p").getAttribute("data-matches"))
      .toBe("false");
    expect(await v.getByTestId("verify-file-result").innerText()).toContain(
      "is not the released file",
    );
  });
});
