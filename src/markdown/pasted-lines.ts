/**
 * Text pasted from Word or a .txt file: every line is a paragraph, and headings are typed by hand
 * (`一、上半年工作总结`, `（一）聚力蓄能抓项目`). Markdown joins such lines into one paragraph,
 * headings included. Here a line break inside a paragraph ends it when
 *   - the line before ends a sentence (。！？；：… with any closing quote or bracket), or
 *   - either line is a typed outline line (starts with 一、 （一） 1. （1） or 1、),
 * and otherwise joins the lines as a wrapped sentence (Chinese without a space, Latin with one).
 * A paragraph that is one typed 一、 or （一） line with no sentence inside is a heading of that
 * level (numbered like `#` and `##` headings).
 */
import { inlineText, type Inline } from '../model/document.js';
import { WRITTEN_NUMBER } from '../model/numbering.js';
import { isNumeralSeries } from '../text/chinese-numeral.js';

export interface PastedParagraph {
  content: Inline[];
  /** Index of its first line among the paragraph's source lines. */
  firstLine: number;
  /** A typed heading line: its level. */
  heading?: 1 | 2;
}

const SENTENCE_END = /[。！？；：…!?;:][”’」』）)》]*$/u;
const OUTLINE_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)]|\d{1,3}[.．、](?!\d))/u;
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F“”‘’—…]/u;
/** Longest typed heading line, in characters: longer lines are paragraphs that start with a number. */
const MAX_HEADING_CHARS = 40;

/** Split a paragraph's inline content (soft breaks kept as '\n') into the paragraphs it holds. */
export function splitPastedLines(content: Inline[]): PastedParagraph[] {
  const lines = splitAtNewlines(content);
  const out: PastedParagraph[] = [];
  let current: Inline[] = [];
  let firstLine = 0;
  lines.forEach((line, i) => {
    if (i > 0) {
      const before = inlineText(lines[i - 1]).trim();
      const after = inlineText(line).trim();
      if (SENTENCE_END.test(before) || isOutlineLine(before) || isOutlineLine(after)) {
        out.push(paragraph(current, firstLine));
        current = [];
        firstLine = i;
      } else {
        const wide = WIDE.test(before.slice(-1)) || WIDE.test(after.slice(0, 1));
        if (!wide && before && after) current.push({ kind: 'text', text: ' ' });
      }
    }
    current.push(...trimLine(line));
  });
  out.push(paragraph(current, firstLine));
  return out.filter((p) => p.content.length > 0);
}

function paragraph(content: Inline[], firstLine: number): PastedParagraph {
  const heading = typedHeadingLevel(inlineText(content).trim());
  return heading ? { content, firstLine, heading } : { content, firstLine };
}

function isOutlineLine(text: string): boolean {
  return OUTLINE_START.test(text) && !isNumeralSeries(text);
}

/** `一、…` or `（一）…` on its own, short, with no sentence inside (a final 。 allowed): a heading. */
export function typedHeadingLevel(text: string): 1 | 2 | undefined {
  if ([...text].length > MAX_HEADING_CHARS || /[。！？!?；;]/u.test(text.replace(/[。]$/u, ''))) return undefined;
  if (WRITTEN_NUMBER[1].test(text) && !isNumeralSeries(text)) return text.replace(WRITTEN_NUMBER[1], '').trim() ? 1 : undefined;
  if (WRITTEN_NUMBER[2].test(text)) return text.replace(WRITTEN_NUMBER[2], '').trim() ? 2 : undefined;
  return undefined;
}

/** The content cut at every '\n' inside its text runs (hard breaks stay inside their line). */
function splitAtNewlines(content: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const run of content) {
    if (run.kind !== 'text' || !run.text.includes('\n')) {
      lines[lines.length - 1].push(run);
      continue;
    }
    run.text.split('\n').forEach((piece, k) => {
      if (k > 0) lines.push([]);
      if (piece) lines[lines.length - 1].push({ ...run, text: piece });
    });
  }
  return lines;
}

/** Spaces and tabs around a line break are the break's, not the text's (full-width indents too). */
function trimLine(line: Inline[]): Inline[] {
  const out = line.map((run) => ({ ...run }));
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^[ \t\u3000]+/u, '');
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/[ \t]+$/u, '');
  return out.filter((run) => run.kind !== 'text' || run.text !== '');
}
