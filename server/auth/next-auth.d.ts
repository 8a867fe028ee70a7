import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; email: string; name: string };
    /** The server-side session (server/services/auth/sessions.ts) this cookie belongs to. */
    sessionId: string;
  }
}
