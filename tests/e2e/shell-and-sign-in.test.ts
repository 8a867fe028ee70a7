// A visitor and each demo role, in a real browser against `next start`.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newClient, DEMO_PASSWORD } from "./browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("the shell", () => {
  it("shows the network at a glance in English, then in Chinese after the switch, and remembers it", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("home-title").textContent()).resolves.toMatch(
      /^One hub, \d+ facilities/,
    );
    expect(
      Number(await page.getByTestId("stat-facilities").locator("dd").textContent()),
    ).toBeGreaterThanOrEqual(23);
    await expect(page.getByTestId("illustrative-note").textContent()).resolves.toMatch(
      /illustrative/,
    );
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByTestId("home-title").textContent()).resolves.toMatch(
      /^一个枢纽、\d+ 个平台/,
    );
    await expect(page.getByTestId("chart-prefecture").textContent()).resolves.toContain("成都市");

    await page.reload();
    await expect(page.getByTestId("home-title").textContent()).resolves.toMatch(/^一个枢纽/);
    await context.close();
  });

  it("sends a visitor who opens a start page to sign in", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/admin");
    await page.waitForURL("**/signin?**");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin");
    await context.close();
  });

  it("explains every monitoring figure publicly", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/about/metrics");
    await expect(page.locator("h1").textContent()).resolves.toBe("How the figures are defined");
    await expect(page.getByTestId("metrics-page").textContent()).resolves.toContain(
      "Booked unit-hours ÷ available unit-hours",
    );
    await context.close();
  });

  it("sends security headers", async () => {
    const res = await fetch(`${baseURL}/`);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(await (await fetch(`${baseURL}/api/health`)).json()).toMatchObject({ ok: true });
  });

  it("runs only scripts carrying this response's nonce: no 'unsafe-inline', no violations", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${baseURL}/facilities`);
      const csp = res.headers.get("content-security-policy")!;
      const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
      nonces.add(nonce);
      const tags = (await res.text()).match(/<script[^>]*>/g)!;
      expect(tags.length).toBeGreaterThan(3);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
    const api = await fetch(`${baseURL}/api/health`);
    expect(api.headers.get("content-security-policy")).toContain("sandbox");
    // In the browser: pages hydrate (the language switch works) and nothing is blocked.
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/equipment");
    await page.goto("/signin");
    await page.getByLabel("Email").fill("firm@pilot.demo");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/firm");
    await page.goto("/requests/new");
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("signing in", () => {
  const roles = [
    { email: "firm@pilot.demo", path: "/firm", testId: "start-firm" },
    { email: "operator@pilot.demo", path: "/operator", testId: "start-operator" },
    { email: "coordinator@pilot.demo", path: "/hub", testId: "start-hub" },
    { email: "admin@pilot.demo", path: "/admin", testId: "start-admin" },
  ];
  for (const role of roles) {
    it(`${role.email} lands on ${role.path}`, async () => {
      const context = await newClient(browser, baseURL);
      const page = await context.newPage();
      await signIn(page, role.email, DEMO_PASSWORD);
      await page.waitForURL(`**${role.path}`);
      await page.getByTestId(role.testId).waitFor();
      await expect(page.getByTestId("toast-success").textContent()).resolves.toMatch(/Signed in/);
      // another role's page is refused
      await page.goto(role.path === "/admin" ? "/firm" : "/admin");
      await page.getByTestId("forbidden").waitFor();
      await context.close();
    });
  }

  it("a firm user can sign out, and a copy of the cookie taken before stops working", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await signIn(page, "firm2@pilot.demo", DEMO_PASSWORD);
    await page.waitForURL("**/firm");
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const me = () =>
      fetch(`${baseURL}/api/trpc/user.me`, { headers: { cookie } }).then((r) => r.status);
    expect(await me()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseURL}/`);
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();
    expect(await me()).toBe(401);
    await context.close();
  });

  it("a wrong password shows an error and stays on the form", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await signIn(page, "firm@pilot.demo", "not-the-password");
    await expect(page.getByTestId("signin-error").textContent()).resolves.toBe(
      "Wrong email or password.",
    );
    expect(new URL(page.url()).pathname).toBe("/signin");
    await context.close();
  });

  it("shows the error in Chinese for a Chinese-speaking visitor", async () => {
    const context = await newClient(browser, baseURL, { locale: "zh" });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("电子邮箱").fill("firm@pilot.demo");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("signin-error").textContent()).resolves.toBe("邮箱或密码错误。");
    await page.goto("/register");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByTestId("error-creditCode").textContent()).resolves.toBe("必须是18位");
    await expect(page.getByTestId("error-password").textContent()).resolves.toBe(
      "至少需要10个字符",
    );
    await context.close();
  });

  it("stops a guesser's 6th attempt, whatever X-Forwarded-For it sends", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    const email = "firm.colleague@pilot.demo";
    const error = page.getByTestId("signin-error");
    let failures = 0;
    for (let attempt = 0; failures < 5 && attempt < 20; attempt++) {
      // A client naming another address each time is still one address to the server.
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${attempt + 1}` });
      await signIn(page, email, `wrong-password-${attempt}`);
      const text = (await error.textContent()) ?? "";
      if (text === "Wrong email or password.") failures++;
      else {
        // after 3 failures each guess for this email waits 1 s, 2 s, … first
        const seconds = /Wait (\d+) seconds?/.exec(text);
        expect(seconds, text).not.toBeNull();
        await page.waitForTimeout(Number(seconds![1]) * 1000);
      }
    }
    expect(failures).toBe(5);
    await signIn(page, email, DEMO_PASSWORD);
    await expect(error.textContent()).resolves.toMatch(
      /Too many failed sign-in attempts from here. Try again in 1[45] minutes/,
    );
    expect(new URL(page.url()).pathname).toBe("/signin");
    await context.close();
  });
});

describe("registering a firm", () => {
  it("shows field errors for bad input, then registers, says to check email, and signs in", async () => {
    const context = await newClient(browser, baseURL);
    const page = await context.newPage();
    await page.goto("/register");
    await page.getByLabel("Registered firm name").fill("Chengdu Test Instruments Co., Ltd.");
    await page.getByLabel("Unified social credit code").fill("91330100716105852G");
    await page.getByLabel("Size").selectOption("small");
    await page.getByLabel("Industry").selectOption("electronics");
    await page.getByLabel("Prefecture").selectOption("chengdu");
    await page.getByLabel("Your name").fill("Zhao Min");
    await page.getByLabel("Email").fill("zhao.min@example.cn");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("error-creditCode").textContent()).resolves.toMatch(
      /check character/,
    );
    await expect(page.getByTestId("error-password").textContent()).resolves.toMatch(/at least 10/);

    await page.getByLabel("Unified social credit code").fill("914403001922038216");
    await page.getByLabel("Password").fill("violet-kiln-orbit-42");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("registration-sent").textContent()).resolves.toContain(
      "We have sent a message about this registration to zhao.min@example.cn.",
    );
    await page.getByTestId("registration-sent").getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL("**/signin?email=zhao.min%40example.cn");
    expect(await page.getByLabel("Email").inputValue()).toBe("zhao.min@example.cn");
    await page.getByLabel("Password").fill("violet-kiln-orbit-42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/firm");
    await expect(page.getByTestId("start-firm").textContent()).resolves.toContain(
      "Chengdu Test Instruments Co., Ltd.",
    );
    // The new manager confirms the email before the first request; the page says so.
    await expect(page.getByTestId("unconfirmed-email").textContent()).resolves.toContain(
      "Confirm your email address (zhao.min@example.cn)",
    );
    await context.close();
  });
});
