// The security headers, in one place: the page CSP (scripts only with this response's nonce), the
// CSP of API answers and downloads, and HSTS when the app is served over https.

/** Scripts run only with the nonce Next.js puts on its own tags ('strict-dynamic' lets those load
 * their chunks); styles stay 'unsafe-inline' for React's style attributes. */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers and downloaded files: nothing in them may run or load anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Whether the app's public address (NEXTAUTH_URL) is https. */
export function servedOverHttps(url = process.env.NEXTAUTH_URL): boolean {
  return typeof url === "string" && url.startsWith("https://");
}

/** Two years, subdomains included: sent only when the app is served over https. */
export const HSTS = "max-age=63072000; includeSubDomains";
