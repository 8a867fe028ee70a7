// Firm accounts in a real browser: the firm's manager invites a colleague on the team page; the
// link from the outbox (as the department reads it) lets the colleague make an account and sign
// in; the colleague then forgets the password and resets it through the outbox's link, and the
// used link no longer works. Screenshots: /tmp/pilot-e2e-shots/accounts-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newClient, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
let browser: Browser;
let manager: BrowserContext;
let admin: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  manager = await signedInClient(browser, baseURL, "firm@pilot.demo");
  admin = await signedInClient(browser, baseURL, "admin@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

/** The newest link of `path` mailed to `to`, read on the department's outbox page. */
async function outboxLink(to: string, path: string): Promise<string> {
  const a = await admin.newPage();
  await a.goto("/admin/outbox");
  const row = a.getByTestId("outbox-table").locator("tr", { hasText: to }).first();
  await row.locator("summary").click();
  const body = await row.locator("pre").innerText();
  await a.close();
  const link = body.match(new RegExp(`https?://[^\\s]+${path}[A-Za-z0-9_-]+`))?.[0];
  expect(link).toBeDefined();
  return new URL(link!).pathname;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("firm accounts", () => {
  it("a manager invites a colleague, who joins, signs in, and later resets the password", async () => {
    const email = `e2e.colleague.${Date.now()}@example.cn`;
    const m = await manager.newPage();
    await m.goto("/firm");
    await m.getByTestId("team-link").click();
    await m.getByTestId("invite-form").waitFor();
    // A malformed address is refused beside the form.
    await m.getByLabel("Email").fill("not-an-email");
    await m.getByRole("button", { name: "Send invitation" }).click();
    await m.getByTestId("toast-error").last().waitFor();
    await m.getByLabel("Email").fill(email);
    await m.getByRole("button", { name: "Send invitation" }).click();
    await m.getByTestId("toast-success").last().waitFor();
    await expect.poll(() => m.getByTestId("invitation-table").innerText()).toContain(email);
    await m.screenshot({ path: `${SHOTS}/accounts-team.png`, fullPage: true });

    const invite = await outboxLink(email, "/invite/");
    const visitor = await newClient(browser, baseURL);
    const v = await visitor.newPage();
    await v.goto(invite);
    await expect.poll(() => v.getByTestId("invite-page").innerText()).toContain(email);
    await v.getByLabel("Your name").fill("Zhao Min 赵敏");
    await v.getByLabel("Password").fill("short");
    await v.getByRole("button", { name: "Make my account" }).click();
    await v.getByTestId("error-invite-password").waitFor();
    await v.getByLabel("Password").fill("copper-meadow-signal-31");
    await v.getByRole("button", { name: "Make my account" }).click();
    await v.waitForURL((u) => u.pathname === "/signin");
    await signIn(v, email, "copper-meadow-signal-31");
    await v.waitForURL((u) => u.pathname === "/firm");
    // A member sees the firm's requests but not the team.
    await v.goto("/firm/team");
    expect(await v.getByTestId("team").innerText()).toContain("Only your firm’s managers");
    // The used invitation no longer works.
    const again = await (await newClient(browser, baseURL)).newPage();
    await again.goto(invite);
    expect(await again.getByTestId("invite-page").innerText()).toContain("not valid");

    // Forgotten password: the reset link from the outbox sets a new one, once.
    const r = await (await newClient(browser, baseURL)).newPage();
    await r.goto("/signin");
    await r.getByRole("link", { name: "Forgot your password?" }).click();
    await r.waitForURL((u) => u.pathname === "/reset");
    await r.getByLabel("Email").fill(email);
    await r.getByRole("button", { name: "Send the link" }).click();
    await r.getByTestId("reset-sent").waitFor();
    const reset = await outboxLink(email, "/reset/");
    await r.goto(reset);
    await r.getByLabel("New password").fill("harbour-violet-engine-58");
    await r.getByRole("button", { name: "Set the password" }).click();
    await r.waitForURL((u) => u.pathname === "/signin");
    await signIn(r, email, "harbour-violet-engine-58");
    await r.waitForURL((u) => u.pathname === "/firm");
    // The earlier session was signed out by the reset.
    const me = await v.request.get("/api/trpc/user.me");
    expect(me.status()).toBe(401);
    const used = await (await newClient(browser, baseURL)).newPage();
    await used.goto(reset);
    await used.getByLabel("New password").fill("another-long-phrase-77");
    await used.getByRole("button", { name: "Set the password" }).click();
    await used.getByTestId("toast-error").last().waitFor();
    expect(await used.getByTestId("toast-error").last().innerText()).toContain("not valid");
    await used.screenshot({ path: `${SHOTS}/accounts-used-link.png` });
  });
});
