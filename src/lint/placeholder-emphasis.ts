/**
 * `*` and `_` in report text: 20**年, **镇, 共**个, ____万元 are blanks; **重点** (Markdown bold)
 * and snake_case are not. One reading serves lint (blanks) and the document model (which stars
 * are bold or italic, and which print as typed), so the two can never disagree.
 */
import {
  charAt, charBefore, isAsciiDigit, isChinese, isCjkPunct, isHan, isPunctuation, isWhitespace, normalizeWidth,
} from '../text/chars.js';
import { UNIT_CHARS } from './placeholder-vocabulary.js';

const EMPHASIS_RUNS = /\*+|_+|＊+|＿+/g;

interface Run { start: number; end: number; ch: string; prev?: string; next?: string; open: boolean; close: boolean; quoted: boolean; partner?: Run }

const OPENING_QUOTES = '“‘"\'《「『【（(';
const CLOSING_QUOTES = '”’"\'》」』】）)';

/** Blanks written with * or _ in `norm` (width-normalised text); `markdown`: pairs are emphasis, not blanks. */
export function emphasisBlanks(norm: string, markdown: boolean): Array<{ start: number; end: number; kind: 'stars' | 'underscores' }> {
  return emphasisRuns(norm, markdown).filter((run) => !run.partner && (run.quoted || isStarBlank(run)))
    .map((run) => {
      const [start, end] = extendOverDigits(norm, run);
      return { start, end, kind: run.ch === '_' || run.ch === '＿' ? 'underscores' : 'stars' };
    });
}

/**
 * How `**` and `*` read in a Markdown text, by the same rules that decide blanks: the blanks
 * (printed as typed) and the pairs that are emphasis (bold for `**`, italic for `*`, both for
 * `***`) — including CJK pairs CommonMark would not pair (`**一是抓项目。**全年…`).
 */
export interface StarReading {
  blanks: Span[];
  pairs: Array<{ open: Span; close: Span }>;
}

interface Span { start: number; end: number }

export function readStars(text: string): StarReading {
  const norm = normalizeWidth(text);
  const runs = emphasisRuns(norm, true).filter((run) => run.ch === '*');
  return {
    blanks: runs.filter((run) => !run.partner && (run.quoted || isStarBlank(run))).map((run) => ({ start: run.start, end: run.end })),
    pairs: runs.filter((run) => run.partner && run.partner.start > run.start && run.partner.end - run.partner.start === run.end - run.start && run.end - run.start <= 3)
      .map((run) => ({ open: { start: run.start, end: run.end }, close: { start: run.partner!.start, end: run.partner!.end } })),
  };
}

function emphasisRuns(norm: string, markdown: boolean): Run[] {
  const all: Run[] = [];
  EMPHASIS_RUNS.lastIndex = 0;
  let line: Run[] = [];
  let lineEnd = -1;
  const flush = () => {
    if (markdown) pairEmphasis(line, norm);
    all.push(...line);
    line = [];
  };
  for (let m = EMPHASIS_RUNS.exec(norm); m; m = EMPHASIS_RUNS.exec(norm)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > lineEnd) {
      flush();
      lineEnd = norm.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = norm.length;
    }
    const prev = charBefore(norm, start);
    const next = charAt(norm, end);
    const ch = m[0][0];
    // CommonMark flanking rules, except that CJK punctuation on the inner side of a delimiter
    // counts as ordinary text (as CJK-friendly Markdown does): `**一是抓项目。**完成` is bold to
    // its writer, not two blanks. On the outer side it still bounds the delimiter (`**12%**。`).
    const inner = (c: string | undefined) => isPunctuation(c) && !isCjkPunct(c);
    const outer = (c: string | undefined) => isWhitespace(c) || isPunctuation(c);
    const left = !isWhitespace(next) && (!inner(next) || outer(prev));
    const right = !isWhitespace(prev) && (!inner(prev) || outer(next));
    const ascii = ch === '*' || ch === '_';
    const open = ascii && (ch === '*' ? left : left && (!right || isPunctuation(prev)));
    const close = ascii && (ch === '*' ? right : right && (!left || isPunctuation(next)));
    if (prev === '\\') continue;
    // “**”战略, "**"工程, 《**》: stars standing alone in quotes are a name left out, never a delimiter.
    const quoted = m[0].length >= 2 && (ch === '*' || ch === '＊') && OPENING_QUOTES.includes(prev ?? '\n') && CLOSING_QUOTES.includes(next ?? '\n');
    line.push({ start, end, ch, prev: prev === '\n' ? undefined : prev, next: next === '\n' ? undefined : next, open: open && !quoted, close: close && !quoted, quoted });
  }
  flush();
  return all;
}

function pairEmphasis(runs: Run[], norm: string): void {
  const openers: Run[] = [];
  for (const run of runs) {
    if (run.close) {
      let k = openers.length - 1;
      while (k >= 0 && openers[k].ch !== run.ch) k--;
      if (k >= 0) {
        const opener = openers[k];
        openers.length = k;
        if (plausibleEmphasis(opener, run, norm)) {
          opener.partner = run;
          run.partner = opener;
          continue;
        }
      }
    }
    if (run.open) openers.push(run);
  }
}

/**
 * A pair Markdown would accept can still be two blanks: `20**年完成**个`, `共**个项目，完成**亿元`,
 * `完成**技术企业申报，省**技术产品`. Emphasis does not start right after a digit; a delimiter
 * squeezed between a Han character and a unit (共**个) is a number left out; and bold that spans
 * punctuation must cover whole clauses — open at the start of a line or after a mark, close with
 * or before one (`**一是抓项目，强服务。**`). Bold of a word or figure (`要**坚决**`,
 * `**38.6亿元**`) has no punctuation inside and may sit anywhere.
 */
function plausibleEmphasis(opener: Run, closer: Run, norm: string): boolean {
  if (isAsciiDigit(opener.prev) || isAsciiDigit(closer.next)) return false;
  if (isHan(opener.prev) && opener.next !== undefined && UNIT_CHARS.has(opener.next)) return false;
  if (isHan(closer.prev) && closer.next !== undefined && UNIT_CHARS.has(closer.next)) return false;
  const inside = norm.slice(opener.end, closer.start);
  if (!CLAUSE_MARKS.test(inside.slice(0, -1))) return true;
  const clauseStart = opener.prev === undefined || isWhitespace(opener.prev) || isPunctuation(opener.prev);
  const clauseEnd = isPunctuation(closer.prev) || closer.next === undefined || isWhitespace(closer.next) || isPunctuation(closer.next);
  return clauseStart && clauseEnd;
}

/** Marks that end a clause or a sentence. */
const CLAUSE_MARKS = /[，、；：。！？,;:!?]/;

function isStarBlank(run: Run): boolean {
  const length = run.end - run.start;
  const touches = (ch: string | undefined) => isChinese(ch) || isAsciiDigit(ch) || ch === '%';
  if (!touches(run.prev) && !touches(run.next)) return false;
  if (run.ch === '＿') return true;
  if (length >= 2) return true;
  // A single * or _ only when it sits exactly where a number belongs (20*年, 共*个), not 2*3.
  const unitNext = run.next !== undefined && UNIT_CHARS.has(run.next);
  return (isAsciiDigit(run.prev) && (isHan(run.next) || unitNext)) || (isHan(run.prev) && unitNext);
}

/** `20**` is one half-filled number: report it from its first digit, like `20xx`. */
function extendOverDigits(norm: string, run: Run): [number, number] {
  let start = run.start;
  let end = run.end;
  while (start > 0 && (isAsciiDigit(norm[start - 1]) || (norm[start - 1] === '.' && isAsciiDigit(norm[start - 2])))) start--;
  while (end < norm.length && (isAsciiDigit(norm[end]) || (norm[end] === '.' && isAsciiDigit(norm[end + 1])))) end++;
  return [start, end];
}
