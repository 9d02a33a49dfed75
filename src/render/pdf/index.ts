/**
 * The PDF writer only serialises: it receives the laid-out pages (src/layout, run by the build
 * pipeline with the resolved fonts) and draws them with pdfkit — glyphs, placeholder highlights,
 * table rules, images, page numbers, the headings' outline and the document info. Deterministic:
 * the dates come from the document, the file ID from the content, so two builds of the same input
 * are byte-identical.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Face } from '../../fonts/face.js';
import type { ChartShape, LayoutPage, LayoutResult } from '../../layout/types.js';
import type { Document } from '../../model/document.js';
import type { StyleSpec } from '../../style/spec.js';
import { GlyphWriter, type PdfKitInternals } from './glyph-writer.js';
import type { WriterInput, WriterOutput } from '../index.js';

export interface PdfInput {
  document: Document;
  spec: StyleSpec;
  layout: LayoutResult;
  /** Every face the layout placed glyphs from, by FaceMetrics id (for embedding). */
  faces: Map<string, Face>;
}

export async function writePdf({ document: doc, spec, layout, faces }: PdfInput): Promise<Buffer> {
  const created = doc.metadata.created;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    // no default font: every glyph is drawn from the faces the layout chose, and pdfkit would
    // otherwise read Helvetica's metrics file for nothing
    font: null as unknown as string,
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
  // pdfkit derives the file ID from the info dictionary only; derive it from the content too
  (pdf as unknown as { _id: Uint8Array })._id = fingerprint(layout, faces);

  const writer = new GlyphWriter(pdf as unknown as PdfKitInternals, faces);
  const size: [number, number] = [layout.grid.pageWidthPt, layout.grid.pageHeightPt];
  const outline: PDFKit.PDFOutline[] = [];
  for (const page of layout.pages) {
    pdf.addPage({ size, margin: 0 });
    drawPage(pdf, writer, page, spec);
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
  return Buffer.concat(chunks);
}

/** The registry's entry point (src/render/index.ts): the pipeline has laid out the pages. */
export async function write({ document, spec, layout, faces }: WriterInput): Promise<WriterOutput> {
  if (!layout || !faces) throw new Error('the PDF writer needs the laid-out pages');
  return { bytes: await writePdf({ document, spec, layout, faces }), diagnostics: [] };
}

function drawPage(pdf: PDFKit.PDFDocument, writer: GlyphWriter, page: LayoutPage, spec: StyleSpec): void {
  const color = spec.typography.placeholderColor;
  for (const h of page.highlights) pdf.save().rect(h.x, h.y, h.width, h.height).fill(color).restore();
  for (const r of page.rules) pdf.save().lineWidth(r.width).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke(r.color ?? '#000000').restore();
  for (const image of page.images) pdf.image(image.path, image.x, image.y, { width: image.width, height: image.height });
  for (const shape of page.shapes ?? []) drawShape(pdf, shape);
  for (const run of page.runs) writer.draw(run);
  for (const run of page.pageNumber) writer.draw(run);
}

/** A chart's bar, line, marker or pie slice, as vectors. */
function drawShape(pdf: PDFKit.PDFDocument, shape: ChartShape): void {
  pdf.save();
  switch (shape.kind) {
    case 'rect':
      pdf.rect(shape.x, shape.y, shape.width, shape.height).fill(shape.fill);
      break;
    case 'line': {
      const [first, ...rest] = shape.points;
      pdf.lineWidth(shape.width).lineJoin('round').lineCap('round').moveTo(first.x, first.y);
      for (const p of rest) pdf.lineTo(p.x, p.y);
      pdf.stroke(shape.color);
      break;
    }
    case 'circle':
      pdf.circle(shape.cx, shape.cy, shape.r).fill(shape.fill);
      break;
    case 'wedge': {
      const { cx, cy, r, start, end } = shape;
      if (end - start >= 2 * Math.PI - 1e-9) pdf.circle(cx, cy, r);
      else {
        // clockwise from 12 o'clock on a page whose y runs down
        const at = (angle: number) => `${(cx + r * Math.sin(angle)).toFixed(3)} ${(cy - r * Math.cos(angle)).toFixed(3)}`;
        pdf.path(`M ${cx.toFixed(3)} ${cy.toFixed(3)} L ${at(start)} A ${r.toFixed(3)} ${r.toFixed(3)} 0 ${end - start > Math.PI ? 1 : 0} 1 ${at(end)} Z`);
      }
      pdf.lineWidth(0.75).fillAndStroke(shape.fill, shape.edge);
      break;
    }
  }
  pdf.restore();
}

/**
 * A content hash for the PDF file ID: same input, same ID; different text, different ID. Faces
 * are named by PostScript name, not by file path, so the ID does not depend on where the fonts
 * are installed.
 */
function fingerprint(layout: LayoutResult, faces: Map<string, Face>): Uint8Array {
  const hash = createHash('md5');
  const name = (id: string) => faces.get(id)?.postscriptName ?? id;
  for (const page of layout.pages) {
    for (const run of page.runs) hash.update(`${name(run.face)}|${run.size}|${run.y}|${run.bold ? 'b' : ''}${run.italic ? 'i' : ''}${run.color ?? ''}|${run.glyphs.map((g) => g.ch + g.x.toFixed(2)).join('')}\n`);
    for (const image of page.images) hash.update(`${image.alt}|${image.width}|${image.height}|${image.x}|${image.y}\n`);
    for (const shape of page.shapes ?? []) hash.update(`${JSON.stringify(shape)}\n`);
  }
  return new Uint8Array(hash.digest());
}
