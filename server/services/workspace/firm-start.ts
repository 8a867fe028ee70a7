// A firm user's start page: their firm, its requests by status, and the latest requests.
import { and, count, desc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, facilities, firms } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound } from "../errors";

export function firmStartPage(db: DB, actor: Actor & { firmId: number }) {
  const firm = db.select().from(firms).where(eq(firms.id, actor.firmId)).get();
  if (!firm) throw notFound("firm");
  const byStatus = db
    .select({ status: bookingRequests.status, n: count() })
    .from(bookingRequests)
    .where(eq(bookingRequests.firmId, actor.firmId))
    .groupBy(bookingRequests.status)
    .all();
  const recent = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      status: bookingRequests.status,
      updatedAt: bookingRequests.updatedAt,
      facilityNameEn: facilities.nameEn,
      facilityNameZh: facilities.nameZh,
    })
    .from(bookingRequests)
    .leftJoin(facilities, eq(facilities.id, bookingRequests.facilityId))
    .where(and(eq(bookingRequests.firmId, actor.firmId)))
    .orderBy(desc(bookingRequests.updatedAt))
    .limit(8)
    .all();
  return {
    firm: {
      name: firm.name,
      creditCode: firm.creditCode,
      size: firm.size,
      industry: firm.industry,
      prefecture: firm.prefecture,
    },
    byStatus,
    recent,
  };
}
