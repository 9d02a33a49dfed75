/**
 * What a "figure" is in the indicator data: a value with, where the data says, its unit, the
 * value a year earlier, the target, and rates the data states itself. Two shapes are understood:
 *
 *   规上工业产值: {value: 48.62, unit: 亿元, previous: 45.27, target: 105}     # typed
 *   规上工业产值: {本期: 48.62, 上年同期: 45.27, 增速: 7.4, 全年目标: 105}    # free-form, by key name
 *
 * The free-form key names are a documented convention (FIGURE_KEYS); a group with two candidates
 * for the current value (本月 and 累计) is ambiguous and is no figure at all.
 */
import { isPlainObject, lookup } from './lookup.js';
import { completionRate, dataNumber, growthRate } from './numbers.js';
import { LAST_YEAR_KEY, PREVIOUS_KEY } from './periods.js';
import { isTypedIndicator } from './typed.js';

/** Key names of a free-form figure group; the first key present (with a number) wins. */
export const FIGURE_KEYS = {
  current: ['本期', '本年', '本年累计', '累计', '本月', '当期', '今年', '实际', '完成', '完成值'],
  previous: ['上年同期', '去年同期', '上年', '去年', '上年累计', '上年同期累计'],
  target: ['全年目标', '年度目标', '目标', '目标任务', '全年任务', '年度任务', '计划', '全年计划'],
  /** A growth rate stated in the data itself (in %), checked against current/previous. */
  growth: ['增速', '同比', '同比增长', '同比增速', '增幅', '增长', '增长率', 'growth'],
  /** A completion rate stated in the data itself (in %), checked against current/target. */
  completion: ['完成率', '目标完成率', '任务完成率', '全年任务完成率', '年度目标完成率', '全年目标完成率', 'completion'],
} as const;

export interface Figure {
  /** Path of the typed indicator or free-form group; of the leaf itself for a plain number. */
  path: string[];
  /** The indicator's name as a reader sees it in the text (规上工业产值). */
  name: string;
  value: number;
  /** The data's unit (typed indicators only). */
  unit?: string;
  previous?: number;
  target?: number;
  /** A growth or completion rate written in the data, with the key it is written under. */
  statedGrowth?: { key: string; value: number };
  statedCompletion?: { key: string; value: number };
  /** A rate (unit %, or a name ending in 率): changes are in 百分点, not %. */
  isRate: boolean;
  kind: 'typed' | 'group' | 'plain';
}

function firstNumber(group: Record<string, unknown>, keys: readonly string[]): { key: string; value: number } | undefined {
  for (const key of keys) {
    const value = dataNumber(group[key]);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

/** The typed indicator or free-form group at `path` as a figure, or undefined. */
export function figureOfNode(path: string[], node: unknown): Figure | undefined {
  if (!isPlainObject(node) || path.length === 0) return undefined;
  const name = path[path.length - 1];
  if (isTypedIndicator(node)) {
    const value = dataNumber(node.value);
    if (value === undefined) return undefined;
    const unit = typeof node.unit === 'string' && node.unit !== '' ? node.unit : undefined;
    return {
      path, name, value, unit, kind: 'typed',
      previous: dataNumber(node.previous), target: dataNumber(node.target),
      statedGrowth: firstNumber(node as Record<string, unknown>, FIGURE_KEYS.growth),
      statedCompletion: firstNumber(node as Record<string, unknown>, FIGURE_KEYS.completion),
      isRate: unit === '%' || unit === '％' || (unit === undefined && isRateName(name)),
    };
  }
  const currents = FIGURE_KEYS.current.filter((k) => dataNumber(node[k]) !== undefined);
  if (currents.length !== 1) return undefined;
  return {
    path, name, value: dataNumber(node[currents[0]])!, kind: 'group',
    previous: firstNumber(node, FIGURE_KEYS.previous)?.value, target: firstNumber(node, FIGURE_KEYS.target)?.value,
    statedGrowth: firstNumber(node, FIGURE_KEYS.growth), statedCompletion: firstNumber(node, FIGURE_KEYS.completion),
    isRate: isRateName(name),
  };
}

/** A name that says its figure is a percentage: 城镇化率, 完成率, 占比, 比重, 增速 … */
export function isRateName(name: string): boolean {
  return /(?:率|占比|比重|增速|增幅)$/.test(name) || (FIGURE_KEYS.growth as readonly string[]).includes(name);
}

/**
 * The figure a reference prints: `{{规上工业产值}}` and `{{规上工业产值.value}}` (typed),
 * `{{规上工业产值.本期}}` (the current value of a group), or a plain number (`{{招商引资.协议投资}}`).
 * A reference to `previous`, `target`, `增速` … prints some other number and gives undefined.
 */
export function figureAt(indicators: Record<string, unknown>, path: string[]): Figure | undefined {
  if (path.length === 0 || path[0] === PREVIOUS_KEY || path[0] === LAST_YEAR_KEY) return undefined;
  const node = lookup(indicators, path);
  const own = figureOfNode(path, node);
  if (own) return own;
  if (path.length < 2) return plainFigure(path, node);
  const parentPath = path.slice(0, -1);
  const parent = lookup(indicators, parentPath);
  const leaf = path[path.length - 1];
  if (isPlainObject(parent) && isTypedIndicator(parent)) return leaf === 'value' ? figureOfNode(parentPath, parent) : undefined;
  if (isPlainObject(parent) && (FIGURE_KEYS.current as readonly string[]).includes(leaf)) return figureOfNode(parentPath, parent);
  if (isPlainObject(parent) && figureOfNode(parentPath, parent)) return undefined; // 上年同期, 增速 … of a group
  return plainFigure(path, node);
}

function plainFigure(path: string[], node: unknown): Figure | undefined {
  const value = dataNumber(node);
  if (value === undefined) return undefined;
  const name = path[path.length - 1];
  return { path, name, value, kind: 'plain', isRate: isRateName(name) };
}

/** Every typed indicator and free-form group in the data (not the linked earlier periods). */
export function allFigures(indicators: Record<string, unknown>, prefix: string[] = []): Figure[] {
  const out: Figure[] = [];
  for (const [key, node] of Object.entries(indicators)) {
    if (prefix.length === 0 && (key === PREVIOUS_KEY || key === LAST_YEAR_KEY)) continue;
    const path = [...prefix, key];
    const figure = figureOfNode(path, node);
    if (figure) out.push(figure);
    else if (isPlainObject(node)) out.push(...allFigures(node, path));
  }
  return out;
}

/** Growth in % from `previous`, when the figure has a non-zero one. */
export function growthFromData(figure: Figure): number | undefined {
  return figure.previous !== undefined && figure.previous !== 0 ? growthRate(figure.value, figure.previous) : undefined;
}

/** Completion in % of the target, when the figure has a non-zero one. */
export function completionFromData(figure: Figure): number | undefined {
  return figure.target !== undefined && figure.target !== 0 ? completionRate(figure.value, figure.target) : undefined;
}

/** Growth in % from the data: from `previous` when there is one, else the growth the data states. */
export function expectedGrowth(figure: Figure): { percent: number; from: 'previous' | 'stated' } | undefined {
  const computed = growthFromData(figure);
  if (computed !== undefined) return { percent: computed, from: 'previous' };
  if (figure.statedGrowth) return { percent: figure.statedGrowth.value, from: 'stated' };
  return undefined;
}

/** Completion in % of the target from the data, else the completion rate the data states. */
export function expectedCompletion(figure: Figure): { percent: number; from: 'target' | 'stated' } | undefined {
  const computed = completionFromData(figure);
  if (computed !== undefined) return { percent: computed, from: 'target' };
  if (figure.statedCompletion) return { percent: figure.statedCompletion.value, from: 'stated' };
  return undefined;
}
