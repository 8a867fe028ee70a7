// A tester puts a report into the register: the PDF they wrote for work the facility has done (in
// progress or completed), awaiting review. An amendment is a new report on the same request that
// names the released one it replaces and why; the old one stays valid until the new one is
// approved.
import { and, eq, inArray } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import type { DB } from "@/db/client";
import { reports, services, type RequestStatus } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refuse, validation } from "../errors";
import { now } from "../clock";
import { parseInput } from "../parse-input";
import { idInput } from "../id-input";
import { reasonInput } from "../reason-input";
import { recordAudit } from "../audit/record-audit";
import { loadRequestFor } from "../booking/request-access";
import { MAX_FILE_BYTES, sniffFileType } from "../booking/file-types";
import { storedFileName } from "../booking/file-names";
import { isStaffOf } from "./access";
import { keepReportFile } from "./files";

export const draftReportInput = z.object({
  requestId: idInput("field.idRequest"),
  title: z
    .string({ error: "field.reportTitle" })
    .trim()
    .min(2, "field.reportTitle")
    .max(200, "field.maxChars"),
  supersedesId: idInput("field.idReport").optional(),
  reason: reasonInput().optional(),
});

/** Reports are written on work the facility has started or finished. */
export const writesReports = (status: RequestStatus) =>
  status === "in_progress" || status === "completed";

/** Throws a field refusal unless `bytes` is a PDF that can be opened (and so stamped later). */
async function assertReadablePdf(bytes: Uint8Array) {
  if (bytes.length > MAX_FILE_BYTES)
    throw validation("file", "field.fileTooLarge", { mb: MAX_FILE_BYTES / 1024 / 1024 });
  if (sniffFileType(bytes)?.ext !== "pdf") throw validation("file", "field.reportPdf");
  try {
    await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw validation("file", "field.reportPdf");
  }
}

export async function draftReport(
  db: DB,
  actor: Actor,
  raw: z.input<typeof draftReportInput>,
  file: { name: string; bytes: Uint8Array },
) {
  const input = parseInput(draftReportInput, raw);
  if (input.supersedesId !== undefined && !input.reason)
    throw validation("reason", "field.reasonNeeded");
  await assertReadablePdf(file.bytes);
  const kept = keepReportFile(file.bytes, "drafts");
  return db.transaction(
    (tx) => {
      const r = loadRequestFor(tx, actor, input.requestId);
      if (!isStaffOf(actor, r.facilityId)) throw notFound("request");
      if (!writesReports(r.status))
        throw refuse("INVALID_STATE", "report.notWriting", { ref: r.ref, status: r.status });
      if (input.supersedesId !== undefined) {
        const old = tx.select().from(reports).where(eq(reports.id, input.supersedesId)).get();
        if (!old || old.requestId !== r.id) throw notFound("report");
        if (old.status !== "released")
          throw refuse("INVALID_STATE", "report.notReleased", { title: old.title });
        const pending = tx
          .select({ id: reports.id })
          .from(reports)
          .where(
            and(
              eq(reports.supersedesId, old.id),
              inArray(reports.status, ["awaiting_review", "awaiting_approval"]),
            ),
          )
          .get();
        if (pending) throw refuse("CONFLICT", "report.amendmentPending", { number: old.number! });
      }
      const service =
        r.serviceId === null
          ? null
          : tx
              .select({ accredited: services.accredited })
              .from(services)
              .where(eq(services.id, r.serviceId))
              .get();
      const at = now();
      const row = tx
        .insert(reports)
        .values({
          facilityId: r.facilityId!,
          requestId: r.id,
          status: "awaiting_review",
          title: input.title,
          accredited: service?.accredited ?? false,
          draftPath: kept.rel,
          draftSha256: kept.sha256,
          draftFileName: storedFileName(file.name, "pdf"),
          testedBy: actor.userId,
          testedAt: at,
          supersedesId: input.supersedesId ?? null,
          reason: input.reason ?? "",
          createdAt: at,
        })
        .returning()
        .get();
      recordAudit(tx, {
        action: "reportRegister.drafted",
        actorId: actor.userId,
        actorEmail: actor.email,
        target: `report:${row.id}`,
        detail: { requestId: r.id, sha256: kept.sha256, supersedesId: row.supersedesId },
      });
      return row;
    },
    { behavior: "immediate" },
  );
}
