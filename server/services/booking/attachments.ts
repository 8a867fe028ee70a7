// Files on a request: specifications from the firm; fapiao and other documents from the facility;
// released reports (written by the report register at approval). Stored under the data directory
// by their sha256, served only to those who may see the request and only while they still hash
// to the recorded value.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attachments, reports } from "@/db/schema";
import { dataDir } from "@/db/paths";
import type { Actor } from "../actor";
import { refuse, validation, notFound } from "../errors";
import { now } from "../clock";
import { loadRequestFor } from "./request-access";
import { notifyOtherParty } from "./notify";
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST, extensionOf, sniffFileType } from "./file-types";
import { downloadFileName, storedFileName } from "./file-names";
import { readChecked } from "../reports/files";
import { recordAudit } from "../audit/record-audit";

export function addAttachment(
  db: DB,
  actor: Actor,
  requestId: number,
  /** A facility's file is a document unless it says it is the fapiao of an invoice (reports go
   * through the report register). */
  file: { name: string; bytes: Uint8Array; kind?: "invoice" },
) {
  if (file.bytes.length > MAX_FILE_BYTES)
    throw validation("file", "field.fileTooLarge", { mb: MAX_FILE_BYTES / 1024 / 1024 });
  const type = sniffFileType(file.bytes);
  if (!type) throw validation("file", "field.fileType");
  if (actor.role === "admin") throw refuse("FORBIDDEN", "request.adminsReadOnly");
  const sha256 = crypto.createHash("sha256").update(file.bytes).digest("hex");
  const rel = path.join("attachments", `${sha256}.${type.ext}`);
  return db.transaction(
    (tx) => {
      const r = loadRequestFor(tx, actor, requestId);
      if (actor.role !== "firm" && r.facilityId !== actor.facilityId)
        throw refuse("INVALID_STATE", "request.notRouted", { ref: r.ref });
      const existing = tx
        .select({ n: count() })
        .from(attachments)
        .where(eq(attachments.requestId, r.id))
        .get()!.n;
      if (existing >= MAX_FILES_PER_REQUEST)
        throw validation("file", "field.fileCount", { max: MAX_FILES_PER_REQUEST });
      const target = path.join(dataDir(), rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (!fs.existsSync(target)) fs.writeFileSync(target, file.bytes);
      const at = now();
      const kind =
        actor.role === "firm" ? "spec" : file.kind === "invoice" ? "invoice" : "document";
      const row = tx
        .insert(attachments)
        .values({
          requestId: r.id,
          uploaderId: actor.userId,
          kind,
          fileName: storedFileName(file.name, type.ext),
          mimeType: type.mime,
          size: file.bytes.length,
          sha256,
          storagePath: rel,
          createdAt: at,
        })
        .returning()
        .get();
      notifyOtherParty(tx, r, actor.userId, "request.message", at, {
        code: "fileAdded",
        params: { kind, fileName: row.fileName },
      });
      return {
        id: row.id,
        kind,
        fileName: row.fileName,
        mimeType: row.mimeType,
        size: row.size,
        sha256,
      };
    },
    { behavior: "immediate" },
  );
}

/** The file's bytes for a caller who may see its request; NOT_FOUND otherwise. */
export function readAttachment(db: DB, actor: Actor, attachmentId: number) {
  const row = db.select().from(attachments).where(eq(attachments.id, attachmentId)).get();
  if (!row) throw notFound("file");
  let ref: string;
  try {
    ref = loadRequestFor(db, actor, row.requestId).ref;
  } catch {
    throw notFound("file");
  }
  // A file is served only as it was recorded: a released report's hash was fixed at approval.
  const bytes = readChecked(row.storagePath, row.sha256);
  if (!bytes) {
    recordAudit(db, {
      action: "file.altered",
      actorId: actor.userId,
      actorEmail: actor.email,
      target: `attachment:${row.id}`,
    });
    throw refuse("CONFLICT", "request.fileAltered", { fileName: row.fileName });
  }
  // The firm has its report: the "report ready" reminder no longer applies.
  if (actor.role === "firm")
    db.update(reports)
      .set({ firmDownloadedAt: now() })
      .where(and(eq(reports.attachmentId, row.id), isNull(reports.firmDownloadedAt)))
      .run();
  const fileName = downloadFileName(ref, row.fileName, extensionOf(row.mimeType));
  return { fileName, mimeType: row.mimeType, bytes };
}
