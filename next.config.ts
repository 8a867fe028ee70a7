import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP } from "./server/http/security-headers";

// The page CSP carries a per-request nonce and is set by proxy.ts; HSTS is set at run time by
// server/cli/serve.ts (only over https). These hold for every response.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native or WebAssembly modules, and the PDF writer that loads fonts at run time, stay plain
  // Node modules rather than being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "wawoff2",
    "pdf-lib",
    "@pdf-lib/fontkit",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default createNextIntlPlugin("./app/i18n/request.ts")(nextConfig);
