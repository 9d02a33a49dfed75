/**
 * Flow groups for the 公文 parts around the body: the 版头 (one item as tall as its rows, drawing
 * the 标志, the flags, the 发文字号, the 签发人 and the red rules where model/masthead.ts put
 * them), the 附注 row, the head of each 附件 page, and the 版记 (model/colophon.ts) set on the
 * last rows of its page.
 */
import type { SplitBody } from '../model/attendance.js';
import type { ClosingBlock } from '../model/closing.js';
import { colophonSpec, planColophon, type ColophonPlan } from '../model/colophon.js';
import type { AttachmentPage, Document } from '../model/document.js';
import { attachmentLabel, attachmentPageSpec } from '../model/attachment-page.js';
import type { MastheadLine, MastheadPlan, PlacedRule } from '../model/masthead.js';
import { titleLines } from '../model/title-lines.js';
import { gridMetrics, type AttachmentPageSpec, type ColophonSpec, type FontRole, type GridMetrics, type StyleSpec } from '../style/spec.js';
import { type BlockBuilder, drawRow } from './blocks.js';
import { breakParagraph, breakUnits, buildUnits, type BrokenRow, type TextSpan } from './breaker.js';
import { blankItem, type FlowGroup, type FlowItem, type PageCanvas } from './flow.js';

/** A text set on one row at its natural width (never wrapped). */
function oneRow(builder: BlockBuilder, spans: TextSpan[]): BrokenRow {
  const units = buildUnits(spans, builder.settings());
  return breakUnits(units, { width: 1e6, firstIndent: 0, restIndent: 0, align: 'left' })[0] ?? { units: [], left: 0, right: 0, continued: false, text: '' };
}

/** Draw a row with its top at `top`, its left edge at `x`, in `color` when given; returns the runs' range. */
function drawText(page: PageCanvas, builder: BlockBuilder, row: BrokenRow, x: number, baseline: number, element: string, rowIndex: number, color?: string): void {
  const first = page.runs.length;
  drawRow(page, row, x, baseline);
  if (color) for (const run of page.runs.slice(first)) run.color = color;
  page.rows.push({ row: rowIndex, element, text: row.text, left: x + row.left, right: x + row.right, baseline, continued: false });
}

function drawRule(page: PageCanvas, rule: PlacedRule, top: number): void {
  const left = page.grid.textLeftPt + rule.leftPt;
  for (const line of rule.lines) {
    const y = top + rule.topPt + line.offsetPt;
    page.rules.push({ x1: left, y1: y, x2: left + rule.lengthPt, y2: y, width: line.widthPt, color: rule.color });
  }
}

export function mastheadGroup(builder: BlockBuilder, plan: MastheadPlan): FlowGroup {
  const item: FlowItem = {
    rows: plan.rows,
    place: (page, r) => {
      const grid = page.grid;
      const top = grid.textTopPt + r * grid.rowPitchPt;
      for (const line of plan.lines) drawMastheadLine(page, builder, line, top);
      if (plan.mark) {
        const mark = plan.mark;
        const row = oneRow(builder, [{ text: mark.text, role: mark.font, size: mark.sizePt }]);
        const width = (row.right - row.left) * mark.scale;
        const x = grid.textLeftPt + (grid.textWidthPt - width) / 2 - row.left * mark.scale;
        const first = page.runs.length;
        drawText(page, builder, row, x, top + mark.baselinePt, 'mark', mark.firstRow, mark.color);
        // 字符缩放: narrowed glyphs, as the DOCX's character scale prints them
        if (mark.scale !== 1) {
          for (const run of page.runs.slice(first)) {
            for (const glyph of run.glyphs) {
              glyph.x = x + (glyph.x - x) * mark.scale;
              glyph.advance *= mark.scale;
              glyph.scaleX = (glyph.scaleX ?? 1) * mark.scale;
            }
          }
          const info = page.rows[page.rows.length - 1];
          info.left = x + row.left * mark.scale;
          info.right = info.left + width;
        }
      }
      for (const rule of [...plan.rules, ...plan.pageRules]) drawRule(page, rule, top);
    },
  };
  return { kind: 'masthead', items: [item], keepWithNext: true, keepTogether: true };
}

function drawMastheadLine(page: PageCanvas, builder: BlockBuilder, line: MastheadLine, top: number): void {
  const grid = page.grid;
  const row = oneRow(builder, line.segments.map((segment) => ({ text: segment.text, role: segment.font, size: line.sizePt })));
  const width = row.right - row.left;
  const x = line.align === 'left' ? grid.textLeftPt + line.startChars * grid.charPitchPt
    : line.align === 'center' ? grid.textLeftPt + (grid.textWidthPt - width) / 2 - row.left
    : grid.textLeftPt + grid.textWidthPt - line.startChars * grid.charPitchPt - row.right;
  const font: FontRole = line.segments[0].font;
  drawText(page, builder, row, x, top + line.row * grid.rowPitchPt + builder.baseline(font, line.sizePt), line.element, line.row);
}

/** 附注: from the row after the 成文日期, its first line from the column the closing block chose, wrapped lines flush left (§7.3.6). */
export function noteItems(builder: BlockBuilder, note: NonNullable<ClosingBlock['note']>, font: FontRole, sizePt: number, grid: GridMetrics): FlowItem[] {
  const rows = breakParagraph([{ text: note.text, role: font, size: sizePt }], {
    width: grid.textWidthPt, firstIndent: note.startChars * grid.charPitchPt, restIndent: 0, align: 'justify',
  }, builder.settings());
  return rows.map((row) => builder.textRow(row, grid.textLeftPt, font, sizePt, 'note'));
}

/** The head of a 附件 page: 附件N on row 0, the title from `titleRow`, blank rows after it (§7.3.7). */
export function attachmentHeadGroup(builder: BlockBuilder, label: string, page: AttachmentPage, spec: AttachmentPageSpec, style: StyleSpec): FlowGroup {
  const row = oneRow(builder, [{ text: label, role: spec.label.font, size: spec.label.sizePt }]);
  const items: FlowItem[] = [{
    rows: 1,
    text: label,
    place: (canvas, r) => {
      const grid = canvas.grid;
      drawText(canvas, builder, row, grid.textLeftPt, grid.textTopPt + r * grid.rowPitchPt + builder.baseline(spec.label.font, spec.label.sizePt), 'attachmentLabel', r);
    },
  }];
  for (let i = 1; i < spec.titleRow; i++) items.push(blankItem());
  const title = builder.style('title');
  for (const line of titleLines(page.title, style)) items.push(...builder.paragraph([{ text: line, role: title.font, size: title.sizePt }], 'title'));
  for (let i = 0; i < spec.blankRowsAfterTitle; i++) items.push(blankItem());
  return { kind: 'attachmentHead', items, breakBefore: true, keepWithNext: true, keepTogether: true };
}

/** The 版记: 抄送 rows, the 印发 row and the lines on their boundaries, set at the page foot. */
export function colophonGroup(builder: BlockBuilder, plan: ColophonPlan, spec: ColophonSpec): FlowGroup {
  const items: FlowItem[] = [];
  const span = (text: string): TextSpan[] => [{ text, role: plan.font, size: plan.sizePt }];
  const baseline = builder.baseline(plan.font, plan.sizePt);
  const rulesAt = (k: number) => plan.rules.filter((rule) => rule.atRow === k);
  const rowItem = (k: number, draw: (page: PageCanvas, rowTop: number, r: number) => void, text: string): FlowItem => ({
    rows: 1,
    text,
    place: (page, r) => {
      const grid = page.grid;
      const rowTop = grid.textTopPt + r * grid.rowPitchPt;
      draw(page, rowTop, r);
      const edges = [...rulesAt(k).map((rule) => ({ rule, y: rowTop })), ...(k === plan.rows - 1 ? rulesAt(plan.rows).map((rule) => ({ rule, y: rowTop + grid.rowPitchPt })) : [])];
      for (const { rule, y } of edges) page.rules.push({ x1: grid.textLeftPt, y1: y, x2: grid.textLeftPt + grid.textWidthPt, y2: y, width: rule.widthPt, color: rule.color });
    },
  });
  plan.cc?.lines.forEach((line, k) => {
    const row = oneRow(builder, span(line));
    const indent = k === 0 ? plan.cc!.indentPt : plan.cc!.restIndentPt;
    items.push(rowItem(k, (page, rowTop, r) => drawText(page, builder, row, page.grid.textLeftPt + indent, rowTop + baseline, 'cc', r), line));
  });
  const printed = plan.printed;
  if (printed) {
    const left = printed.left ? oneRow(builder, span(printed.left)) : undefined;
    const right = printed.right ? oneRow(builder, span(printed.right)) : undefined;
    items.push(rowItem(printed.row, (page, rowTop, r) => {
      const grid = page.grid;
      if (left) drawText(page, builder, left, grid.textLeftPt + printed.indentPt, rowTop + baseline, 'printedBy', r);
      if (right) drawText(page, builder, right, grid.textLeftPt + grid.textWidthPt - printed.indentPt - right.right, rowTop + baseline, 'printedOn', r);
    }, `${printed.left ?? ''}${printed.right ?? ''}`));
  }
  return { kind: 'colophon', items, keepTogether: true, pageFoot: { evenPage: spec.evenPage, numberBlankPages: spec.numberBlankPages } };
}

/** 附注 after the 署名 and 成文日期 (in their group, so it keeps with them), or on its own after a blank row. */
export function withNote(builder: BlockBuilder, signature: FlowGroup | null, closing: ClosingBlock, style: StyleSpec): FlowGroup | null {
  if (!closing.note || !style.note) return signature;
  const note = noteItems(builder, closing.note, style.note.font, style.note.sizePt, gridMetrics(style));
  if (signature) return { ...signature, items: [...signature.items, ...note] };
  const blanks = Array.from({ length: style.elements.signature.blankRowsBefore ?? 0 }, blankItem);
  return { kind: 'signature', items: [...blanks, ...note], keepTogether: true, keepWithPrevious: true };
}

/** 附件 pages, each from a new page, then the 版记 at the foot of the last (even) page. */
export function tailGroups(builder: BlockBuilder, doc: Document, style: StyleSpec): FlowGroup[] {
  const groups: FlowGroup[] = [];
  const pages = doc.attachmentPages ?? [];
  if (pages.length > 0) {
    const spec = attachmentPageSpec(style);
    for (const page of pages) {
      groups.push(attachmentHeadGroup(builder, attachmentLabel(doc, page, spec), page, spec, style));
      groups.push(...builder.blocks(page.body));
    }
  }
  const plan = doc.colophon ? planColophon(doc.colophon, style) : undefined;
  if (plan) groups.push(colophonGroup(builder, plan, colophonSpec(style)));
  return groups;
}

/** 出席, 请假, 列席 (§10.3): blank rows, then each list with its label in its own face, wrapped lines under the names. */
export function attendanceGroup(builder: BlockBuilder, split: SplitBody, grid: GridMetrics): FlowGroup | null {
  const spec = split.spec;
  if (!spec || split.attendance.length === 0) return null;
  const items: FlowItem[] = Array.from({ length: spec.blankRowsBefore }, blankItem);
  for (const line of split.attendance) {
    const rows = breakParagraph([{ text: line.label, role: spec.labelFont, size: spec.sizePt }, { text: line.names, role: spec.font, size: spec.sizePt }], {
      width: grid.textWidthPt, firstIndent: spec.leftChars * grid.charPitchPt, restIndent: line.restIndentChars * grid.charPitchPt, align: 'justify',
    }, builder.settings());
    items.push(...rows.map((row) => builder.textRow(row, grid.textLeftPt, spec.font, spec.sizePt, 'attendance')));
  }
  // kept together like the 附件说明, so the closing block's keep rules treat it the same way
  return { kind: 'attachments', items, keepTogether: true };
}
