// Administration for the science department: the registry's facilities and staff accounts.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import {
  adminGetFacility,
  adminListFacilities,
  createFacility,
  setFacilityStatus,
  updateFacility,
} from "@/server/services/admin/facilities";
import {
  adminListFacilitiesInput,
  createFacilityInput,
  setFacilityStatusInput,
  updateFacilityInput,
} from "@/server/services/admin/facility-inputs";
import {
  createAccount,
  createAccountInput,
  listUsers,
  listUsersInput,
  resetPassword,
  resetPasswordInput,
  setDisabledInput,
  setUserDisabled,
} from "@/server/services/admin/accounts";
import { idInput } from "@/server/services/id-input";
import { setSignatory, setSignatoryInput } from "@/server/services/admin/signatory";

export const adminRouter = createTRPCRouter({
  facilities: adminProcedure
    .input(adminListFacilitiesInput)
    .query(({ ctx, input }) => adminListFacilities(ctx.db, input)),
  facility: adminProcedure
    .input(z.object({ id: idInput() }))
    .query(({ ctx, input }) => adminGetFacility(ctx.db, input.id)),
  createFacility: adminProcedure
    .input(createFacilityInput)
    .mutation(({ ctx, input }) => createFacility(ctx.db, ctx.actor, input)),
  updateFacility: adminProcedure
    .input(updateFacilityInput)
    .mutation(({ ctx, input }) => updateFacility(ctx.db, ctx.actor, input)),
  setFacilityStatus: adminProcedure
    .input(setFacilityStatusInput)
    .mutation(({ ctx, input }) => setFacilityStatus(ctx.db, ctx.actor, input)),
  users: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  createUser: adminProcedure
    .input(createAccountInput)
    .mutation(({ ctx, input }) => createAccount(ctx.db, ctx.actor, input)),
  setUserDisabled: adminProcedure
    .input(setDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.actor, input)),
  setSignatory: adminProcedure
    .input(setSignatoryInput)
    .mutation(({ ctx, input }) => setSignatory(ctx.db, ctx.actor, input)),
  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.actor, input)),
});
