/**
 * The PDF writer: resolves the fonts, runs the layout engine and draws its pages with pdfkit —
 * glyphs, placeholder highlights, table rules, images, page numbers, the headings' outline and
 * the document info. Deterministic: the dates come from the document, the file ID from the
 * content, so two builds of the same input are byte-identical.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Diagnostic } from '../../diagnostic.js';
import { loadFonts } from '../../fonts/index.js';
import { layoutDocument } from '../../layout/index.js';
import type { LayoutPage, LayoutResult } from '../../layout/types.js';
import type { Document } from '../../model/document.js';
import type { FontRole, StyleSpec } from '../../style/spec.js';
import { GlyphWriter, type PdfKitInternals } from './glyph-writer.js';

export interface PdfOptions {
  projectDir: string;
  /** Font files from report.yaml `fonts:` (absolute paths). */
  configuredFonts?: Partial<Record<FontRole, string>>;
  /** Fail when a role would print in a substitute font. */
  strictFonts?: boolean;
  /** Name of the config file, for font errors. */
  configFile?: string;
}

export interface PdfResult {
  pdf: Buffer;
  warnings: Diagnostic[];
  /** The laid-out pages (for tests and `report build --json` timings). */
  layout: LayoutResult;
}

export async function writePdf(doc: Document, spec: StyleSpec, options: PdfOptions): Promise<PdfResult> {
  const fonts = loadFonts(spec, { projectDir: options.projectDir, configured: options.configuredFonts, strict: options.strictFonts, configFile: options.configFile });
  const created = doc.metadata.created;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: doc.metadata.title || doc.title,
      ...(doc.metadata.author ? { Author: doc.metadata.author } : {}),
      Creator: 'report',
      Producer: 'report (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  const layout = layoutDocument(doc, spec, {
    fonts: fonts.book,
    imageSize: (path) => {
      try {
        const image = (pdf as unknown as { openImage(src: string): { width: number; height: number } }).openImage(path);
        return { width: image.width, height: image.height };
      } catch {
        return null;
      }
    },
  });
  // pdfkit derives the file ID from the info dictionary only; derive it from the content too
  (pdf as unknown as { _id: Uint8Array })._id = fingerprint(layout, fonts.resolved);

  const writer = new GlyphWriter(pdf as unknown as PdfKitInternals, fonts.faces);
  const size: [number, number] = [layout.grid.pageWidthPt, layout.grid.pageHeightPt];
  const outline: PDFKit.PDFOutline[] = [];
  for (const page of layout.pages) {
    pdf.addPage({ size, margin: 0 });
    drawPage(pdf, writer, page, layout, spec);
    for (const mark of page.bookmarks) {
      const parent = outline.slice(0, mark.level - 1).reverse().find(Boolean) ?? pdf.outline;
      // pdfkit 0.20 sets the destination at (page width − left, page height − top)
      const item = (parent as unknown as { addItem(title: string, options: object): PDFKit.PDFOutline }).addItem(mark.title, { top: mark.y, left: size[0] });
      outline[mark.level - 1] = item;
      outline.length = mark.level;
    }
  }
  pdf.end();
  await done;
  return { pdf: Buffer.concat(chunks), warnings: [...fonts.notes, ...layout.warnings], layout };
}

function drawPage(pdf: PDFKit.PDFDocument, writer: GlyphWriter, page: LayoutPage, layout: LayoutResult, spec: StyleSpec): void {
  const color = spec.typography?.placeholderColor ?? '#FFE45C';
  for (const h of page.highlights) pdf.save().rect(h.x, h.y, h.width, h.height).fill(color).restore();
  for (const r of page.rules) pdf.save().lineWidth(r.width).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke('#000000').restore();
  for (const image of page.images) pdf.image(image.path, image.x, image.y, { width: image.width, height: image.height });
  for (const run of page.runs) writer.draw(run);
  for (const run of page.pageNumber) writer.draw(run);
  void layout;
}

/** A content hash for the PDF file ID: same input, same ID; different text, different ID. */
function fingerprint(layout: LayoutResult, fonts: Record<string, { postscriptName: string }>): Uint8Array {
  const hash = createHash('md5');
  hash.update(JSON.stringify(Object.values(fonts).map((f: { postscriptName: string }) => f.postscriptName)));
  for (const page of layout.pages) {
    for (const run of page.runs) hash.update(`${run.face}|${run.size}|${run.y}|${run.glyphs.map((g) => g.ch + g.x.toFixed(2)).join('')}\n`);
    for (const image of page.images) hash.update(`${image.path}|${image.x}|${image.y}\n`);
  }
  return new Uint8Array(hash.digest());
}
