// Writes simple documents (headings, paragraphs, two-column rows) to PDF with Noto Sans SC from
// the @fontsource package, so that Chinese and English both render and can be extracted as text.
// The package ships the font in Unicode-range subsets: each run of text is set in the subset that
// has its characters, and only the glyphs used are embedded.
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { decompress } from "wawoff2";

type Subset = { file: string; bytes: Uint8Array; has: (cp: number) => boolean };
let subsets: Promise<Subset[]> | null = null;

/** The subsets as TrueType (a PDF embeds TrueType, not WOFF2), decoded once per process. */
function loadSubsets(): Promise<Subset[]> {
  subsets ??= (async () => {
    const dir = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-sc", "files");
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^noto-sans-sc-\d+-400-normal\.woff2$/.test(f))
      .sort((a, b) => Number(a.split("-")[3]) - Number(b.split("-")[3]));
    const out: Subset[] = [];
    for (const file of files) {
      // A copy: the decoder's result is a view of its own memory.
      const bytes = Uint8Array.from(await decompress(fs.readFileSync(path.join(dir, file))));
      const font = fontkit.create(Buffer.from(bytes));
      out.push({ file, bytes, has: (cp: number) => font.hasGlyphForCodePoint(cp) });
    }
    return out;
  })();
  return subsets;
}

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly fonts = new Map<number, PDFFont>();

  private constructor(private readonly doc: PDFDocument) {}

  static async create(title: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setProducer("Sichuan 1+N Pilot Network");
    const w = new PdfWriter(doc);
    w.newPage();
    return w;
  }

  /** An existing PDF with a new first page to write on (a cover); throws if it cannot be read. */
  static async cover(existing: Uint8Array): Promise<PdfWriter> {
    const doc = await PDFDocument.load(existing, { updateMetadata: false });
    doc.registerFontkit(fontkit);
    const w = new PdfWriter(doc);
    w.page = doc.insertPage(0, [A4.width, A4.height]);
    w.y = A4.height - MARGIN;
    return w;
  }

  /** How many pages the document has. */
  get pageCount() {
    return this.doc.getPageCount();
  }

  /** One line of small grey text at the foot of every page after the first (the cover). */
  async footer(text: (page: number, pages: number) => string) {
    const saved = { page: this.page, y: this.y };
    const pages = this.doc.getPages();
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      this.page = page;
      this.y = 18;
      await this.drawLine(text(i + 1, pages.length), 24, 7, true);
    }
    Object.assign(this, saved);
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** The text split into runs, each set in one subset that has all its characters. */
  private async runs(text: string): Promise<{ font: PDFFont; text: string }[]> {
    const all = await loadSubsets();
    const out: { index: number; text: string }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let index = all.findIndex((s) => s.has(cp));
      if (index < 0) index = all.findIndex((s) => s.has(0x3f)); // "?" for what no subset has
      const last = out[out.length - 1];
      if (last && (last.index === index || ch === " ")) last.text += ch;
      else out.push({ index, text: ch });
    }
    const result: { font: PDFFont; text: string }[] = [];
    for (const r of out) {
      if (!this.fonts.has(r.index))
        this.fonts.set(r.index, await this.doc.embedFont(all[r.index].bytes, { subset: true }));
      result.push({ font: this.fonts.get(r.index)!, text: r.text });
    }
    return result;
  }

  private async width(text: string, size: number) {
    let w = 0;
    for (const r of await this.runs(text)) w += r.font.widthOfTextAtSize(r.text, size);
    return w;
  }

  /** Lines of at most `max` points: breaks at spaces in Latin text, anywhere in Chinese. */
  private async wrap(text: string, size: number, max: number): Promise<string[]> {
    const tokens: string[] = [];
    for (const part of text.split(/(\s+)/)) {
      let word = "";
      for (const ch of part) {
        if (/[，。；：、！？）》」]/.test(ch) && (word || tokens.length)) {
          // Closing punctuation never starts a line: it stays with what it closes.
          if (word) word += ch;
          else tokens[tokens.length - 1] += ch;
        } else if (/[\u2e80-\uffff]/.test(ch)) {
          if (word) tokens.push(word);
          word = "";
          tokens.push(ch);
        } else word += ch;
      }
      if (word) tokens.push(word);
    }
    const lines: string[] = [];
    let line = "";
    for (const token of tokens) {
      if (line.trim() && (await this.width(line + token, size)) > max) {
        lines.push(line.trimEnd());
        line = /^\s+$/.test(token) ? "" : token;
      } else line += token;
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines.length ? lines : [""];
  }

  private async drawLine(text: string, x: number, size: number, grey = false) {
    let at = x;
    for (const r of await this.runs(text)) {
      this.page.drawText(r.text, {
        x: at,
        y: this.y,
        size,
        font: r.font,
        color: grey ? rgb(0.35, 0.38, 0.42) : rgb(0.06, 0.09, 0.16),
      });
      at += r.font.widthOfTextAtSize(r.text, size);
    }
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  async heading(text: string, size = 15) {
    this.ensure(size * 2);
    this.y -= size * 0.4;
    await this.drawLine(text, MARGIN, size);
    this.y -= size * 1.2;
  }

  async paragraph(text: string, size = 9.5, grey = false) {
    const max = A4.width - 2 * MARGIN;
    for (const line of await this.wrap(text, size, max)) {
      this.ensure(size * 1.5);
      await this.drawLine(line, MARGIN, size, grey);
      this.y -= size * 1.45;
    }
    this.y -= size * 0.4;
  }

  /** A label and its value side by side; the value wraps in its column. */
  async row(label: string, value: string, size = 9.5) {
    const labelWidth = 185;
    const lines = await this.wrap(value, size, A4.width - 2 * MARGIN - labelWidth);
    this.ensure(size * 1.5 * lines.length);
    await this.drawLine(label, MARGIN, size, true);
    for (const line of lines) {
      await this.drawLine(line, MARGIN + labelWidth, size);
      this.y -= size * 1.45;
    }
  }

  /** Columns of a table row, each left-aligned at its x (points from the margin). */
  async columns(cells: string[], xs: number[], size = 9, grey = false) {
    this.ensure(size * 1.6);
    for (const [i, cell] of cells.entries()) await this.drawLine(cell, MARGIN + xs[i], size, grey);
    this.y -= size * 1.5;
  }

  space(points: number) {
    this.y -= points;
  }

  /** Another page, for positioned content (labels). */
  addPage() {
    this.newPage();
  }

  /** One line at (x, y) from the page's bottom left, shortened with "…" to `maxWidth`. */
  async textAt(text: string, x: number, y: number, size: number, maxWidth: number) {
    let line = text;
    if ((await this.width(line, size)) > maxWidth) {
      const chars = [...line];
      while (chars.length && (await this.width(chars.join("") + "…", size)) > maxWidth) chars.pop();
      line = chars.join("") + "…";
    }
    const saved = this.y;
    this.y = y;
    await this.drawLine(line, x, size);
    this.y = saved;
  }

  /** A grid of dark squares (a QR code's modules), `size` points wide, its top left at (x, y). */
  modules(grid: boolean[][], x: number, y: number, size: number) {
    const cell = size / grid.length;
    grid.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (dark)
          this.page.drawRectangle({
            x: x + c * cell,
            y: y - (r + 1) * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
      }),
    );
  }

  /** A thin rectangle outline (a label's edge). */
  outline(x: number, y: number, width: number, height: number) {
    this.page.drawRectangle({
      x,
      y,
      width,
      height,
      borderColor: rgb(0.8, 0.82, 0.85),
      borderWidth: 0.5,
    });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
