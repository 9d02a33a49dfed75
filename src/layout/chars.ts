/**
 * Character classes for Chinese composition (clreq): which marks may not start or end a row,
 * which are full-width and compressible, where Han meets Latin, and which characters are units
 * that must stay with the number before them.
 */

export type CharClass = 'han' | 'open' | 'close' | 'dash' | 'ellipsis' | 'middot' | 'latin' | 'space';

/** clreq "basic" line-start prohibitions, plus the half-width forms authors type and the 破折号/省略号. */
export const NO_ROW_START = new Set([...'，。、；：？！）］｝》〉」』】〕〗〙〛”’·・…⋯—―～％‰℃,.;:?!)]}>%-–/']);
/** clreq "basic" line-end prohibitions, plus half-width opening brackets. */
export const NO_ROW_END = new Set([...'（［｛《〈「『【〔〖〘〚“‘([{<']);

const OPEN = new Set([...'（［｛《〈「『【〔〖〘〚“‘']);
const CLOSE = new Set([...'，。、；：？！）］｝》〉」』】〕〗〙〛”’']);

/**
 * Measure words that follow a number and stay on its row (`48.62亿元`, `1-5月`, `3家`).
 * A chain of up to three of them is kept (`亿元`, `万千瓦`).
 */
export const UNIT_CHARS = new Set([...'亿万千百十元角分年月日时秒个位家户人次吨亩米克斤台辆件项倍名所座条只套张批例宗余多度期届周岁平方公里瓦']);

export function charClass(ch: string): CharClass {
  if (OPEN.has(ch)) return 'open';
  if (CLOSE.has(ch)) return 'close';
  if (ch === '—' || ch === '⸺' || ch === '―') return 'dash';
  if (ch === '…' || ch === '⋯') return 'ellipsis';
  if (ch === '·' || ch === '・' || ch === '‧') return 'middot';
  if (/\s/u.test(ch)) return 'space';
  if (isFullWidth(ch.codePointAt(0)!)) return 'han';
  return 'latin';
}

/** Characters set in one grid cell: Han, kana, hangul, CJK symbols, full-width forms. */
export function isFullWidth(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)
    || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
    || (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x25a0 && cp <= 0x25ff) || (cp >= 0x2460 && cp <= 0x24ff) || cp === 0x2103;
}

export function isIdeograph(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x3040 && cp <= 0x30ff) || cp === 0x3007;
}

/** Latin letters, digits and the symbols that belong to a number: they get the Han–Latin gap. */
export function takesLatinGap(ch: string): boolean {
  return /[\p{L}\p{N}%‰°$€£¥@#&*+=<>~^|\\]/u.test(ch) && !isFullWidth(ch.codePointAt(0)!);
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
