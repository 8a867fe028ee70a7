// tRPC context and the procedure kinds: public, authed, firm, operator, coordinator, admin.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { DB } from "@/db/client";
import type { Role } from "@/db/schema";
import type { Actor } from "@/server/services/actor";
import { loadActor } from "@/server/services/users/load-actor";
import { recordAudit } from "@/server/services/audit/record-audit";
import { clientMessage, fieldErrorsOf } from "./errors";

export type Context = { db: DB; session: { userId: number } | null; ip: string | null };

export function createContext(input: Context): Context {
  return input;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: clientMessage(error),
      data: { ...data, fieldErrors: fieldErrorsOf(error) },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

const PASSWORD_CHANGE_PATHS = new Set([
  "user.me",
  "user.changePassword",
  "notification.unreadCount",
]);

export const authedProcedure = t.procedure.use(({ ctx, path, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in first." });
  const actor = loadActor(ctx.db, ctx.session.userId);
  if (!actor)
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Your account is disabled or no longer exists.",
    });
  // After an admin created the account or reset its password, nothing but the change itself is allowed.
  if (actor.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(path))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Choose a new password before you continue (Account → Password).",
    });
  return next({ ctx: { ...ctx, actor } });
});

function roleProcedure(allowed: Role[], check?: (actor: Actor) => boolean) {
  return authedProcedure.use(({ ctx, path, next }) => {
    if (!allowed.includes(ctx.actor.role) || (check && !check(ctx.actor))) {
      recordAudit(ctx.db, {
        action: "auth.denied",
        actorId: ctx.actor.userId,
        actorEmail: ctx.actor.email,
        target: path,
        detail: { role: ctx.actor.role, needed: allowed },
        ip: ctx.ip,
      });
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${allowed.join(" or ")} role.`,
      });
    }
    return next();
  });
}

export const firmProcedure = roleProcedure(["firm"], (a) => a.firmId !== null).use(
  ({ ctx, next }) => next({ ctx: { ...ctx, firmId: ctx.actor.firmId! } }),
);
/** Operators and coordinators (operators of the hub); the facility comes from the session, never from input. */
export const operatorProcedure = roleProcedure(
  ["operator", "coordinator"],
  (a) => a.facilityId !== null,
).use(({ ctx, next }) => next({ ctx: { ...ctx, facilityId: ctx.actor.facilityId! } }));
export const coordinatorProcedure = roleProcedure(["coordinator"], (a) => a.facilityId !== null);
export const adminProcedure = roleProcedure(["admin"]);
/** A procedure for an explicit set of roles. */
export const roleProcedureFor = (roles: Role[]) => roleProcedure(roles);
/** The two parties of a request: firm users, operators and coordinators (not admins, who only read). */
export const partyProcedure = roleProcedure(["firm", "operator", "coordinator"]);
