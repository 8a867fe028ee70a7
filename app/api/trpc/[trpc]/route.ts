import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { currentSession } from "@/server/auth/session";
import { clientIp } from "@/server/auth/client-ip";
import { refuseCrossSiteWrite } from "@/server/api/same-origin";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const crossSite = refuseCrossSiteWrite(req);
  if (crossSite) return crossSite;
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
