/**
 * enumeration: hand-written sequence numbers that skip, repeat or restart wrongly —
 * 一是/二是/三是, 第一/第二, ①②③, inline （1）（2） and 1. 2. inside a paragraph, and the 公文
 * hierarchy 一、 → （一） → 1. → （1） at the start of lines and headings (each level restarts
 * under its parent; in a project the numbering runs across section files, like the output).
 * A Markdown heading whose written number disagrees with its position, or carries another
 * level's number (`## 一、`, printed as `（一）一、`), is reported too.
 */
import { findingAt, type Finding, type LintInput, type MarkdownInput, type Rule, type RuleMeta } from '../rule.js';
import { chineseNumeral, isNumeralSeries, parseChineseNumber } from '../../text/chinese-numeral.js';
import { headingNumber, WRITTEN_NUMBER } from '../../model/numbering.js';

export const meta: RuleMeta = {
  id: 'enumeration',
  description: '一是/二是…, 第一/第二…, （一）（二）…, 1. 2. … that skip, repeat or restart wrongly; heading numbers that disagree with their position',
  defaultSeverity: 'warning',
  fixable: false,
  summary: 'enumeration problems (一是/二是, 一、（一）1. numbers that skip, repeat or restart)',
};

const CN_NUM = '[一二三四五六七八九十]{1,3}';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

interface InlineFamily {
  name: string;
  pattern: RegExp;
  /** Group holding the number. */
  group: number;
  value(token: string): number;
  show(n: number): string;
  /** Only in running text: the line-start forms are the heading hierarchy. */
  notAtLineStart?: boolean;
}

const INLINE: InlineFamily[] = [
  { name: '一是', pattern: new RegExp(`(?<=^|[。；;：:，,！？!?\\s、“"（(*])(${CN_NUM})是`, 'g'), group: 1, value: parseChineseNumber, show: (n) => `${chineseNumeral(n)}是` },
  { name: '第一', pattern: new RegExp(`(?<=^|[。；;：:，,！？!?\\s“"*])第(${CN_NUM})(?=[，,、：:])`, 'g'), group: 1, value: parseChineseNumber, show: (n) => `第${chineseNumeral(n)}` },
  { name: '①', pattern: /[①-⑳]/g, group: 0, value: (t) => CIRCLED.indexOf(t) + 1, show: (n) => CIRCLED[n - 1] ?? String(n) },
  { name: '（一）', pattern: new RegExp(`(?<=[。；;：:，,！？!?\\s])[（(](${CN_NUM})[）)]`, 'g'), group: 1, value: parseChineseNumber, show: (n) => `（${chineseNumeral(n)}）`, notAtLineStart: true },
  { name: '（1）', pattern: /(?<=[。；;：:，,！？!?\s])[（(](\d{1,2})[）)]/g, group: 1, value: Number, show: (n) => `（${n}）`, notAtLineStart: true },
  { name: '1.', pattern: /(?<=[。；;：:！？!?])(\d{1,2})[.．、](?!\d)/g, group: 1, value: Number, show: (n) => `${n}.`, notAtLineStart: true },
];

/** Line-start numbers of the 公文 hierarchy, level 1–4 (patterns shared with the model). */
const LEVELS: Array<{ pattern: RegExp; value(token: string): number; show(n: number): string }> = [
  { pattern: WRITTEN_NUMBER[1], value: parseChineseNumber, show: (n) => headingNumber(1, n) },
  { pattern: WRITTEN_NUMBER[2], value: parseChineseNumber, show: (n) => headingNumber(2, n) },
  { pattern: WRITTEN_NUMBER[3], value: Number, show: (n) => headingNumber(3, n) },
  { pattern: WRITTEN_NUMBER[4], value: Number, show: (n) => headingNumber(4, n) },
];

const HEADING = /^ {0,3}(#{1,6})[ \t]+/;
const LINE_PREFIX = /^(?:[ \t\u3000]*>)*[ \t\u3000]*(?:[-+][ \t]+)?(?:\*\*|__)?/;

interface Hierarchy { counters: number[]; lastWasList: boolean[]; /** The last 一、 line read was a numeral series (一、二月份…). */ seriesTitle?: boolean }

export function check(input: LintInput): Finding[] {
  const findings: Finding[] = [];
  let hierarchy: Hierarchy = { counters: [0, 0, 0, 0], lastWasList: [false, false, false, false] };
  for (const md of input.markdown) {
    if (!input.project) hierarchy = { counters: [0, 0, 0, 0], lastWasList: [false, false, false, false] };
    checkFile(md, hierarchy, findings);
  }
  return findings;
}

function checkFile(md: MarkdownInput, hierarchy: Hierarchy, findings: Finding[]): void {
  const text = md.masked;
  const inline = new Map<string, number>();
  let offset = 0;
  let previousLineNumbered = false;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const heading = HEADING.exec(line);
    const prefix = heading ? heading[0].length : LINE_PREFIX.exec(line)![0].length;
    const body = line.slice(prefix);
    const at = lineStart + prefix;
    let numbered = false;
    if (heading && heading[1].length <= 4) {
      numbered = true;
      checkHeading(md, heading[1].length - 1, body, at, hierarchy, findings);
    } else if (!heading) {
      for (let level = 0; level < 4; level++) {
        const m = LEVELS[level].pattern.exec(body);
        if (!m) continue;
        numbered = true;
        checkLineNumber(md, level, m, at, hierarchy, previousLineNumbered, findings);
        break;
      }
    }
    if (numbered) inline.clear();
    previousLineNumbered = numbered;
    for (const family of INLINE) {
      family.pattern.lastIndex = 0;
      let firstInLine = true;
      for (let m = family.pattern.exec(line); m; m = family.pattern.exec(line)) {
        if (family.notAtLineStart && m.index <= prefix) continue;
        const value = family.value(m[family.group]);
        if (!(value > 0)) continue;
        const last = inline.get(family.name) ?? 0;
        const start = lineStart + m.index;
        const token = m[0];
        // A lone （二） or 3. in running text cites a clause or an item (第（二）项), it does not count.
        const citation = last === 0 && family.notAtLineStart;
        if (value !== last + 1 && !(firstInLine && value === 1) && !citation) {
          const problem = value === last ? 'repeats' : value === 1 ? 'restarts inside a paragraph' : value < last ? 'goes back' : 'skips a number';
          const expected = family.show(last + 1);
          findings.push(findingAt(meta, md.file, md.index, start, start + token.length, last === 0
            ? `enumeration does not start at "${expected}": "${token}" comes first`
            : `enumeration ${problem}: "${token}" after "${family.show(last)}" (expected "${expected}")`));
        }
        inline.set(family.name, value);
        firstInLine = false;
      }
    }
  }
}

function checkHeading(md: MarkdownInput, level: number, body: string, at: number, h: Hierarchy, findings: Finding[]): void {
  h.counters[level] += 1;
  for (let k = level + 1; k < 4; k++) h.counters[k] = 0;
  const position = h.counters[level];
  for (let written = 0; written < 4; written++) {
    const m = LEVELS[written].pattern.exec(body);
    if (!m) continue;
    const value = LEVELS[written].value(m[1]);
    if (written === level) {
      if (value !== position) {
        findings.push(findingAt(meta, md.file, md.index, at, at + m[0].length,
          `heading number "${m[0]}" disagrees with its position (it is printed as "${LEVELS[level].show(position)}")`));
      }
    } else {
      findings.push(findingAt(meta, md.file, md.index, at, at + m[0].length,
        `level-${level + 1} heading starts with "${m[0]}", a level-${written + 1} number; it would be printed as "${LEVELS[level].show(position)}${m[0]}"`));
    }
    return;
  }
}

function checkLineNumber(md: MarkdownInput, level: number, m: RegExpExecArray, at: number, h: Hierarchy, previousLineNumbered: boolean, findings: Finding[]): void {
  const value = LEVELS[level].value(m[1]);
  const last = h.counters[level];
  // 一、二月份经济运行情况: a title naming January and February — unless it is the number expected
  // next, and even then a 一、 that follows shows it was the title.
  const series = level === 0 && isNumeralSeries(m.input);
  if (series && value !== last + 1) return;
  const afterSeriesTitle = level === 0 && h.seriesTitle && value === 1 && last === 1;
  h.seriesTitle = series;
  if (afterSeriesTitle) return setCounter(h, level, value);
  const show = LEVELS[level].show;
  // Lower levels may start a new list after ordinary text; `1. 1. 1.` is Markdown's lazy numbering.
  const newList = level >= 2 && value === 1 && (!previousLineNumbered || (last === 1 && /^\d+\.\s/.test(m.input)));
  if (value !== last + 1 && !newList && !Number.isNaN(value)) {
    const problem = value === last ? 'repeats' : value === 1 ? 'restarts' : value < last ? 'goes back' : last === 0 ? 'does not start at 1' : 'skips a number';
    const expected = show(last + 1);
    findings.push(findingAt(meta, md.file, md.index, at, at + m[0].length,
      `numbering ${problem}: "${m[0]}"${last ? ` after "${show(last)}"` : ''} (expected "${expected}")`));
  }
  setCounter(h, level, value);
}

function setCounter(h: Hierarchy, level: number, value: number): void {
  h.counters[level] = value;
  for (let k = level + 1; k < 4; k++) h.counters[k] = 0;
}

export const enumerationRule: Rule = { meta, check };
