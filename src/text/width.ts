/**
 * How wide a character is, in the three measures the tool needs. They differ on purpose and are
 * kept side by side so the differences stay visible:
 *   - grid cells (layout): what a 公文 line grid sets in one cell — Han, kana, hangul, CJK symbols,
 *     full-width forms, and the circled numbers, geometric shapes and ℃ that CJK fonts draw square;
 *   - the standard's count (GB/T 9704 §7.3.5.2, signature and date offsets): everything below
 *     U+2000 but the middle dot is half a character, the rest one;
 *   - terminal columns (the stylish lint formatter): East Asian Wide characters take two.
 */
import { inRanges, isIdeograph, type CodeRanges } from './chars.js';

const GRID_CELL_RANGES: CodeRanges = [
  [0x2e80, 0x9fff], [0xac00, 0xd7af], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x20000, 0x3ffff], [0x25a0, 0x25ff], [0x2460, 0x24ff], [0x2103, 0x2103],
];

const TERMINAL_WIDE_RANGES: CodeRanges = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x20000, Infinity],
];

/** Characters set in one grid cell: Han, kana, hangul, CJK symbols, full-width forms. */
export function isFullWidth(code: number): boolean {
  return inRanges(code, GRID_CELL_RANGES);
}

/**
 * Width of a text in grid characters, as the signature rule counts it: Han characters and
 * full-width marks take one cell, ASCII (half-width digits, Latin) half a cell.
 */
export function gridWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code < 0x2000 && code !== 0xb7 ? 0.5 : 1;
  }
  return width;
}

/** Latin letters, digits and the symbols that belong to a number: they get the Han–Latin gap. */
export function takesLatinGap(ch: string): boolean {
  return /[\p{L}\p{N}%‰°$€£¥@#&*+=<>~^|\\]/u.test(ch) && !isFullWidth(ch.codePointAt(0)!);
}

/**
 * Width of a short text as both outputs print it, in grid characters: the standard's count plus
 * the Han–Latin gap (`latinGapEm`) at each change between Han and Latin letters or digits, which
 * Word, WPS and LibreOffice add by default and the PDF adds too. `2024年7月5日` is 6 by the
 * standard's count and 7 printed.
 */
export function printedWidth(text: string, latinGapEm: number): number {
  const chars = [...text];
  let gaps = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if ((isIdeograph(a) && takesLatinGap(b)) || (takesLatinGap(a) && isIdeograph(b))) gaps++;
  }
  return gridWidth(text) + gaps * latinGapEm;
}

/** Terminal columns: CJK characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += inRanges(ch.codePointAt(0)!, TERMINAL_WIDE_RANGES) ? 2 : 1;
  return width;
}
