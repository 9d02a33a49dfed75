/**
 * Body blocks of the document model → docx paragraphs and tables. Each paragraph names its
 * style (styles.ts) and carries direct formatting only where the model asks for it: a column's
 * alignment, a list's depth, a heading whose number Word cannot produce by itself.
 */
import { AlignmentType, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { inlineText, type Block, type Caption, type Chart, type Heading, type Image, type Inline, type ListBlock, type Table as TableBlock } from '../../model/document.js';
import { captionInlines } from '../../model/caption.js';
import { chartRun } from './chart.js';
import type { LayoutResult } from '../../layout/types.js';
import { printedWidth } from '../../text/width.js';
import { charsToTwips, type DocxGeometry } from './geometry.js';
import { planTable } from '../../model/table-plan.js';
import { imageRun } from './images.js';
import type { StyleSpec } from '../../style/spec.js';
import { inlineRuns, needsEastAsiaHint } from './inline.js';
import { wordNumberingMatches } from './numbering.js';
import { STYLES, TABLE_STYLE, tableTextStyle } from './styles.js';

export interface BodyContext {
  geometry: DocxGeometry;
  /** A table's rows from this index on keep with the closing block (set for that table only). */
  keepTableRowsFrom?: number;
  spec: StyleSpec;
  /** Per heading, in document order: may Word's numbering print its number? */
  numbered: Map<Heading, boolean>;
}

export function bodyContext(blocks: Block[], geometry: DocxGeometry, spec: StyleSpec): BodyContext {
  const headings: Heading[] = [];
  const collect = (list: Block[]): void => {
    for (const block of list) {
      if (block.kind === 'heading') headings.push(block);
      else if (block.kind === 'quote') collect(block.blocks);
      else if (block.kind === 'list') block.items.forEach(collect);
    }
  };
  collect(blocks);
  const matches = wordNumberingMatches(headings);
  return { geometry, spec, numbered: new Map(headings.map((heading, i) => [heading, matches[i]])) };
}

export function blankRow(): Paragraph {
  return new Paragraph({ style: STYLES.body.id });
}

/** How the body's end keeps with the closing block (附件说明, 署名, 成文日期) that follows it. */
export interface ClosingKeepOptions {
  /** There is a closing block after the body. */
  closing: boolean;
  /** What the layout moved down with the closing block (layout/types.ts LayoutResult.closingKeep). */
  keep?: LayoutResult['closingKeep'];
}

export function bodyBlocks(blocks: Block[], context: BodyContext, paragraphStyle: string = STYLES.body.id, options?: ClosingKeepOptions): Array<Paragraph | Table> {
  // the body's last block is its last one that prints: a `---` after it is a blank row only
  let end = blocks.length - 1;
  while (end > 0 && blocks[end].kind === 'thematicBreak') end--;
  return blocks.flatMap((block, i) => {
    const last = i === end;
    if (options?.keep?.block === block) return keptWithClosing(block, context, paragraphStyle, options.keep);
    // a blank row between the body's end and the closing block goes over with them, as in the layout
    if (options?.closing && i > end && block.kind === 'thematicBreak') return [new Paragraph({ style: STYLES.body.id, keepNext: true })];
    // a figure ending the body is no body text: it keeps with the closing block, as in the layout
    if (options?.closing && last && (block.kind === 'image' || block.kind === 'chart')) return figureKeptWithClosing(block, context.spec);
    // A short last paragraph goes over with the closing block should a renderer paginate
    // differently from our layout; a long one is split only where the layout said (above).
    if (options?.closing && last && block.kind === 'paragraph' && printedWidth(inlineText(block.content), 0) <= 3 * context.spec.grid.charsPerRow) {
      return [new Paragraph({ style: paragraphStyle, keepNext: true, children: inlineRuns(block.content) })];
    }
    return bodyBlock(block, context, paragraphStyle);
  });
}

/**
 * The body's end as the layout moved it to the closing block's page, asked of Word, WPS and
 * LibreOffice too: a paragraph split where its rows went over (the rows left behind are full, so
 * they are set justified to the last, `distribute`), the rest kept with the closing block; a
 * table's last rows kept with it; an image kept with it.
 */
function keptWithClosing(block: Block, context: BodyContext, paragraphStyle: string, keep: NonNullable<LayoutResult['closingKeep']>): Array<Paragraph | Table> {
  if (block.kind === 'paragraph' && keep.fromRow > 0) {
    const [head, tail] = splitInlines(block.content, offsetAfterRows(inlineText(block.content), keep.rowsBefore));
    return [
      new Paragraph({ style: paragraphStyle, alignment: AlignmentType.DISTRIBUTE, children: inlineRuns(head) }),
      new Paragraph({ style: paragraphStyle, keepNext: true, indent: { firstLine: 0 }, children: inlineRuns(tail) }),
    ];
  }
  if (block.kind === 'paragraph') return [new Paragraph({ style: paragraphStyle, keepNext: true, children: inlineRuns(block.content) })];
  if (block.kind === 'image' || block.kind === 'chart') return figureKeptWithClosing(block, context.spec, keep.imageRows);
  return bodyBlock(block, { ...context, keepTableRowsFrom: block.kind === 'table' ? keep.fromRow : undefined }, paragraphStyle);
}

/** An image or chart (`imageRows` tall when the layout set it smaller) and its caption, kept with what follows. */
function figureKeptWithClosing(block: Image | Chart, spec: StyleSpec, imageRows?: number): Paragraph[] {
  // a chart's rows reach its part through numberCharts (the chart part is written apart)
  const run = block.kind === 'image' ? imageRun(block, spec, imageRows) : chartRun(block, spec);
  return [new Paragraph({ style: STYLES.image.id, keepNext: true, children: [run] }), ...captionParagraphs(block.caption, true)];
}

/** Offset in `text` just after the printed rows `rows` (rows drop the spaces they were broken at). */
function offsetAfterRows(text: string, rows: string[]): number {
  let at = 0;
  for (const row of rows) {
    const found = text.indexOf(row, at);
    at = (found === -1 ? at : found) + row.length;
  }
  return at;
}

function splitInlines(content: Inline[], offset: number): [Inline[], Inline[]] {
  const head: Inline[] = [];
  const tail: Inline[] = [];
  let seen = 0;
  for (const run of content) {
    const length = run.kind === 'text' ? run.text.length : 1;
    if (seen + length <= offset) head.push(run);
    else if (seen >= offset) tail.push(run);
    else if (run.kind === 'text') {
      head.push({ ...run, text: run.text.slice(0, offset - seen) });
      tail.push({ ...run, text: run.text.slice(offset - seen).replace(/^\s+/, '') });
    }
    seen += length;
  }
  return [head, tail];
}

function bodyBlock(block: Block, context: BodyContext, paragraphStyle: string): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ style: paragraphStyle, children: inlineRuns(block.content) })];
    case 'heading':
      return [heading(block, context)];
    case 'table':
      return [...captionParagraphs(block.caption, true), table(block, context)];
    case 'list':
      return list(block, context, 0);
    case 'quote':
      return bodyBlocks(block.blocks, context, STYLES.quote.id);
    case 'image':
      return [new Paragraph({ style: STYLES.image.id, keepNext: block.caption ? true : undefined, children: [imageRun(block, context.spec)] }), ...captionParagraphs(block.caption)];
    case 'chart':
      // a native chart on the rows the shared geometry gives it, kept with its caption below
      return [
        new Paragraph({ style: STYLES.image.id, keepNext: block.caption ? true : undefined, children: [chartRun(block, context.spec)] }),
        ...captionParagraphs(block.caption),
      ];
    case 'thematicBreak':
      // 公文 have no rules; a scene break becomes one blank row, which keeps the grid.
      return [blankRow()];
  }
}

/** 表N/图N and the title in the caption style (题注); a table's keeps with the table below it (and a figure's with the closing block, when the layout moved them together). */
function captionParagraphs(caption: Caption | undefined, keepNext = false): Paragraph[] {
  if (!caption) return [];
  return [new Paragraph({ style: STYLES.caption.id, keepNext: keepNext || undefined, children: inlineRuns(captionInlines(caption)) })];
}

function heading(block: Heading, context: BodyContext): Paragraph {
  const style = STYLES[`heading${block.level}`].id;
  if (context.numbered.get(block) !== false) return new Paragraph({ style, children: inlineRuns(block.content) });
  // Word would count this heading differently from the model: print the model's number as text.
  const number = new TextRun({ text: block.number, font: needsEastAsiaHint(block.number) ? { hint: 'eastAsia' } : undefined });
  return new Paragraph({ style, numbering: false, children: [number, ...inlineRuns(block.content)] } as ConstructorParameters<typeof Paragraph>[0]);
}

function list(block: ListBlock, context: BodyContext, depth: number): Paragraph[] {
  const { geometry } = context;
  const out: Paragraph[] = [];
  block.items.forEach((item, i) => {
    const marker = block.ordered ? `${block.start + i}.` : '•';
    let first = true;
    for (const child of item) {
      if (child.kind === 'list') {
        out.push(...list(child, context, depth + 1));
        continue;
      }
      if (child.kind !== 'paragraph') {
        out.push(...(bodyBlock(child, context, STYLES.list.id) as Paragraph[]));
        continue;
      }
      // Items sit like body paragraphs (2 characters in), nested items 2 characters further per level.
      const indent = depth > 0 ? { left: charsToTwips(geometry, 2 * depth) } : undefined;
      const runs = inlineRuns(child.content);
      if (first) runs.unshift(new TextRun({ text: marker, font: needsEastAsiaHint(marker) ? { hint: 'eastAsia' } : undefined }));
      out.push(new Paragraph({ style: STYLES.list.id, indent, children: runs }));
      first = false;
    }
  });
  return out;
}

const CELL_ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * The plan's column widths (points) in whole twips, rounded at the column edges so they add up
 * to the text width exactly and each is within a twip of the PDF's.
 */
export function columnWidths(widthsPt: number[], textWidth: number): number[] {
  const total = widthsPt.reduce((a, b) => a + b, 0);
  let sum = 0;
  const edges = widthsPt.map((w) => Math.round(((sum += w) / total) * textWidth));
  return edges.map((edge, c) => edge - (c === 0 ? 0 : edges[c - 1]));
}

/**
 * A table as the shared plan (model/table-plan) decided it: the same widths as the PDF, the planned
 * type size (its table text style) and the planned lines. Each row is exactly its planned grid
 * rows tall: LibreOffice adds the border to a row that grows with its text, which moves every line
 * after it off the grid. Lines are one grid row each (the table text styles) from the top of the
 * cell, so every line of a cell sits on the grid.
 */
function table(block: TableBlock, context: BodyContext): Table {
  const { geometry, spec } = context;
  const plan = planTable(block, spec);
  const widths = columnWidths(plan.widthsPt, geometry.textWidth);
  const padding = charsToTwips(geometry, spec.typography.tableCellPaddingChars);
  // LibreOffice sets an exact line's baseline at 80 % of the row for any size; lower smaller type
  // so its descender meets the body's, where the PDF puts it (the row height stays exact).
  const drop = Math.max(0, Math.round(spec.table.descenderEm * (spec.elements.body.sizePt - plan.sizePt) * 20));
  // LibreOffice sets the table's top rule above its first row, outside the row heights: the first
  // row (and the header row repeated on later pages) gives it back, so the table ends on the grid.
  // Without that the table outgrows the page's last row by the rule, and a table that then has
  // room for its header alone at the page foot loses the rows after it (LibreOffice 7.4).
  const rule = Math.round(spec.typography.tableRuleWidthPt * 20);
  const rows = plan.rows.map((row, r) => new TableRow({
    tableHeader: row.header || undefined,
    cantSplit: true,
    height: { value: row.lines * geometry.linePitch - (r === 0 ? rule : 0), rule: HeightRule.EXACT },
    children: row.cells.map((cell, c) => new TableCell({
      width: { size: widths[c], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      children: [new Paragraph({
        style: tableTextStyle(spec, plan.sizePt, row.header).id,
        keepNext: context.keepTableRowsFrom !== undefined && r >= context.keepTableRowsFrom ? true : undefined,
        alignment: CELL_ALIGN[cell.align],
        children: inlineRuns(cell.lines.flatMap((line, k) => (k > 0 ? [{ kind: 'break' as const }, ...line] : line))),
      })],
    })),
  }));
  return new Table({
    style: TABLE_STYLE.id,
    width: { size: geometry.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: drop, bottom: 0, left: padding, right: padding, marginUnitType: WidthType.DXA },
    rows,
  });
}
