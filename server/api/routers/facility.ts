import { createTRPCRouter, publicProcedure } from "../trpc";
import { run } from "../errors";
import { listFacilities } from "@/server/services/registry/list-facilities";
import { getFacility } from "@/server/services/registry/get-facility";
import { listFacilitiesInput, slugInput } from "@/server/services/registry/inputs";

export const facilityRouter = createTRPCRouter({
  list: publicProcedure.input(listFacilitiesInput).query(({ ctx, input }) => run(() => listFacilities(ctx.db, input))),
  get: publicProcedure.input(slugInput).query(({ ctx, input }) => run(() => getFacility(ctx.db, input.slug))),
});
