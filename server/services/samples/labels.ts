// Sample labels: an A4 sheet of 24 labels (3 × 8, 63.5 × 33.9 mm, the common L7159 layout), one per
// sample of a request, each with the sample's ID as a QR code and as text, what it is, the
// request, the hazard class and how long it is kept. For the facility holding the samples.
import type { DB } from "@/db/client";
import { localDateKey, NETWORK_TIME_ZONE } from "@/db/local-time";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { renderText, type Leaves, type Locale } from "@/server/i18n/render";
import type en from "@/server/i18n/messages/en.json";
import { loadRequestFor } from "../booking/request-access";
import { A4, PdfWriter } from "../pdf/pdf-writer";
import { qrModules } from "../pdf/qr";
import { samplesOfRequest } from "./register";

const MM = 72 / 25.4;
const LABEL = { width: 63.5 * MM, height: 33.9 * MM, columns: 3, rows: 8 };
const LEFT = (A4.width - LABEL.columns * LABEL.width - 2 * 2.5 * MM) / 2;
const TOP = A4.height - (A4.height - LABEL.rows * LABEL.height) / 2;
const PAD = 2.5 * MM;

/** In the reader's language (their account's). */
export async function sampleLabelsPdf(db: DB, actor: Actor, requestId: number) {
  const locale: Locale = actor.locale;
  const r = loadRequestFor(db, actor, requestId);
  // Labels are printed by the facility that holds the samples.
  if (r.facilityId === null || r.facilityId !== actor.facilityId) throw notFound("request");
  const list = samplesOfRequest(db, actor, requestId).filter((s) => s.status === "held");
  const text = (key: Leaves<typeof en.sampleLabels>, values?: Record<string, string | number>) =>
    renderText(locale, `sampleLabels.${key}`, values);
  const pdf = await PdfWriter.create(text("title", { ref: r.ref }));
  for (const [i, s] of list.entries()) {
    const slot = i % (LABEL.columns * LABEL.rows);
    if (i > 0 && slot === 0) pdf.addPage();
    const x = LEFT + (slot % LABEL.columns) * (LABEL.width + 2.5 * MM);
    const top = TOP - Math.floor(slot / LABEL.columns) * LABEL.height;
    pdf.outline(x, top - LABEL.height, LABEL.width, LABEL.height);
    const qr = LABEL.height - 2 * PAD;
    pdf.modules(qrModules(s.code), x + PAD, top - PAD, qr);
    const tx = x + PAD * 2 + qr;
    const width = LABEL.width - qr - 3 * PAD;
    const lines: [string, number][] = [
      [s.code, 8.5],
      [s.description, 7],
      [`${s.quantity} ${s.unit}`, 6.5],
      [r.ref, 6.5],
      [text("received", { date: localDateKey(s.receivedAt, NETWORK_TIME_ZONE) }), 6.5],
      [text("keep", { date: localDateKey(s.retainUntil, NETWORK_TIME_ZONE) }), 6.5],
    ];
    if (s.hazard !== "none") lines.push([text(`hazard.${s.hazard}`), 7]);
    for (const [k, [line, size]] of lines.entries())
      await pdf.textAt(line, tx, top - PAD - 8 - k * 9.5, size, width);
  }
  if (list.length === 0) await pdf.paragraph(text("none"));
  return { bytes: await pdf.save(), fileName: `${r.ref}-sample-labels.pdf` };
}
