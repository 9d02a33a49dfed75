/**
 * Character classes the lint rules reason about (Han, CJK punctuation, ASCII letters and digits).
 * Code-unit tests on purpose: the detectors call these for every character of a 100 000-character
 * project, so no regex per character and no allocation.
 */

/** A code point (not a code unit): supplementary-plane ideographs (U+20000–U+3FFFF) count too. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
    || code === 0x3007 || (code >= 0x20000 && code <= 0x3ffff);
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isHanCode(ch.codePointAt(0)!);
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

/** Full-width and CJK punctuation (、。，；：？！“”‘’（）《》【】…—·) that marks Chinese running text. */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3000 && c <= 0x303f && c !== 0x3007) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20)
    || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) || c === 0x201c || c === 0x201d || c === 0x2018
    || c === 0x2019 || c === 0x2026 || c === 0x2014 || c === 0x00b7 || c === 0x2015;
}

/** Han or CJK punctuation: the neighbours that say "this is Chinese text". */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
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
