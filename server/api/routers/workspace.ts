// Each role's start page.
import {
  createTRPCRouter,
  firmProcedure,
  operatorProcedure,
  coordinatorProcedure,
  adminProcedure,
} from "../trpc";
import { run } from "../errors";
import { firmStartPage } from "@/server/services/workspace/firm-start";
import { operatorStartPage } from "@/server/services/workspace/operator-start";
import { hubStartPage } from "@/server/services/workspace/hub-start";
import { adminStartPage } from "@/server/services/workspace/admin-start";

export const workspaceRouter = createTRPCRouter({
  firm: firmProcedure.query(({ ctx }) =>
    run(() => firmStartPage(ctx.db, { ...ctx.actor, firmId: ctx.firmId })),
  ),
  operator: operatorProcedure.query(({ ctx }) =>
    run(() => operatorStartPage(ctx.db, { ...ctx.actor, facilityId: ctx.facilityId })),
  ),
  hub: coordinatorProcedure.query(({ ctx }) => run(() => hubStartPage(ctx.db))),
  admin: adminProcedure.query(({ ctx }) => run(() => adminStartPage(ctx.db))),
});
