/**
 * From the figures of one section to indicators and the text that prints them again:
 *   48.62亿元            → {{规上工业总产值}}               {value: 48.62, unit: 亿元}
 *   同比增长7.4%          → 同比{{change 规上工业总产值.增速}}  增速: 7.4 on the figure before it
 *   完成全年任务的61.2%    → {{pct 固定资产投资.完成率}}      完成率: 61.2 on the figure before it
 *   50余条               → {{num 上报信息}}余条             (an approximation stays in the text)
 *   化解率98.6%           → {{化解率}}                      {value: 98.6, unit: "%"}
 *   XX亿元               → {{…}}                           {value: XX, unit: 亿元}: a blank the build refuses
 * A rate belongs to the amount before it in the same sentence when its words say so (增长, 增速,
 * 完成率, 完成全年任务的); otherwise it is an indicator of its own. Each figure prints exactly as
 * it was written: decimals are kept (`decimals`, or the helper's decimals argument).
 */
import { clauseBefore, nounAfter, proposeName, uniqueKey } from './naming.js';
import { scanFigures, type ScannedFigure } from './scan.js';

export type FigureValue = number | string;

export interface Rate {
  value: FigureValue;
  /** Digits after the point as written (the helpers print one unless told). */
  decimals: number;
}

export interface PlannedIndicator {
  key: string;
  value: FigureValue;
  unit: string;
  /** Set when the value's own printing would drop zeros the text has (10.50). */
  decimals?: number;
  growth?: Rate;
  completion?: Rate;
  /** The words and figure it was found in, for the YAML comment. */
  context: string;
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface SectionPlan {
  indicators: PlannedIndicator[];
  replacements: Replacement[];
  /** Every figure found, as written (number and unit), in text order: what extraction counted. */
  found: string[];
}

const SENTENCE_END = /[。；;！!？?\n]/u;
const GROWTH_VERB = /(?:增长|下降)$/u;
const GROWTH_WORD = /(?:增速|增幅)(?:为|达)?$/u;
const COMPLETION_WORDS = /(?:完成率|完成(?:全年|年度)?(?:目标任务|目标|任务|计划)的|占(?:全年|年度)?(?:目标任务|目标|任务|计划)的)(?:为|达)?$/u;
const HELPER_DEFAULT_DECIMALS = 1;

export function planSection(text: string, taken: Set<string>): SectionPlan {
  const plan: SectionPlan = { indicators: [], replacements: [], found: [] };
  let lastAmount: { indicator: PlannedIndicator; end: number } | undefined;
  let previousEnd = 0;
  for (const figure of scanFigures(text)) {
    const unitEnd = figure.numberEnd + figure.unit.written.length;
    plan.found.push(`${figure.written}${figure.unit.written}`);
    if (lastAmount && SENTENCE_END.test(text.slice(lastAmount.end, figure.start))) lastAmount = undefined;
    const floor = Math.max(previousEnd, text.lastIndexOf('\n', figure.start) + 1);
    const before = text.slice(floor, figure.start);
    const decimals = decimalsOf(figure.written);
    const value: FigureValue = figure.value ?? figure.written;
    previousEnd = unitEnd;

    if (figure.unit.kind === 'percent' && lastAmount) {
      const owner = lastAmount.indicator;
      const verb = GROWTH_VERB.exec(before)?.[0];
      if (verb && !owner.growth && changePrintsAsWritten(figure, verb)) {
        owner.growth = { value: signed(value, verb), decimals };
        plan.replacements.push({ start: figure.start - verb.length, end: unitEnd, text: `{{change ${owner.key}.增速${decimalsArgument(decimals)}}}` });
        continue;
      }
      if (!verb && GROWTH_WORD.test(before) && !owner.growth) {
        owner.growth = { value, decimals };
        plan.replacements.push({ start: figure.start, end: unitEnd, text: `{{pct ${owner.key}.增速${decimalsArgument(decimals)}}}` });
        continue;
      }
      if (COMPLETION_WORDS.test(before) && !owner.completion) {
        owner.completion = { value, decimals };
        plan.replacements.push({ start: figure.start, end: unitEnd, text: `{{pct ${owner.key}.完成率${decimalsArgument(decimals)}}}` });
        continue;
      }
    }

    const clause = clauseBefore(text, figure.start, floor);
    const context = [...clause].slice(-24).join('') + text.slice(figure.start, unitEnd);
    const verb = figure.unit.kind === 'percent' ? GROWTH_VERB.exec(before)?.[0] : undefined;
    const growthAlone = verb !== undefined && changePrintsAsWritten(figure, verb);
    const name = growthAlone
      ? `${proposeName(clause.replace(/(?:同比|比上年|较上年|比去年|较去年|环比)?(?:增长|下降)$/u, ''), '')}增速`
      : proposeName(clause, nounAfter(text, unitEnd, figure.unit.unit, [...clause.replace(/[^\p{Script=Han}]/gu, '')].length <= 2));
    const key = uniqueKey(name, taken);
    taken.add(key);
    const indicator: PlannedIndicator = { key, value: growthAlone ? signed(value, verb!) : value, unit: figure.unit.unit, context };
    if (typeof figure.value === 'number' && String(Math.abs(figure.value)) !== figure.written.replace(/^-/u, '') && !figure.written.includes(',')) indicator.decimals = decimals;
    plan.indicators.push(indicator);
    plan.replacements.push(growthAlone
      ? { start: figure.start - verb!.length, end: unitEnd, text: `{{change ${key}${decimalsArgument(decimals)}}}` }
      : figureReplacement(figure, key, unitEnd, decimals));
    if (figure.unit.kind === 'amount') lastAmount = { indicator, end: unitEnd };
  }
  return plan;
}

/** `{{key}}` over number and unit; `{{num key}}` over the number alone where 余/多 or a separator stand. */
function figureReplacement(figure: ScannedFigure, key: string, unitEnd: number, decimals: number): Replacement {
  const separated = figure.written.includes(',');
  if (!figure.unit.approximate && !separated) return { start: figure.start, end: unitEnd, text: `{{${key}}}` };
  const places = typeof figure.value === 'number' && String(Math.abs(figure.value)) !== figure.written.replace(/^-|,/gu, '') ? ` ${decimals}` : '';
  return { start: figure.start, end: figure.numberEnd, text: `{{num ${key}${places}${separated ? ' sep=true' : ''}}}` };
}

/** {{change}} prints 增长/下降 from the sign: only a positive written number keeps its verb that way. */
function changePrintsAsWritten(figure: ScannedFigure, verb: string): boolean {
  return verb !== undefined && (figure.value === undefined || figure.value > 0);
}

function signed(value: FigureValue, verb: string): FigureValue {
  return typeof value === 'number' && verb === '下降' ? -value : value;
}

/** Digits after the point as written; a blank's are unknown, so the helpers' default. */
function decimalsOf(written: string): number {
  if (/[Xx×Ｘｘ]/u.test(written)) return HELPER_DEFAULT_DECIMALS;
  const point = written.indexOf('.');
  return point < 0 ? 0 : written.length - point - 1;
}

function decimalsArgument(decimals: number): string {
  return decimals === HELPER_DEFAULT_DECIMALS ? '' : ` ${decimals}`;
}
