import { launchBrowser, signedInClient } from "./tests/e2e/browser";
const base = "http://localhost:3000";
const out = "/tmp/walk";
(async () => {
  const b = await launchBrowser();
  for (const locale of ["en", "zh"] as const) {
    const op = await signedInClient(b, base, "operator@pilot.demo");
    await op.addCookies([{ name: "locale", value: locale, url: base }]);
    const p = await op.newPage();
    for (const width of [1280, 390]) {
      await p.setViewportSize({ width, height: 900 });
      await p.goto(base + "/operator/equipment");
      const form = p.getByTestId("eq-new-form");
      await form.locator("#eq-new-name").fill("Spray dryer 50 L");
      await form.locator("#eq-new-category").selectOption("__new");
      await form.locator("#eq-new-newCategory").fill("Spray dryer, lab scale");
      await form.locator("#eq-new-rate").fill("300");
      await form.getByRole("button", { name: locale === "en" ? "Add a parameter" : "添加参数" }).click();
      await form.locator("#eq-new-param-0-key").selectOption("volume");
      await form.locator("#eq-new-param-0-unit").selectOption("m³");
      await form.locator("#eq-new-param-0-min").fill("5");
      await form.locator("#eq-new-param-0-max").fill("1");
      await form.locator('button[type="submit"]').click();
      await form.getByTestId("form-errors").waitFor();
      await form.screenshot({ path: `${out}/editor-error-${locale}-${width}.png` });
    }
    // board: click an item
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(base + "/operator/schedule?view=day&date=2026-11-24");
    const item = p.locator('[data-testid="board-grid"] button').first();
    if (await item.count()) {
      await item.click();
      await p.screenshot({ path: `${out}/board-day-panel-${locale}.png`, fullPage: true });
    }
    await p.setViewportSize({ width: 390, height: 900 });
    await p.goto(base + "/operator/schedule");
    await p.screenshot({ path: `${out}/board-week-${locale}-390.png`, fullPage: true });
    // reject a submitted request with a common reason
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.goto(base + "/requests?status=submitted");
    const link = p.getByTestId("request-list").locator("tbody tr a").first();
    if (await link.count()) {
      await link.click();
      await p.waitForURL(/\/requests\/\d+$/);
      const rf = p.getByTestId("reject-form");
      await rf.locator("#reject-code").selectOption("no_capacity");
      await rf.locator('button[type="submit"]').click();
      await p.getByTestId("confirm-reject").getByRole("button").first().click();
      await p.getByTestId("toast-success").waitFor();
      await p.waitForTimeout(800);
      await p.screenshot({ path: `${out}/rejected-${locale}.png`, fullPage: true });
    }
    await op.close();
    const firm = await signedInClient(b, base, "firm@pilot.demo");
    await firm.addCookies([{ name: "locale", value: locale, url: base }]);
    const f = await firm.newPage();
    for (const width of [1280, 390]) {
      await f.setViewportSize({ width, height: 900 });
      await f.goto(base + "/equipment?q=reactor&pk=volume&pmin=500&pu=L");
      await f.getByTestId("equipment-results").locator("tbody tr a").first().click();
      await f.waitForURL(/\/equipment\/\d+$/);
      const cal = f.getByTestId("availability-calendar");
      await cal.locator('a[href*="month="]:not([href*="day="])').last().click();
      await f.waitForURL(/month=/);
      await cal.locator('a[data-status="free"]').first().click();
      await f.waitForURL(/day=/);
      const bar = f.getByTestId("day-timeline-bar");
      await bar.scrollIntoViewIfNeeded();
      const box = (await bar.boundingBox())!;
      // press at ~09:30 and drag to ~15:00
      const x0 = box.x + box.width * (9.5 / 24);
      const x1 = box.x + box.width * (15 / 24);
      await f.mouse.move(x0, box.y + box.height / 2);
      await f.mouse.down();
      await f.mouse.move(x1, box.y + box.height / 2, { steps: 6 });
      await f.mouse.up();
      await f.getByTestId("day-timeline-pick").waitFor();
      await f.getByTestId("day-intervals").screenshot({ path: `${out}/timeline-${locale}-${width}.png` });
      const book = f.getByTestId("day-timeline").getByRole("link");
      if (await book.count()) {
        await book.click();
        await f.waitForURL(/hours=/);
        await f.screenshot({ path: `${out}/timeline-form-${locale}-${width}.png`, fullPage: true });
        console.log(locale, width, f.url(), await f.locator("#hours").inputValue().catch(() => "?"));
      } else console.log(locale, width, "no book link", await f.getByTestId("day-timeline-pick").textContent());
    }
    await firm.close();
  }
  await b.close();
})().catch((e) => { console.error(e); process.exit(1); });
