import { createTRPCRouter, createCallerFactory, publicProcedure } from "./trpc";
import { checkHealth } from "@/server/services/system/check-health";
import { networkRouter } from "./routers/network";
import { firmRouter } from "./routers/firm";
import { userRouter } from "./routers/user";
import { workspaceRouter } from "./routers/workspace";
import { auditRouter } from "./routers/audit";
import { facilityRouter } from "./routers/facility";
import { equipmentRouter } from "./routers/equipment";
import { serviceRouter } from "./routers/service";
import { requestRouter } from "./routers/request";
import { notificationRouter } from "./routers/notification";
import { maintenanceRouter } from "./routers/maintenance";
import { scheduleRouter } from "./routers/schedule";
import { hubRouter } from "./routers/hub";
import { statsRouter } from "./routers/stats";
import { adminRouter } from "./routers/admin";
import { billingRouter } from "./routers/billing";
import { voucherRouter } from "./routers/voucher";
import { equipmentUseRouter } from "./routers/equipment-use";
import { faultRouter } from "./routers/faults";
import { sampleRouter } from "./routers/sample";
import { reportRouter } from "./routers/report";
import { accountRouter } from "./routers/account";
import { evaluationRouter } from "./routers/evaluation";
import { waitlistRouter } from "./routers/waitlist";

export const appRouter = createTRPCRouter({
  health: publicProcedure.query(({ ctx }) => checkHealth(ctx.db)),
  network: networkRouter,
  firm: firmRouter,
  user: userRouter,
  workspace: workspaceRouter,
  audit: auditRouter,
  facility: facilityRouter,
  equipment: equipmentRouter,
  service: serviceRouter,
  request: requestRouter,
  billing: billingRouter,
  voucher: voucherRouter,
  equipmentUse: equipmentUseRouter,
  fault: faultRouter,
  sample: sampleRouter,
  report: reportRouter,
  account: accountRouter,
  evaluation: evaluationRouter,
  waitlist: waitlistRouter,
  notification: notificationRouter,
  maintenance: maintenanceRouter,
  schedule: scheduleRouter,
  hub: hubRouter,
  stats: statsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
