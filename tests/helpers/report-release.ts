// A released report on a request, through the register: written by `testerId` and approved by an
// authorised signatory of the same facility (made once per database).
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { users } from "@/db/schema";
import { loadActor } from "@/server/services/users/load-actor";
import { draftReport } from "@/server/services/reports/draft";
import { approveReport } from "@/server/services/reports/approve";
import { minimalPdf } from "@/db/seed/pdf";

export async function releaseReport(db: DB, requestId: number, testerId: number) {
  const tester = loadActor(db, testerId)!;
  const email = `signatory-${tester.facilityId}@example.cn`;
  const signatory =
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email)))
      .get() ??
    db
      .insert(users)
      .values({
        email,
        name: "Signatory",
        passwordHash: "x",
        role: "operator",
        facilityId: tester.facilityId,
        signatory: true,
      })
      .returning({ id: users.id })
      .get();
  const report = await draftReport(
    db,
    tester,
    { requestId, title: "Test report" },
    { name: "results.pdf", bytes: minimalPdf(["Test report"]) },
  );
  return approveReport(db, loadActor(db, signatory.id)!, { reportId: report.id });
}
