// A facility's IANA time zone, in which its days, opening hours and wall-clock times are read.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { facilities } from "@/db/schema";
import { NETWORK_TIME_ZONE } from "./local-time";

export function facilityTimeZone(db: DbOrTx, facilityId: number): string {
  const row = db
    .select({ timeZone: facilities.timeZone })
    .from(facilities)
    .where(eq(facilities.id, facilityId))
    .get();
  return row?.timeZone ?? NETWORK_TIME_ZONE;
}
