// Serves the built app (`next build`) with Next's request handler behind a plain Node server, so
// the caller's address comes from the socket (and `TRUST_PROXY_HOPS` trusted proxies), never from a
// header the client wrote.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustProxyHops } from "@/server/http/client-address";
import { CLIENT_ADDRESS_KEY_ENV } from "@/server/auth/client-ip";
import { HSTS, servedOverHttps } from "@/server/http/security-headers";

export type ServeOptions = { port: number; hostname?: string };

export async function serve({ port, hostname }: ServeOptions): Promise<http.Server> {
  const hops = trustProxyHops(process.env.TRUST_PROXY_HOPS);
  // Set before Next (and React through it) is loaded: both pick their production build on import.
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { default: next } = await import("next");
  const key = randomBytes(18).toString("base64url");
  process.env[CLIENT_ADDRESS_KEY_ENV] = key;
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const https = servedOverHttps();
  const server = http.createServer((req, res) => {
    const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    req.headers[CLIENT_ADDRESS_HEADER] = `${key} ${address}`;
    if (https) res.setHeader("Strict-Transport-Security", HSTS);
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  serve({ port, hostname: process.env.HOSTNAME || undefined })
    .then((server) => {
      console.log(`Serving on http://localhost:${port}`);
      for (const signal of ["SIGINT", "SIGTERM"] as const)
        process.on(signal, () => server.close(() => process.exit(0)));
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
