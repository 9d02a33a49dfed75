/**
 * Text that must reach the document exactly as written, though it sits in Markdown: values from
 * the data (`R&amp;D`, `A<b>B</b>C`, `*ST海航*` are names, not markup) and the `*` of a blank
 * (`完成**技术企业申报，省**技术产品` is two blanks, not bold). Before parsing, each ASCII mark
 * with a meaning in Markdown or HTML inside such a span is swapped for a Unicode noncharacter
 * stand-in of the same length — offsets stay the same, so positions still point into the source —
 * and every piece of text the parser returns is mapped back.
 */
import type { RenderedText } from '../template/render.js';

/** Marks that Markdown, GFM or HTML could read as syntax. At most 29: U+FDD3–U+FDEF. */
const MARKS = '\\`*_[]<>&#+-.!|~()=:"\'{}';
const FIRST_STAND_IN = 0xfdd3;
const STAND_INS = new RegExp(`[\\u${FIRST_STAND_IN.toString(16)}-\\u${(FIRST_STAND_IN + MARKS.length - 1).toString(16)}]`, 'g');

/** A span of a rendered section, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Finds blanks written with Markdown characters (`**` left for a figure), so they print as typed. */
export type BlankSpans = (text: string) => Span[];

/**
 * The section as Markdown to parse: the output of every `{{…}}` (but not `{{{…}}}`, the explicit
 * way to insert Markdown) and every span `blanks` finds are taken literally.
 */
export function literalMarkdown(section: RenderedText, blanks?: BlankSpans): string {
  const spans: Span[] = section.substitutions.filter((s) => !s.raw && s.end > s.start);
  if (blanks) spans.push(...blanks(section.text));
  if (spans.length === 0) return section.text;
  const chars = section.text.split('');
  for (const { start, end } of spans) {
    for (let i = start; i < end; i++) {
      const k = MARKS.indexOf(chars[i]);
      if (k >= 0) chars[i] = String.fromCharCode(FIRST_STAND_IN + k);
    }
  }
  return chars.join('');
}

/** Text from the parser with the stand-ins turned back into the marks they stand for. */
export function restoreLiterals(text: string): string {
  return text.replace(STAND_INS, (ch) => MARKS[ch.charCodeAt(0) - FIRST_STAND_IN]);
}
