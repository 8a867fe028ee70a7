// Browser steps of the report register that several walks share: the tester sends a report for
// review on the open request page; the reviewer and the authorised signatory of the demo facility
// review and release it.
import type { Browser, Page } from "playwright-core";
import { signedInClient } from "./browser";

export async function sendReport(o: Page, title: string, pdf: Uint8Array) {
  const drafting = o.getByTestId("draft-report-form");
  await drafting.getByLabel("Subject of the report").fill(title);
  await drafting.getByLabel("Report (PDF)").setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(pdf),
  });
  await drafting.getByRole("button", { name: "Send for review" }).click();
  await o.getByTestId("report").filter({ hasText: title }).waitFor();
}

export async function reviewAndRelease(browser: Browser, baseURL: string, requestUrl: string) {
  const rv = await (await signedInClient(browser, baseURL, "reviewer@pilot.demo")).newPage();
  await rv.goto(requestUrl);
  await rv.getByRole("button", { name: "Mark as reviewed" }).click();
  await rv.locator('[data-testid="report"][data-status="awaiting_approval"]').waitFor();
  const s = await (await signedInClient(browser, baseURL, "signatory@pilot.demo")).newPage();
  await s.goto(requestUrl);
  await s.getByRole("button", { name: "Approve and release" }).click();
  await s.locator('[data-testid="report"][data-status="released"]').waitFor();
}
