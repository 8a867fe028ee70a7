import { createTRPCRouter, adminProcedure } from "../trpc";
import { run } from "../errors";
import { listAudit, listAuditInput } from "@/server/services/audit/list-audit";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => run(() => listAudit(ctx.db, input))),
});
