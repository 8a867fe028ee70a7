// The text of a PDF, page by page, refusing any font the reader has to repair (a broken font
// renders as noise).
import { expect, vi } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The PDF's text, refusing any font the reader has to repair (a broken font renders as noise). */
export async function textOf(bytes: Uint8Array): Promise<string> {
  const warnings: string[] = [];
  const log = vi
    .spyOn(console, "log")
    .mockImplementation((...a) => void warnings.push(a.join(" ")));
  const doc = await getDocument({ data: bytes, verbosity: 1 }).promise;
  let out = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out += content.items.map((i) => ("str" in i ? i.str : "")).join("") + "\n";
    await (await doc.getPage(p)).getOperatorList();
  }
  log.mockRestore();
  expect(warnings.filter((w) => /font|glyf/i.test(w))).toEqual([]);
  return out;
}
