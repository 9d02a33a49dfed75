/**
 * The 版记 (GB/T 9704 §7.4), decided once for every writer: the 抄送 lines (broken here, so every
 * renderer prints the same rows), the 印发机关/印发日期 row and the lines between them, all in grid
 * rows counted from the 版记's first row. Pagination puts the last row on the last row of the
 * text area of an even page; the writers only place what this returns.
 */
import { inputError } from '../diagnostic.js';
import { gridMetrics, mmToPt, type ColophonSpec, type FontRole, type StyleSpec } from '../style/spec.js';
import { CLOSING_MARKS } from '../text/chars.js';
import { printedWidth } from '../text/width.js';
import type { Colophon } from './document.js';

export interface ColophonPlan {
  font: FontRole;
  sizePt: number;
  /** Grid rows the 版记 takes. */
  rows: number;
  /** 抄送 rows from row 0: the first starts `indentPt` from the left, later rows under the names. */
  cc: { lines: string[]; indentPt: number; restIndentPt: number } | undefined;
  /** 印发机关 `indentPt` from the left and 印发日期 `indentPt` from the right, on row `row`. */
  printed: { row: number; left?: string; right?: string; indentPt: number } | undefined;
  /** Lines on the row boundaries (0 = above the first row, `rows` = below the last). */
  rules: Array<{ atRow: number; widthPt: number; color: string }>;
}

export function colophonSpec(spec: StyleSpec): ColophonSpec {
  if (!spec.colophon) throw inputError(`${spec.dir}/style.yaml`, `style spec: the template "${spec.name}" has no \`colophon\`, which a report with \`footer:\` needs`, undefined, 'style-spec');
  return spec.colophon;
}

/** Undefined when the 版记 would print nothing (no 抄送 and, for this format, no 印发 line). */
export function planColophon(colophon: Colophon, style: StyleSpec): ColophonPlan | undefined {
  const spec = colophonSpec(style);
  const grid = gridMetrics(style);
  const indentPt = spec.indentChars * spec.sizePt;
  const gap = style.typography.cjkLatinGapEm;
  let cc: ColophonPlan['cc'];
  if (colophon.cc.length > 0) {
    const text = `${colophon.cc.join(spec.cc.separator)}${spec.cc.end}`;
    const label = printedWidth(spec.cc.label, gap) * spec.sizePt;
    const room = (grid.textWidthPt - 2 * indentPt - label) / spec.sizePt;
    const lines = breakColophonLine(text, room, gap);
    lines[0] = spec.cc.label + lines[0];
    cc = { lines, indentPt, restIndentPt: indentPt + label };
  }
  const printedOn = colophon.printedOn ? `${colophon.printedOn}${spec.printed?.suffix ?? ''}` : undefined;
  const printed = spec.printed && (colophon.printedBy || printedOn)
    ? { row: cc?.lines.length ?? 0, left: colophon.printedBy, right: printedOn, indentPt }
    : undefined;
  const rows = (cc?.lines.length ?? 0) + (printed ? 1 : 0);
  if (rows === 0) return undefined;
  const rules: ColophonPlan['rules'] = [];
  if (spec.rules) {
    const outer = mmToPt(spec.rules.outerMm);
    const inner = mmToPt(spec.rules.innerMm);
    rules.push({ atRow: 0, widthPt: outer, color: spec.rules.color });
    if (cc && printed) rules.push({ atRow: cc.lines.length, widthPt: inner, color: spec.rules.color });
    rules.push({ atRow: rows, widthPt: outer, color: spec.rules.color });
  }
  return { font: spec.font, sizePt: spec.sizePt, rows, cc, printed, rules };
}

/**
 * Greedy lines of at most `room` characters (printed widths), never starting a line with a
 * closing mark (the character before it goes down with it).
 */
function breakColophonLine(text: string, room: number, gap: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    while (end < chars.length && printedWidth(chars.slice(start, end + 1).join(''), gap) <= room) end++;
    if (end < chars.length && end > start + 1 && CLOSING_MARKS.includes(chars[end])) end--;
    if (end === start) end++;
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines.length > 0 ? lines : [''];
}
