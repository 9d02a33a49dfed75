/**
 * The parts of a 公文 around the body, placed per GB/T 9704: the title (§7.3.1), 主送机关 (§7.3.2),
 * 附件说明 (§7.3.4), 署名 and 成文日期 without seal (§7.3.5.2), and the page-number footers (§7.5).
 * Positions are counted in grid characters (text width / 28) and rows, from the style spec.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { attachmentLabel, attachmentPageSpec } from '../../model/attachment-page.js';
import type { SplitBody } from '../../model/attendance.js';
import { GONGWEN_STYLES } from './gongwen-styles.js';
import type { Document, Heading } from '../../model/document.js';
import type { StyleSpec } from '../../style/spec.js';
import { mmToTwips } from '../../style/spec.js';
import { titleLines } from '../../model/title-lines.js';
import { charsToTwips, type DocxGeometry } from './geometry.js';
import type { ClosingBlock } from '../../model/closing.js';
import { gridWidth } from '../../text/width.js';
import { inlineRuns, textRuns } from './inline.js';
import { blankRow, bodyBlocks, bodyContext } from './blocks.js';
import { STYLES } from './styles.js';

function blankRows(count = 0, keepNext = false): Paragraph[] {
  return Array.from({ length: count }, () => (keepNext ? new Paragraph({ style: STYLES.body.id, keepNext: true }) : blankRow()));
}

/**
 * Printed lines of a centred title: its width (Han characters one em, ASCII half) over the width
 * left between its indents. An estimate — used only to give back the points each line was
 * tightened by, so a misjudged line costs one `lineTightenPt`, never a row.
 */
export function printedLineCount(title: string, spec: StyleSpec, geometry: DocxGeometry): number {
  const element = spec.elements.title;
  const room = geometry.textWidth - charsToTwips(geometry, (element.leftChars ?? 0) + (element.rightChars ?? 0));
  const em = element.sizePt * 20;
  return title.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil((gridWidth(line) * em) / room)), 0);
}

/** A title (the document's or an attachment's) broken where the PDF breaks it: words whole, lines balanced (§7.3.1). */
export function titleParagraph(text: string, spec: StyleSpec, geometry: DocxGeometry, keepNext?: boolean): Paragraph {
  const tighten = Math.round((spec.elements.title.lineTightenPt ?? 0) * 20);
  const lines = titleLines(text, spec).join('\n');
  return new Paragraph({
    style: STYLES.title.id,
    keepNext,
    spacing: tighten ? { after: tighten * printedLineCount(lines, spec, geometry) } : undefined,
    children: textRuns(lines),
  });
}

/** Title, the blank rows after it, and the recipient line with its full-width colon. */
export function openingParagraphs(doc: Document, spec: StyleSpec, geometry: DocxGeometry): Paragraph[] {
  const title = spec.elements.title;
  const out = [
    ...blankRows(title.blankRowsBefore),
    titleParagraph(doc.title, spec, geometry),
    ...blankRows(title.blankRowsAfter),
  ];
  if (doc.recipient) out.push(new Paragraph({ style: STYLES.recipient.id, children: textRuns(doc.recipient) }));
  return out;
}

/** 附件说明 lines as the closing block decided them, kept on the page of the body's last lines. */
export function attachmentParagraphs(doc: Document, spec: StyleSpec, geometry: DocxGeometry, closing: ClosingBlock): Paragraph[] {
  if (closing.attachments.length === 0) return [];
  const element = spec.elements.attachment;
  const labelStart = element.leftChars ?? 0;
  // The 附件说明 and the signature block stay on the page of the body's last lines (§7.3.5.5):
  // never a page holding only them.
  const followed = closing.signature.length > 0 || closing.date !== undefined;
  return [
    ...blankRows(element.blankRowsBefore, true),
    ...closing.attachments.map((line, i) => new Paragraph({
      style: STYLES.attachment.id,
      keepNext: followed || i < closing.attachments.length - 1,
      indent: { left: charsToTwips(geometry, labelStart + line.restIndentChars), hanging: charsToTwips(geometry, line.restIndentChars - line.firstIndentChars) },
      children: textRuns(line.text),
    })),
  ];
}

/** 署名 and 成文日期, each set from the column the closing block chose for its first character. */
export function closingParagraphs(spec: StyleSpec, geometry: DocxGeometry, closing: ClosingBlock): Paragraph[] {
  if (closing.signature.length === 0 && !closing.date) return [];
  const out = blankRows(spec.elements.signature.blankRowsBefore, true);
  closing.signature.forEach((line, i) => {
    out.push(new Paragraph({ style: STYLES.signature.id, keepNext: closing.date !== undefined || i < closing.signature.length - 1, alignment: AlignmentType.LEFT, indent: { left: charsToTwips(geometry, line.startChars), right: 0 }, children: textRuns(line.text) }));
  });
  if (closing.date) {
    out.push(new Paragraph({ style: STYLES.date.id, keepNext: closing.note !== undefined || undefined, alignment: AlignmentType.LEFT, indent: { left: charsToTwips(geometry, closing.date.startChars), right: 0 }, children: textRuns(closing.date.text) }));
  }
  return out;
}

/** 出席, 请假, 列席 (§10.3) as model/attendance.ts took them from the body: the label in its face, wrapped lines under the names. */
export function attendanceParagraphs(split: SplitBody, spec: StyleSpec, geometry: DocxGeometry): Paragraph[] {
  const style = split.spec;
  if (!style || split.attendance.length === 0) return [];
  const family = spec.fonts[style.labelFont];
  return [
    ...blankRows(style.blankRowsBefore, true),
    ...split.attendance.map((line) => new Paragraph({
      style: STYLES.body.id,
      keepNext: true,
      indent: { left: charsToTwips(geometry, line.restIndentChars), hanging: charsToTwips(geometry, line.restIndentChars - style.leftChars) },
      children: [
        new TextRun({ text: line.label, font: { ascii: family.latin, hAnsi: family.latin, eastAsia: family.family, cs: family.latin, hint: 'eastAsia' } }),
        ...textRuns(line.names),
      ],
    })),
  ];
}

/** 附注 on the row after the 成文日期 (§7.3.6), or after a blank row when there is no 署名 or date. */
export function noteParagraphs(spec: StyleSpec, geometry: DocxGeometry, closing: ClosingBlock): Paragraph[] {
  if (!closing.note) return [];
  const alone = closing.signature.length === 0 && !closing.date;
  return [
    ...(alone ? blankRows(spec.elements.signature.blankRowsBefore, true) : []),
    new Paragraph({ style: GONGWEN_STYLES.note.id, children: textRuns(closing.note.text) }),
  ];
}

/**
 * 附件 pages (§7.3.7): 附件N on the first row of a new page, the title from `titleRow`, blank rows,
 * then the attachment's text. Its headings print their numbers as text: Word's one heading list
 * would count on from the body's.
 */
export function attachmentPageParagraphs(doc: Document, spec: StyleSpec, geometry: DocxGeometry): Array<Paragraph | Table> {
  const pages = doc.attachmentPages ?? [];
  if (pages.length === 0) return [];
  const page = attachmentPageSpec(spec);
  return pages.flatMap((attachment) => {
    const context = bodyContext(attachment.body, geometry, spec);
    const numbered = new Map([...context.numbered.keys()].map((heading) => [heading, false]));
    return [
      new Paragraph({ style: GONGWEN_STYLES.attachmentLabel.id, pageBreakBefore: true, keepNext: true, children: textRuns(attachmentLabel(doc, attachment, page)) }),
      ...blankRows(page.titleRow - 1, true),
      titleParagraph(attachment.title, spec, geometry, true),
      ...blankRows(page.blankRowsAfterTitle, true),
      ...attachment.body.flatMap((block) => (block.kind === 'heading' ? [attachmentHeading(block, spec, geometry)] : bodyBlocks([block], { ...context, numbered }))),
    ];
  });
}

/**
 * A heading of an attachment, its number as text (Word's one heading list would count on from the
 * body's) and its indent set on it: without a list LibreOffice drops the style's first-line indent.
 */
function attachmentHeading(heading: Heading, spec: StyleSpec, geometry: DocxGeometry): Paragraph {
  const element = spec.elements[`heading${heading.level}`];
  return new Paragraph({
    style: STYLES[`heading${heading.level}`].id,
    indent: { left: 0, firstLine: charsToTwips(geometry, element.firstLineChars ?? 0) },
    numbering: false,
    children: [...textRuns(heading.number), ...inlineRuns(heading.content)],
  } as ConstructorParameters<typeof Paragraph>[0]);
}

/**
 * Footer distance from the paper's bottom edge so that the dash line of `— N —` lies
 * `dashBelowTextAreaMm` below the text area. The footer line is exactly one page-number em high,
 * and a CJK face centres the dash in its em box: the dash sits half a line above the footer's
 * bottom edge.
 */
export function footerDistance(spec: StyleSpec): number {
  const dashFromBottom = mmToTwips(spec.page.marginBottomMm - spec.pageNumber.dashBelowTextAreaMm);
  return Math.round(dashFromBottom - (spec.pageNumber.sizePt * 20) / 2);
}

/** `— N —` in 4号宋体, odd pages right and even pages left, one character in from the edge. */
export function pageNumberFooter(spec: StyleSpec, side: 'odd' | 'even'): Footer {
  const [before, after] = spec.pageNumber.format.split('{n}');
  const indent = Math.round(spec.pageNumber.outerIndentChars * spec.pageNumber.sizePt * 20);
  const family = spec.fonts[spec.pageNumber.font];
  const font = { ascii: family.latin, hAnsi: family.latin, eastAsia: family.family, cs: family.latin, hint: 'eastAsia' };
  return new Footer({
    children: [new Paragraph({
      style: STYLES.pageNumber.id,
      alignment: side === 'odd' ? 'right' : 'left',
      indent: side === 'odd' ? { right: indent } : { left: indent },
      children: [new TextRun({ font, children: [before, PageNumber.CURRENT, after] })],
    })],
  });
}
