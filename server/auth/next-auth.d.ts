import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; email: string; name: string };
  }
}
