/**
 * One plan per table, shared by both writers: the type size, the column widths, each column's
 * alignment and where every cell's lines break. Widths follow browsers' automatic table layout:
 * per column a min-content width (its widest piece that may not break) and a max-content width
 * (its widest cell on one line), both plus the cell padding. If the max widths fit, the columns
 * get them and share the rest in proportion; else, if the min widths fit, each gets its min plus
 * a share of the rest in proportion to (max − min); else the whole table steps down a type size
 * and tries again. Only at the smallest size may a label break: long labels first, then column
 * heads, then any label; a number or a unit word never does.
 * The lines are decided here too, so the DOCX knows each row's height in grid rows and both
 * outputs break a cell alike.
 */
import type { Inline, Table, TextRun } from './document.js';
import { gridMetrics, type StyleSpec } from '../style/spec.js';
import { BreakLevel, cellLevel, pieces, textEm, type Piece } from './table-text.js';

export type CellAlign = 'left' | 'center' | 'right';

export interface PlannedCell {
  align: CellAlign;
  /** The cell's lines as printed, each a slice of the model's runs (bold, placeholders kept). */
  lines: Inline[][];
}

export interface PlannedRow {
  header: boolean;
  /** Grid rows the table row takes: its tallest cell. */
  lines: number;
  cells: PlannedCell[];
}

export interface TablePlan {
  sizePt: number;
  /** Column widths in points, summing to the text width. */
  widthsPt: number[];
  /** Left and right padding inside every cell, in points. */
  paddingPt: number;
  /** False when even the smallest size with every label broken is too wide: figures may wrap. */
  fits: boolean;
  rows: PlannedRow[];
}

interface Attempt { sizePt: number; level: BreakLevel }

/** A cell's text, split at its explicit line breaks; each line keeps its runs with offsets. */
interface CellText { lines: Array<{ text: string; runs: TextRun[] }> }

/** Plans already made, per table and style spec: the PDF and the DOCX writer ask for the same one. */
const PLANS = new WeakMap<Table, WeakMap<StyleSpec, TablePlan>>();

export function planTable(table: Table, spec: StyleSpec): TablePlan {
  let bySpec = PLANS.get(table);
  if (!bySpec) PLANS.set(table, (bySpec = new WeakMap()));
  let plan = bySpec.get(spec);
  if (!plan) bySpec.set(spec, (plan = makePlan(table, spec)));
  return plan;
}

function makePlan(table: Table, spec: StyleSpec): TablePlan {
  const grid = gridMetrics(spec);
  const paddingPt = spec.typography.tableCellPaddingChars * grid.charPitchPt;
  const columns = Math.max(1, ...table.rows.map((row) => row.length));
  const texts = table.rows.map((row) => row.map((cell) => cellText(cell.content)));
  const sizes = [spec.elements.table.sizePt, ...spec.table.smallerSizesPt];
  const smallest = sizes[sizes.length - 1];
  const attempts: Attempt[] = [
    ...sizes.map((sizePt) => ({ sizePt, level: BreakLevel.WholeLabels })),
    { sizePt: smallest, level: BreakLevel.LongLabels },
    { sizePt: smallest, level: BreakLevel.HeadLabels },
    { sizePt: smallest, level: BreakLevel.AllLabels },
  ];
  const measure = (attempt: Attempt) => columnExtents(texts, table.header, columns, attempt, spec, paddingPt);
  let chosen: { attempt: Attempt; widths: number[] } | undefined;
  for (const attempt of attempts) {
    const widths = distribute(measure(attempt), grid.textWidthPt);
    if (widths) {
      chosen = { attempt, widths };
      break;
    }
  }
  const fits = chosen !== undefined;
  if (!chosen) {
    // Nothing fits: the smallest size, every column its min width scaled into the text width.
    const attempt = attempts[attempts.length - 1];
    const { min } = measure(attempt);
    const total = min.reduce((a, b) => a + b, 0);
    chosen = { attempt, widths: min.map((w) => (w * grid.textWidthPt) / total) };
  }
  const { attempt, widths } = chosen;
  const rows = table.rows.map((row, r): PlannedRow => {
    const header = table.header && r === 0;
    const cells = widths.map((width, c): PlannedCell => {
      const availEm = (width - 2 * paddingPt - spec.table.fitSlackPt) / attempt.sizePt;
      const lines = texts[r][c] ? breakCell(texts[r][c], availEm, cellLevel(attempt.level, header), spec) : [];
      return { align: header ? 'center' : columnAlign(table, c, spec), lines };
    });
    return { header, lines: Math.max(1, ...cells.map((cell) => cell.lines.length)), cells };
  });
  return { sizePt: attempt.sizePt, widthsPt: widths, paddingPt, fits, rows };
}

/** The author's column alignment (`---:`), else the style spec's; justify reads as left in a cell. */
function columnAlign(table: Table, column: number, spec: StyleSpec): CellAlign {
  const align = table.align[column] ?? spec.elements.table.align;
  return align === 'justify' ? 'left' : align;
}

/** Per column, min-content and max-content widths in points, padding and slack included. */
function columnExtents(texts: CellText[][], header: boolean, columns: number, attempt: Attempt, spec: StyleSpec, paddingPt: number): { min: number[]; max: number[] } {
  const gapEm = spec.typography.cjkLatinGapEm;
  const toPt = (em: number): number => em * attempt.sizePt + spec.table.fitSlackPt + 2 * paddingPt;
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  texts.forEach((row, r) => {
    const level = cellLevel(attempt.level, header && r === 0);
    row.forEach((cell, c) => {
      for (const line of cell.lines) {
        max[c] = Math.max(max[c], textEm(line.text, spec.table, gapEm));
        for (const piece of pieces(line.text, level, spec.table, gapEm)) min[c] = Math.max(min[c], piece.em);
      }
    });
  });
  return { min: min.map(toPt), max: max.map(toPt) };
}

/** Column widths filling `total`, or undefined when even the min widths do not fit. */
function distribute({ min, max }: { min: number[]; max: number[] }, total: number): number[] | undefined {
  const sum = (list: number[]): number => list.reduce((a, b) => a + b, 0);
  const sumMax = sum(max);
  if (sumMax <= 0) return max.map(() => total / max.length);
  if (sumMax <= total) return max.map((w) => w + ((total - sumMax) * w) / sumMax);
  const sumMin = sum(min);
  if (sumMin > total) return undefined;
  const give = max.map((w, c) => w - min[c]);
  const sumGive = sum(give);
  return min.map((w, c) => w + ((total - sumMin) * give[c]) / sumGive);
}

/**
 * A cell's lines: explicit line breaks stay; a line too long for the column is filled with its
 * pieces in as few lines as it needs, balanced (规模以上工业/企业营业收入, never 规模以上工业企业营业收/入).
 */
function breakCell(cell: CellText, availEm: number, level: BreakLevel, spec: StyleSpec): Inline[][] {
  const out: Inline[][] = [];
  for (const line of cell.lines) {
    const parts = pieces(line.text, level, spec.table, spec.typography.cjkLatinGapEm);
    if (parts.length === 0) {
      out.push([]);
      continue;
    }
    const spans = fill(parts, balancedWidth(parts, availEm));
    for (const [first, last] of spans) out.push(sliceRuns(line.runs, parts[first].start, parts[last].end));
  }
  return out;
}

/** The narrowest width that still fills `parts` into as few lines as `availEm` does. */
function balancedWidth(parts: Piece[], availEm: number): number {
  const lines = fill(parts, availEm).length;
  if (lines === 1) return availEm;
  let narrow = Math.max(...parts.map((p) => p.em));
  let wide = availEm;
  if (fill(parts, narrow).length <= lines) return narrow;
  for (let i = 0; i < 30 && wide - narrow > 1e-6; i++) {
    const mid = (narrow + wide) / 2;
    if (fill(parts, mid).length <= lines) wide = mid;
    else narrow = mid;
  }
  return wide;
}

/** Greedy fill: index ranges [first, last] of the pieces on each line. */
function fill(parts: Piece[], widthEm: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let first = 0;
  let width = parts[0].em;
  for (let i = 1; i < parts.length; i++) {
    const next = width + parts[i].spaceBeforeEm + parts[i].em;
    if (next <= widthEm + 1e-9) {
      width = next;
      continue;
    }
    lines.push([first, i - 1]);
    first = i;
    width = parts[i].em;
  }
  lines.push([first, parts.length - 1]);
  return lines;
}

function cellText(content: Inline[]): CellText {
  const lines: CellText['lines'] = [{ text: '', runs: [] }];
  for (const run of content) {
    if (run.kind === 'break') lines.push({ text: '', runs: [] });
    else {
      const line = lines[lines.length - 1];
      line.text += run.text;
      line.runs.push(run);
    }
  }
  return { lines: lines.filter((line, i) => line.text !== '' || i < lines.length - 1) };
}

/** The runs covering text offsets [start, end) of a line, cut at the ends. */
function sliceRuns(runs: TextRun[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from < to) out.push({ ...run, text: run.text.slice(from - at, to - at) });
    at += run.text.length;
  }
  return out;
}
