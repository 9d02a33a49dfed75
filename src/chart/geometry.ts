/**
 * One geometry per chart, read by both writers: the layout draws it as PDF vectors, the DOCX
 * writer turns it into a native chart whose plot area, axis range, bar widths and label rows are
 * these numbers. Chart coordinates are points from the top-left of the chart's first grid row.
 *
 * A chart takes `rows` whole grid rows (like an image, model/image-box.ts): the first and the
 * last stay empty; a legend row when there are several series; the plot; the category row. Every label sits
 * on a row (rows.ts), so the text of a page with a chart stays on the 22-row grid in our PDF and
 * in LibreOffice's rendering of the DOCX. A value label goes on the nearest row above its bar or
 * point (below, for a negative bar or a point under another series') where it overprints nothing;
 * one that finds none within a row of its place is left out.
 */
import type { Chart } from '../model/document.js';
import { formatFixed, roundHalfAway } from '../indicators/numbers.js';
import { gridMetrics, type StyleSpec } from '../style/spec.js';
import { ChartRows, RowOccupancy } from './rows.js';

export interface ChartLabel {
  kind: 'legend' | 'value' | 'category' | 'slice';
  text: string;
  row: number;
  /** The label's centre (`center`) or left edge (`left`). */
  x: number;
  align: 'center' | 'left';
  sizePt: number;
  /** Estimated printed width. */
  widthPt: number;
  series?: number;
  category?: number;
  /** Value labels: the y of the bar's end or the point they belong to, and on which side. */
  anchorY?: number;
  below?: boolean;
}

/** A coloured square before a legend or slice label, on the label's row. */
export interface ChartSwatch {
  x: number;
  row: number;
  size: number;
  color: string;
}

export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The values at the plot's bottom and top edges (the DOCX axis range). */
  min: number;
  max: number;
  /** y of the value 0 (where bars start). */
  zeroY: number;
}

export interface ChartBar { series: number; category: number; x: number; width: number; top: number; bottom: number; color: string }
export interface ChartPoint { category: number; x: number; y: number }
export interface ChartSlice { category: number; start: number; end: number; color: string; percent: number }

export interface ChartGeometry {
  type: Chart['type'];
  rows: number;
  widthPt: number;
  /** rows × row pitch: what the chart takes on the page. */
  heightPt: number;
  /** The drawing's own height: its rows less the descender its line also holds (image.baselineDropPt). */
  drawingHeightPt: number;
  sizePt: number;
  categorySizePt: number;
  /** False when category labels (or the legend) are too long for their room even at the smallest size. */
  labelsFit: boolean;
  plot?: PlotArea;
  bars: ChartBar[];
  lines: Array<{ series: number; color: string; points: Array<ChartPoint | null> }>;
  pie?: { cx: number; cy: number; r: number; slices: ChartSlice[] };
  swatches: ChartSwatch[];
  labels: ChartLabel[];
}

/** A legend or slice swatch is this many ems of its label's size. */
export const SWATCH_EM = 0.8;

const GEOMETRIES = new WeakMap<Chart, WeakMap<StyleSpec, Map<number, ChartGeometry>>>();

/**
 * The chart's geometry, computed once per chart, spec and height (both writers ask). `rows` is
 * below chartRows only where the layout set a closing chart smaller to make room (as for images).
 */
export function chartGeometry(chart: Chart, spec: StyleSpec, rows = chartRows(chart, spec)): ChartGeometry {
  let bySpec = GEOMETRIES.get(chart);
  if (!bySpec) GEOMETRIES.set(chart, (bySpec = new WeakMap()));
  let byRows = bySpec.get(spec);
  if (!byRows) bySpec.set(spec, (byRows = new Map()));
  let geometry = byRows.get(rows);
  if (!geometry) byRows.set(rows, (geometry = chart.type === 'pie' ? pieGeometry(chart, spec, rows) : axisGeometry(chart, spec, rows)));
  return geometry;
}

/** Rows a chart takes: the same in both outputs. */
export function chartRows(chart: Chart, spec: StyleSpec): number {
  return chart.type === 'pie' ? Math.max(spec.chart.pieRows, chart.categories.length + 2) : spec.chart.rows;
}

/**
 * The fewest rows a chart can be set on: a pie keeps a row per slice label and the empty first
 * and last rows; a bar or line chart its legend row, two rows of plot and the category row.
 */
export function minChartRows(chart: Chart): number {
  if (chart.type === 'pie') return chart.categories.length + 2;
  return (chart.series.length > 1 ? 2 : 1) + 2 + 2;
}

export function formatChartValue(value: number, decimals: number): string {
  return formatFixed(value, decimals);
}

function frame(chart: Chart, spec: StyleSpec, rows: number) {
  const grid = gridMetrics(spec);
  const sizePt = spec.chart.sizePt;
  return {
    grid, sizePt,
    measure: new ChartRows(spec, grid.rowPitchPt, sizePt),
    base: { type: chart.type, rows, widthPt: grid.textWidthPt, heightPt: rows * grid.rowPitchPt, drawingHeightPt: rows * grid.rowPitchPt - spec.image.baselineDropPt, sizePt },
  };
}

function axisGeometry(chart: Chart, spec: StyleSpec, rows: number): ChartGeometry {
  const { grid, sizePt, measure, base } = frame(chart, spec, rows);
  const colors = spec.chart.colors;
  const seriesCount = chart.series.length;
  const legendRow = seriesCount > 1 ? 1 : undefined;
  const firstValueRow = legendRow === undefined ? 1 : 2;
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const negative = values.some((v) => v < 0);
  // The last row stays empty: LibreOffice keeps category labels inside the drawing (shrinking the
  // plot otherwise), and the drawing ends above its last row's text line (image.baselineDropPt).
  const categoryRow = rows - 2;
  const left = grid.charPitchPt;
  const right = grid.textWidthPt - grid.charPitchPt;
  const band = (right - left) / chart.categories.length;

  // Category labels step down in size until each fits its column (a wrapped label would leave its row).
  const sizes = [sizePt, ...spec.chart.smallerSizesPt.filter((s) => s < sizePt)];
  const fits = (size: number) => chart.categories.every((c) => measure.width(c, size) <= band * 0.92);
  const categorySizePt = sizes.find(fits) ?? sizes[sizes.length - 1];
  // LibreOffice sets category labels a fixed gap below the plot: the plot ends where that puts
  // them on the category row (the PDF draws the same plot).
  const docx = spec.chart.docx;
  const gap = negative ? docx.lowAxisLabelGapPt : docx.axisLabelGapPt;
  const bottom = (categoryRow + 1) * grid.rowPitchPt + docx.textBelowRowPt - docx.labelBoxEm * categorySizePt - gap;
  const top = firstValueRow * grid.rowPitchPt;

  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const highest = measure.band(firstValueRow).bottom + 1; // the tallest bar leaves its label a row
  const lowest = measure.band(categoryRow - 1).top - 1; // the deepest bar leaves its label a row
  const [vA, yA, vB, yB] = lo < 0 && hi > 0 ? [hi, highest, lo, lowest] : lo < 0 ? [0, highest, lo, lowest] : [hi > 0 ? hi : 1, highest, 0, bottom];
  const scale = (yB - yA) / (vB - vA);
  const y = (v: number): number => yA + (v - vA) * scale;
  const plot: PlotArea = { left, top, right, bottom, min: vA + (bottom - yA) / scale, max: vA + (top - yA) / scale, zeroY: y(0) };

  const geometry: ChartGeometry = {
    ...base, categorySizePt, labelsFit: fits(categorySizePt), plot, bars: [], lines: [], swatches: [], labels: [],
  };
  const taken = new RowOccupancy();
  const obstacles: Array<{ left: number; right: number; top: number; bottom: number; owner: string }> = [];
  const groupWidth = band * spec.chart.barGroupFraction;
  const barWidth = groupWidth / seriesCount;
  const marker = spec.chart.markerSizePt;

  chart.series.forEach((series, i) => {
    const color = colors[i % colors.length];
    const points: Array<ChartPoint | null> = [];
    series.values.forEach((value, k) => {
      if (value === null) return void points.push(null);
      if (chart.type === 'bar') {
        const x = left + k * band + (band - groupWidth) / 2 + i * barWidth;
        const bar = { series: i, category: k, x, width: barWidth, top: Math.min(y(value), plot.zeroY), bottom: Math.max(y(value), plot.zeroY), color };
        geometry.bars.push(bar);
        obstacles.push({ left: x, right: x + barWidth, top: bar.top, bottom: bar.bottom, owner: `${i}:${k}` });
      } else {
        const point = { category: k, x: left + (k + 0.5) * band, y: y(value) };
        points.push(point);
        obstacles.push({ left: point.x - marker / 2, right: point.x + marker / 2, top: point.y - marker / 2, bottom: point.y + marker / 2, owner: `${i}:${k}` });
      }
    });
    if (chart.type === 'line') geometry.lines.push({ series: i, color, points });
  });

  // Value labels, in category order: on the nearest free row beside their bar or point.
  for (let k = 0; k < chart.categories.length; k++) {
    chart.series.forEach((series, i) => {
      const value = series.values[k];
      if (value === null) return;
      const text = formatChartValue(value, series.decimals[k]);
      const widthPt = measure.width(text, sizePt);
      const x = chart.type === 'bar' ? left + k * band + (band - groupWidth) / 2 + (i + 0.5) * barWidth : left + (k + 0.5) * band;
      // a negative bar's label goes below it; on a line chart, a point with another series'
      // point above it labels below, so each label sits beside its own line
      const under = chart.type === 'bar' ? y(value) : y(value) + marker / 2;
      const higher = chart.series.some((other, j) => j !== i && other.values[k] !== null && (other.values[k] as number) > value);
      const below = chart.type === 'bar' ? value < 0 : higher && measure.rowBelow(under) <= categoryRow - 1;
      const end = chart.type === 'bar' ? y(value) : y(value) - marker / 2;
      const clear = (row: number): boolean => {
        const b = measure.band(row);
        return taken.free(row, x - widthPt / 2 - 1, x + widthPt / 2 + 1)
          && !obstacles.some((o) => o.owner !== `${i}:${k}` && o.left < x + widthPt / 2 && o.right > x - widthPt / 2 && o.top < b.bottom && o.bottom > b.top);
      };
      const first = below ? measure.rowBelow(under) : measure.rowAbove(end);
      const step = below ? 1 : -1;
      const start = Math.min(Math.max(first, firstValueRow), categoryRow - 1);
      let row = start;
      while (!clear(row) && row + step >= firstValueRow && row + step <= categoryRow - 1) row += step;
      // a label that finds no free row next to its own is left out rather than printed where it
      // would name another point (a dense chart: the values stay in its data and workbook)
      if (!clear(row) || Math.abs(row - start) > 1) return;
      taken.take(row, x - widthPt / 2 - 1, x + widthPt / 2 + 1);
      geometry.labels.push({ kind: 'value', text, row, x, align: 'center', sizePt, widthPt, series: i, category: k, anchorY: y(value), below });
    });
  }

  chart.categories.forEach((text, k) => {
    geometry.labels.push({ kind: 'category', text, row: categoryRow, x: left + (k + 0.5) * band, align: 'center', sizePt: categorySizePt, widthPt: measure.width(text, categorySizePt), category: k });
  });
  if (legendRow !== undefined) legend(geometry, chart.series.map((s) => s.name), legendRow, measure, spec);
  return geometry;
}

/**
 * Legend entries centred on their row: a swatch, then the series' name. One row only (a renderer
 * would wrap a longer legend off the grid), so long names step down in size as category labels do.
 */
function legend(geometry: ChartGeometry, names: string[], row: number, measure: ChartRows, spec: StyleSpec): void {
  const colors = spec.chart.colors;
  const room = geometry.widthPt - 2 * measure.pitch;
  const span = (size: number) => names.reduce((sum, name) => sum + 1.2 * size + measure.width(name, size), 0) + 1.5 * size * (names.length - 1);
  const sizes = [geometry.sizePt, ...spec.chart.smallerSizesPt.filter((s) => s < geometry.sizePt)];
  const size = sizes.find((s) => span(s) <= room) ?? sizes[sizes.length - 1];
  if (span(size) > room) geometry.labelsFit = false;
  const swatch = SWATCH_EM * size;
  const gap = 0.4 * size;
  const spacing = 1.5 * size;
  const widths = names.map((name) => swatch + gap + measure.width(name, size));
  let x = (geometry.widthPt - widths.reduce((a, b) => a + b, 0) - spacing * (names.length - 1)) / 2;
  names.forEach((name, i) => {
    geometry.swatches.push({ x, row, size: swatch, color: colors[i % colors.length] });
    geometry.labels.push({ kind: 'legend', text: name, row, x: x + swatch + gap, align: 'left', sizePt: size, widthPt: widths[i] - swatch - gap, series: i });
    x += widths[i] + spacing;
  });
}

/**
 * A pie on the left, its slices clockwise from 12 o'clock in category order; on the right one
 * row per slice: a swatch in the slice's colour, the category and its share (45.2%).
 */
function pieGeometry(chart: Chart, spec: StyleSpec, rows: number): ChartGeometry {
  const { grid, sizePt, measure, base } = frame(chart, spec, rows);
  const colors = spec.chart.colors;
  const values = chart.series[0].values;
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const top = grid.rowPitchPt + 2;
  const bottom = (rows - 1) * grid.rowPitchPt - 2;
  const r = (bottom - top) / 2;
  const geometry: ChartGeometry = {
    ...base, categorySizePt: sizePt, labelsFit: true, bars: [], lines: [], swatches: [], labels: [],
    pie: { cx: grid.textWidthPt * 0.3, cy: (top + bottom) / 2, r, slices: [] },
  };
  const shown = chart.categories.map((category, k) => ({ category, k, value: values[k] })).filter((s) => s.value !== null && s.value > 0);
  let angle = 0;
  const firstRow = 1 + Math.floor((rows - 2 - shown.length) / 2);
  const labelLeft = grid.textWidthPt * 0.58;
  // labels step down in size until the longest fits beside the pie, inside the text area
  const text = (category: string, percent: number) => `${category} ${percent.toFixed(1)}%`;
  const percentOf = (value: number) => roundHalfAway((value / total) * 100, 1);
  const room = grid.textWidthPt - labelLeft - 2;
  const span = (size: number) => Math.max(...shown.map((s) => 1.2 * size + measure.width(text(s.category, percentOf(s.value as number)), size)));
  const sizes = [sizePt, ...spec.chart.smallerSizesPt.filter((s) => s < sizePt)];
  const labelSize = sizes.find((s) => span(s) <= room) ?? sizes[sizes.length - 1];
  geometry.labelsFit = span(labelSize) <= room;
  geometry.categorySizePt = labelSize;
  const swatch = SWATCH_EM * labelSize;
  shown.forEach((slice, n) => {
    const color = colors[slice.k % colors.length];
    const sweep = ((slice.value as number) / total) * 2 * Math.PI;
    const percent = percentOf(slice.value as number);
    geometry.pie!.slices.push({ category: slice.k, start: angle, end: angle + sweep, color, percent });
    angle += sweep;
    const row = firstRow + n;
    const label = text(slice.category, percent);
    geometry.swatches.push({ x: labelLeft, row, size: swatch, color });
    geometry.labels.push({ kind: 'slice', text: label, row, x: labelLeft + swatch + 0.4 * labelSize, align: 'left', sizePt: labelSize, widthPt: measure.width(label, labelSize), category: slice.k });
  });
  return geometry;
}
