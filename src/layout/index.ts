/**
 * The layout engine: Document + StyleSpec + font metrics → pages of positioned glyphs on the
 * GB/T 9704 grid (22 rows × 28 cells in the 156 × 225 mm text area), with page numbers.
 * Pure: no files, no PDF calls; the PDF writer only draws what this returns.
 */
import { closingBlock } from '../model/closing.js';
import type { Block, Document } from '../model/document.js';
import { gridMetrics, type StyleSpec } from '../style/spec.js';
import { BlockBuilder, drawRow } from './blocks.js';
import { breakUnits, buildUnits } from './breaker.js';
import { paginate, type FlowGroup, type PageCanvas } from './flow.js';
import { attendanceGroup, mastheadGroup, tailGroups, withNote } from './gongwen-parts.js';
import { splitAttendance } from '../model/attendance.js';
import { planMasthead } from '../model/masthead.js';
import type { LayoutOptions, LayoutPage, LayoutResult } from './types.js';

export type * from './types.js';
export { breakParagraph, buildUnits, breakUnits, type TextSpan, type ParagraphShape, type BrokenRow } from './breaker.js';

export function layoutDocument(doc: Document, spec: StyleSpec, options: LayoutOptions): LayoutResult {
  const grid = gridMetrics(spec);
  const warnings: LayoutResult['warnings'] = [];
  const builder = new BlockBuilder({ spec, grid, fonts: options.fonts, warnings });
  const groups: FlowGroup[] = [];
  const masthead = doc.masthead ? planMasthead(doc.masthead, spec) : undefined;
  if (masthead) groups.push(mastheadGroup(builder, masthead));
  if (doc.title || doc.recipient) groups.push(builder.title(doc));
  const split = splitAttendance(doc.body, spec);
  groups.push(...builder.blocks(split.body));
  const closing = closingBlock(doc, spec);
  const attachments = builder.attachments(closing);
  if (attachments) groups.push(attachments);
  const attendance = attendanceGroup(builder, split, grid);
  if (attendance) groups.push(attendance);
  const signature = withNote(builder, builder.signature(closing), closing, spec);
  if (signature) groups.push(signature);
  groups.push(...tailGroups(builder, doc, spec));

  const pagination = paginate(groups, spec.grid.rows);
  // 信函格式: no page number on page 1 (§10.1); a blank page before the 版记 page: none on either (§7.5)
  const unnumbered = [...(masthead && !masthead.pageNumberOnFirstPage ? [0] : []), ...pagination.unnumbered];
  const pages: LayoutPage[] = pagination.pages.map((entries, index) => {
    const canvas: PageCanvas = { grid, runs: [], highlights: [], rules: [], images: [], bookmarks: [], rows: [] };
    let row = 0;
    for (const { item } of entries) {
      item.place(canvas, row);
      row += item.rows;
    }
    const { grid: _grid, ...content } = canvas;
    return { number: index + 1, ...content, pageNumber: [] };
  });
  for (const page of pages) if (!unnumbered.includes(page.number - 1)) page.pageNumber = pageNumberRun(page.number, spec, options, grid);
  const keep = pagination.closingKeep;
  const keptGroup = keep ? groups[keep.group] : undefined;
  const closingKeep = keep && keptGroup?.block
    ? { block: keptGroup.block as Block, fromRow: keep.fromItem, rowsBefore: keptGroup.items.slice(0, keep.fromItem).map((item) => item.text ?? ''), imageRows: keep.imageRows }
    : undefined;
  return { pages, grid, warnings, closingKeep, colophon: pagination.pageFoot, unnumberedPages: unnumbered.length > 0 ? unnumbered : undefined };
}

/** `— N —` in 4号 宋体: odd pages one 字 in from the right, even pages one 字 in from the left,
 * the dashes 7 mm below the text area (GB/T 9704 §7.5). */
function pageNumberRun(n: number, spec: StyleSpec, options: LayoutOptions, grid: ReturnType<typeof gridMetrics>) {
  const style = spec.pageNumber;
  const text = style.format.replace('{n}', String(n));
  const units = buildUnits([{ text, role: style.font, size: style.sizePt }], {
    fonts: options.fonts, cellWidth: (size) => size, latinGapEm: 0, missing: (ch) => ch, policy: 'clreq',
  });
  const [row] = breakUnits(units, { width: 1e6, firstIndent: 0, restIndent: 0, align: 'left' });
  const indent = style.outerIndentChars * style.sizePt;
  const textRight = grid.textLeftPt + grid.textWidthPt;
  const x = n % 2 === 1 ? textRight - indent - row.right : grid.textLeftPt + indent;
  const dash = options.fonts.primary(style.font).glyph(style.dash);
  const dashTop = grid.textTopPt + grid.textHeightPt + (style.dashBelowTextAreaMm * 72) / 25.4;
  const baseline = dashTop + (dash?.inkTop ?? 0.35) * style.sizePt;
  const page = { runs: [] as LayoutPage['runs'], highlights: [] };
  drawRow(page, row, x, baseline);
  return page.runs;
}
