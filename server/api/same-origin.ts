// Writes come from this site's own pages only (defence in depth beside SameSite cookies).
// Browsers say where a request comes from: Sec-Fetch-Site, or at least Origin on a POST. Clients
// that are not browsers send neither and are judged by their session like any other.
import { refuse } from "@/server/services/errors";
import { errorResponse } from "./errors";

export function isCrossSite(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A 403 for a state-changing request from another site, or null to go on. */
export function refuseCrossSiteWrite(req: Request): Response | null {
  if (req.method === "GET" || req.method === "HEAD" || !isCrossSite(req)) return null;
  return errorResponse(refuse("FORBIDDEN", "auth.crossSite"));
}
