// Request bodies are bounded while they stream: a 200 MB chunked upload or a 100 MB JSON body is
// refused with 413 after at most the limit is read, and the server's memory barely moves.
import fs from "node:fs";
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed";

const baseURL = inject("baseURL");
const serverPid = inject("serverPid");
const MB = 1024 * 1024;

const rssMb = () =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${serverPid}/status`, "utf8"))![1]) / 1024;

type Sent = { status: number | null; body: string; growthMb: number };

/** Streams `megabytes` of body (chunked unless a length is declared) while sampling server RSS. */
function stream(
  path: string,
  headers: Record<string, string>,
  megabytes: number,
  opening = "",
): Promise<Sent> {
  const base = rssMb();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 10);
  return new Promise((resolve) => {
    const done = (status: number | null, body: string) => {
      clearInterval(timer);
      peak = Math.max(peak, rssMb());
      resolve({ status, body, growthMb: peak - base });
    };
    const url = new URL(path, baseURL);
    const req = http.request({ host: url.hostname, port: url.port, path, method: "POST", headers });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => done(res.statusCode ?? null, body));
      res.on("error", () => done(res.statusCode ?? null, body));
    });
    req.on("error", () => done(null, ""));
    const chunk = Buffer.alloc(MB, 97);
    let sent = 0;
    req.write(opening);
    const pump = () => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

async function firmCookie(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({
      csrfToken,
      email: "firm2@pilot.demo",
      password: DEMO_PASSWORD,
      json: "true",
    }),
    redirect: "manual",
  });
  keep(signIn);
  return header();
}

const multipart = {
  "content-type": "multipart/form-data; boundary=XyZ",
};
const filePart =
  '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n' +
  "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";

describe("bounded request bodies", () => {
  it("refuses a signed-in 200 MB chunked upload with 413, growing the server by under 50 MB", async () => {
    const cookie = await firmCookie();
    const sent = await stream(
      "/api/requests/1/attachments",
      { ...multipart, cookie },
      200,
      filePart,
    );
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toMatchObject({ error: { code: "TOO_LARGE" } });
    expect(sent.growthMb).toBeLessThan(50);
  });

  it("refuses an anonymous upload before reading it", async () => {
    const sent = await stream("/api/requests/1/attachments", multipart, 200, filePart);
    expect(sent.status).toBe(401);
    expect(sent.growthMb).toBeLessThan(50);
  });

  it("refuses an anonymous 100 MB JSON body to firm.register with 413", async () => {
    const sent = await stream(
      "/api/trpc/firm.register?batch=1",
      { "content-type": "application/json" },
      100,
      '{"0":{"json":{"firmName":"',
    );
    expect(sent.status).toBe(413);
    expect(sent.growthMb).toBeLessThan(50);
  });

  it("refuses a declared length over the limit at once, and an oversized sign-in form", async () => {
    const declared = await fetch(`${baseURL}/api/trpc/firm.register?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(5 * MB),
    });
    expect(declared.status).toBe(413);
    const form = await stream(
      "/api/auth/callback/credentials",
      { "content-type": "application/x-www-form-urlencoded" },
      2,
      "email=",
    );
    expect(form.status).toBe(413);
  });
});
