// tRPC context and the procedure kinds: public, authed, firm, operator, coordinator, admin.
// Every procedure maps domain errors to tRPC errors here, and the role procedures put the narrowed
// actor (with its firm or facility) in the context, so routers pass `ctx.actor` straight through.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { DB } from "@/db/client";
import type { Role } from "@/db/schema";
import type { Actor, FacilityActor, FirmActor } from "@/server/services/actor";
import { admit, facilityGate } from "./guard";
import { hiddenCharacterPath } from "@/server/services/hidden-characters";
import { validation } from "@/server/services/errors";
import { clientMessage, fieldErrorsOf, fieldRefusalsOf, refusalOf, toTRPCError } from "./errors";

/** `sessionId` is the id of the browser session (absent for in-process callers such as tests). */
export type Context = {
  db: DB;
  session: { userId: number; sessionId?: string } | null;
  ip: string | null;
};

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

/** Every string of every input, before its schema runs (server/services/hidden-characters.ts). */
const refuseHiddenCharacters = t.middleware(async ({ getRawInput, next }) => {
  const path = hiddenCharacterPath(await getRawInput());
  if (path) throw validation(path, "field.hiddenCharacters");
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseHiddenCharacters);

const PASSWORD_CHANGE_PATHS = new Set([
  "user.me",
  "user.changePassword",
  "user.setLocale",
  "user.signOutEverywhere",
  "notification.unreadCount",
]);

export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  const actor = admit(ctx.db, ctx.session?.userId ?? null, {
    path,
    ip: ctx.ip,
    duringPasswordChange: PASSWORD_CHANGE_PATHS.has(path),
  });
  return next({ ctx: { ...ctx, actor } });
});

function roleProcedure(roles: Role[], check?: (actor: Actor) => boolean) {
  return publicProcedure.use(({ ctx, path, next }) => {
    const actor = admit(ctx.db, ctx.session?.userId ?? null, { path, ip: ctx.ip, roles, check });
    return next({ ctx: { ...ctx, actor } });
  });
}

export const firmProcedure = roleProcedure(["firm"], (a) => a.firmId !== null).use(
  ({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FirmActor } }),
);
/** Operators and coordinators (operators of the hub); the facility comes from the session. */
export const operatorProcedure = roleProcedure([...facilityGate.roles], facilityGate.check).use(
  ({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FacilityActor } }),
);
export const coordinatorProcedure = roleProcedure(
  ["coordinator"],
  (a) => a.facilityId !== null,
).use(({ ctx, next }) => next({ ctx: { ...ctx, actor: ctx.actor as FacilityActor } }));
export const adminProcedure = roleProcedure(["admin"]);
/** A procedure for an explicit set of roles. */
export const roleProcedureFor = (roles: Role[]) => roleProcedure(roles);
/** The two parties of a request: firm users, operators and coordinators (admins only read). */
export const partyProcedure = roleProcedure(["firm", "operator", "coordinator"]);
