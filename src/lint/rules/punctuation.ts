/**
 * punctuation: half-width , ; : ( ) ? ! typed into Chinese text (`2023年,在`, `如下:`, `工程(一期)`).
 * Fixable: `report lint --fix` rewrites them to full width in the source, only where that is
 * unambiguous — never inside numbers (1,000  10:30), code, URLs, HTML or Handlebars (those are
 * masked out before this rule sees the text), never Markdown syntax (`![图](…)`).
 */
import { charAt, charBefore, isAsciiDigit, isChinese, isInlineSpace } from '../../text/chars.js';
import { findingAt, type Finding, type LintInput, type MarkdownInput, type Rule, type RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'punctuation',
  description: 'half-width , ; : ( ) ? ! next to Chinese characters (fixable: rewritten to full width)',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'half-width punctuation in Chinese text',
};

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const CANDIDATES = /[,;:()?!]/g;
/** Inline Markdown markers that sit between a mark and its Chinese neighbour (`**重点**:`). */
const MARKERS = new Set(['*', '_', '~']);

export function check(input: LintInput): Finding[] {
  return input.markdown.flatMap((md) => checkMarkdown(md));
}

/**
 * Marks are decided together, to a fixed point: a mark next to one that becomes full width is
 * itself next to Chinese punctuation (`(?中` → `（？中`), so one run converts everything a second
 * run would, and `--fix` is idempotent.
 */
export function checkMarkdown(md: MarkdownInput): Finding[] {
  const text = md.masked;
  const parens = matchParentheses(text);
  const candidates: number[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m; m = CANDIDATES.exec(text)) if (!excluded(text, m.index)) candidates.push(m.index);
  const converted = new Set<number>();
  const chineseAt = (offset: number | undefined) => offset !== undefined && (converted.has(offset) || isChinese(charAt(text, offset)));
  const before = (offset: number) => { let i = offset; while (i > 0 && (MARKERS.has(text[i - 1]) || isInlineSpace(text[i - 1]))) i--; return i > 0 ? i - (charBefore(text, i)!.length) : undefined; };
  const after = (offset: number) => { let i = offset; while (i < text.length && (MARKERS.has(text[i]) || isInlineSpace(text[i]))) i++; return i < text.length ? i : undefined; };
  const touches = (i: number) => chineseAt(before(i)) || chineseAt(after(i + 1));
  const qualifies = (i: number) => {
    const partner = parens.get(i);
    return touches(i) || (partner !== undefined && touches(partner));
  };
  for (let round = 0, changed = true; changed && round < 8; round++) {
    changed = false;
    for (const order of [candidates, [...candidates].reverse()]) {
      for (const i of order) {
        if (converted.has(i) || !qualifies(i)) continue;
        converted.add(i);
        const partner = parens.get(i);
        if (partner !== undefined && !excluded(text, partner)) converted.add(partner);
        changed = true;
      }
    }
  }
  const findings: Finding[] = [];
  for (const i of [...converted].sort((a, b) => a - b)) {
    const ch = text[i];
    // Spaces typed around the half-width mark go with it: `年, 在` → `年，在`, `工程 (一期)` → `工程（一期）`.
    // Real spaces only (masked syntax is blank in `text`, not in the file); an opening parenthesis
    // takes the spaces before it only after Chinese text, so two fixes never claim the same space.
    const source = md.file.text;
    let start = i;
    let end = i + 1;
    if (ch === '(') {
      let k = start;
      while (k > 0 && source[k - 1] === ' ') k--;
      if (k < start && isChinese(charBefore(source, k))) start = k;
    } else {
      let k = end;
      while (k < source.length && source[k] === ' ') k++;
      if (k > end && chineseAt(k)) end = k;
    }
    const full = FULL_WIDTH[ch];
    findings.push(findingAt(meta, md.file, md.index, i, i + 1, `half-width "${ch}" in Chinese text; use "${full}"`, {
      fix: { path: md.file.path, start, end, replacement: full },
    }));
  }
  return findings;
}

/** Marks that are not punctuation of the sentence: 1,000  10:30  ![image]  &nbsp;  scheme://  a::b */
function excluded(text: string, i: number): boolean {
  const ch = text[i];
  const prev = charBefore(text, i);
  const next = charAt(text, i + 1);
  if ((ch === ',' || ch === ':') && isAsciiDigit(prev) && isAsciiDigit(next)) return true;
  if (ch === '!' && next === '[') return true;
  if (ch === ';' && /&[A-Za-z][A-Za-z0-9]{1,31}$|&#x?[0-9A-Fa-f]{1,6}$/.test(text.slice(Math.max(0, i - 34), i))) return true;
  if (ch === ':' && (next === '/' || prev === ':' || next === ':')) return true;
  return false;
}

/** Half-width parentheses matched within a line: offset of each to its partner. */
function matchParentheses(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') stack.length = 0;
    else if (c === '(') stack.push(i);
    else if (c === ')' && stack.length) {
      const open = stack.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

export const punctuationRule: Rule = { meta, check };
