/**
 * The template helpers of spec/product.md (num, pct, change, cn, date). Pure formatting; a value
 * that cannot be formatted throws HelperError, which the renderer turns into an error at the
 * mustache's file:line:col.
 */
import { figureArgument, growthPercent } from '../indicators/arguments.js';
import { describeValue, formatFixed, HelperError, roundHalfAway, toNumber } from '../indicators/numbers.js';
import { chineseNumeral } from '../text/chinese-numeral.js';

export { HelperError };

type Options = { hash?: Record<string, unknown> };

function decimalsArg(helper: string, value: unknown, fallback: number | undefined): number | undefined {
  if (value === undefined || isOptions(value)) return fallback;
  const n = toNumber(helper, value);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new HelperError(`${helper}: decimals must be a whole number from 0 to 10, got ${describeValue(value)}`);
  return n;
}

/** Handlebars passes its options object as the last argument of every helper call. */
export function isOptions(value: unknown): value is Options {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** {{num 12345.678 2}} → 12345.68; {{num x 2 sep=true}} → 12,345.68; {{num x}} → as written. */
export function num(value: unknown, decimals?: unknown, options?: Options): string {
  const opts = isOptions(decimals) ? decimals : options;
  return formatFixed(figureArgument('num', value).value, decimalsArg('num', decimals, undefined), opts?.hash?.sep === true);
}

/** {{pct 8.2}} → 8.2%; one decimal unless given ({{pct 8.25 2}} → 8.25%). */
export function pct(value: unknown, decimals?: unknown): string {
  return `${formatFixed(figureArgument('pct', value).value, decimalsArg('pct', decimals, 1))}%`;
}

/**
 * {{change 8.2}} → 增长8.2%; {{change -1.3}} → 下降1.3%; {{change 0}} → 持平 (after rounding).
 * Given a typed indicator or a free-form group, the growth rate is computed from its previous
 * value; a typed rate (unit %) without one is itself the change.
 */
export function change(value: unknown, decimals?: unknown): string {
  const places = decimalsArg('change', decimals, 1) ?? 1;
  return worded(changePercent('change', value), places, '增长', '下降', '%');
}

/** The growth in % a figure states or implies: (value − previous) / |previous| for figures. */
export function changePercent(helper: string, value: unknown): number {
  const figure = figureArgument(helper, value);
  if (!figure.isFigure || (figure.previous === undefined && (figure.unit === '%' || figure.unit === '％'))) return figure.value;
  return growthPercent(helper, value);
}

/** 增长8.2% / 下降1.3% / 持平, rounded first (a change of 0.04 is 持平 at one decimal). */
export function worded(amount: number, places: number, up: string, down: string, unit: string): string {
  const rounded = roundHalfAway(amount, places);
  if (rounded === 0) return '持平';
  return `${rounded > 0 ? up : down}${formatFixed(Math.abs(rounded), places)}${unit}`;
}

/** {{cn 3}} → 三; {{cn 12}} → 十二. */
export function cn(value: unknown): string {
  const n = toNumber('cn', value);
  if (!Number.isInteger(n)) throw new HelperError(`cn: expected a whole number, got ${describeValue(value)}`);
  if (Math.abs(n) >= 1e12) throw new HelperError(`cn: ${n} is too large`);
  return chineseNumeral(n);
}

/** {{date "2023-06-20"}} → 2023年6月20日 (GB/T 9704 §7.3.5.4: full year, no zero padding). */
export function date(value: unknown): string {
  return formatChineseDate(value, 'date');
}

export function formatChineseDate(value: unknown, helper = 'date'): string {
  let year: number, month: number, day: number;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    [year, month, day] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  } else if (typeof value === 'string' && /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.test(value)) {
    const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(value)!;
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    throw new HelperError(`${helper}: expected a date like "2023-06-20", got ${describeValue(value)}`);
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw new HelperError(`${helper}: ${year}-${month}-${day} is not a real date`);
  return `${year}年${month}月${day}日`;
}

/** Helpers Handlebars itself provides; allowed in templates, never shadowed. */
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
