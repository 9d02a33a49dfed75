/**
 * Where a long title wraps. GB/T 9704 §7.3.1: a title of several lines keeps words whole and is
 * arranged symmetrically, as a trapezoid or a diamond — never filled greedily to the margin with
 * the last line a stub ("…工 / 作总结"). Both writers call this with their line capacity, so the
 * DOCX and the PDF break the title at the same places. A title written with explicit line breaks
 * (a YAML block scalar) is taken as the author wrote it.
 */

import { titleCapacityChars, type StyleSpec } from '../style/spec.js';
import { TITLE_WORDS } from './title-words.js';

/** Words a title line may start with: breaking before them keeps them whole. */
const GOOD_LINE_STARTS = ['和', '与', '及', '暨', '工作', '报告', '通知', '意见', '方案', '规划', '办法', '决定', '实施', '有关', '关于', '的'];
/** Characters a title line may end with: breaking after them reads naturally. */
const GOOD_LINE_ENDS = ['和', '与', '及', '暨', '的', '、', '》', '”', '）'];
const NO_LINE_START = /^[，。、；：？！）》」』”’％%·…—]/u;
const NO_LINE_END = /[（《「『“‘]$/u;

/**
 * Width in title characters: Han and full-width marks 1; Latin letters, digits and spaces 0.6
 * (the bold Latin of CJK title faces runs 0.55–0.6 em, more than the ½ a body grid counts), so a
 * line judged to fit is never wrapped again by a renderer — the way a stub "告" is born.
 */
export function titleWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
  return width;
}

/** The longest title we set (code points); a longer one is an input error, not a slow build. */
export const MAX_TITLE_CHARS = 200;

/** The title's lines as both writers print them (the one place the break is decided). */
export function titleLines(title: string, spec: StyleSpec): string[] {
  return title ? breakTitle(title, titleCapacityChars(spec)) : [];
}

/**
 * Title lines: as few as fit `capacity`, balanced (the squared distance of each line from the
 * ideal width), broken where words allow. Linear in the title's length for a given capacity:
 * a line never holds more than `2 × capacity` code points, so each line end looks back only that
 * far. No line is shorter than half the longest (a 梯形 or 菱形, never a stub like "…报 / 告").
 */
export function breakTitle(title: string, capacity: number): string[] {
  const explicit = title.split('\n').map((line) => line.trim()).filter(Boolean);
  if (explicit.length > 1 || titleWidth(title) <= capacity) return explicit.length ? explicit : [title];
  const chars = [...title.trim()];
  const n = chars.length;
  const prefix = [0];
  for (const ch of chars) prefix.push(prefix[prefix.length - 1] + titleWidth(ch));
  const width = (start: number, end: number) => prefix[end] - prefix[start];
  const total = prefix[n];
  const insideWord = wordInteriors(chars);
  const costAt = chars.map((_, at) => (at === 0 ? 0 : breakCost(chars, at) + (insideWord.has(at) ? 25 : 0)));
  const reach = Math.ceil(2 * capacity) + 1;
  const fewest = Math.ceil(total / capacity);
  // one or two more lines may balance a title the fewest cannot; past that, fill greedily
  for (let lineCount = fewest; lineCount <= Math.min(n, fewest + 2); lineCount++) {
    const lines = balancedLines(chars, lineCount, capacity, { width, costAt, reach, ideal: total / lineCount });
    if (lines) return lines;
  }
  return greedy(chars, capacity);
}

interface LineCosts {
  width(start: number, end: number): number;
  costAt: number[];
  reach: number;
  ideal: number;
}

function balancedLines(chars: string[], lineCount: number, capacity: number, c: LineCosts): string[] | null {
  const n = chars.length;
  // best[k][end]: cheapest way to set chars[0..end) as k lines; from[k][end]: where line k starts.
  const best = Array.from({ length: lineCount + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: lineCount + 1 }, () => new Int32Array(n + 1).fill(-1));
  best[0][0] = 0;
  const shortest = c.ideal / 2;
  for (let k = 1; k <= lineCount; k++) {
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(k - 1, end - c.reach); start < end; start++) {
        if (best[k - 1][start] === Infinity) continue;
        const w = c.width(start, end);
        if (w > capacity || w < shortest) continue;
        const cost = best[k - 1][start] + 0.5 * (w - c.ideal) ** 2 + (end < n ? c.costAt[end] : 0);
        if (cost < best[k][end]) {
          best[k][end] = cost;
          from[k][end] = start;
        }
      }
    }
  }
  if (best[lineCount][n] === Infinity) return null;
  const lines: string[] = [];
  for (let k = lineCount, end = n; k > 0; k--) {
    const start = from[k][end];
    lines.unshift(chars.slice(start, end).join(''));
    end = start;
  }
  const longest = Math.max(...lines.map(titleWidth));
  return lines.every((line) => titleWidth(line) >= longest / 2) ? lines : null;
}

/** Cost of breaking before chars[at]: low at word boundaries, prohibitive inside numbers. */
function breakCost(chars: string[], at: number): number {
  // only the few characters around the break matter
  const before = chars.slice(Math.max(0, at - 4), at).join('');
  const after = chars.slice(at, at + 4).join('');
  if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) return 1e6;
  if (/[0-9A-Za-z.\-]$/.test(before) && /^[0-9A-Za-z.\-年月日%]/.test(after)) return 1e6;
  let cost = 8;
  if (GOOD_LINE_STARTS.some((word) => after.startsWith(word))) cost -= 6;
  if (GOOD_LINE_ENDS.some((mark) => before.endsWith(mark))) cost -= 5;
  if (/[年月日]$/.test(before)) cost -= 3;
  return cost;
}

/** Made on first use: loading ICU's zh dictionary takes ~10 ms, and most titles fit one line. */
let words: Intl.Segmenter | undefined;

/** Positions (in code points) that fall inside a word of the title. */
function wordInteriors(chars: string[]): Set<number> {
  const text = chars.join('');
  // code-unit offset → code-point index
  const pointAt = new Map<number, number>();
  let unit = 0;
  chars.forEach((ch, i) => { pointAt.set(unit, i); unit += ch.length; });
  const inside = new Set<number>();
  // the words ICU's dictionary finds (秋|冬季, 安全|生产), then the list's longer terms it splits
  let start = 0;
  for (const { segment } of (words ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text)) {
    const length = [...segment].length;
    const i = pointAt.get(start);
    if (i !== undefined && /\p{Script=Han}/u.test(segment)) for (let k = i + 1; k < i + length; k++) inside.add(k);
    start += segment.length;
  }
  for (const word of TITLE_WORDS) {
    const length = [...word].length;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      const i = pointAt.get(at);
      if (i !== undefined) for (let k = i + 1; k < i + length; k++) inside.add(k);
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
