/**
 * Text that must reach the document exactly as written, though it sits in Markdown: values from
 * the data (`R&amp;D`, `A<b>B</b>C`, `*ST海航*` are names, not markup) and the `*` of a blank
 * (`完成**技术企业申报，省**技术产品` is two blanks, not bold). Before parsing, each ASCII mark
 * with a meaning in Markdown or HTML inside such a span is swapped for a Unicode noncharacter
 * stand-in of the same length — offsets stay the same, so positions still point into the source —
 * and every piece of text the parser returns is mapped back.
 *
 * The stars that are emphasis are decided by the same reading as the blanks (lint's), not by
 * CommonMark, which cannot close `**一是抓项目。**全年…` after a Chinese full stop: their
 * delimiters become stand-ins too, and applyEmphasis turns the text between them bold or italic.
 */
import type { Inline } from '../model/document.js';
import type { RenderedText } from '../template/render.js';

/** Marks that Markdown, GFM or HTML could read as syntax. At most 24: U+FDD3–U+FDEA. */
const MARKS = '\\`*_[]<>&#+-.!|~()=:"\'{}';
const FIRST_STAND_IN = 0xfdd3;
const STAND_INS = new RegExp(`[\\u${FIRST_STAND_IN.toString(16)}-\\u${(FIRST_STAND_IN + MARKS.length - 1).toString(16)}]`, 'g');

/** Each `*` of an emphasis delimiter, by the delimiter's length: `*` italic, `**` bold, `***` both. */
const DELIMITERS = ['\uFDEC', '\uFDEB', '\uFDED'];
const DELIMITER_RUNS = /(\uFDEC+|\uFDEB+|\uFDED+)/;
const ANY_DELIMITER = /[\uFDEB-\uFDED]/g;

/** A span of a rendered section, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** How the stars of a text read: blanks (printed as typed) and emphasis pairs. */
export interface StarReading {
  blanks: Span[];
  pairs: Array<{ open: Span; close: Span }>;
}

export type ReadStars = (text: string) => StarReading;

/**
 * The section as Markdown to parse: the output of every `{{…}}` (but not `{{{…}}}`, the explicit
 * way to insert Markdown) and every blank `stars` finds are taken literally, and its emphasis
 * pairs are marked for applyEmphasis.
 */
export function literalMarkdown(section: RenderedText, stars?: ReadStars): string {
  const literal: Span[] = section.substitutions.filter((s) => !s.raw && s.end > s.start);
  const reading = stars?.(section.text);
  if (reading) literal.push(...reading.blanks);
  if (literal.length === 0 && !reading?.pairs.length) return section.text;
  const chars = section.text.split('');
  for (const { start, end } of literal) {
    for (let i = start; i < end; i++) {
      const k = MARKS.indexOf(chars[i]);
      if (k >= 0) chars[i] = String.fromCharCode(FIRST_STAND_IN + k);
    }
  }
  for (const { open, close } of reading?.pairs ?? []) {
    const mark = DELIMITERS[open.end - open.start - 1];
    for (const span of [open, close]) for (let i = span.start; i < span.end; i++) if (chars[i] === '*') chars[i] = mark;
  }
  return chars.join('');
}

/** Text from the parser with the stand-ins of literal marks turned back into the marks. */
export function restoreLiterals(text: string): string {
  return text.replace(STAND_INS, (ch) => MARKS[ch.charCodeAt(0) - FIRST_STAND_IN]);
}

/** Code keeps everything as typed: emphasis delimiters too. */
export function restoreCode(text: string): string {
  return restoreLiterals(text).replace(ANY_DELIMITER, '*');
}

/** Turn the text between marked delimiters bold, italic or both; the delimiters themselves vanish. */
export function applyEmphasis(content: Inline[]): Inline[] {
  if (!content.some((run) => run.kind === 'text' && /[\uFDEB-\uFDED]/.test(run.text))) return content;
  let bold = false;
  let italic = false;
  const out: Inline[] = [];
  for (const run of content) {
    if (run.kind !== 'text') { out.push(run); continue; }
    if (run.code) { out.push({ ...run, text: restoreCode(run.text) }); continue; }
    for (const piece of run.text.split(DELIMITER_RUNS)) {
      const kind = DELIMITERS.indexOf(piece[0]);
      if (kind >= 0 && [...piece].every((ch) => ch === piece[0])) {
        // A run of stand-ins is one or more whole delimiters (`****` closes and opens again).
        const toggles = piece.length / (kind + 1);
        if (toggles % 2 === 1) { if (kind !== 0) bold = !bold; if (kind !== 1) italic = !italic; }
        continue;
      }
      if (piece) out.push({ ...run, text: piece, bold: run.bold || bold || undefined, italic: run.italic || italic || undefined });
    }
  }
  return out.map((run) => (run.kind === 'text' ? withoutEmptyStyle(run) : run));
}

function withoutEmptyStyle(run: Extract<Inline, { kind: 'text' }>): Inline {
  const copy = { ...run };
  if (!copy.bold) delete copy.bold;
  if (!copy.italic) delete copy.italic;
  return copy;
}
