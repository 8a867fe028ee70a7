// The released file: the tester's PDF behind a stamped cover page (number, verification code and
// its QR code, facility, service, test and issue dates, accreditation marks, the signatories) and a
// footer on every page with the number. Labels are printed in Chinese and English, the way
// reports in the province are read by both clients and regulators.
import { localDateKey } from "@/db/local-time";
import type { ReportMark } from "@/db/schema";
import { renderText, type Leaves } from "@/server/i18n/render";
import type en from "@/server/i18n/messages/en.json";
import { PdfWriter, A4 } from "../pdf/pdf-writer";
import { qrModules } from "../pdf/qr";
import { appUrl } from "../app-url";

export type StampFacts = {
  number: string;
  code: string;
  facility: { name: string; nameZh: string };
  service: { name: string; nameZh: string };
  title: string;
  /** The facility's time zone: the dates are its days. */
  timeZone: string;
  testedFrom: number | null;
  testedTo: number | null;
  issuedAt: number;
  marks: ReportMark[];
  tester: string;
  reviewer: string | null;
  approver: string;
  supersedes: { number: string; reason: string } | null;
};

type Key = Leaves<typeof en.reportStamp>;
const both = (key: Key, values?: Record<string, string | number>) =>
  `${renderText("zh", `reportStamp.${key}`, values)}  ${renderText("en", `reportStamp.${key}`, values)}`;

/** The verification page's address with the number and code filled in (what the QR code opens). */
export const verifyUrl = (number: string, code: string) =>
  appUrl(`/verify?n=${encodeURIComponent(number)}&c=${encodeURIComponent(code)}`);

/** Throws if `draft` is not a PDF pdf-lib can open. */
export async function stampReport(draft: Uint8Array, f: StampFacts): Promise<Uint8Array> {
  const day = (ms: number) => localDateKey(ms, f.timeZone);
  const pdf = await PdfWriter.cover(draft);
  await pdf.heading(both("heading"), 16);
  pdf.space(4);
  await pdf.row(both("number"), f.number, 10);
  await pdf.row(both("code"), formatCode(f.code), 10);
  await pdf.row(both("facility"), joined(f.facility.nameZh, f.facility.name));
  await pdf.row(both("service"), joined(f.service.nameZh, f.service.name));
  await pdf.row(both("title"), f.title);
  if (f.testedFrom !== null && f.testedTo !== null)
    await pdf.row(both("tested"), `${day(f.testedFrom)} – ${day(f.testedTo)}`);
  await pdf.row(both("issued"), day(f.issuedAt));
  await pdf.row(
    both("marks"),
    f.marks.length ? f.marks.map((m) => `${m.type} ${m.certificateNo}`).join("; ") : "—",
  );
  await pdf.row(both("tester"), f.tester);
  if (f.reviewer) await pdf.row(both("reviewer"), f.reviewer);
  await pdf.row(both("approver"), f.approver);
  if (f.supersedes)
    await pdf.row(both("supersedes"), `${f.supersedes.number} (${f.supersedes.reason})`);
  pdf.space(16);
  const url = verifyUrl(f.number, f.code);
  const size = 110;
  const top = 250;
  pdf.modules(qrModules(url), (A4.width - size) / 2, top, size);
  await pdf.textAt(renderText("zh", "reportStamp.scan"), 56, top - size - 22, 9, A4.width - 112);
  await pdf.textAt(renderText("en", "reportStamp.scan"), 56, top - size - 36, 9, A4.width - 112);
  await pdf.textAt(appUrl("/verify"), 56, top - size - 52, 9, A4.width - 112);
  await pdf.footer((page, pages) =>
    renderText("en", "reportStamp.footer", { number: f.number, page, pages }),
  );
  return pdf.save();
}

const joined = (zh: string, en: string) => (zh && zh !== en ? `${zh} ${en}` : en);

/** ABCDE-FGHJK: the code printed in two groups of five. */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
