/**
 * stated-change: a 同比增长/下降 X% (or X个百分点 for a rate) the author typed right after a figure
 * that the figure's own data (value and previous, or the growth the data states) contradicts
 * beyond rounding. Percentages printed by helpers are correct by construction and are skipped;
 * 环比 / 比上月 changes are not checked (no month-earlier value).
 */
import { expectedGrowth, type Figure } from '../../indicators/figures.js';
import { clauseFindings, type Clause } from '../consistency/clauses.js';
import { agreesWhenRounded, showNumber, showPercent, yearAgo } from '../consistency/numbers-as-written.js';
import type { Rule, RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'stated-change',
  description: 'a typed 同比增长/下降 X% (or X个百分点 for a rate) that disagrees with the figure\'s value and previous beyond rounding',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

export function judgeChange(figure: Figure, clause: Clause, where: string): string | undefined {
  if (clause.base === 'other') return undefined;
  const said = `stated change "${clause.text}"`;
  if (clause.unit === '个百分点') {
    if (!figure.isRate || figure.previous === undefined) return undefined;
    const points = figure.value - figure.previous;
    if (agreesWhenRounded(clause.value, clause.digits, points)) return undefined;
    const shown = showPercent(Math.abs(points), clause.digits);
    return `${said} disagrees with the data: ${figure.name} ${yearAgo(figure)} is ${points >= 0 ? '提高' : '下降'}${shown}个百分点${where}`;
  }
  if (figure.isRate) return undefined; // 失业率下降4.6%: relative or a slip for 百分点 — ambiguous
  const expected = expectedGrowth(figure);
  if (!expected || agreesWhenRounded(clause.value, clause.digits, expected.percent)) return undefined;
  const shown = `${expected.percent >= 0 ? '增长' : '下降'}${showPercent(Math.abs(expected.percent), clause.digits)}%`;
  return expected.from === 'previous'
    ? `${said} disagrees with the data: ${figure.name} ${yearAgo(figure)} is ${shown}${where}`
    : `${said} disagrees with the data: ${figure.path.join('.')}.${figure.statedGrowth!.key} is ${showNumber(figure.statedGrowth!.value)} (${shown})${where}`;
}

export const statedChangeRule: Rule = { meta, check: (input) => clauseFindings(input, 'change', meta, judgeChange) };
