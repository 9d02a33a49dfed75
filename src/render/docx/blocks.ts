/**
 * Body blocks of the document model → docx paragraphs and tables. Each paragraph names its
 * style (styles.ts) and carries direct formatting only where the model asks for it: a column's
 * alignment, a list's depth, a heading whose number Word cannot produce by itself.
 */
import { AlignmentType, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { Block, Heading, ListBlock, Table as TableBlock } from '../../model/document.js';
import { charsToTwips, type DocxGeometry } from './geometry.js';
import { planTable } from '../../model/table-plan.js';
import { imageRun } from './images.js';
import type { StyleSpec } from '../../style/spec.js';
import { inlineRuns, needsEastAsiaHint } from './inline.js';
import { wordNumberingMatches } from './numbering.js';
import { STYLES, TABLE_STYLE, tableTextStyle } from './styles.js';

export interface BodyContext {
  geometry: DocxGeometry;
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

export function bodyBlocks(blocks: Block[], context: BodyContext, paragraphStyle: string = STYLES.body.id, options: { keepLastWithNext?: boolean } = {}): Array<Paragraph | Table> {
  return blocks.flatMap((block, i) => {
    // The body's last paragraph keeps its last lines with the signature block that follows.
    if (options.keepLastWithNext && i === blocks.length - 1 && block.kind === 'paragraph') {
      return [new Paragraph({ style: paragraphStyle, keepNext: true, children: inlineRuns(block.content) })];
    }
    return bodyBlock(block, context, paragraphStyle);
  });
}

function bodyBlock(block: Block, context: BodyContext, paragraphStyle: string): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ style: paragraphStyle, children: inlineRuns(block.content) })];
    case 'heading':
      return [heading(block, context)];
    case 'table':
      return [table(block, context)];
    case 'list':
      return list(block, context, 0);
    case 'quote':
      return bodyBlocks(block.blocks, context, STYLES.quote.id);
    case 'image':
      return [new Paragraph({ style: STYLES.image.id, children: [imageRun(block, context.spec)] })];
    case 'thematicBreak':
      // 公文 have no rules; a scene break becomes one blank row, which keeps the grid.
      return [blankRow()];
  }
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
