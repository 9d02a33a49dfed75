/**
 * Typed indicators: a mapping with a numeric `value` (and optionally unit, previous, target,
 * decimals) instead of a bare number, e.g. `规上工业产值: {value: 48.62, unit: 亿元, previous: 45.27}`.
 * `{{规上工业产值}}` prints the value with its unit; the helpers here derive the figures a report
 * states (同比增长, 完成率, 百分点, 亿元/万元) from the data instead of hand arithmetic.
 *
 * Rounding: half away from zero on the decimal digits; percentages and 百分点 to one decimal
 * unless a decimals argument is given; values as written unless the indicator sets `decimals`.
 */
import { formatFixed, growthFromPrevious, HelperError, roundHalfAway, toNumber } from './helpers.js';

export interface TypedIndicator {
  value: number;
  unit?: string;
  previous?: number;
  target?: number;
  decimals?: number;
}

export function isTypedIndicator(value: unknown): value is TypedIndicator {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'value');
}

/** How a typed indicator prints: `48.62亿元`. */
export function formatTypedIndicator(indicator: TypedIndicator): string {
  // An unfilled value (`XX`, `待定`) prints as written so the blank check reports it at its YAML line.
  if (typeof indicator.value !== 'number') return `${String(indicator.value ?? '')}${indicator.unit ?? ''}`;
  const value = indicator.value;
  const decimals = indicator.decimals === undefined ? undefined : toNumber('decimals', indicator.decimals);
  return `${formatFixed(value, decimals)}${indicator.unit ?? ''}`;
}

/** A plain number, or the value of a typed indicator. */
export function numericValue(helper: string, value: unknown): number {
  return toNumber(helper, isTypedIndicator(value) ? value.value : value);
}

function field(helper: string, value: unknown, name: 'previous' | 'target'): number {
  if (!isTypedIndicator(value)) throw new HelperError(`${helper}: expects an indicator with \`value\` and \`${name}\`, got ${typeof value === 'number' ? 'a bare number' : 'something else'}`);
  if (value[name] === undefined || value[name] === null) throw new HelperError(`${helper}: the indicator has no \`${name}\``);
  return toNumber(`${helper} (${name})`, value[name]);
}

/** Growth in percent from `previous`: (value − previous) / previous × 100. */
export function growthPercent(helper: string, value: unknown): number {
  const previous = field(helper, value, 'previous');
  return growthFromPrevious({ value: numericValue(helper, value), previous }, helper);
}

/** {{growth 规上工业产值}} → 7.4 (signed, one decimal): for tables and "增速7.4%". */
export function growth(value: unknown, decimals?: unknown): string {
  const places = typeof decimals === 'number' ? decimals : 1;
  return formatFixed(growthPercent('growth', value), places);
}

/** {{completion 固定资产投资}} / {{完成率 …}} → 61.2% of `target`. */
export function completion(value: unknown, decimals?: unknown): string {
  const target = field('completion', value, 'target');
  if (target === 0) throw new HelperError('completion: target is 0');
  const places = typeof decimals === 'number' ? decimals : 1;
  return `${formatFixed((numericValue('completion', value) / target) * 100, places)}%`;
}

/**
 * Difference of two rates in 百分点: {{pp 城镇化率}} (value − previous) or {{pp 8.6 7.4}} →
 * 提高1.2个百分点 / 下降0.3个百分点 / 持平.
 */
export function percentagePoints(a: unknown, b?: unknown, decimals?: unknown): string {
  const twoNumbers = b !== undefined && !isOptionsObject(b);
  const difference = twoNumbers ? numericValue('pp', a) - numericValue('pp', b) : numericValue('pp', a) - field('pp', a, 'previous');
  const places = twoNumbers && typeof decimals === 'number' ? decimals : typeof b === 'number' && !twoNumbers ? b : 1;
  const rounded = roundHalfAway(difference, places);
  if (rounded === 0) return '持平';
  return `${rounded > 0 ? '提高' : '下降'}${formatFixed(Math.abs(rounded), places)}个百分点`;
}

const UNIT_FACTORS: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 千元: 1e3, 个: 1, 万: 1e4, 亿: 1e8, 人: 1, 万人: 1e4, 亩: 1, 万亩: 1e4, 公斤: 1, 万公斤: 1e4, 吨: 1, 万吨: 1e4, 人次: 1, 万人次: 1e4, 千瓦时: 1, 万千瓦时: 1e4, 亿千瓦时: 1e8 };

/**
 * 亿元/万元 scaling without hand arithmetic: {{scale 486200 "万元" "亿元" 2}} → 48.62;
 * {{scale 规上工业产值 "万元"}} converts a typed indicator from its own unit.
 */
export function scale(value: unknown, ...rest: unknown[]): string {
  const args = rest.filter((a) => !isOptionsObject(a));
  let from: unknown;
  let to: unknown;
  let decimals: unknown;
  if (isTypedIndicator(value)) [to, decimals] = args, from = value.unit;
  else [from, to, decimals] = args;
  if (typeof from !== 'string' || !(from in UNIT_FACTORS)) throw new HelperError(`scale: unknown source unit ${JSON.stringify(from)} (known: ${Object.keys(UNIT_FACTORS).join(' ')})`);
  if (typeof to !== 'string' || !(to in UNIT_FACTORS)) throw new HelperError(`scale: unknown target unit ${JSON.stringify(to)}`);
  const result = (numericValue('scale', value) * UNIT_FACTORS[from]) / UNIT_FACTORS[to];
  return formatFixed(result, typeof decimals === 'number' ? decimals : 2);
}

/** {{minus a b}}: a − b as a plain number (values of typed indicators), for 当月 = 累计 − 上月累计. */
export function minus(a: unknown, b: unknown): number {
  return numericValue('minus', a) - numericValue('minus', b);
}

function isOptionsObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}
