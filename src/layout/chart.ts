/**
 * A chart block on the page: the shared geometry (src/chart/geometry.ts) drawn as vector shapes
 * and glyph runs. Labels are set on their grid rows with the same baseline as body text, so the
 * text of a page with a chart stays on the grid; the chart takes whole rows, as an image does.
 */
import { chartGeometry, minChartRows, SWATCH_EM, type ChartGeometry, type ChartLabel } from '../chart/geometry.js';
import type { Chart } from '../model/document.js';
import type { FontRole, GridMetrics, StyleSpec } from '../style/spec.js';
import { breakUnits, buildUnits, type BreakSettings, type BrokenRow } from './breaker.js';
import type { FlowItem, PageCanvas } from './flow.js';
import type { ChartShape } from './types.js';

export interface ChartPainter {
  spec: StyleSpec;
  grid: GridMetrics;
  /** Baseline offset from a row's top for text of `role` at `size` (body text's rule). */
  baseline(role: FontRole, size: number): number;
  settings(source?: Chart['source']): BreakSettings;
  drawRow(page: PageCanvas, row: BrokenRow, left: number, baseline: number): void;
}

/** Where an ideographic glyph's middle sits above its baseline, in ems (its em box runs −0.12…0.88). */
const TEXT_MIDDLE_EM = 0.38;

export function chartItem(chart: Chart, painter: ChartPainter, rows?: number): FlowItem {
  const geometry = chartGeometry(chart, painter.spec, rows);
  return {
    rows: geometry.rows,
    // set smaller, as an image is, to make room for the closing block (never below its labels' rows)
    shrinkTo: (fewer) => (fewer >= minChartRows(chart) && fewer < geometry.rows ? chartItem(chart, painter, fewer) : undefined),
    place: (page: PageCanvas, row: number) => {
      const left = painter.grid.textLeftPt;
      const top = painter.grid.textTopPt + row * painter.grid.rowPitchPt;
      const shapes = (page.shapes ??= []);
      shapes.push(...chartShapes(geometry, painter.spec, left, top));
      const role = painter.spec.chart.font;
      for (const swatch of geometry.swatches) {
        const size = swatch.size / SWATCH_EM; // the size of the label the swatch stands before
        const middle = top + swatch.row * painter.grid.rowPitchPt + painter.baseline(role, size) - TEXT_MIDDLE_EM * size;
        shapes.push({ kind: 'rect', x: left + swatch.x, y: middle - swatch.size / 2, width: swatch.size, height: swatch.size, fill: swatch.color });
      }
      for (const label of geometry.labels) drawLabel(page, label, painter, chart, left, top);
    },
  };
}

function drawLabel(page: PageCanvas, label: ChartLabel, painter: ChartPainter, chart: Chart, left: number, top: number): void {
  const role = painter.spec.chart.font;
  const units = buildUnits([{ text: label.text, role, size: label.sizePt }], painter.settings(chart.source));
  const [row] = breakUnits(units, { width: 1e6, firstIndent: 0, restIndent: 0, align: 'left' });
  if (!row) return;
  const x = left + (label.align === 'center' ? label.x - row.right / 2 : label.x);
  const baseline = top + label.row * painter.grid.rowPitchPt + painter.baseline(role, label.sizePt);
  painter.drawRow(page, row, x, baseline);
}

/** Bars, lines, markers, slices and the axis, in page coordinates. */
export function chartShapes(geometry: ChartGeometry, spec: StyleSpec, left: number, top: number): ChartShape[] {
  const shapes: ChartShape[] = [];
  for (const bar of geometry.bars) {
    shapes.push({ kind: 'rect', x: left + bar.x, y: top + bar.top, width: bar.width, height: Math.max(bar.bottom - bar.top, 0.01), fill: bar.color });
  }
  for (const line of geometry.lines) {
    // a gap in the data (null) breaks the line
    let run: Array<{ x: number; y: number }> = [];
    const flush = () => {
      if (run.length > 1) shapes.push({ kind: 'line', points: run, color: line.color, width: spec.chart.lineWidthPt });
      run = [];
    };
    for (const point of line.points) {
      if (point) run.push({ x: left + point.x, y: top + point.y });
      else flush();
    }
    flush();
    for (const point of line.points) {
      if (point) shapes.push({ kind: 'circle', cx: left + point.x, cy: top + point.y, r: spec.chart.markerSizePt / 2, fill: line.color });
    }
  }
  if (geometry.plot) {
    const { plot } = geometry;
    // the category axis crosses at 0, as in the DOCX chart (its labels stay at the plot's bottom)
    const axis = { color: spec.chart.axisColor, width: spec.chart.axisWidthPt };
    shapes.push({ kind: 'line', points: [{ x: left + plot.left, y: top + plot.zeroY }, { x: left + plot.right, y: top + plot.zeroY }], ...axis });
    if (plot.zeroY >= plot.bottom - 0.5) {
      const count = geometry.labels.filter((l) => l.kind === 'category').length;
      for (let k = 0; k <= count; k++) {
        const x = left + plot.left + ((plot.right - plot.left) * k) / count;
        shapes.push({ kind: 'line', points: [{ x, y: top + plot.bottom }, { x, y: top + plot.bottom + spec.chart.tickLengthPt }], ...axis });
      }
    }
  }
  if (geometry.pie) {
    const { cx, cy, r, slices } = geometry.pie;
    for (const slice of slices) shapes.push({ kind: 'wedge', cx: left + cx, cy: top + cy, r, start: slice.start, end: slice.end, fill: slice.color, edge: '#FFFFFF' });
  }
  return shapes;
}
