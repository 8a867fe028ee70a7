import { createTRPCRouter, publicProcedure, operatorProcedure } from "../trpc";
import {
  updateFacilityProfile,
  updateFacilityProfileInput,
} from "@/server/services/operations/update-facility-profile";
import { ownCatalogue } from "@/server/services/operations/manage-catalogue";
import { listFacilities } from "@/server/services/registry/list-facilities";
import { getFacility } from "@/server/services/registry/get-facility";
import { listFacilitiesInput, slugInput } from "@/server/services/registry/inputs";

export const facilityRouter = createTRPCRouter({
  list: publicProcedure
    .input(listFacilitiesInput)
    .query(({ ctx, input }) => listFacilities(ctx.db, input)),
  /** The operator's own catalogue, internal and retired equipment included. */
  catalogue: operatorProcedure.query(({ ctx }) => ownCatalogue(ctx.db, ctx.actor)),
  updateProfile: operatorProcedure
    .input(updateFacilityProfileInput)
    .mutation(({ ctx, input }) => updateFacilityProfile(ctx.db, ctx.actor, input)),
  get: publicProcedure.input(slugInput).query(({ ctx, input }) => getFacility(ctx.db, input.slug)),
});
