import { redirect } from "next/navigation";
import { currentActor, startPageOf } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** Sends each role to its own start page. */
export default async function StartPage() {
  const actor = await currentActor();
  redirect(
    !actor ? "/signin" : actor.mustChangePassword ? "/account/password" : startPageOf[actor.role],
  );
}
