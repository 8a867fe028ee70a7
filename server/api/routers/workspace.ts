// Each role's start page.
import {
  createTRPCRouter,
  firmProcedure,
  operatorProcedure,
  coordinatorProcedure,
  adminProcedure,
} from "../trpc";
import { firmStartPage } from "@/server/services/workspace/firm-start";
import { operatorStartPage } from "@/server/services/workspace/operator-start";
import { hubStartPage } from "@/server/services/workspace/hub-start";
import { adminStartPage } from "@/server/services/workspace/admin-start";

export const workspaceRouter = createTRPCRouter({
  firm: firmProcedure.query(({ ctx }) => firmStartPage(ctx.db, ctx.actor)),
  operator: operatorProcedure.query(({ ctx }) => operatorStartPage(ctx.db, ctx.actor)),
  hub: coordinatorProcedure.query(({ ctx }) => hubStartPage(ctx.db)),
  admin: adminProcedure.query(({ ctx }) => adminStartPage(ctx.db)),
});
