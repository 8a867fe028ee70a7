// Public availability of a shared equipment item: free/busy only, never who booked or why.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { equipment } from "@/db/schema";
import { notFound } from "../errors";
import { parseInput } from "../parse-input";
import { equipmentAvailability } from "../scheduling/availability";
import { availabilityInput, type AvailabilityInput } from "./inputs";

export function publicAvailability(db: DbOrTx, raw: AvailabilityInput) {
  const input = parseInput(availabilityInput, raw);
  const shared = db
    .select({ id: equipment.id })
    .from(equipment)
    .where(and(eq(equipment.id, input.equipmentId), eq(equipment.sharing, "external")))
    .get();
  if (!shared) throw notFound("equipment");
  return equipmentAvailability(db, input.equipmentId, { from: input.from, to: input.to });
}
