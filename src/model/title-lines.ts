/**
 * Where a long title wraps. GB/T 9704 §7.3.1: a title of several lines keeps words whole and is
 * arranged symmetrically, as a trapezoid or a diamond — never filled greedily to the margin with
 * the last line a stub ("…工 / 作总结"). Both writers call this with their line capacity, so the
 * DOCX and the PDF break the title at the same places. A title written with explicit line breaks
 * (a YAML block scalar) is taken as the author wrote it.
 */

import { TITLE_WORDS } from './title-words.js';

/** Words a title line may start with: breaking before them keeps them whole. */
const GOOD_LINE_STARTS = ['和', '与', '及', '暨', '工作', '报告', '通知', '意见', '方案', '规划', '办法', '决定', '实施', '有关', '关于', '的'];
/** Characters a title line may end with: breaking after them reads naturally. */
const GOOD_LINE_ENDS = ['和', '与', '及', '暨', '的', '、', '》', '”', '）'];
const NO_LINE_START = /^[，。、；：？！）》」』”’％%·…—]/u;
const NO_LINE_END = /[（《「『“‘]$/u;

/** Width in title characters: Han and full-width marks 1, Latin letters, digits and spaces ½. */
export function titleWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return width;
}

export function breakTitle(title: string, capacity: number): string[] {
  const explicit = title.split('\n').map((line) => line.trim()).filter(Boolean);
  if (explicit.length > 1 || titleWidth(title) <= capacity) return explicit.length ? explicit : [title];
  const chars = [...title.trim()];
  const n = chars.length;
  const lineCount = Math.ceil(titleWidth(title) / capacity);
  const insideWord = wordInteriors(chars.join(''));
  const ideal = titleWidth(title) / lineCount;
  // best[k][i]: cheapest way to set chars[0..i) as k lines.
  const best: number[][] = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let k = 1; k <= lineCount; k++) {
    for (let end = 1; end <= n; end++) {
      for (let start = k - 1; start < end; start++) {
        if (best[k - 1][start] === Infinity) continue;
        const line = chars.slice(start, end).join('');
        const width = titleWidth(line);
        if (width > capacity) continue;
        const cost = best[k - 1][start] + 0.5 * (width - ideal) ** 2 + (end < n ? breakCost(chars, end) + (insideWord.has(end) ? 25 : 0) : 0);
        if (cost < best[k][end]) {
          best[k][end] = cost;
          from[k][end] = start;
        }
      }
    }
  }
  if (best[lineCount][n] === Infinity) return greedy(chars, capacity);
  const lines: string[] = [];
  for (let k = lineCount, end = n; k > 0; k--) {
    const start = from[k][end];
    lines.unshift(chars.slice(start, end).join(''));
    end = start;
  }
  return lines;
}

/** Cost of breaking before chars[at]: low at word boundaries, prohibitive inside numbers. */
function breakCost(chars: string[], at: number): number {
  const before = chars.slice(0, at).join('');
  const after = chars.slice(at).join('');
  if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) return 1e6;
  if (/[0-9A-Za-z.\-]$/.test(before) && /^[0-9A-Za-z.\-年月日%]/.test(after)) return 1e6;
  let cost = 8;
  if (GOOD_LINE_STARTS.some((word) => after.startsWith(word))) cost -= 6;
  if (GOOD_LINE_ENDS.some((mark) => before.endsWith(mark))) cost -= 5;
  if (/[年月日]$/.test(before)) cost -= 3;
  return cost;
}

/** Positions (in code points) that fall inside a known title word. */
function wordInteriors(title: string): Set<number> {
  const chars = [...title];
  const inside = new Set<number>();
  for (const word of TITLE_WORDS) {
    const length = [...word].length;
    for (let i = 0; i + length <= chars.length; i++) {
      if (chars.slice(i, i + length).join('') === word) for (let k = i + 1; k < i + length; k++) inside.add(k);
    }
  }
  return inside;
}

function greedy(chars: string[], capacity: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of chars) {
    if (titleWidth(line + ch) > capacity && line) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}
