/**
 * stated-change and completion-rate: a 同比增长 or 完成全年目标的 percentage the author typed
 * next to a figure, or wrote into the data, that the figure's own data contradicts beyond rounding.
 *
 * In the text, only the clauses right after a substitution that printed a figure are read —
 * `规上工业产值{{规上工业产值}}，同比增长9.1%，完成全年目标的46.3%。` — clause by clause, stopping
 * at the first clause that is not a change, a 持平 or a completion rate (so `，其中装备制造业增长
 * 15.2%` is never attributed to the figure before it). Percentages printed by helpers are correct
 * by construction and are skipped; 环比 / 比上月 changes are not checked (no month-earlier value).
 * In the data, a group that states 增速 or 完成率 next to 本期/上年同期/目标 is checked too,
 * at the YAML line of the stated rate.
 */
import type { Finding, LintInput, Rule, RuleMeta, YamlInput } from '../rule.js';
import { findingAt } from '../rule.js';
import {
  agreesWhenRounded, allFigures, expectedCompletion, expectedGrowth, showNumber, showPercent, type Figure,
} from './consistency-figures.js';
import { dataLocation, handTyped, sectionTexts, textFinding, unitAt, type SectionText } from './consistency-text.js';

export const statedChangeMeta: RuleMeta = {
  id: 'stated-change',
  description: 'a typed 同比增长/下降 X% (or X个百分点 for a rate) that disagrees with the figure\'s value and previous beyond rounding',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

export const completionRateMeta: RuleMeta = {
  id: 'completion-rate',
  description: 'a typed 完成率 / 完成全年目标的 X% that disagrees with the figure\'s value and target beyond rounding',
  defaultSeverity: 'warning',
  fixable: false,
  build: true,
  strict: true,
};

export const contradictoryDataMeta: RuleMeta = {
  id: 'contradictory-data',
  description: 'a rate the data states itself (增速, 完成率) that its own figures (本期 and 上年同期, value and target) disprove',
  defaultSeverity: 'error',
  fixable: false,
  build: true,
};

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

function yearAgo(figure: Figure): string {
  return `${showNumber(figure.value)} against ${showNumber(figure.previous!)} a year earlier`;
}

function checkChange(figure: Figure, clause: Clause, where: string): string | undefined {
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

function checkCompletion(figure: Figure, clause: Clause, where: string): string | undefined {
  const expected = expectedCompletion(figure);
  if (!expected || agreesWhenRounded(clause.value, clause.digits, expected.percent)) return undefined;
  const shown = `${showPercent(expected.percent, clause.digits)}%`;
  return expected.from === 'target'
    ? `stated completion "${clause.text}" disagrees with the data: ${figure.name} ${showNumber(figure.value)} of the target ${showNumber(figure.target!)} is ${shown}${where}`
    : `stated completion "${clause.text}" disagrees with the data: ${figure.path.join('.')}.${figure.statedCompletion!.key} is ${showNumber(figure.statedCompletion!.value)}${where}`;
}

function textFindings(input: LintInput, kind: 'change' | 'completion', meta: RuleMeta): Finding[] {
  const project = input.project!;
  const findings: Finding[] = [];
  for (const section of sectionTexts(input)) {
    for (const printed of section.printed) {
      for (const clause of clausesAfter(section.rendered.text, printed.sub.end)) {
        if (clause.kind !== kind || !handTyped(section.rendered, clause.numberStart, clause.numberEnd)) continue;
        const where = dataLocation(project, printed.figure.path).replace(/^ \((.*)\)$/, ' (data: $1)');
        const message = kind === 'change' ? checkChange(printed.figure, clause, where) : checkCompletion(printed.figure, clause, where);
        if (message) pushFinding(findings, meta, section, clause, message);
      }
    }
  }
  return findings;
}

function pushFinding(findings: Finding[], meta: RuleMeta, section: SectionText, clause: Clause, message: string): void {
  const finding = textFinding(meta, section, clause.numberStart, clause.numberEnd, message);
  if (finding) findings.push(finding);
}

/** A rate the data itself states (增速: 9.1 next to 本期/上年同期) checked at its YAML position. */
function dataFindings(input: LintInput, kind: 'change' | 'completion', meta: RuleMeta): Finding[] {
  const project = input.project!;
  const findings: Finding[] = [];
  for (const figure of allFigures(project.indicators)) {
    const stated = kind === 'change' ? figure.statedGrowth : figure.statedCompletion;
    if (!stated) continue;
    const computed = kind === 'change'
      ? (figure.isRate || !figure.previous ? undefined : ((figure.value - figure.previous) / Math.abs(figure.previous)) * 100)
      : (figure.target ? (figure.value / figure.target) * 100 : undefined);
    if (computed === undefined) continue;
    const path = [...figure.path, stated.key];
    const at = project.locateIndicator(path);
    const yaml: YamlInput | undefined = at && input.yaml.find((y) => y.file.displayPath === at.file);
    const offset = yaml ? yaml.index.offsetOf(at!.line, at!.column) : 0;
    const written = yaml ? /^[-+]?\d+(?:\.\d+)?/.exec(yaml.file.text.slice(offset, offset + 32))?.[0] : undefined;
    const shown = written ?? String(stated.value);
    const digits = shown.replace(/^[-+]/, '');
    if (agreesWhenRounded(stated.value, digits, computed)) continue;
    const message = kind === 'change'
      ? `${path.join('.')} is ${shown} but ${figure.name} ${yearAgo(figure)} is ${computed >= 0 ? '增长' : '下降'}${showPercent(Math.abs(computed), digits)}%`
      : `${path.join('.')} is ${shown} but ${figure.name} ${showNumber(figure.value)} of the target ${showNumber(figure.target!)} is ${showPercent(computed, digits)}%`;
    if (yaml) findings.push(findingAt(meta, yaml.file, yaml.index, offset, offset + (written?.length ?? 0), message));
    else findings.push({ file: '--set', rule: meta.id, severity: meta.defaultSeverity, message, text: shown }); // a value given on the command line
  }
  return findings;
}

export const statedChangeRule: Rule = {
  meta: statedChangeMeta,
  check: (input) => (input.project ? textFindings(input, 'change', statedChangeMeta) : []),
};

export const completionRateRule: Rule = {
  meta: completionRateMeta,
  check: (input) => (input.project ? textFindings(input, 'completion', completionRateMeta) : []),
};

/** Data that contradicts itself is an error wherever it is read: the report cannot be right. */
export const contradictoryDataRule: Rule = {
  meta: contradictoryDataMeta,
  check: (input) => (input.project ? [...dataFindings(input, 'change', contradictoryDataMeta), ...dataFindings(input, 'completion', contradictoryDataMeta)] : []),
};
