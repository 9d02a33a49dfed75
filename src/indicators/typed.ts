/**
 * Typed indicators: a mapping with a numeric `value` (and optionally unit, previous, target,
 * decimals) instead of a bare number, e.g. `规上工业产值: {value: 48.62, unit: 亿元, previous: 45.27}`.
 * `{{规上工业产值}}` prints the value with its unit; the figures a report states (同比增长, 完成率)
 * are derived from the fields instead of hand arithmetic.
 */
import { formatFixed, growthRate, HelperError, toNumber } from './numbers.js';

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
  const decimals = indicator.decimals === undefined ? undefined : toNumber('decimals', indicator.decimals);
  return `${formatFixed(indicator.value, decimals)}${indicator.unit ?? ''}`;
}

/** A plain number, or the value of a typed indicator. */
export function numericValue(helper: string, value: unknown): number {
  return toNumber(helper, isTypedIndicator(value) ? value.value : value);
}

/** The `previous` or `target` of a typed indicator, or a HelperError saying what is missing. */
export function indicatorField(helper: string, value: unknown, name: 'previous' | 'target'): number {
  if (!isTypedIndicator(value)) throw new HelperError(`${helper}: expects an indicator with \`value\` and \`${name}\`, got ${typeof value === 'number' ? 'a bare number' : 'something else'}`);
  if (value[name] === undefined || value[name] === null) throw new HelperError(`${helper}: the indicator has no \`${name}\``);
  return toNumber(`${helper} (${name})`, value[name]);
}

/** Whether a value carries a `previous` to compute a growth rate from. */
export function hasPrevious(value: unknown): value is { value: unknown; previous: unknown } {
  return typeof value === 'object' && value !== null && 'value' in value && 'previous' in value && (value as { previous: unknown }).previous != null;
}

/** Growth in percent of `value` over `previous`; a HelperError when previous is 0. */
export function growthFromPrevious(indicator: { value: unknown; previous: unknown }, helper = 'change'): number {
  const previous = toNumber(`${helper} (previous)`, indicator.previous);
  if (previous === 0) throw new HelperError(`${helper}: previous value is 0, a growth rate cannot be computed`);
  return growthRate(toNumber(helper, indicator.value), previous);
}

/** Growth in percent of a typed indicator from its `previous`. */
export function growthPercent(helper: string, value: unknown): number {
  const previous = indicatorField(helper, value, 'previous');
  return growthFromPrevious({ value: numericValue(helper, value), previous }, helper);
}
