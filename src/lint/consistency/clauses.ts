/**
 * The change and completion clauses an author types right after a printed figure —
 * `规上工业产值{{规上工业产值}}，同比增长9.1%，完成全年目标的46.3%。` — read clause by clause,
 * stopping at the first clause that is not a change, a 持平 or a completion rate (so `，其中装备
 * 制造业增长15.2%` is never attributed to the figure before it). stated-change and
 * completion-rate judge them against the figure's data.
 */
import type { Figure } from '../../indicators/figures.js';
import { unitAt } from '../../text/units.js';
import type { Finding, LintInput, RuleMeta } from '../rule.js';
import { dataNote, handTyped, sectionTexts, textFinding } from './printed-figures.js';
import { typedFigures } from './typed-figures.js';

const YEAR_ON_YEAR = '同比|比上年同期|比去年同期|较上年同期|较去年同期|与上年同期相比|与去年同期相比|比上年|比去年|较上年|较去年';
const OTHER_BASE = '环比|比上月|较上月|比上期|较上期|与上月相比';
const UP = '增长|增加|提高|上升|提升';
const DOWN = '下降|减少|降低|回落|下滑';
const NUMBER = '[*_]{0,2}([-−+]?\\d+(?:\\.\\d+)?)';
/** `增长8%以上` is a goal, not a statement of fact. */
const EXACT = '(?!以上|左右|以内|之间|上下|多)[*_]{0,2}';
const BASE = `(?:(${YEAR_ON_YEAR})|(${OTHER_BASE}))?[，,]?[ \\t]*`;
const CHANGE = new RegExp(`^${BASE}(?:(${UP}|${DOWN})了?|(?:增速|增幅)(?:为|达到?)?)[ \\t]*${NUMBER}[ \\t]*(%|％|个百分点)${EXACT}`, 'd');
const FLAT = new RegExp(`^${BASE}(?:基本)?持平`, 'd');
const COMPLETION = new RegExp(
  `^(?:(?:目标|任务|全年任务|年度任务|全年目标|年度目标)?完成率(?:为|达到?)?|(?:完成|占|为|达到)(?:全年|年度|全年度)?(?:目标任务|目标|任务|计划)的)[ \\t]*${NUMBER}[ \\t]*([%％])${EXACT}`, 'd');
/** A clause ends at punctuation or the end of the line. */
const CLAUSE_END = /^(?:$|[，,、；;。！？!?）)\n])/;

export interface Clause {
  kind: 'change' | 'completion' | 'flat';
  /** The clause as printed (`同比增长9.1%`). */
  text: string;
  /** Offsets of the whole clause and of its number through its unit (`9.1%`). */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  /** Signed as stated: 下降1.3% → -1.3. */
  value: number;
  /** The number as written, for its precision. */
  digits: string;
  unit: string;
  base: 'year' | 'other' | 'none';
}

/** The change / completion clauses that follow offset `from` (a figure just printed) in `text`. */
export function clausesAfter(text: string, from: number): Clause[] {
  let pos = from + (unitAt(text, from)?.length ?? 0);
  const clauses: Clause[] = [];
  for (let n = 0; n < 6; n++) {
    pos += /^[ \t\u3000，,]*/.exec(text.slice(pos, pos + 16))![0].length;
    const rest = text.slice(pos, pos + 80);
    const change = CHANGE.exec(rest);
    const completion = change ? null : COMPLETION.exec(rest);
    const flat = change || completion ? null : FLAT.exec(rest);
    const m = change ?? completion ?? flat;
    if (!m || !CLAUSE_END.test(rest.slice(m[0].length))) break;
    const base: Clause['base'] = m[1] && !completion ? 'year' : m[2] && !completion ? 'other' : 'none';
    if (flat) {
      clauses.push({ kind: 'flat', text: m[0], start: pos, end: pos + m[0].length, numberStart: pos, numberEnd: pos, value: 0, digits: '0', unit: '', base });
    } else {
      const numberGroup = change ? 4 : 1;
      const unitGroup = change ? 5 : 2;
      const digits = m[numberGroup].replace('−', '-');
      const down = change && m[3] !== undefined && new RegExp(`^(?:${DOWN})$`).test(m[3]);
      clauses.push({
        kind: change ? 'change' : 'completion', text: m[0], start: pos, end: pos + m[0].length,
        numberStart: pos + m.indices![numberGroup]![0], numberEnd: pos + m.indices![unitGroup]![1],
        value: (down ? -1 : 1) * Number(digits), digits: digits.replace(/^[-+]/, ''), unit: m[unitGroup], base,
      });
    }
    pos += m[0].length;
  }
  return clauses;
}

/** Judges one clause against the figure printed before it: a message when they disagree. */
export type ClauseJudge = (figure: Figure, clause: Clause, dataNote: string) => string | undefined;

/** Findings at the hand-typed numbers of `kind` clauses that `judge` finds wrong. */
export function clauseFindings(input: LintInput, kind: 'change' | 'completion', meta: RuleMeta, judge: ClauseJudge): Finding[] {
  const project = input.project;
  if (!project) return [];
  const findings: Finding[] = [];
  for (const section of sectionTexts(input)) {
    // Figures printed from the data, and figures typed by hand after their name (全镇工业总产值55.5亿元).
    const figures = [
      ...section.printed.map((p) => ({ figure: p.figure, end: p.sub.end })),
      ...typedFigures(section, project.indicators),
    ];
    for (const { figure, end } of figures) {
      for (const clause of clausesAfter(section.rendered.text, end)) {
        if (clause.kind !== kind || !handTyped(section.rendered, clause.numberStart, clause.numberEnd)) continue;
        const message = judge(figure, clause, dataNote(project, figure.path));
        const finding = message ? textFinding(meta, section, clause.numberStart, clause.numberEnd, message) : undefined;
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}
