/**
 * completion-rate: a 完成率 / 完成全年目标的 X% the author typed right after a figure that the
 * figure's own data (value and target, or the completion rate the data states) contradicts
 * beyond rounding.
 */
import { expectedCompletion, type Figure } from '../../indicators/figures.js';
import { clauseFindings, type Clause } from '../consistency/clauses.js';
import { agreesWhenRounded, showNumber, showPercent } from '../consistency/numbers-as-written.js';
import type { Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'completion-rate',
  description: 'a typed 完成率 / 完成全年目标的 X% that disagrees with the figure\'s value and target beyond rounding',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

export function judgeCompletion(figure: Figure, clause: Clause, where: string): string | undefined {
  const expected = expectedCompletion(figure);
  if (!expected || agreesWhenRounded(clause.value, clause.digits, expected.percent)) return undefined;
  const shown = `${showPercent(expected.percent, clause.digits)}%`;
  return expected.from === 'target'
    ? `stated completion "${clause.text}" disagrees with the data: ${figure.name} ${showNumber(figure.value)} of the target ${showNumber(figure.target!)} is ${shown}${where}`
    : `stated completion "${clause.text}" disagrees with the data: ${figure.path.join('.')}.${figure.statedCompletion!.key} is ${showNumber(figure.statedCompletion!.value)}${where}`;
}

export const completionRateRule: Rule = { meta, check: (input) => clauseFindings(input, 'completion', meta, judgeCompletion) };
