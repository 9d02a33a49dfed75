/**
 * A chart request + the indicator data → the numbers a chart draws (categories, series, unit).
 * Indicators are read through src/indicators (figures, typed indicators) by key path, never
 * through Handlebars. Two shapes are understood:
 *
 *   one value per indicator   series: [规上工业产值, 固定资产投资]  → categories are the indicators
 *   values per period         series: [月度产值] with 月度产值: {1月: 6.8, 2月: 5.9, …}
 *                             → categories are the periods, one series per indicator
 */
import type { ChartSeries } from '../model/document.js';
import { FIGURE_KEYS, figureAt, type Figure } from '../indicators/figures.js';
import { ABSENT, isPlainObject, leafPaths, lookup } from '../indicators/lookup.js';
import { dataNumber } from '../indicators/numbers.js';
import { isTypedIndicator } from '../indicators/typed.js';
import { didYouMean } from '../text/did-you-mean.js';
import { ChartProblem, type ChartRequest, type ChartType, type SeriesRequest } from './fence.js';

export interface ChartData {
  type: ChartType;
  categories: string[];
  series: ChartSeries[];
  unit?: string;
}

export interface ChartDataOptions {
  /** A value the build reports as an unfilled blank (XX): drawn as a gap (only --draft gets here). */
  isBlank?: (text: string) => boolean;
}

export const MAX_SERIES = 6;
export const MAX_CATEGORIES = 24;
const MAX_DECIMALS = 4;
const COMPARE_NAMES = { previous: '上年同期', target: '目标' } as const;

interface Value { value: number | null; decimals: number; unit?: string; figure?: Figure }
interface Resolved { request: SeriesRequest; name: string; single?: Value; periods?: Array<{ label: string; value: Value }> }

export function resolveChartData(request: ChartRequest, indicators: Record<string, unknown>, options: ChartDataOptions = {}): ChartData {
  const entries = request.series.map((entry) => resolveEntry(entry, indicators, options));
  const periodic = entries.filter((e) => e.periods);
  if (periodic.length > 0 && periodic.length < entries.length) {
    const odd = entries.find((e) => !e.periods)!;
    throw new ChartProblem(odd.request.offset, `chart: "${odd.request.name}" is one value while "${periodic[0].request.name}" holds values per period; chart either kind, not both`);
  }
  const data = periodic.length > 0 ? perPeriod(request, entries) : perIndicator(request, entries);
  if (data.series.length > MAX_SERIES) throw new ChartProblem(request.seriesOffset, `chart: ${data.series.length} series; a chart stays legible with at most ${MAX_SERIES}`);
  if (data.categories.length > MAX_CATEGORIES) throw new ChartProblem(request.seriesOffset, `chart: ${data.categories.length} categories; a chart stays legible with at most ${MAX_CATEGORIES}`);
  if (request.type === 'pie') checkPie(request, data);
  const unit = request.unit ?? commonUnit(request, entries);
  return { type: request.type, categories: data.categories, series: data.series, ...(unit ? { unit } : {}) };
}

function resolveEntry(entry: SeriesRequest, indicators: Record<string, unknown>, options: ChartDataOptions): Resolved {
  const path = indicatorPath(entry.name, indicators);
  const node = lookup(indicators, path);
  const name = entry.label ?? path[path.length - 1];
  if (node === ABSENT) {
    const known = knownPaths(indicators);
    const hint = didYouMean(entry.name, known);
    throw new ChartProblem(entry.offset, `chart names missing indicator "${entry.name}"${hint ? `; did you mean "${hint}"?` : ''}`);
  }
  const figure = figureAt(indicators, path);
  if (figure) {
    const fixed = isPlainObject(node) && isTypedIndicator(node) && typeof node.decimals === 'number' ? node.decimals : undefined;
    return { request: entry, name, single: { ...figureValue(figure), ...(fixed !== undefined ? { decimals: fixed } : {}) } };
  }
  const current = isPlainObject(node) ? FIGURE_KEYS.current.find((key) => Object.prototype.hasOwnProperty.call(node, key)) : undefined;
  if (isPlainObject(node) && !isTypedIndicator(node) && !current) {
    const periods = Object.entries(node).map(([label, value]) => ({ label, value: periodValue(entry, label, value, options) }));
    if (periods.length === 0) throw new ChartProblem(entry.offset, `chart: "${entry.name}" holds no values`);
    return { request: entry, name, periods };
  }
  // a typed indicator or a group whose current value is not a number (XX in a --draft build)
  const raw = isPlainObject(node) ? (isTypedIndicator(node) ? node.value : node[current!]) : node;
  if (typeof raw === 'string' && options.isBlank?.(raw)) return { request: entry, name, single: { value: null, decimals: 0 } };
  throw new ChartProblem(entry.offset, `chart: "${entry.name}" is ${describe(raw)}, not a number`);
}

function periodValue(entry: SeriesRequest, label: string, value: unknown, options: ChartDataOptions): Value {
  const inner = isPlainObject(value) && isTypedIndicator(value) ? value.value : value;
  const number = dataNumber(inner);
  if (number !== undefined) {
    const unit = isPlainObject(value) && typeof value.unit === 'string' && value.unit ? value.unit : undefined;
    const fixed = isPlainObject(value) && typeof value.decimals === 'number' ? value.decimals : undefined;
    return { value: number, decimals: fixed ?? writtenDecimals(number), unit };
  }
  if (typeof inner === 'string' && options.isBlank?.(inner)) return { value: null, decimals: 0 };
  throw new ChartProblem(entry.offset, `chart: "${entry.name}.${label}" is ${describe(inner)}, not a number`);
}

function figureValue(figure: Figure): Value {
  return { value: figure.value, decimals: writtenDecimals(figure.value), unit: figure.unit, figure };
}

/** Categories are the indicators; one series of their values, and one per `compare`. */
function perIndicator(request: ChartRequest, entries: Resolved[]): { categories: string[]; series: ChartSeries[] } {
  const categories = entries.map((e) => e.name);
  const values = entries.map((e) => e.single!);
  const series: ChartSeries[] = [{ name: request.compare.length > 0 ? '本期' : request.title ?? '数值', values: values.map((v) => v.value), decimals: values.map((v) => v.decimals) }];
  for (const field of request.compare) {
    const compared = entries.map((e) => {
      const figure = e.single!.figure;
      const value = figure?.[field];
      if (value === undefined && e.single!.value !== null) {
        const keys = field === 'previous' ? '`previous` or 上年同期' : '`target` or 全年目标';
        throw new ChartProblem(e.request.offset, `chart: "${e.request.name}" has no ${COMPARE_NAMES[field]} value (${keys}) to compare with`);
      }
      return { value: value ?? null, decimals: value === undefined ? 0 : writtenDecimals(value) };
    });
    series.push({ name: COMPARE_NAMES[field], values: compared.map((v) => v.value), decimals: compared.map((v) => v.decimals) });
  }
  return { categories, series };
}

/** Categories are the periods of the first indicator; every indicator must have the same ones. */
function perPeriod(request: ChartRequest, entries: Resolved[]): { categories: string[]; series: ChartSeries[] } {
  if (request.compare.length > 0) throw new ChartProblem(request.seriesOffset, 'chart: `compare` needs one value per indicator; for values per period, name each period series');
  const categories = entries[0].periods!.map((p) => p.label);
  for (const entry of entries.slice(1)) {
    const labels = entry.periods!.map((p) => p.label);
    if (labels.join('\0') !== categories.join('\0')) {
      throw new ChartProblem(entry.request.offset, `chart: "${entry.request.name}" has periods ${labels.join('、')}, but "${entries[0].request.name}" has ${categories.join('、')}`);
    }
  }
  return {
    categories,
    series: entries.map((e) => ({ name: e.name, values: e.periods!.map((p) => p.value.value), decimals: e.periods!.map((p) => p.value.decimals) })),
  };
}

function checkPie(request: ChartRequest, data: { categories: string[]; series: ChartSeries[] }): void {
  if (data.series.length !== 1) throw new ChartProblem(request.seriesOffset, `chart: a pie chart shows one series, got ${data.series.length}; use a bar chart to compare them`);
  const values = data.series[0].values;
  const negative = values.findIndex((v) => v !== null && v < 0);
  if (negative >= 0) throw new ChartProblem(request.seriesOffset, `chart: a pie chart cannot show the negative value ${values[negative]} (${data.categories[negative]})`);
  if (!values.some((v) => v !== null && v > 0)) throw new ChartProblem(request.seriesOffset, 'chart: a pie chart needs at least one value above 0');
}

/** The unit the values share; two different units in one chart are refused. */
function commonUnit(request: ChartRequest, entries: Resolved[]): string | undefined {
  let unit: string | undefined;
  let from: Resolved | undefined;
  for (const entry of entries) {
    const units = entry.single ? [entry.single.unit] : entry.periods!.map((p) => p.value.unit);
    for (const u of units) {
      if (!u) continue;
      if (unit && u !== unit) {
        throw new ChartProblem(entry.request.offset, `chart: "${entry.request.name}" is in ${u} but "${from!.request.name}" in ${unit}; one chart draws one unit (split it, or scale the data)`);
      }
      unit = u;
      from = entry;
    }
  }
  return request.type === 'pie' ? undefined : unit;
}

/** `规上工业产值.本期` is a path; a key that itself holds a dot is taken whole. */
export function indicatorPath(name: string, indicators: Record<string, unknown>): string[] {
  if (Object.prototype.hasOwnProperty.call(indicators, name)) return [name];
  return name.split('.').map((part) => part.trim());
}

export function knownPaths(indicators: Record<string, unknown>): string[] {
  const out = new Set<string>(Object.keys(indicators));
  for (const path of leafPaths(indicators)) {
    for (let n = 1; n <= path.length; n++) out.add(path.slice(0, n).join('.'));
  }
  return [...out];
}

/** Digits after the point as the data writes the number (43.95 → 2): labels print what {{…}} prints. */
export function writtenDecimals(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const point = text.indexOf('.');
  return point < 0 ? 0 : Math.min(MAX_DECIMALS, text.length - point - 1);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group without a current value';
  return String(value);
}
