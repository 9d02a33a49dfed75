/**
 * Which parts of a Markdown section are prose the author wrote, and which are syntax: front
 * matter, fenced code, inline code, HTML comments and tags, URLs and link destinations, and
 * Handlebars mustaches. Lint rules look only at prose, yet report positions in the file itself,
 * so instead of extracting text we blank the syntax out (same length, newlines kept): every
 * offset in the masked text is the offset in the file.
 *
 * Indented code blocks are deliberately NOT masked: Chinese writers indent paragraphs with
 * spaces, and a blank in such a paragraph must still be found.
 */

export interface MaskOptions {
  /** Blank out `{{…}}` (source files: template syntax). Rendered text keeps them: braces left there are blanks. */
  mustaches?: boolean;
}

export type Range = [start: number, end: number];

/** The rest of a bare URL: it ends at white space, quotes, brackets, Chinese punctuation or Han. */
const URL_REST = '[^\\s<>"\'，。；：！？、（）【】《》\\u4e00-\\u9fff]+';

export function excludedRanges(text: string, options: MaskOptions = {}): Range[] {
  const ranges: Range[] = [];
  const frontMatter = /^(---|\+\+\+)[ \t]*\n[\s\S]*?\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|$)/.exec(text);
  if (frontMatter) ranges.push([0, frontMatter[0].length]);
  fencedCode(text, ranges);
  const patterns: RegExp[] = [
    /<!--[\s\S]*?(?:-->|$)/g,
    /<(?:https?|ftp|mailto):[^\s<>]*>/g,
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g,
    /\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g,
    /^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm,
    new RegExp(`\\b(?:https?|ftp):\\/\\/${URL_REST}`, 'g'),
    new RegExp(`\\bwww\\.[A-Za-z0-9-]+\\.${URL_REST}`, 'g'),
    /\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
  ];
  if (options.mustaches ?? true) patterns.push(/\{\{!--[\s\S]*?--\}\}|\{\{\{?[\s\S]*?\}\}\}?/g);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) { pattern.lastIndex++; continue; }
      // A link destination keeps its `]`: only `(url)` is syntax.
      const start = m[0].startsWith('](') ? m.index + 1 : m.index;
      ranges.push([start, m.index + m[0].length]);
    }
  }
  inlineCode(text, ranges);
  return normalize(ranges);
}

/** The text with every excluded range replaced by spaces (newlines kept), same length. */
export function maskText(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

export function isExcluded(ranges: Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= offset) lo = mid + 1;
    else if (ranges[mid][0] > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

function fencedCode(text: string, ranges: Range[]): void {
  const fence = /^[ ]{0,3}(`{3,}|~{3,})[^\n]*$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const marker = m[1];
    if (marker[0] === '`' && m[0].slice(m[0].indexOf(marker) + marker.length).includes('`')) continue;
    const close = new RegExp(`^[ ]{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(text);
    const stop = end ? end.index + end[0].length : text.length;
    ranges.push([m.index, stop]);
    fence.lastIndex = stop;
  }
}

/** Backtick code spans: a run of n backticks up to the next run of exactly n, within a paragraph. */
function inlineCode(text: string, ranges: Range[]): void {
  const ticks = /`+/g;
  const syntax = normalize([...ranges]);
  for (let m = ticks.exec(text); m; m = ticks.exec(text)) {
    if (isExcluded(syntax, m.index)) continue;
    const n = m[0].length;
    const search = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    search.lastIndex = m.index + n;
    const close = search.exec(text);
    if (!close) continue;
    const span = text.slice(m.index, close.index);
    if (/\n[ \t]*\n/.test(span)) continue;
    ranges.push([m.index, close.index + n]);
    ticks.lastIndex = close.index + n;
  }
}

function normalize(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
