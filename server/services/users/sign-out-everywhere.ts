// "Sign out everywhere": every open session of the user ends, the one asking included.
import type { DB } from "@/db/client";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { closeUserSessions } from "../auth/sessions";

export function signOutEverywhere(db: DB, actor: Actor): { closed: number } {
  return db.transaction((tx) => {
    const closed = closeUserSessions(tx, actor.userId, "signed_out_everywhere");
    recordAudit(tx, {
      action: "auth.signed_out_everywhere",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `user:${actor.userId}`,
      detail: { closed },
    });
    return { closed };
  });
}
