/**
 * Numbers as indicator data holds them and as reports print them: reading a value (a YAML
 * number, or a numeric string from --set or quotes), rounding half away from zero on the decimal
 * digits, and the two rates every report states (growth over a year earlier, completion of a
 * target). Template helpers and lint both compute through here, so they cannot disagree.
 */

/**
 * A value a template helper cannot use. The renderer reports it at the mustache's file:line:col
 * (lint renders leniently and prints the raw value instead).
 */
export class HelperError extends Error {}

const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/;
const DECIMAL_OR_EXPONENT = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** A number from YAML data: numbers, and plain decimal strings (quoted values, --set); else undefined. */
export function dataNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  return undefined;
}

/** A helper's numeric argument (a typed indicator stands for its value); HelperError otherwise. */
export function toNumber(helper: string, value: unknown): number {
  if (typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, 'value')) value = (value as { value: unknown }).value;
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_OR_EXPONENT.test(value) ? Number(value) : undefined;
  if (n === undefined) throw new HelperError(`${helper}: expected a number, got ${describeValue(value)}`);
  return printableNumber(helper, n);
}

/** From 10^21 on JavaScript prints numbers with an exponent (1e+21): no figure may reach it. */
export const MAX_PRINTABLE = 1e21;

/** `n` when it can be printed in digits; a HelperError otherwise (1e400 is infinity, 10^21 prints as 1e+21). */
export function printableNumber(helper: string, n: number): number {
  if (!Number.isFinite(n) || Math.abs(n) >= MAX_PRINTABLE) throw new HelperError(`${helper}: ${describeValue(n)} is too large to print exactly (figures must stay below 10^21)`);
  return n;
}

/** A value as an error message names it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (is the indicator missing?)';
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}

/**
 * Round half away from zero on the decimal digits (statistical convention: 2.45 → 2.5), avoiding
 * binary artefacts such as 1.005 → 1.00 that toFixed gives.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(shifted)) / factor;
}

/** `value` with `decimals` digits (as written when undefined), optionally with thousands separators. */
export function formatFixed(value: number, decimals: number | undefined, separator = false): string {
  const rounded = decimals === undefined ? value : roundHalfAway(value, decimals);
  let text = decimals === undefined ? String(rounded) : rounded.toFixed(decimals);
  if (text.startsWith('-') && Number(text) === 0) text = text.slice(1);
  if (!separator) return text;
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Growth in percent of `value` over `previous`: (value − previous) / |previous| × 100. */
export function growthRate(value: number, previous: number): number {
  return ((value - previous) / Math.abs(previous)) * 100;
}

/** Completion in percent of `target`: value / target × 100. */
export function completionRate(value: number, target: number): number {
  return (value / target) * 100;
}
