/**
 * The 版头 in the DOCX, from the same plan as the PDF (model/masthead.ts): one paragraph per grid
 * row of page 1 above the title (a blank row is an empty paragraph), the 标志 one paragraph over
 * its rows, and the rules as floating lines anchored in the first paragraph. Elements sharing a row
 * (发文字号 and 签发人, 份号 and 发文字号 in 信函格式) are placed with tab stops.
 */
import { AlignmentType, Paragraph, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { Document } from '../../model/document.js';
import { planMasthead, rowBaselinePt, type MastheadLine, type MastheadPlan, type PlacedRule } from '../../model/masthead.js';
import type { StyleSpec } from '../../style/spec.js';
import { lineDrawing, textBoxDrawing } from './drawings.js';
import { charsToTwips, type DocxGeometry } from './geometry.js';
import { GONGWEN_STYLES } from './gongwen-styles.js';
import { needsEastAsiaHint } from './inline.js';
import { STYLES } from './styles.js';
import { escapeXml } from './xml.js';

const STYLE_OF: Record<MastheadLine['element'], string> = {
  copy: GONGWEN_STYLES.flag.id, secret: GONGWEN_STYLES.flag.id, urgency: GONGWEN_STYLES.flag.id,
  number: GONGWEN_STYLES.number.id, signer: GONGWEN_STYLES.signer.id,
};

export interface MastheadParts {
  paragraphs: Paragraph[];
  /** False: page 1 must carry no page number (信函格式). */
  pageNumberOnFirstPage: boolean;
}

export function mastheadParagraphs(doc: Document, spec: StyleSpec, geometry: DocxGeometry): MastheadParts {
  if (!doc.masthead) return { paragraphs: [], pageNumberOnFirstPage: true };
  const plan = planMasthead(doc.masthead, spec);
  const pitch = geometry.linePitch;
  const ratio = spec.masthead!.mark.docxBaselineRatio;
  // a rule set from the 发文字号 keeps its distance from the text where the renderer seats it
  const shift = (rule: PlacedRule) => (rule.fromRow ? ratio * (pitch / 20) - rowBaselinePt(pitch / 20, rule.fromRow.sizePt) : 0);
  const drawings: ParagraphChild[] = [...plan.rules, ...plan.pageRules].flatMap((rule) =>
    rule.lines.map((line) => lineDrawing('版头分隔线', rule.leftPt, rule.topPt + shift(rule) + line.offsetPt, rule.lengthPt, line.widthPt, rule.color)));
  const mark = plan.mark;
  if (mark?.floating) drawings.push(floatingMark(mark, spec, geometry));
  const paragraphs: Paragraph[] = [];
  for (let row = 0; row < plan.rows; row++) {
    const anchored = row === 0 ? drawings : [];
    if (mark && !mark.floating && row === mark.firstRow) {
      paragraphs.push(markParagraph(mark, spec, pitch, anchored));
      row = mark.lastRow;
      continue;
    }
    const lines = plan.lines.filter((line) => line.row === row);
    paragraphs.push(lines.length > 0 ? rowParagraph(lines, spec, geometry, anchored) : new Paragraph({ style: STYLES.body.id, keepNext: true, children: anchored }));
  }
  return { paragraphs, pageNumberOnFirstPage: plan.pageNumberOnFirstPage };
}

/**
 * Exact line height (twips) that puts the baseline `baselinePt` below the line's top in a renderer
 * that seats an exact line's baseline at `ratio` of its height (LibreOffice: 80 %).
 */
function lineForBaseline(baselinePt: number, ratio: number): number {
  return Math.round((baselinePt / ratio) * 20);
}

/** The 标志 over its rows: a line as tall as seats its baseline where the PDF draws it, the rest of its rows after it. */
function markParagraph(mark: NonNullable<MastheadPlan['mark']>, spec: StyleSpec, pitch: number, anchored: ParagraphChild[]): Paragraph {
  const rows = mark.lastRow - mark.firstRow + 1;
  const line = Math.min(rows * pitch, lineForBaseline(mark.baselinePt - (mark.firstRow * pitch) / 20, spec.masthead!.mark.docxBaselineRatio));
  return new Paragraph({
    style: GONGWEN_STYLES.mark.id,
    keepNext: true,
    spacing: { before: 0, after: rows * pitch - line, line, lineRule: 'exact' },
    children: [...anchored, new TextRun({ text: mark.text, font: { hint: 'eastAsia' }, scale: mark.scale !== 1 ? Math.round(mark.scale * 100) : undefined })],
  });
}

/** The 信函 标志, above the text area: a text box whose top is the em box's top. */
function floatingMark(mark: NonNullable<MastheadPlan['mark']>, spec: StyleSpec, geometry: DocxGeometry): ParagraphChild {
  const line = lineForBaseline(mark.baselinePt - mark.topPt, spec.masthead!.mark.docxBaselineRatio);
  const scale = mark.scale !== 1 ? `<w:w w:val="${Math.round(mark.scale * 100)}"/>` : '';
  const paragraph = `<w:p><w:pPr><w:pStyle w:val="${GONGWEN_STYLES.mark.id}"/><w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>${scale}</w:rPr><w:t xml:space="preserve">${escapeXml(mark.text)}</w:t></w:r></w:p>`;
  return textBoxDrawing('发文机关标志', 0, mark.topPt, geometry.textWidth / 20, line / 20, paragraph);
}

/** One row of 版头 text: the first element sets the indent or alignment, the others sit at tab stops. */
function rowParagraph(lines: MastheadLine[], spec: StyleSpec, geometry: DocxGeometry, anchored: ParagraphChild[]): Paragraph {
  const sorted = [...lines].sort((a, b) => rank(a) - rank(b));
  const [first, ...rest] = sorted;
  const at = (line: MastheadLine) => charsToTwips(geometry, line.startChars);
  const m = spec.masthead!;
  const styleFont = first.element === 'number' ? m.number.font : first.element === 'signer' ? m.signer.font : m.flags.font;
  // a segment in another face than the paragraph style's names it on the run (签发人's names in 楷体)
  const runs = (line: MastheadLine): TextRun[] => line.segments.map((segment) => {
    const family = spec.fonts[segment.font];
    return new TextRun({
      text: segment.text,
      font: segment.font !== styleFont ? { ascii: family.latin, hAnsi: family.latin, eastAsia: family.family, cs: family.latin, hint: 'eastAsia' }
        : needsEastAsiaHint(segment.text) ? { hint: 'eastAsia' } : undefined,
    });
  });
  const children: ParagraphChild[] = [...anchored, ...runs(first)];
  for (const line of rest) children.push(new TextRun({ text: '\t' }), ...runs(line));
  return new Paragraph({
    style: STYLE_OF[first.element],
    keepNext: true,
    alignment: first.align === 'center' ? AlignmentType.CENTER : first.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: first.align === 'left' ? { left: at(first), firstLine: 0 } : first.align === 'right' ? { right: at(first) } : undefined,
    tabStops: rest.map((line) => line.align === 'right'
      ? { type: TabStopType.RIGHT, position: geometry.textWidth - at(line) }
      : { type: TabStopType.LEFT, position: at(line) }),
    children,
  });
}

/** Left-aligned elements first (by column), then right-aligned ones. */
function rank(line: MastheadLine): number {
  return line.align === 'left' ? line.startChars : 1000 + line.startChars;
}
