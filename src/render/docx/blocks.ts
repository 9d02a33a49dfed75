/**
 * Body blocks of the document model → docx paragraphs and tables. Each paragraph names its
 * style (styles.ts) and carries direct formatting only where the model asks for it: a column's
 * alignment, a list's depth, a heading whose number Word cannot produce by itself.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { Block, Heading, ListBlock, Table as TableBlock } from '../../model/document.js';
import { inlineText } from '../../model/document.js';
import { charsToTwips, type DocxGeometry } from './geometry.js';
import { gridWidth } from '../../text/width.js';
import { imageRun } from './images.js';
import type { StyleSpec } from '../../style/spec.js';
import { inlineRuns, needsEastAsiaHint } from './inline.js';
import { wordNumberingMatches } from './numbering.js';
import { STYLES, TABLE_STYLE } from './styles.js';

export interface BodyContext {
  geometry: DocxGeometry;
  spec: StyleSpec;
  /** Alignment of table cells whose column the author did not align (style spec `table.align`). */
  tableAlign: 'left' | 'center' | 'right';
  /** Per heading, in document order: may Word's numbering print its number? */
  numbered: Map<Heading, boolean>;
}

export function bodyContext(blocks: Block[], geometry: DocxGeometry, spec: StyleSpec): BodyContext {
  const tableAlign = spec.elements.table.align === 'justify' ? 'left' : spec.elements.table.align;
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
  return { geometry, spec, tableAlign, numbered: new Map(headings.map((heading, i) => [heading, matches[i]])) };
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
 * Column widths in proportion to the widest cell of each column (in grid characters, at least
 * two), filling the text area exactly so the table sits flush with the body text.
 */
export function columnWidths(rows: string[][], textWidth: number): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const wants = Array.from({ length: columns }, (_, c) => Math.max(2, ...rows.map((row) => gridWidth(row[c] ?? '') + 1)));
  const total = wants.reduce((a, b) => a + b, 0);
  const widths = wants.map((want) => Math.floor((textWidth * want) / total));
  widths[widths.length - 1] += textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(block: TableBlock, context: BodyContext): Table {
  const { geometry } = context;
  const texts = block.rows.map((row) => row.map((cell) => inlineText(cell.content)));
  const widths = columnWidths(texts, geometry.textWidth);
  const rows = block.rows.map((row, r) => {
    const isHeader = block.header && r === 0;
    return new TableRow({
      tableHeader: isHeader || undefined,
      cantSplit: true,
      children: widths.map((width, c) => {
        const align = isHeader ? AlignmentType.CENTER : CELL_ALIGN[block.align[c] ?? context.tableAlign];
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [new Paragraph({
            style: isHeader ? STYLES.tableHeader.id : STYLES.table.id,
            alignment: align,
            children: inlineRuns(row[c]?.content ?? []),
          })],
        });
      }),
    });
  });
  return new Table({
    style: TABLE_STYLE.id,
    width: { size: geometry.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}
