/**
 * The 版记 in the DOCX (model/colophon.ts), on the page and rows the layout chose: the same page
 * break and blank rows as the PDF so LibreOffice and Word set its last row on the last row of the
 * text area of an even page; its lines float at the row boundaries. When the layout inserted a
 * blank page without page numbers (§7.5), that page and the 版记 page are a section of their own
 * with empty footers.
 */
import { AlignmentType, Paragraph, TabStopType, TextRun, type IParagraphOptions } from 'docx';
import { planColophon } from '../../model/colophon.js';
import type { Document } from '../../model/document.js';
import type { LayoutResult } from '../../layout/types.js';
import type { StyleSpec } from '../../style/spec.js';
import { lineDrawing } from './drawings.js';
import type { DocxGeometry } from './geometry.js';
import { GONGWEN_STYLES } from './gongwen-styles.js';
import { textRuns } from './inline.js';
import { STYLES } from './styles.js';

type ParagraphOptions = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

export interface ColophonParagraphs {
  /** Paragraphs that follow the content in its section. */
  paragraphs: Paragraph[];
  /** Set when the 版记 goes after an unnumbered blank page: the paragraphs of that new section. */
  section?: Paragraph[];
}

export function colophonParagraphs(doc: Document, spec: StyleSpec, geometry: DocxGeometry, layout?: LayoutResult): ColophonParagraphs {
  const plan = doc.colophon ? planColophon(doc.colophon, spec) : undefined;
  if (!plan) return { paragraphs: [] };
  const rowsPerPage = spec.grid.rows;
  const place = layout?.colophon ?? { fromPage: 0, fromRow: 0, page: 1, row: rowsPerPage - plan.rows };
  const pitchPt = geometry.linePitch / 20;
  const twips = (pt: number) => Math.round(pt * 20);

  const lines = plan.rules.map((rule) => lineDrawing('版记分隔线', 0, (place.row + rule.atRow) * pitchPt, geometry.textWidth / 20, rule.widthPt, rule.color));
  // paragraph options first: the one that opens the 版记's page gets pageBreakBefore
  const rows: ParagraphOptions[] = [];
  const keep = (k: number) => k < plan.rows - 1;
  plan.cc?.lines.forEach((line, k) => rows.push({
    style: GONGWEN_STYLES.colophon.id,
    keepNext: keep(k),
    indent: { left: twips(k === 0 ? plan.cc!.indentPt : plan.cc!.restIndentPt), firstLine: 0 },
    children: [...(k === 0 ? lines : []), ...textRuns(line)],
  }));
  const printed = plan.printed;
  if (printed) {
    const anchored = rows.length === 0 ? lines : [];
    const indent = twips(printed.indentPt);
    const both = Boolean(printed.left && printed.right);
    rows.push({
      style: GONGWEN_STYLES.colophon.id,
      alignment: printed.left ? AlignmentType.LEFT : AlignmentType.RIGHT,
      indent: printed.left ? { left: indent, firstLine: 0 } : { right: indent },
      tabStops: both ? [{ type: TabStopType.RIGHT, position: geometry.textWidth - indent }] : undefined,
      children: [...anchored, ...(printed.left ? textRuns(printed.left) : []), ...(both ? [new TextRun({ text: '\t' })] : []), ...(printed.right ? textRuns(printed.right) : [])],
    });
  }

  // Blank rows down to the 版记's first row, on a new page when the layout put it on one.
  const newPage = place.page > place.fromPage;
  const blank: ParagraphOptions = { style: STYLES.body.id };
  const fill = Array.from({ length: newPage ? place.row : place.row - place.fromRow }, () => ({ ...blank }));
  const onPage = [...fill, ...rows];
  if (newPage) onPage[0] = { ...onPage[0], pageBreakBefore: true };
  const built = onPage.map((options) => new Paragraph(options));
  if (place.page - place.fromPage < 2) return { paragraphs: built };
  // a blank page before it: unnumbered pages form a section of their own (its first paragraph is the blank page)
  if (layout?.unnumberedPages?.includes(place.page)) return { paragraphs: [], section: [new Paragraph(blank), ...built] };
  return { paragraphs: [new Paragraph({ ...blank, pageBreakBefore: true }), ...built] };
}
