/**
 * Typed indicators: a mapping with a numeric `value` (and optionally unit, previous, target,
 * decimals) instead of a bare number, e.g. `规上工业产值: {value: 48.62, unit: 亿元, previous: 45.27}`.
 * `{{规上工业产值}}` prints the value with its unit; the figures a report states (同比增长, 完成率)
 * are derived from the fields instead of hand arithmetic.
 */
import { formatFixed, toNumber } from './numbers.js';

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
