/**
 * Every helper a template may call, by name (English names and the Chinese alias 完成率), with
 * what it prints and takes. The renderer registers `run`; lint reads `prints` to know which
 * substitutions print a figure from the data (and so can be checked against the text around them).
 */
import { monthText, ytdText } from '../indicators/periods.js';
import { change, cn, date, num, pct } from './helpers.js';
import { completion, growth, minus, percentagePoints, scale } from './indicators.js';

/**
 * What a helper prints:
 *   figure         the figure's own digits, in the data's unit (num);
 *   scaled-figure  the figure's digits converted to the unit named in the call (scale);
 *   rate           a percentage (pct, completion);
 *   change         a change worded or signed (增长8.2%, 提高1.2个百分点, 7.4);
 *   number         the result of arithmetic on figures (minus);
 *   text           words and dates (三, 2023年6月20日, 2024年1-5月, 5月份).
 */
export type PrintedKind = 'figure' | 'scaled-figure' | 'rate' | 'change' | 'number' | 'text';

/**
 * One argument, in call order; `?` marks an optional one. The figure kinds are checked against
 * the data before rendering (argument-kinds.ts), so a helper never prints a figure of the wrong kind:
 *   figure              any number (an amount, a rate, a bare number);
 *   rate                a percentage — not an amount the data gives a unit for ({{pct 财政收入}} in 万元);
 *   change              a growth rate (增速, unit %) or a figure with its previous value;
 *   with-previous       a figure (not a rate) with its previous value (value/previous, 本期/上年同期);
 *   with-target         a figure with its target;
 *   rate-with-previous  a rate with its previous value (its difference is in 百分点).
 */
export type ArgumentKind = 'figure' | 'rate' | 'rate?' | 'change' | 'with-previous' | 'with-target' | 'rate-with-previous'
  | 'number' | 'decimals?' | 'unit' | 'unit?' | 'date' | 'period';

type Helper = (...args: unknown[]) => string;

export interface HelperMeta {
  name: string;
  prints: PrintedKind;
  takes: ArgumentKind[];
  /** What the first argument must be when it is the only figure given ({{pp 城镇化率}}). */
  alone?: ArgumentKind;
  run: Helper;
}

const helper = (name: string, prints: PrintedKind, takes: ArgumentKind[], run: unknown, alone?: ArgumentKind): HelperMeta => ({ name, prints, takes, alone, run: run as Helper });

export const HELPER_LIST: readonly HelperMeta[] = [
  helper('num', 'figure', ['figure', 'decimals?'], num),
  helper('pct', 'rate', ['rate', 'decimals?'], pct),
  helper('change', 'change', ['change', 'decimals?'], change),
  helper('cn', 'text', ['number'], cn),
  helper('date', 'text', ['date'], date),
  helper('growth', 'change', ['with-previous', 'decimals?'], growth),
  helper('completion', 'rate', ['with-target', 'decimals?'], completion),
  helper('完成率', 'rate', ['with-target', 'decimals?'], completion),
  helper('pp', 'change', ['rate', 'rate?', 'decimals?'], percentagePoints, 'rate-with-previous'),
  // A typed indicator converts from its own unit ({{scale x "亿元"}}); a bare number names both.
  helper('scale', 'scaled-figure', ['figure', 'unit', 'unit?', 'decimals?'], scale),
  helper('minus', 'number', ['figure', 'figure'], minus),
  helper('ytd', 'text', ['period'], ytdText),
  helper('month', 'text', ['period'], monthText),
];

export const HELPER_BY_NAME = new Map(HELPER_LIST.map((h) => [h.name, h]));

export const HELPERS: Record<string, Helper> = Object.fromEntries(HELPER_LIST.map((h) => [h.name, h.run]));

/** Names of the helpers that print `kinds` of figures. */
export function helpersPrinting(...kinds: PrintedKind[]): string[] {
  return HELPER_LIST.filter((h) => kinds.includes(h.prints)).map((h) => h.name);
}
