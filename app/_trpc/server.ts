// A tRPC caller for server components: same procedures, same authorization, no HTTP hop.
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { createCaller } from "@/server/api/root";
import { sessionUserId } from "@/server/auth/session";
import { clientIp } from "@/server/auth/client-ip";

export async function serverCaller() {
  const userId = await sessionUserId();
  return createCaller({
    db: getDb(),
    session: userId === null ? null : { userId },
    ip: clientIp(await headers()),
  });
}
