/**
 * How the line breaker classifies characters (clreq): opening and closing marks, dashes,
 * ellipses, middle dots, spaces, full-width and Latin, where Han meets Latin, and which characters
 * are units that must stay with the number before them. The classes themselves are src/text's.
 */
import { CLOSING_MARKS, DASHES, ELLIPSES, MIDDLE_DOTS, OPENING_MARKS } from '../text/chars.js';
import { MEASURE_CHARS } from '../text/units.js';
import { isFullWidth } from '../text/width.js';

export type CharClass = 'han' | 'open' | 'close' | 'dash' | 'ellipsis' | 'middot' | 'latin' | 'space';

const OPEN = new Set([...OPENING_MARKS]);
const CLOSE = new Set([...CLOSING_MARKS]);
const DASH = new Set([...DASHES]);
const ELLIPSIS = new Set([...ELLIPSES]);
const MIDDOT = new Set([...MIDDLE_DOTS]);

/**
 * Measure words that follow a number and stay on its row (`48.62亿元`, `1-5月`, `3家`), plus the
 * characters of 三十, 平方米, 千瓦 and the counters 例, 宗. A chain of up to three is kept (`亿元`, `万千瓦`).
 */
export const UNIT_CHARS = new Set([...MEASURE_CHARS, ...'十例宗平方瓦']);

export function charClass(ch: string): CharClass {
  if (OPEN.has(ch)) return 'open';
  if (CLOSE.has(ch)) return 'close';
  if (DASH.has(ch)) return 'dash';
  if (ELLIPSIS.has(ch)) return 'ellipsis';
  if (MIDDOT.has(ch)) return 'middot';
  if (/\s/u.test(ch)) return 'space';
  if (isFullWidth(ch.codePointAt(0)!)) return 'han';
  return 'latin';
}


export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export { takesLatinGap } from '../text/width.js';
