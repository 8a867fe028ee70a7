import fs from "node:fs";
import { launchBrowser, signedInClient } from "./tests/e2e/browser";
const base = "http://localhost:3000";
const [confirmedId, quotedId] = process.argv.slice(2).map(Number);
(async () => {
  const b = await launchBrowser();
  const firm = await signedInClient(b, base, "firm@pilot.demo");
  for (const locale of ["en", "zh"] as const) {
    await firm.addCookies([{ name: "locale", value: locale, url: base }]);
    const f = await firm.newPage();
    for (const id of [confirmedId, quotedId]) {
      await f.setViewportSize({ width: 390, height: 900 });
      await f.goto(`${base}/requests/${id}`);
      await f.getByTestId("agreement").scrollIntoViewIfNeeded();
      await f.getByTestId("quote").screenshot({ path: `/tmp/walk3/agreement-${locale}-${id}.png` });
      const res = await f.request.get(`${base}/api/requests/${id}/agreement`);
      const body = await res.body();
      fs.writeFileSync(`/tmp/walk3/${id}.pdf`, body);
      console.log(locale, id, res.status(), res.headers()["content-type"], res.headers()["content-disposition"], body.length);
    }
    await f.close();
  }
  await b.close();
})().catch((e) => { console.error(e); process.exit(1); });
