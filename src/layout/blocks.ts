/**
 * Turns the document model's blocks into flow groups of grid rows: the title block, body
 * paragraphs and headings, lists, quotes, tables, images, 附件说明 and the signature block
 * (GB/T 9704 §7.3). Positions inside a row come from the line breaker; which page and row each
 * item lands on is decided later by pagination.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Block, Caption, Chart, Document, Image, Inline, SourcePosition, Table } from '../model/document.js';
import { captionInlines } from '../model/caption.js';
import { chartItem } from './chart.js';
import { closingBlock, type ClosingBlock } from '../model/closing.js';
import { imageBox } from '../model/image-box.js';
import { chartGeometry } from '../chart/geometry.js';
import { planTable, type PlannedRow, type TablePlan } from '../model/table-plan.js';
import { cellAdvanceTwips, type ElementKind, type ElementStyle, type FontRole, type GridMetrics, type StyleSpec } from '../style/spec.js';
import { titleLines } from '../model/title-lines.js';
import { breakParagraph, breakUnits, buildUnits, type BreakSettings, type BrokenRow, type ParagraphShape, type TextSpan } from './breaker.js';
import { blankItem, type FlowGroup, type FlowItem, type PageCanvas } from './flow.js';
import type { FaceMetrics, FontBook, GlyphRun, PlacedGlyph } from './types.js';

export interface BlockContext {
  spec: StyleSpec;
  grid: GridMetrics;
  fonts: FontBook;
  warnings: Diagnostic[];
}

const IDEOGRAPHIC_BOTTOM = 0.12; // the ideographic em box of CJK fonts runs from -0.12 to 0.88 em

export class BlockBuilder {
  /** Distance from a row's top to the line every face's descender is aligned on. */
  private readonly descentLine: number;
  private readonly warned = new Set<string>();

  constructor(private readonly ctx: BlockContext) {
    const bodySize = ctx.spec.elements.body.sizePt;
    const body = ctx.fonts.primary('body');
    // The body's ideographic em box is centred in the row; other faces and sizes put their
    // descender on the same line, so every row's text box bottom falls on the grid.
    const baseline = (ctx.grid.rowPitchPt + bodySize) / 2 - IDEOGRAPHIC_BOTTOM * bodySize;
    this.descentLine = baseline + Math.abs(body.descent) * bodySize;
  }

  cell(element: ElementKind): number {
    return this.ctx.grid.charPitchPt * (this.style(element).sizePt / this.ctx.spec.elements.body.sizePt);
  }

  style(element: ElementKind): ElementStyle {
    return this.ctx.spec.elements[element] ?? this.ctx.spec.elements.body;
  }

  settings(source?: SourcePosition): BreakSettings {
    return {
      fonts: this.ctx.fonts,
      cellWidth: (size) => cellAdvanceTwips(this.ctx.spec, size) / 20,
      latinGapEm: this.ctx.spec.typography.cjkLatinGapEm,
      policy: this.ctx.spec.typography.lineBreaking,
      missing: (ch) => {
        const key = `${ch}@${source?.file}:${source?.line}`;
        if (!this.warned.has(key)) {
          this.warned.add(key);
          const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
          this.ctx.warnings.push({
            file: source?.file ?? '(document)', line: source?.line, column: source?.column, rule: 'missing-glyph', severity: 'warning',
            message: `no font has the character "${ch}" (U+${code}); it is printed as 〓`, text: ch,
          });
        }
        return '〓';
      },
    };
  }

  spans(content: Inline[], element: ElementKind, role?: FontRole): TextSpan[] {
    const style = this.style(element);
    return content.map((run) => run.kind === 'break'
      ? { text: '\n', role: role ?? style.font, size: style.sizePt }
      : { text: run.text, role: role ?? style.font, size: style.sizePt, placeholder: run.placeholder, bold: run.bold, italic: run.italic });
  }

  /** Baseline offset from the row top for text of `role` at `size`. */
  baseline(role: FontRole, size: number): number {
    const face = this.ctx.fonts.primary(role);
    return this.descentLine - Math.abs(face.descent) * size;
  }

  /** A paragraph of one element kind as text-row items. */
  paragraph(spans: TextSpan[], element: ElementKind, source?: SourcePosition, extra: Partial<ParagraphShape> = {}, bookmark?: { title: string; level: number }): FlowItem[] {
    const style = this.style(element);
    const grid = this.ctx.grid;
    const left = (style.leftChars ?? 0) * grid.charPitchPt;
    const right = (style.rightChars ?? 0) * grid.charPitchPt;
    const shape: ParagraphShape = {
      width: grid.textWidthPt - left - right,
      firstIndent: (style.firstLineChars ?? 0) * grid.charPitchPt,
      restIndent: 0,
      align: style.align,
      ...extra,
    };
    const rows = breakParagraph(spans, shape, this.settings(source));
    return rows.map((row, i) => this.textRow(row, grid.textLeftPt + left, style.font, style.sizePt, element, i === 0 ? bookmark : undefined));
  }

  textRow(row: BrokenRow, columnLeft: number, role: FontRole, size: number, element: string, bookmark?: { title: string; level: number }): FlowItem {
    const baseline = this.baseline(role, size);
    const grid = this.ctx.grid;
    return {
      rows: 1,
      text: row.text,
      place: (page: PageCanvas, r: number) => {
        const top = grid.textTopPt + r * grid.rowPitchPt;
        drawRow(page, row, columnLeft, top + baseline, this.ctx.spec.typography.placeholderColor);
        page.rows.push({ row: r, element, text: row.text, left: columnLeft + row.left, right: columnLeft + row.right, baseline: top + baseline, continued: row.continued });
        if (bookmark) page.bookmarks.push({ ...bookmark, y: top });
      },
    };
  }

  /** The natural width of a short text set on one row (for the signature block). */
  singleRow(text: string, element: ElementKind, source?: SourcePosition): BrokenRow {
    const style = this.style(element);
    const units = buildUnits([{ text, role: style.font, size: style.sizePt }], this.settings(source));
    return breakUnits(units, { width: 1e6, firstIndent: 0, restIndent: 0, align: 'left' })[0] ?? { units: [], left: 0, right: 0, continued: false, text: '' };
  }

  title(doc: Document): FlowGroup {
    const items: FlowItem[] = [];
    // The same line breaks as the DOCX: words whole, lines balanced (§7.3.1).
    for (const line of titleLines(doc.title, this.ctx.spec)) {
      items.push(...this.paragraph([{ text: line, role: this.style('title').font, size: this.style('title').sizePt }], 'title'));
    }
    for (let i = 0; i < (this.style('title').blankRowsAfter ?? 0); i++) items.push(blankItem());
    if (doc.recipient) items.push(...this.paragraph(this.spans([{ kind: 'text', text: doc.recipient }], 'recipient'), 'recipient'));
    return { kind: 'title', items, keepWithNext: true, keepTogether: true };
  }

  blocks(blocks: Block[], element: ElementKind = 'body', level = 0): FlowGroup[] {
    const groups: FlowGroup[] = [];
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
          groups.push({ kind: 'text', items: this.paragraph(this.spans(block.content, element), element, block.source, this.listIndent(level)), block });
          break;
        case 'heading': {
          const kind = `heading${block.level}` as ElementKind;
          const text = block.number + block.content.map((r) => (r.kind === 'text' ? r.text : '')).join('');
          const spans = [{ text: block.number, role: this.style(kind).font, size: this.style(kind).sizePt }, ...this.spans(block.content, kind)];
          groups.push({ kind: 'heading', items: this.paragraph(spans, kind, block.source, {}, { title: text, level: block.level }), keepWithNext: true, keepTogether: true });
          break;
        }
        case 'list':
          block.items.forEach((item, i) => {
            const marker = block.ordered ? `${block.start + i}.` : '•';
            const [head, ...rest] = item;
            if (head?.kind === 'paragraph') {
              const spans = [{ text: marker, role: this.style(element).font, size: this.style(element).sizePt }, ...this.spans(head.content, element)];
              groups.push({ kind: 'text', items: this.paragraph(spans, element, head.source, this.listIndent(level)) });
              groups.push(...this.blocks(rest, element, level + 1));
            } else {
              groups.push(...this.blocks(item, element, level + 1));
            }
          });
          break;
        case 'quote':
          groups.push(...this.blocks(block.blocks, 'quote', level));
          break;
        case 'table':
          if (block.caption) groups.push({ ...this.caption(block.caption), keepWithNext: true });
          groups.push({ ...this.table(block), block });
          break;
        case 'image': {
          groups.push({ ...this.image(block), block, ...(block.caption ? { keepWithNext: true } : {}) });
          // the caption names its figure, so the DOCX learns when both went over with the closing block
          if (block.caption) groups.push({ ...this.caption(block.caption), block, figureCaption: true });
          break;
        }
        case 'chart':
          groups.push({ ...this.chart(block), block, ...(block.caption ? { keepWithNext: true } : {}) });
          if (block.caption) groups.push({ ...this.caption(block.caption), block, figureCaption: true });
          break;
        case 'thematicBreak':
          groups.push({ kind: 'blank', items: [blankItem()] });
          break;
      }
    }
    return groups;
  }

  private listIndent(level: number): Partial<ParagraphShape> {
    if (level === 0) return {};
    const pitch = this.ctx.grid.charPitchPt;
    return { firstIndent: (2 + 2 * level) * pitch, restIndent: 2 * level * pitch };
  }

  /** 附件说明 as the closing block decided it: label, numbers and wrapped lines under the names. */
  attachments(closing: ClosingBlock): FlowGroup | null {
    if (closing.attachments.length === 0) return null;
    const style = this.style('attachment');
    const pitch = this.ctx.grid.charPitchPt;
    const items: FlowItem[] = [];
    for (let i = 0; i < (style.blankRowsBefore ?? 0); i++) items.push(blankItem());
    for (const line of closing.attachments) {
      const spans = [{ text: line.text, role: style.font, size: style.sizePt }];
      items.push(...this.paragraph(spans, 'attachment', undefined, { firstIndent: line.firstIndentChars * pitch, restIndent: line.restIndentChars * pitch }));
    }
    return { kind: 'attachments', items, keepTogether: true };
  }

  /** 署名 and 成文日期, each starting in the column the closing block chose (§7.3.5.2). */
  signature(closing: ClosingBlock): FlowGroup | null {
    if (closing.signature.length === 0 && !closing.date) return null;
    const sig = this.style('signature');
    const date = this.style('date');
    const grid = this.ctx.grid;
    const startAt = (chars: number) => grid.textLeftPt + chars * grid.charPitchPt;
    const items: FlowItem[] = [];
    for (let i = 0; i < (sig.blankRowsBefore ?? 0); i++) items.push(blankItem());
    for (const line of closing.signature) {
      const row = this.singleRow(line.text, 'signature');
      items.push(this.textRow(row, startAt(line.startChars), sig.font, sig.sizePt, 'signature'));
    }
    if (closing.date) {
      const row = this.singleRow(closing.date.text, 'date');
      items.push(this.textRow(row, startAt(closing.date.startChars), date.font, date.sizePt, 'date'));
    }
    return { kind: 'signature', items, keepTogether: true, keepWithPrevious: true };
  }

  /** A table as the shared plan (model/table-plan) decided it: widths, type size, lines. */
  table(table: Table): FlowGroup {
    const plan = planTable(table, this.ctx.spec);
    const settings = this.settings(table.source);
    if (!plan.fits) {
      const at = table.source;
      this.ctx.warnings.push({
        file: at?.file ?? '(document)', line: at?.line, column: at?.column, rule: 'table-too-wide', severity: 'warning',
        message: `a table of ${plan.widthsPt.length} columns is too wide for the page even at ${plan.sizePt} pt: figures may wrap (split it or shorten its heads)`,
      });
    }
    const items = plan.rows.map((row) => this.tableRow(row, plan, settings));
    // 续表: the header row is set again at the top of every page the table continues on.
    return { kind: 'table', items, repeatOnNewPage: table.header ? items[0] : undefined };
  }

  /** One table row: each cell's planned lines set on whole grid rows from the row's top. */
  private tableRow(row: PlannedRow, plan: TablePlan, settings: BreakSettings): FlowItem {
    const grid = this.ctx.grid;
    const pad = plan.paddingPt;
    const ruleWidth = this.ctx.spec.typography.tableRuleWidthPt;
    // Header cells in the level-1 heading face (黑体), the usual 公文 table head.
    const role: FontRole = row.header ? 'heading1' : this.style('table').font;
    let x = 0;
    const cells = row.cells.map((cell, c) => {
      const width = plan.widthsPt[c];
      const spans: TextSpan[] = cell.lines.flatMap((line, k) => [
        ...(k > 0 ? [{ text: '\n', role, size: plan.sizePt }] : []),
        ...line.map((run) => ({ text: run.kind === 'text' ? run.text : '\n', role, size: plan.sizePt, placeholder: run.kind === 'text' && run.placeholder })),
      ]);
      const rows = spans.length ? breakParagraph(spans, { width: width - 2 * pad, firstIndent: 0, restIndent: 0, align: cell.align }, settings) : [];
      const placed = { x, width, rows };
      x += width;
      return placed;
    });
    const height = Math.max(row.lines, ...cells.map((c) => c.rows.length));
    const baseline = this.baseline(role, plan.sizePt);
    return {
      rows: height,
      place: (page: PageCanvas, r: number) => {
        const top = grid.textTopPt + r * grid.rowPitchPt;
        const bottom = top + height * grid.rowPitchPt;
        const left = grid.textLeftPt;
        const right = left + grid.textWidthPt;
        page.rules.push({ x1: left, y1: top, x2: right, y2: top, width: ruleWidth });
        page.rules.push({ x1: left, y1: bottom, x2: right, y2: bottom, width: ruleWidth });
        for (const cell of cells) page.rules.push({ x1: left + cell.x, y1: top, x2: left + cell.x, y2: bottom, width: ruleWidth });
        page.rules.push({ x1: right, y1: top, x2: right, y2: bottom, width: ruleWidth });
        for (let k = 0; k < height; k++) {
          const y = top + k * grid.rowPitchPt + baseline;
          const printed = cells.filter((cell) => cell.rows[k]);
          for (const cell of printed) drawRow(page, cell.rows[k], left + cell.x + pad, y, this.ctx.spec.typography.placeholderColor);
          if (printed.length === 0) continue;
          page.rows.push({
            row: r + k, element: 'table', text: printed.map((cell) => cell.rows[k].text).join(' '),
            left: Math.min(...printed.map((cell) => left + cell.x + pad + cell.rows[k].left)),
            right: Math.max(...printed.map((cell) => left + cell.x + pad + cell.rows[k].right)),
            baseline: y, continued: false,
          });
        }
      },
    };
  }

  /** A chart on the whole grid rows its geometry takes (src/chart/geometry.ts), like an image. */
  chart(chart: Chart): FlowGroup {
    if (!chartGeometry(chart, this.ctx.spec).labelsFit) {
      const at = chart.source;
      this.ctx.warnings.push({
        file: at?.file ?? '(document)', line: at?.line, column: at?.column, rule: 'chart-labels-too-long', severity: 'warning',
        message: `chart: category labels or series names are too long for one row even at ${this.ctx.spec.chart.smallerSizesPt.at(-1) ?? this.ctx.spec.chart.sizePt} pt; shorten them ({短名: 指标} in series)`,
      });
    }
    const painter = {
      spec: this.ctx.spec, grid: this.ctx.grid,
      baseline: (role: FontRole, size: number) => this.baseline(role, size),
      settings: (source?: SourcePosition) => this.settings(source),
      drawRow: (page: PageCanvas, row: BrokenRow, left: number, baseline: number) => drawRow(page, row, left, baseline),
    };
    // kind 'image' for pagination: a figure that moves whole, never split
    return { kind: 'image', items: [chartItem(chart, painter)] };
  }

  /** 表N/图N and the title: centred caption rows (a table's kept with the table below it). */
  caption(caption: Caption): FlowGroup {
    return { kind: 'text', items: this.paragraph(this.spans(captionInlines(caption), 'caption'), 'caption', caption.source), keepTogether: true };
  }

  /** An image centred on as many rows as its box (the one scaling rule, model/image-box) needs. */
  image(image: Image, maxRows = this.ctx.spec.image.maxRows): FlowGroup {
    const grid = this.ctx.grid;
    const { widthPt: width, heightPt: height, rows } = imageBox(image.widthPx, image.heightPx, this.ctx.spec, maxRows);
    return {
      kind: 'image',
      items: [{
        rows,
        shrinkTo: (fewer) => this.image(image, fewer).items[0],
        place: (page, r) => {
          const top = grid.textTopPt + r * grid.rowPitchPt;
          page.images.push({ path: image.path, format: image.format, alt: image.alt, x: grid.textLeftPt + (grid.textWidthPt - width) / 2, y: top + (rows * grid.rowPitchPt - height) / 2, width, height });
        },
      }],
    };
  }
}

/** Draw a broken row: glyph runs per face, and highlights behind placeholder characters. */
export function drawRow(page: { runs: GlyphRun[]; highlights: PageCanvas['highlights'] }, row: BrokenRow, columnLeft: number, baseline: number, placeholderColor?: string): void {
  let run: GlyphRun | null = null;
  let face: FaceMetrics | null = null;
  let mark: { x: number; right: number; size: number } | null = null;
  const flushMark = (): void => {
    if (mark) page.highlights.push({ x: mark.x, y: baseline - 0.88 * mark.size - 1.5, width: mark.right - mark.x, height: mark.size + 3 });
    mark = null;
  };
  let previous: PlacedGlyph | null = null;
  for (const u of row.units) {
    if (!run || face !== u.face || run.size !== u.size || Boolean(run.bold) !== Boolean(u.bold) || Boolean(run.italic) !== Boolean(u.italic)) {
      run = { face: u.face.id, size: u.size, y: baseline, glyphs: [] };
      if (u.bold) run.bold = true;
      if (u.italic) run.italic = true;
      face = u.face;
      page.runs.push(run);
    }
    const x = columnLeft + u.x;
    const glyph: PlacedGlyph = { ch: u.ch, x: x + u.offset, advance: u.width + u.gap - u.offset };
    if (u.scaleX !== 1) glyph.scaleX = u.scaleX;
    // a glyph set right of its slot's start (a centred ·, a narrow —) leaves a hole that text
    // extraction would read as a space: the glyph before it covers the hole
    if (previous && glyph.x > previous.x + previous.advance) previous.advance = glyph.x - previous.x;
    previous = glyph;
    run.glyphs.push(glyph);
    if (u.placeholder && placeholderColor !== 'none') {
      if (!mark) mark = { x, right: x + u.width, size: u.size };
      else mark.right = x + u.width;
    } else {
      flushMark();
    }
  }
  flushMark();
}
