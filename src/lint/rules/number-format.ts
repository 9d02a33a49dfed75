/**
 * number-format: how 公文 write numbers, in the places text pasted from Word gets them wrong —
 *   - `1、` opening a line: the third heading level is `1.` (GB/T 9704 §7.3.1), `、` follows
 *     Chinese numerals only (一、);
 *   - a space between a figure and its unit: `27.77 %`, `48.62 亿元` (the unit belongs to the number).
 * Fixable: `report lint --fix` writes `1.` and removes the space.
 */
import { unitAt } from '../../text/units.js';
import { findingAt, type Finding, type LintInput, type MarkdownInput, type Rule, type RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'number-format',
  description: '`1、` at the start of a line (公文 write `1.`) and spaces between a figure and its unit (`27.77 %`)',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'figures not written the 公文 way (1、 for 1., a space before the unit)',
};

/** `1、` opening a line, after any indent or list marker, but not `1、2、3号楼` (a series). */
const ARABIC_ENUMERATION = /^([ \t\u3000]*(?:[-+*][ \t]+)?)(\d{1,2})、(?!\d)/gmu;
const SPACED_UNIT = /(?<=\d)[ \t\u3000]+(?=\S)/g;

export function check(input: LintInput): Finding[] {
  return input.markdown.flatMap(checkMarkdown);
}

function checkMarkdown(md: MarkdownInput): Finding[] {
  const text = md.masked;
  const findings: Finding[] = [];
  ARABIC_ENUMERATION.lastIndex = 0;
  for (let m = ARABIC_ENUMERATION.exec(text); m; m = ARABIC_ENUMERATION.exec(text)) {
    const mark = m.index + m[1].length + m[2].length;
    findings.push(findingAt(meta, md.file, md.index, m.index + m[1].length, mark + 1, `"${m[2]}、" opens a line: 公文 number the third level "${m[2]}."`, {
      fix: { path: md.file.path, start: mark, end: mark + 1, replacement: '.' },
    }));
  }
  SPACED_UNIT.lastIndex = 0;
  for (let m = SPACED_UNIT.exec(text); m; m = SPACED_UNIT.exec(text)) {
    const end = m.index + m[0].length;
    if (text[m.index] === '\n') continue;
    const unit = unitAt(text, end);
    if (!unit) continue;
    const figure = /[\d.,]+$/.exec(text.slice(Math.max(0, m.index - 24), m.index))![0];
    findings.push(findingAt(meta, md.file, md.index, m.index - figure.length, end + unit.length, `space between "${figure}" and its unit "${unit}"; write "${figure}${unit}"`, {
      fix: { path: md.file.path, start: m.index, end, replacement: '' },
    }));
  }
  return findings;
}

export const numberFormatRule: Rule = { meta, check };
