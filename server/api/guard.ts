// The one gate of every entry point, tRPC procedures and route handlers alike: the signed-in user
// re-read from the database (disabled accounts are gone), nothing but the password change for a
// user who must change a one-time password, and the role (with its firm or facility) the entry
// point needs; denials of a role are written to the audit log.
import type { DbOrTx } from "@/db/client";
import type { Role } from "@/db/schema";
import type { Actor } from "@/server/services/actor";
import { refuse } from "@/server/services/errors";
import { loadActor } from "@/server/services/users/load-actor";
import { recordAudit } from "@/server/services/audit/record-audit";

export type Gate = {
  /** What is being entered, for the audit log: a procedure path or "GET /api/…". */
  path: string;
  ip?: string | null;
  /** Roles allowed; all signed-in roles when absent. */
  roles?: readonly Role[];
  /** A further condition on the actor, e.g. that an operator has a facility. */
  check?: (actor: Actor) => boolean;
  /** Open to a user who must still change a one-time password. */
  duringPasswordChange?: boolean;
};

export function admit(db: DbOrTx, userId: number | null, gate: Gate): Actor {
  if (userId === null) throw refuse("UNAUTHORIZED", "auth.signInFirst");
  const actor = loadActor(db, userId);
  if (!actor) throw refuse("UNAUTHORIZED", "auth.accountGone");
  // After an admin created the account or reset its password, nothing but the change is allowed.
  if (actor.mustChangePassword && !gate.duringPasswordChange)
    throw refuse("FORBIDDEN", "auth.mustChangePassword");
  if ((gate.roles && !gate.roles.includes(actor.role)) || (gate.check && !gate.check(actor))) {
    recordAudit(db, {
      action: "auth.denied",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: gate.path,
      detail: { role: actor.role, needed: gate.roles ?? [] },
      ip: gate.ip ?? null,
    });
    throw refuse("FORBIDDEN", "auth.roleNeeded", { roles: (gate.roles ?? []).join(",") });
  }
  return actor;
}

/** Operators and coordinators, with the facility their session belongs to. */
export const facilityGate = {
  roles: ["operator", "coordinator"] as const,
  check: (a: Actor) => a.facilityId !== null,
};
