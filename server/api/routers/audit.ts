import { createTRPCRouter, adminProcedure } from "../trpc";
import { z } from "zod";
import { listAudit, listAuditInput } from "@/server/services/audit/list-audit";
import { listOutbox } from "@/server/services/system/list-outbox";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
  /** The email outbox: what was (or, without SMTP_URL, would have been) mailed. */
  outbox: adminProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => listOutbox(ctx.db, input.page)),
});
