// The requests a caller may see: a firm's own (colleagues' too), an operator's facility's, the
// hub's unrouted ones for coordinators, everything for admins. Oldest first for facilities.
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, equipment, facilities, firms } from "@/db/schema";
import type { Actor } from "../actor";
import { parseInput } from "../parse-input";
import { listRequestsInput } from "./inputs";
import { expireQuotes } from "./expire-quotes";
import type { z } from "zod";

export function listRequests(db: DB, actor: Actor, raw: z.input<typeof listRequestsInput>) {
  const input = parseInput(listRequestsInput, raw);
  expireQuotes(db);
  const where: SQL[] = [];
  if (actor.role === "firm") where.push(eq(bookingRequests.firmId, actor.firmId ?? -1));
  else if (actor.role === "coordinator" && input.unrouted)
    where.push(isNull(bookingRequests.facilityId));
  else if (actor.role !== "admin")
    where.push(eq(bookingRequests.facilityId, actor.facilityId ?? -1));
  if (input.status) where.push(eq(bookingRequests.status, input.status));
  const filter = and(...where);
  const order =
    actor.role === "firm"
      ? [desc(bookingRequests.updatedAt), desc(bookingRequests.id)]
      : [asc(bookingRequests.createdAt), asc(bookingRequests.id)];
  const rows = db
    .select({
      id: bookingRequests.id,
      ref: bookingRequests.ref,
      title: bookingRequests.title,
      status: bookingRequests.status,
      serviceType: bookingRequests.serviceType,
      version: bookingRequests.version,
      createdAt: bookingRequests.createdAt,
      updatedAt: bookingRequests.updatedAt,
      quoteStart: bookingRequests.quoteStart,
      quoteEnd: bookingRequests.quoteEnd,
      quoteAmountFen: bookingRequests.quoteAmountFen,
      preferredStart: bookingRequests.preferredStart,
      hours: bookingRequests.hours,
      equipmentName: equipment.name,
      equipmentNameZh: equipment.nameZh,
      timeZone: facilities.timeZone,
      firmName: firms.name,
      facilitySlug: facilities.slug,
      facilityNameEn: facilities.nameEn,
      facilityNameZh: facilities.nameZh,
    })
    .from(bookingRequests)
    .innerJoin(firms, eq(firms.id, bookingRequests.firmId))
    .leftJoin(facilities, eq(facilities.id, bookingRequests.facilityId))
    // The equipment quoted, else the one the firm asked for.
    .leftJoin(
      equipment,
      eq(
        equipment.id,
        sql`coalesce(${bookingRequests.quoteEquipmentId}, ${bookingRequests.equipmentId})`,
      ),
    )
    .where(filter)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(bookingRequests).where(filter).get()!.n;
  return {
    items: rows,
    total,
    page: input.page,
    pageSize: input.pageSize,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
