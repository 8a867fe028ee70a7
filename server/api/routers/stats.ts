import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { statsOverview, statsInput } from "@/server/services/stats/overview";
import { statsMachineHours, statsUtilisation } from "@/server/services/stats/utilisation";
import { statsUse } from "@/server/services/stats/use-figures";
import {
  equipmentRequests,
  equipmentRequestsInput,
} from "@/server/services/stats/equipment-requests";

export const statsRouter = createTRPCRouter({
  overview: adminProcedure
    .input(statsInput)
    .query(({ ctx, input }) => statsOverview(ctx.db, input)),
  utilisation: adminProcedure
    .input(statsInput)
    .query(({ ctx, input }) => statsUtilisation(ctx.db, input)),
  /** Recorded use, downtime, sharing rate, income, users, rating and response time. */
  use: adminProcedure.input(statsInput).query(({ ctx, input }) => statsUse(ctx.db, input)),
  machineHours: adminProcedure
    .input(statsInput.and(z.object({ limit: z.number().int().min(1).max(20_000).default(100) })))
    .query(({ ctx, input }) => statsMachineHours(ctx.db, input, input.limit)),
  /** The drill-down's last step: one equipment's requests in the period. */
  equipmentRequests: adminProcedure
    .input(equipmentRequestsInput)
    .query(({ ctx, input }) => equipmentRequests(ctx.db, input)),
});
