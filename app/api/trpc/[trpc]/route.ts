import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { currentSession } from "@/server/auth/session";
import { clientIp } from "@/server/auth/client-ip";
import { refuseCrossSiteWrite } from "@/server/api/same-origin";
import { errorResponse } from "@/server/api/errors";
import { JSON_BODY_LIMIT, boundedRequest } from "@/server/http/bounded-body";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  const crossSite = refuseCrossSiteWrite(incoming);
  if (crossSite) return crossSite;
  let req: Request;
  try {
    req = await boundedRequest(incoming, JSON_BODY_LIMIT);
  } catch (error) {
    const refused = errorResponse(error);
    if (refused) return refused;
    throw error;
  }
  const session = await currentSession();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () =>
      createContext({
        db: getDb(),
        session,
        ip: clientIp(req.headers),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
