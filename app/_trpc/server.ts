// A tRPC caller for server components: same procedures, same authorization, no HTTP hop.
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { createCaller } from "@/server/api/root";
import { currentSession } from "@/server/auth/session";
import { clientIp } from "@/server/auth/client-ip";

export async function serverCaller() {
  const session = await currentSession();
  return createCaller({
    db: getDb(),
    session,
    ip: clientIp(await headers()),
  });
}
