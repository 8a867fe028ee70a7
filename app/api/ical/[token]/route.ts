import { getDb } from "@/db/client";
import { facilityIcalFeed } from "@/server/services/operations/exports";
import { DomainError } from "@/server/services/errors";
import { firmIcalFeed } from "@/server/services/booking/firm-feed";

export const dynamic = "force-dynamic";

/** A facility's private schedule feed, or a firm user's feed of the firm's bookings (their
 * secrets start with "u"); the secret in the URL is the only key. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    // ?lang=zh reads the entries in Chinese; English otherwise.
    const locale = new URL(req.url).searchParams.get("lang") === "zh" ? "zh" : "en";
    const token = (await params).token.replace(/\.ics$/, "");
    const body = firmIcalFeed(getDb(), token) ?? facilityIcalFeed(getDb(), token, locale);
    return new Response(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
