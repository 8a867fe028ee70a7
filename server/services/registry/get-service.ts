import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { facilities, services } from "@/db/schema";
import { notFound } from "../errors";
import { feeColumns } from "./fee-columns";

/** One active service of an active facility, with its facility. */
export function getService(db: DbOrTx, id: number) {
  const row = db
    .select({
      s: services,
      fees: feeColumns,
      f: {
        slug: facilities.slug,
        nameEn: facilities.nameEn,
        nameZh: facilities.nameZh,
        timeZone: facilities.timeZone,
      },
    })
    .from(services)
    .innerJoin(facilities, eq(facilities.id, services.facilityId))
    .where(and(eq(services.id, id), eq(services.status, "active"), eq(facilities.status, "active")))
    .get();
  if (!row) throw notFound("service");
  return {
    id: row.s.id,
    type: row.s.type,
    name: row.s.name,
    nameZh: row.s.nameZh,
    standards: row.s.standards,
    fees: row.fees,
    facility: row.f,
  };
}
