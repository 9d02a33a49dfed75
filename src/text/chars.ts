/**
 * The character classes of Chinese text, as one table for layout, fonts and lint: Han ideographs,
 * CJK punctuation, opening and closing marks, the marks a row may not start or end with (clreq),
 * ASCII and spaces. Ranges and sets are data; the predicates only read them. Code-point tests on
 * purpose: lint calls these for every character of a 100 000-character project, so no regex per
 * character and no allocation. Widths (grid cells, terminal columns) are in width.ts.
 */

/** Inclusive code-point ranges. */
export type CodeRanges = ReadonlyArray<readonly [number, number]>;

export function inRanges(code: number, ranges: CodeRanges): boolean {
  for (const [from, to] of ranges) if (code >= from && code <= to) return true;
  return false;
}

/**
 * Han ideographs: the unified block, Extension A, compatibility ideographs, the supplementary
 * planes (Extension B on) and 〇, the ideographic zero of dates (二〇二四年).
 */
export const HAN_RANGES: CodeRanges = [[0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff], [0x20000, 0x3ffff], [0x3007, 0x3007]];

/** Hiragana and katakana: ideographic for spacing purposes (they take the Han–Latin gap). */
const KANA_RANGES: CodeRanges = [[0x3040, 0x30ff]];

/**
 * Full-width and CJK punctuation (、。，；：？！“”‘’（）《》【】…—·) that marks Chinese running text:
 * the CJK symbols block (but 〇, a numeral), the full-width forms of ASCII punctuation, curly quotes,
 * ellipsis, dashes and the middle dot.
 */
const CJK_PUNCTUATION_RANGES: CodeRanges = [
  [0x3000, 0x3006], [0x3008, 0x303f], [0xff01, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff65],
  [0x2018, 0x2019], [0x201c, 0x201d], [0x2026, 0x2026], [0x2014, 0x2015], [0x00b7, 0x00b7],
];

/** Opening marks (clreq): never at the end of a row, compressible at its start. */
export const OPENING_MARKS = '（［｛《〈「『【〔〖〘〚“‘';
/** Closing marks and the full-width pause, comma and stops: never at the start of a row. */
export const CLOSING_MARKS = '，。、；：？！）］｝》〉」』】〕〗〙〛”’';
export const DASHES = '—⸺―';
export const ELLIPSES = '…⋯';
export const MIDDLE_DOTS = '·・‧';

/** clreq "basic" line-start prohibitions, plus the half-width forms authors type and the 破折号/省略号. */
export const NO_ROW_START = new Set([...CLOSING_MARKS, ...'·・…⋯—―～％‰℃,.;:?!)]}>%-–/']);
/** clreq "basic" line-end prohibitions, plus half-width opening brackets. */
export const NO_ROW_END = new Set([...OPENING_MARKS, ...'([{<']);

export function isHanCode(code: number): boolean {
  return inRanges(code, HAN_RANGES);
}

/** A whole character (not a code unit): supplementary-plane ideographs count too. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isHanCode(ch.codePointAt(0)!);
}

/** Han or kana: the characters that take the gap to Latin letters and digits. */
export function isIdeograph(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return isHanCode(code) || inRanges(code, KANA_RANGES);
}

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && inRanges(ch.codePointAt(0)!, CJK_PUNCTUATION_RANGES);
}

/** Han or CJK punctuation: the neighbours that say "this is Chinese text". */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** The whole character (one or two code units) ending just before `offset`. */
export function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const c = text.charCodeAt(offset - 1);
  if (c >= 0xdc00 && c <= 0xdfff && offset >= 2) return text.slice(offset - 2, offset);
  return text[offset - 1];
}

/** The whole character (one or two code units) starting at `offset`. */
export function charAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  const c = text.charCodeAt(offset);
  if (c >= 0xd800 && c <= 0xdbff) return text.slice(offset, offset + 2);
  return text[offset];
}

export function isAsciiDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0) | 0x20;
  return c >= 97 && c <= 122;
}

/** Spaces inside a line, including the ideographic space used to indent Chinese paragraphs. */
export function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

export function isWhitespace(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || ch === '\n' || isInlineSpace(ch);
}

/** Unicode punctuation or symbol (CommonMark's notion, used for emphasis flanking). */
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
export function isPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && PUNCT_OR_SYMBOL.test(ch);
}

/**
 * Full-width ASCII letters, digits, `．` and `％` mapped to their half-width forms, one code unit
 * for one code unit, so offsets in the normalised text are offsets in the original.
 */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
