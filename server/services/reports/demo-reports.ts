// Demo reports for the walk-through facility, issued through the register itself (the seed is
// synchronous; stamping is not): the latest completed verification or testing request of
// firm@pilot.demo's firm gets a report, approved, then amended, so both a valid and a superseded
// number can be verified; the next one gets a report awaiting review.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookingRequests, reports, users } from "@/db/schema";
import { loadActor } from "../users/load-actor";
import { PdfWriter } from "../pdf/pdf-writer";
import { draftReport } from "./draft";
import { reviewReport } from "./sign";
import { approveReport } from "./approve";

async function demoPdf(ref: string, title: string, note: string) {
  const pdf = await PdfWriter.create(`Test report ${ref}`);
  await pdf.heading(`检测报告 Test report — ${ref}`);
  await pdf.paragraph(title);
  await pdf.paragraph(note);
  await pdf.paragraph(
    "Illustrative demo data: not a real result. 演示数据，非真实检测结果。",
    9,
    true,
  );
  return pdf.save();
}

export async function issueDemoReports(db: DB): Promise<void> {
  const actorOf = (email: string) => {
    const u = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    return u ? loadActor(db, u.id) : null;
  };
  const tester = actorOf("operator@pilot.demo");
  const reviewer = actorOf("reviewer@pilot.demo");
  const signatory = actorOf("signatory@pilot.demo");
  const firm = db
    .select({ firmId: users.firmId })
    .from(users)
    .where(eq(users.email, "firm@pilot.demo"))
    .get();
  if (!tester || !reviewer || !signatory || !firm?.firmId) return;
  if (db.select({ id: reports.id }).from(reports).limit(1).get()) return;
  const done = db
    .select()
    .from(bookingRequests)
    .where(
      and(
        eq(bookingRequests.facilityId, tester.facilityId!),
        eq(bookingRequests.firmId, firm.firmId),
        eq(bookingRequests.status, "completed"),
        inArray(bookingRequests.serviceType, ["testing", "verification", "inspection"]),
      ),
    )
    .orderBy(desc(bookingRequests.id))
    .limit(2)
    .all();
  const [first, second] = done;
  if (first) {
    const title = `${first.title}: results`;
    const draft = async (extra: { supersedesId?: number; reason?: string } = {}) =>
      draftReport(
        db,
        tester,
        { requestId: first.id, title, ...extra },
        {
          name: "results.pdf",
          bytes: await demoPdf(first.ref, title, extra.reason ?? "All results within limits."),
        },
      );
    const original = await draft();
    reviewReport(db, reviewer, { reportId: original.id });
    await approveReport(db, signatory, { reportId: original.id });
    const amended = await draft({ supersedesId: original.id, reason: "Sample mass corrected" });
    reviewReport(db, reviewer, { reportId: amended.id });
    await approveReport(db, signatory, { reportId: amended.id });
  }
  if (second)
    await draftReport(
      db,
      tester,
      { requestId: second.id, title: `${second.title}: results` },
      {
        name: "results.pdf",
        bytes: await demoPdf(second.ref, second.title, "All results within limits."),
      },
    );
}
