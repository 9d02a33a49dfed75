/**
 * The text of a ```chart fence → what the author asked for, with the offset of every value in
 * the fence so a problem is reported at its line. YAML inside the fence:
 *
 *   type: bar                          # bar | line | pie (柱状图, 折线图, 饼图)
 *   title: 主要经济指标完成情况         # the caption after 图N
 *   id: 主要指标                        # key for references: [图](#主要指标)
 *   series: [规上工业产值, 固定资产投资] # indicators; {工业: 规上工业产值} renames one
 *   compare: previous                  # bar/line: add 上年同期 (previous) or 目标 (target)
 *   unit: 亿元                          # optional; else the indicators' own unit
 *
 * Nothing here reads indicators (data.ts does) or knows about the writers.
 */
import { yamlErrorWords } from '../text/yaml-error-words.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { didYouMean } from '../text/did-you-mean.js';

export type ChartType = 'bar' | 'line' | 'pie';
export type CompareWith = 'previous' | 'target';

/** A problem in the fence, at a UTF-16 offset of the fence text. */
export class ChartProblem extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
    this.name = 'ChartProblem';
  }
}

export interface SeriesRequest {
  /** Legend or category text, when the author renamed the indicator. */
  label?: string;
  /** The indicator path as written (`规上工业产值`, `月度.产值`). */
  name: string;
  offset: number;
  /** Where the renamed label is written in the fence. */
  labelRange?: TextRange;
}

/** [start, end) UTF-16 offsets in the fence text. */
export type TextRange = [start: number, end: number];

export interface ChartRequest {
  type: ChartType;
  title?: string;
  key?: string;
  series: SeriesRequest[];
  compare: CompareWith[];
  unit?: string;
  /** Offset of the `series` value (for problems about the series as a whole). */
  seriesOffset: number;
  /** Where the text the chart prints is written (title, unit, renamed series): lint looks for blanks there. */
  printed: TextRange[];
}

const KEYS = ['type', 'title', 'id', 'series', 'compare', 'unit'];
const TYPES: Record<string, ChartType> = { bar: 'bar', line: 'line', pie: 'pie', 柱状图: 'bar', 条形图: 'bar', 折线图: 'line', 饼图: 'pie' };
const COMPARE: Record<string, CompareWith> = { previous: 'previous', target: 'target', 上年同期: 'previous', 去年同期: 'previous', 目标: 'target', 全年目标: 'target' };
/** Key for references, as in a caption's {#key}. */
export const CAPTION_KEY = /^[\p{L}\p{N}_:.-]+$/u;

export function parseChartFence(text: string): ChartRequest {
  const document = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new ChartProblem(error.pos?.[0] ?? 0, `chart: YAML syntax error: ${yamlErrorWords(error, text)}`);
  }
  const root = document.contents;
  if (!isMap(root)) throw new ChartProblem(0, 'chart: expected keys such as `type: bar` and `series: [指标, …]`');
  const pairs = new Map<string, Pair>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!KEYS.includes(key)) {
      const hint = didYouMean(key, KEYS);
      throw new ChartProblem(startOf(pair.key as Node), `chart: unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ` (known: ${KEYS.join(', ')})`}`);
    }
    pairs.set(key, pair);
  }
  const typePair = pairs.get('type');
  if (!typePair) throw new ChartProblem(0, 'chart: `type` is missing (bar, line or pie)');
  const typeText = scalarText(typePair, 'type');
  const type = TYPES[typeText];
  if (!type) {
    const hint = didYouMean(typeText, Object.keys(TYPES));
    throw new ChartProblem(valueOffset(typePair), `chart: unknown type "${typeText}"${hint ? `; did you mean "${hint}"?` : ''} (bar, line or pie)`);
  }
  const seriesPair = pairs.get('series');
  if (!seriesPair) throw new ChartProblem(0, 'chart: `series` is missing: name the indicators to draw, e.g. series: [规上工业产值, 固定资产投资]');
  const series = seriesList(seriesPair);
  const compare = compareList(pairs.get('compare'));
  if (compare.length > 0 && type === 'pie') throw new ChartProblem(valueOffset(pairs.get('compare')!), 'chart: a pie chart shows one series; `compare` is for bar and line charts');
  const key = pairs.has('id') ? scalarText(pairs.get('id')!, 'id') : undefined;
  if (key !== undefined && !CAPTION_KEY.test(key)) throw new ChartProblem(valueOffset(pairs.get('id')!), `chart: id "${key}" may hold letters, digits, _ : . - only`);
  return {
    type,
    title: pairs.has('title') ? scalarText(pairs.get('title')!, 'title') : undefined,
    key,
    series,
    compare,
    unit: pairs.has('unit') ? scalarText(pairs.get('unit')!, 'unit') : undefined,
    seriesOffset: valueOffset(seriesPair),
    printed: [rangeOf(pairs.get('title')?.value), rangeOf(pairs.get('unit')?.value), ...series.map((s) => s.labelRange)]
      .filter((range): range is TextRange => range !== undefined),
  };
}

function rangeOf(node: unknown): TextRange | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

function seriesList(pair: Pair): SeriesRequest[] {
  const value = pair.value as Node | null;
  const out: SeriesRequest[] = [];
  if (isSeq(value)) {
    for (const item of value.items as Node[]) {
      if (isScalar(item) && item.value !== null && String(item.value).trim()) out.push({ name: String(item.value).trim(), offset: startOf(item) });
      else if (isMap(item) && item.items.length === 1) out.push(renamed(item.items[0] as Pair));
      else throw new ChartProblem(startOf(item), 'chart: each series entry names an indicator (规上工业产值) or renames one ({工业: 规上工业产值})');
    }
  } else if (isMap(value)) {
    for (const item of value.items as Pair[]) out.push(renamed(item));
  } else if (isScalar(value) && value.value !== null && String(value.value).trim()) {
    out.push({ name: String(value.value).trim(), offset: startOf(value) });
  }
  if (out.length === 0) throw new ChartProblem(valueOffset(pair), 'chart: `series` names no indicator; e.g. series: [规上工业产值, 固定资产投资]');
  return out;
}

function renamed(pair: Pair): SeriesRequest {
  const label = isScalar(pair.key) ? String(pair.key.value).trim() : '';
  const value = pair.value as Node | null;
  if (!label || !isScalar(value) || value.value === null || !String(value.value).trim()) {
    throw new ChartProblem(startOf(pair.key as Node), 'chart: a renamed series is `显示名: 指标`, e.g. 工业: 规上工业产值');
  }
  return { label, name: String(value.value).trim(), offset: startOf(value), labelRange: rangeOf(pair.key) };
}

function compareList(pair: Pair | undefined): CompareWith[] {
  if (!pair) return [];
  const value = pair.value as Node | null;
  const items = isSeq(value) ? (value.items as Node[]) : [value as Node];
  return items.map((item) => {
    const text = isScalar(item) ? String(item.value) : '';
    const found = COMPARE[text];
    if (!found) throw new ChartProblem(item ? startOf(item) : valueOffset(pair), `chart: compare "${text}" is not previous (上年同期) or target (目标)`);
    return found;
  });
}

function scalarText(pair: Pair, key: string): string {
  const value = pair.value as Node | null;
  if (!isScalar(value) || value.value === null || typeof value.value === 'object') throw new ChartProblem(valueOffset(pair), `chart: \`${key}\` expects text`);
  return String(value.value).trim();
}

function valueOffset(pair: Pair): number {
  const value = pair.value as Node | null;
  return value ? startOf(value) : startOf(pair.key as Node);
}

function startOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
