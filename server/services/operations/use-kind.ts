// Classifies recorded uses (the rule: db/use-kind.ts) in the caller's transaction.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { classifyUsesSql } from "@/db/use-kind";

/** After a use is written. */
export const classifyUse = (tx: DbOrTx, useId: number) =>
  tx.run(sql.raw(classifyUsesSql(`id = ${Math.trunc(useId)}`)));

/** After a facility's credit code changed. */
export const classifyFacilityUses = (tx: DbOrTx, facilityId: number) =>
  tx.run(sql.raw(classifyUsesSql(`facility_id = ${Math.trunc(facilityId)}`)));
