/**
 * Figures with units in a section's Markdown source: a number (or a blank standing for one:
 * `XX`, `xx`, `X.X`) followed by a unit (see units.ts). Template references, code, HTML and link
 * targets are never read; nor are numbers that are part of something else: dates and periods
 * (2023年, 1-5月), ordinals (第1), codes (1+X, G20, PM2.5), ranges' first halves, numbers glued
 * to Latin letters.
 */
import { findPlaceholders } from '../lint/placeholder-detector.js';
import { normalizeWidth } from '../text/chars.js';
import { unitAfter, type UnitMatch } from './units.js';

export interface ScannedFigure {
  /** UTF-16 offsets of the number (or blank) in the source. */
  start: number;
  numberEnd: number;
  /** Number as written (ASCII digits; a thousands separator kept), or the blank as written. */
  written: string;
  /** The value, or undefined for a blank. */
  value?: number;
  unit: UnitMatch;
}

const NUMBER = /[-−]?\d+(?:,\d{3})*(?:\.\d+)?|[Xx×Ｘｘ]+(?:\.[Xx]+)?/gu;
/** Characters that make a digit part of a longer token (a code, a version, a range, a ratio). */
const GLUED_BEFORE = /[0-9A-Za-z.．/_#@+＋~～]/u;
const ORDINAL_BEFORE = /[第]/u;

export function scanFigures(source: string): ScannedFigure[] {
  const text = normalizeWidth(source);
  const skip = maskedRegions(text);
  const blanks = findPlaceholders(text, { markdownEmphasis: true });
  const figures: ScannedFigure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    let start = m.index;
    let written = m[0];
    const numberEnd = start + written.length;
    if (skip(start)) continue;
    const isBlank = /^[Xx×Ｘｘ]/u.test(written);
    if (/^[-−]/u.test(written) && !/^$|[\s\u4e00-\u9fff，,：:（(；;、]/u.test(text[start - 1] ?? '')) {
      // A minus sign only after words or a colon: after a digit it is a range's dash (1-5月).
      start += 1;
      written = written.slice(1);
    }
    const before = text[start - 1] ?? '';
    if (GLUED_BEFORE.test(before) || ORDINAL_BEFORE.test(before) || /[-–—]/u.test(before) && /\d/u.test(text[start - 2] ?? '')) continue;
    if (/[-–~～]\d/u.test(text.slice(numberEnd, numberEnd + 2))) continue; // the first half of a range
    const unit = unitAfter(text, numberEnd);
    if (!unit) continue;
    if (isBlank) {
      // Only what the build's own blank finder calls a blank: X光 and XXL are words.
      if (!blanks.some((b) => b.start <= start && numberEnd <= b.end)) continue;
      figures.push({ start, numberEnd, written, unit });
    } else {
      if (/[.,]$/u.test(written)) continue;
      figures.push({ start, numberEnd, written: written.replace('−', '-'), value: Number(written.replace(/,/g, '').replace('−', '-')), unit });
    }
  }
  return figures;
}

/**
 * Predicate over offsets that must not be read: `{{…}}` (already references), HTML comments and
 * tags, code spans and fenced blocks, link and image targets, and Markdown escapes' backslashes.
 */
function maskedRegions(text: string): (offset: number) => boolean {
  const ranges: Array<[number, number]> = [];
  const add = (pattern: RegExp) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  };
  add(/\{\{[\s\S]*?\}\}\}?/g);
  add(/<!--[\s\S]*?-->/g);
  add(/^(`{3,}|~{3,})[\s\S]*?^\1/gm);
  add(/`[^`\n]*`/g);
  add(/\]\([^)\n]*\)/g);
  add(/<[A-Za-z/][^>\n]*>/g);
  ranges.sort((a, b) => a[0] - b[0]);
  return (offset) => ranges.some(([from, to]) => from <= offset && offset < to);
}
