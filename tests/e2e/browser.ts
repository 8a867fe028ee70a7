// Real Chromium through playwright-core. Every context reaches the server from 127.0.0.1 (the
// server reads the socket, not X-Forwarded-For), so tests stay within the per-address budgets.
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { chromiumPath } from "./chromium-path";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

export async function newClient(
  browser: Browser,
  baseURL: string,
  options: { locale?: "en" | "zh" } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
  });
  if (options.locale)
    await context.addCookies([{ name: "locale", value: options.locale, url: baseURL }]);
  return context;
}

export const DEMO_PASSWORD = "pilot-demo-2026";

/** A browser context signed in as a demo account. */
export async function signedInClient(
  browser: Browser,
  baseURL: string,
  email: string,
): Promise<BrowserContext> {
  const context = await newClient(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.close();
  return context;
}
