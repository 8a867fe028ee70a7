import { getDb } from "@/db/client";
import { checkHealth } from "@/server/services/system/check-health";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    return Response.json(checkHealth(getDb()));
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
