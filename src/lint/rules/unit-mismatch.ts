/**
 * unit-mismatch: the unit typed right after a reference disagrees with the unit the data gives.
 *   - `{{限上零售额}}万元`: a typed indicator prints its own unit (7032万元), so a unit typed after
 *     it is printed twice (7032万元万元);
 *   - `{{限上零售额.value}}亿元` / `{{num 限上零售额}}亿元` with `unit: 万元` in the data: the digits
 *     are 万元 and the text calls them 亿元 — a factor of 10 000;
 *   - `{{scale 工业用电量 "亿千瓦时"}}万千瓦时`: the text's unit is not the one scaled to.
 * Only units of the same quantity are compared (亿元/万元/元, 万人/人 …): `{{企业数.value}}家` next
 * to `unit: 个` is left alone. Free-form numbers carry no unit in the data and are not checked.
 */
import { sameDimension, sameUnit, unitAt } from '../../text/units.js';
import { dataNote, handTyped, sectionTexts, textFinding } from '../consistency/printed-figures.js';
import type { Finding, LintInput, Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unit-mismatch',
  description: 'the unit typed after a reference disagrees with the data\'s unit (亿元 vs 万元), or repeats the unit a typed indicator already prints',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

export function check(input: LintInput): Finding[] {
  const project = input.project;
  if (!project) return [];
  const findings: Finding[] = [];
  for (const section of sectionTexts(input)) {
    const { text } = section.rendered;
    for (const printed of section.printed) {
      if (!printed.unit) continue;
      const at = printed.sub.end;
      const typed = unitAt(text, at);
      if (!typed || !handTyped(section.rendered, at, at + typed.length)) continue;
      const { figure } = printed;
      const data = dataNote(project, figure.path);
      const shown = text.slice(printed.sub.start, printed.sub.end);
      let message: string | undefined;
      if (printed.form === 'with-unit') {
        // 个/家/项 are counters that may begin other words; only a unit of measure (or the same counter) is a repeat.
        if (!/^[个家项]$/.test(typed) || sameUnit(typed, printed.unit)) {
          message = `unit written twice: {{${figure.path.join('.')}}} already prints its unit (${shown}), so this prints ${shown}${typed}; drop "${typed}" or use {{${figure.path.join('.')}.value}}${data}`;
        }
      } else if (!sameUnit(typed, printed.unit) && sameDimension(typed, printed.unit)) {
        message = printed.form === 'scaled'
          ? `unit "${typed}" disagrees with the scale helper, which converts ${figure.name} to ${printed.unit}`
          : `unit "${typed}" disagrees with the data: ${figure.name} is in ${printed.unit}${data}; use {{scale ${figure.path.join('.')} "${typed}"}} to convert`;
      }
      if (!message) continue;
      const finding = textFinding(meta, section, at, at + typed.length, message);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

export const unitMismatchRule: Rule = { meta, check };
