/**
 * The helpers over typed indicators: they derive the figures a report states (同比增长, 完成率,
 * 百分点, 亿元/万元) from the data instead of hand arithmetic. The data model and the arithmetic
 * are src/indicators'; units and their factors are src/text/units.ts'.
 *
 * Rounding: half away from zero on the decimal digits; percentages and 百分点 to one decimal
 * unless a decimals argument is given; values as written unless the indicator sets `decimals`.
 */
import { figureArgument, growthPercent, requireField } from '../indicators/arguments.js';
import { completionRate, formatFixed, HelperError, printableNumber } from '../indicators/numbers.js';
import { isTypedIndicator } from '../indicators/typed.js';
import { SCALABLE_UNITS } from '../text/units.js';
import { isOptions, worded } from './helpers.js';

/** {{growth 规上工业产值}} → 7.4 (signed, one decimal): for tables and "增速7.4%". */
export function growth(value: unknown, decimals?: unknown): string {
  const places = typeof decimals === 'number' ? decimals : 1;
  return formatFixed(growthPercent('growth', value), places);
}

/** {{completion 固定资产投资}} / {{完成率 …}} → 61.2% of `target`. */
export function completion(value: unknown, decimals?: unknown): string {
  const figure = figureArgument('completion', value);
  const target = requireField('completion', figure, 'target');
  if (target === 0) throw new HelperError('completion: target is 0');
  const places = typeof decimals === 'number' ? decimals : 1;
  return `${formatFixed(completionRate(figure.value, target), places)}%`;
}

/**
 * Difference of two rates in 百分点: {{pp 城镇化率}} (value − previous) or {{pp 8.6 7.4}} →
 * 提高1.2个百分点 / 下降0.3个百分点 / 持平.
 */
export function percentagePoints(a: unknown, b?: unknown, decimals?: unknown): string {
  const twoNumbers = b !== undefined && !isOptions(b);
  const first = figureArgument('pp', a);
  // {{pp 城镇化率 2}}: num, pct and change take decimals second, pp a second rate; with a figure
  // that has its own previous value, the author's meaning cannot be told, and a guess prints a
  // wrong difference (60.5 − 2)
  if (twoNumbers && first.previous !== undefined && typeof b === 'number') {
    throw new HelperError(`pp: ${String(b)} after a figure with its own previous value is ambiguous; write {{pp 指标}} for value − previous, or give two rates: {{pp 本期 上期}}`);
  }
  const difference = first.value - (twoNumbers ? figureArgument('pp', b).value : requireField('pp', first, 'previous'));
  const places = twoNumbers && typeof decimals === 'number' ? decimals : 1;
  return worded(difference, places, '提高', '下降', '个百分点');
}

const SCALE_FACTORS = new Map(SCALABLE_UNITS.map((unit) => [unit.text, unit.factor]));

/**
 * 亿元/万元 scaling without hand arithmetic: {{scale 486200 "万元" "亿元" 2}} → 48.62;
 * {{scale 规上工业产值 "万元"}} converts a typed indicator from its own unit.
 */
export function scale(value: unknown, ...rest: unknown[]): string {
  const args = rest.filter((a) => !isOptions(a));
  let from: unknown;
  let to: unknown;
  let decimals: unknown;
  if (isTypedIndicator(value)) [to, decimals] = args, from = value.unit;
  else [from, to, decimals] = args;
  if (typeof from !== 'string' || !SCALE_FACTORS.has(from)) throw new HelperError(`scale: unknown source unit ${JSON.stringify(from)} (known: ${[...SCALE_FACTORS.keys()].join(' ')})`);
  if (typeof to !== 'string' || !SCALE_FACTORS.has(to)) throw new HelperError(`scale: unknown target unit ${JSON.stringify(to)}`);
  const result = printableNumber('scale', (figureArgument('scale', value).value * SCALE_FACTORS.get(from)!) / SCALE_FACTORS.get(to)!);
  return formatFixed(result, typeof decimals === 'number' ? decimals : 2);
}

/** {{minus a b}}: a − b as a plain number (values of typed indicators), for 当月 = 累计 − 上月累计. */
export function minus(a: unknown, b: unknown): number {
  return figureArgument('minus', a).value - figureArgument('minus', b).value;
}
