/**
 * Headings from their numbers: a paragraph starting with 一、 （一） 1. （1） (typed, or printed by
 * Word's numbering) is a heading of level 1 to 4 — when its number is the one the build will
 * generate at that place (the next at its level, restarting under its parent). A number out of
 * sequence (a second list 1. 2. under one heading, a skipped 三、) stays text as typed, so the
 * build prints the document's own numbers either way.
 */
import { WRITTEN_NUMBER } from '../model/numbering.js';
import { isNumeralSeries, parseChineseNumber } from '../text/chinese-numeral.js';
import type { SourceBlock, SourceParagraph } from './blocks.js';
import { paragraphText } from './blocks.js';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface OutlineHeading {
  kind: 'heading';
  level: HeadingLevel;
  /** The heading's text without its number. */
  text: string;
}

export type OutlineBlock = OutlineHeading | Exclude<SourceBlock, { kind: 'blank' }>;

/** Checked in this order: the bracketed forms first, so （1） is never read as something else. */
const LEVELS: HeadingLevel[] = [2, 4, 1, 3];

/** The level and ordinal of a heading number at the start of `line`, or undefined. */
export function writtenHeadingNumber(line: string): { level: HeadingLevel; ordinal: number; length: number } | undefined {
  for (const level of LEVELS) {
    const match = WRITTEN_NUMBER[level].exec(line);
    if (!match) continue;
    const ordinal = level <= 2 ? parseChineseNumber(match[1]) : Number(match[1]);
    if (Number.isInteger(ordinal) && ordinal > 0) return { level, ordinal, length: match[0].length };
  }
  return undefined;
}

export function outlineBody(blocks: SourceBlock[]): OutlineBlock[] {
  const counters = [0, 0, 0, 0];
  const out: OutlineBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'blank') continue;
    if (block.kind !== 'paragraph') {
      out.push(block);
      continue;
    }
    const heading = asHeading(block, counters);
    out.push(heading ?? block);
  }
  return out;
}

function asHeading(paragraph: SourceParagraph, counters: number[]): OutlineHeading | undefined {
  const full = paragraphText(paragraph).replace(/^[\s\u3000]+/u, '');
  if (full.includes('\n')) return undefined; // a heading is one line
  const number = writtenHeadingNumber(full);
  // 一、二月份 lists January and February: a series of numerals, not a heading number.
  if (!number || isNumeralSeries(full) || number.ordinal !== counters[number.level - 1] + 1) return undefined;
  const text = full.slice(number.length).replace(/^[\s\u3000]+/u, '').trimEnd();
  // Nothing left, or text the build would itself read as a number of this level (一、二、三、…).
  if (!text || WRITTEN_NUMBER[number.level].test(text)) return undefined;
  counters[number.level - 1] += 1;
  for (let deeper = number.level; deeper < counters.length; deeper++) counters[deeper] = 0;
  return { kind: 'heading', level: number.level, text };
}
