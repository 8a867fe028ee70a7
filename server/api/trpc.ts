// tRPC context and the procedure kinds: public, authed, firm, operator, coordinator, admin.
// Every procedure maps domain errors to tRPC errors here, and the role procedures put the narrowed
// actor (with its firm or facility) in the context, so routers pass `ctx.actor` straight through.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { DB } from "@/db/client";
import type { Role } from "@/db/schema";
import type { Actor, FacilityActor, FirmActor } from "@/server/services/actor";
import { refuse } from "@/server/services/errors";
import { loadActor } from "@/server/services/users/load-actor";
import { recordAudit } from "@/server/services/audit/record-audit";
import { clientMessage, fieldErrorsOf, fieldRefusalsOf, refusalOf, toTRPCError } from "./errors";

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
      data: {
        ...data,
        fieldErrors: fieldErrorsOf(error),
        refusal: refusalOf(error),
        fields: fieldRefusalsOf(error),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown by services (or by the guards below) become tRPC errors, once. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    if (mapped !== result.error) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

const PASSWORD_CHANGE_PATHS = new Set([
  "user.me",
  "user.changePassword",
  "user.setLocale",
  "notification.unreadCount",
]);

export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.session) throw refuse("UNAUTHORIZED", "auth.signInFirst");
  const actor = loadActor(ctx.db, ctx.session.userId);
  if (!actor) throw refuse("UNAUTHORIZED", "auth.accountGone");
  // After an admin created the account or reset its password, nothing but the change is allowed.
  if (actor.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(path))
    throw refuse("FORBIDDEN", "auth.mustChangePassword");
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
      throw refuse("FORBIDDEN", "auth.roleNeeded", { roles: allowed.join(",") });
    }
    return next();
  });
}

export const firmProcedure = roleProcedure(["firm"], (a) => a.firmId !== null).use(
  ({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FirmActor } }),
);
/** Operators and coordinators (operators of the hub); the facility comes from the session. */
export const operatorProcedure = roleProcedure(
  ["operator", "coordinator"],
  (a) => a.facilityId !== null,
).use(({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FacilityActor } }));
export const coordinatorProcedure = roleProcedure(
  ["coordinator"],
  (a) => a.facilityId !== null,
).use(({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FacilityActor } }));
export const adminProcedure = roleProcedure(["admin"]);
/** A procedure for an explicit set of roles. */
export const roleProcedureFor = (roles: Role[]) => roleProcedure(roles);
/** The two parties of a request: firm users, operators and coordinators (admins only read). */
export const partyProcedure = roleProcedure(["firm", "operator", "coordinator"]);
