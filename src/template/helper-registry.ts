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

/** One argument, in call order; `?` marks an optional one. */
export type ArgumentKind = 'figure' | 'figure?' | 'number' | 'decimals?' | 'unit' | 'unit?' | 'date' | 'period';

type Helper = (...args: unknown[]) => string;

export interface HelperMeta {
  name: string;
  prints: PrintedKind;
  takes: ArgumentKind[];
  run: Helper;
}

const helper = (name: string, prints: PrintedKind, takes: ArgumentKind[], run: unknown): HelperMeta => ({ name, prints, takes, run: run as Helper });

export const HELPER_LIST: readonly HelperMeta[] = [
  helper('num', 'figure', ['figure', 'decimals?'], num),
  helper('pct', 'rate', ['number', 'decimals?'], pct),
  helper('change', 'change', ['figure', 'decimals?'], change),
  helper('cn', 'text', ['number'], cn),
  helper('date', 'text', ['date'], date),
  helper('growth', 'change', ['figure', 'decimals?'], growth),
  helper('completion', 'rate', ['figure', 'decimals?'], completion),
  helper('完成率', 'rate', ['figure', 'decimals?'], completion),
  helper('pp', 'change', ['figure', 'figure?', 'decimals?'], percentagePoints),
  // A typed indicator converts from its own unit ({{scale x "亿元"}}); a bare number names both.
  helper('scale', 'scaled-figure', ['figure', 'unit', 'unit?', 'decimals?'], scale),
  helper('minus', 'number', ['figure', 'figure'], minus),
  helper('ytd', 'text', ['period'], ytdText),
  helper('month', 'text', ['period'], monthText),
];

export const HELPERS: Record<string, Helper> = Object.fromEntries(HELPER_LIST.map((h) => [h.name, h.run]));

/** Names of the helpers that print `kinds` of figures. */
export function helpersPrinting(...kinds: PrintedKind[]): string[] {
  return HELPER_LIST.filter((h) => kinds.includes(h.prints)).map((h) => h.name);
}
