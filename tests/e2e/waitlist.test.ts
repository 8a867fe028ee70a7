// The waitlist in a real browser: another firm holds the only unit of an equipment for the hours a
// firm needs; the firm joins the waitlist on its request page and sees its place; the operator
// sees the line; the other firm cancels; the firm's request page shows the slot freed up for it,
// the bell tells it, and it accepts the quote. Screenshots: /tmp/pilot-e2e-shots/waitlist-*.png.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signedInClient } from "./browser";

const baseURL = inject("baseURL");
const SHOTS = "/tmp/pilot-e2e-shots";
const HOUR = 3_600_000;
let browser: Browser;
let firm: BrowserContext;
let other: BrowserContext;
let operator: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  firm = await signedInClient(browser, baseURL, "firm@pilot.demo");
  other = await signedInClient(browser, baseURL, "firm2@pilot.demo");
  operator = await signedInClient(browser, baseURL, "operator@pilot.demo");
});
afterAll(async () => {
  await browser?.close();
});

/** A tRPC call through the page's session (superjson envelope). */
async function trpc<T>(page: Page, path: string, input: unknown, mutation = false): Promise<T> {
  const res = mutation
    ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await page.request.get(
        `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      );
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

type Equipment = {
  id: number;
  name: string;
  units: number;
  status: string;
  minHours: number;
  maxHours: number;
  leadDays: number;
  hourlyRateFen: number | null;
};

describe("the waitlist", () => {
  it("gives a waiting firm the slot another firm frees, and the firm books it", async () => {
    const o = await operator.newPage();
    const start = await trpc<{ facility: { slug: string } }>(o, "workspace.operator", undefined);
    const facility = await trpc<{ equipment: Equipment[] }>(o, "facility.get", {
      slug: start.facility.slug,
    });
    // One unit and a published rate (not the reactor the booking walk-through uses).
    const listed = facility.equipment.find(
      (x) =>
        x.units === 1 &&
        x.status === "operational" &&
        (x.hourlyRateFen ?? 0) > 0 &&
        !/1000 L/.test(x.name),
    )!;
    expect(listed).toBeDefined();
    const e = await trpc<Equipment>(o, "equipment.get", { id: listed.id });
    const need = Math.max(2, e.minHours);
    const from = Date.now() + (e.leadDays + 20) * 24 * HOUR;
    const availability = await trpc<{
      intervals: { start: number; end: number; freeUnits: number }[];
    }>(o, "equipment.availability", { equipmentId: e.id, from, to: from + 60 * 24 * HOUR });
    const run = availability.intervals.find(
      (i) => i.freeUnits >= 1 && i.end - Math.ceil(i.start / HOUR) * HOUR >= (need + 1) * HOUR,
    )!;
    expect(run).toBeDefined();
    const slot = Math.ceil(run.start / HOUR) * HOUR;

    // The other firm books those hours (quoted by the operator, accepted).
    const f2 = await other.newPage();
    const blocker = await trpc<{ id: number }>(
      f2,
      "request.submit",
      {
        title: "E2E blocking run",
        serviceType: "testing",
        equipmentId: e.id,
        earliestStart: slot,
        deadline: slot + 5 * 24 * HOUR,
        hours: need,
        units: 1,
      },
      true,
    );
    await trpc(
      o,
      "request.quote",
      {
        id: blocker.id,
        equipmentId: e.id,
        start: slot,
        end: slot + need * HOUR,
        units: 1,
        amountFen: 150_000,
        validUntil: Date.now() + 2 * 24 * HOUR,
      },
      true,
    );
    await trpc(f2, "request.accept", { id: blocker.id }, true);

    // The firm needs exactly those hours.
    const f = await firm.newPage();
    const mine = await trpc<{ id: number; ref: string }>(
      f,
      "request.submit",
      {
        title: "E2E waiting run",
        serviceType: "testing",
        equipmentId: e.id,
        earliestStart: slot,
        deadline: slot + need * HOUR,
        hours: need,
        units: 1,
      },
      true,
    );
    await f.goto(`/requests/${mine.id}`);
    const section = f.getByTestId("waitlist");
    await section.getByTestId("waitlist-join").waitFor();
    // A window too short for the need is refused beside the field.
    await section.getByLabel("Hours needed").fill(String(need * 10));
    await section.getByRole("button", { name: "Join the waitlist" }).click();
    await f.getByTestId("toast-error").last().waitFor();
    expect(await section.getByTestId("error-wl-hours").innerText()).toMatch(/shorter|at most/);
    await section.getByLabel("Hours needed").fill(String(need));
    await section.getByRole("button", { name: "Join the waitlist" }).click();
    await f.getByTestId("toast-success").last().waitFor();
    await expect
      .poll(() => f.getByTestId("waitlist-state").innerText())
      .toMatch(/^Number 1 in line for /);
    await f.screenshot({ path: `${SHOTS}/waitlist-joined.png`, fullPage: true });

    // The operator sees the line.
    await o.goto("/operator/waitlist");
    await expect.poll(() => o.getByTestId("waitlist-line").innerText()).toContain(mine.ref);
    await o.screenshot({ path: `${SHOTS}/waitlist-operator.png`, fullPage: true });

    // The other firm cancels: the freed slot is the waiting firm's, held and quoted.
    await trpc(f2, "request.cancel", { id: blocker.id, reason: "Line stopped for a week" }, true);
    await f.goto(`/requests/${mine.id}`);
    expect(await f.getByTestId("request-status").getAttribute("data-status")).toBe("quoted");
    expect(await f.getByTestId("waitlist").getAttribute("data-status")).toBe("offered");
    expect(await f.getByTestId("waitlist-state").innerText()).toMatch(/^A slot freed up: /);
    const told = await trpc<{ kind: string; requestId: number }[]>(
      f,
      "notification.list",
      undefined,
    );
    expect(told.some((n) => n.kind === "request.waitlist_offer" && n.requestId === mine.id)).toBe(
      true,
    );
    await f.screenshot({ path: `${SHOTS}/waitlist-offered.png`, fullPage: true });
    await f.getByTestId("action-accept").click();
    await expect
      .poll(() => f.getByTestId("request-status").getAttribute("data-status"))
      .toBe("confirmed");
    await f.reload();
    expect(await f.getByTestId("waitlist").getAttribute("data-status")).toBe("booked");
  });
});
