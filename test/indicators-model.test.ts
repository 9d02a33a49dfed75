import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { allFigures, expectedCompletion, expectedGrowth, figureAt } from '../src/indicators/figures.js';
import { ABSENT, leafPaths, lookup } from '../src/indicators/lookup.js';
import { completionRate, dataNumber, formatFixed, growthRate, HelperError, roundHalfAway, toNumber } from '../src/indicators/numbers.js';
import { monthText, parsePeriod, periodFromFileName, ytdText } from '../src/indicators/periods.js';
import { growthPercent } from '../src/indicators/arguments.js';
import { formatTypedIndicator, isTypedIndicator } from '../src/indicators/typed.js';
import { HELPER_LIST, HELPERS, helpersPrinting } from '../src/template/helper-registry.js';
import { walkTemplate, type CallSite } from '../src/template/walk.js';

describe('numbers as indicators hold them', () => {
  it('rounds half away from zero on the decimal digits, without binary artefacts', () => {
    expect(roundHalfAway(2.45, 1)).toBe(2.5);
    expect(roundHalfAway(-2.45, 1)).toBe(-2.5);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(formatFixed(12345.678, 2, true)).toBe('12,345.68');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
  });

  it('reads data numbers strictly and helper arguments with exponents too', () => {
    expect(dataNumber(' 7.4 ')).toBe(7.4);
    expect(dataNumber('1e3')).toBeUndefined();
    expect(dataNumber('XX')).toBeUndefined();
    expect(toNumber('num', '1e3')).toBe(1000);
    expect(toNumber('num', { value: 48.62 })).toBe(48.62);
    expect(() => toNumber('num', 'XX')).toThrow(HelperError);
    expect(() => toNumber('num', undefined)).toThrow('num: expected a number, got nothing (is the indicator missing?)');
  });

  it('computes growth over a year earlier and completion of a target the one way', () => {
    expect(growthRate(48.62, 45.27)).toBeCloseTo(7.4, 1);
    expect(growthRate(-2, -4)).toBe(50);
    expect(completionRate(61.2, 100)).toBeCloseTo(61.2, 10);
  });
});

describe('typed indicators', () => {
  it('print their value with unit, at their own decimals', () => {
    expect(isTypedIndicator({ value: 1 })).toBe(true);
    expect(isTypedIndicator([1])).toBe(false);
    expect(formatTypedIndicator({ value: 48.6, unit: '亿元', decimals: 2 })).toBe('48.60亿元');
    expect(formatTypedIndicator({ value: 'XX' as never, unit: '亿元' })).toBe('XX亿元');
  });

  it('derive growth from previous, and say what is missing', () => {
    expect(growthPercent('growth', { value: 110, previous: 100 })).toBeCloseTo(10, 10);
    expect(() => growthPercent('growth', { value: 110 })).toThrow('growth: the indicator has no `previous`');
    expect(() => growthPercent('growth', 110)).toThrow('growth: expects an indicator with `value` and `previous` (or 上年同期), got a bare number');
    expect(() => growthPercent('growth', { value: 1, previous: 0 })).toThrow('previous value is 0');
  });
});

describe('figures: typed indicators and free-form groups by convention', () => {
  const data = {
    规上工业产值: { value: 48.62, unit: '亿元', previous: 45.27, target: 105 },
    固定资产投资: { 本期: 26.4, 上年同期: 24, 全年目标: 60, 增速: 10 },
    两个当期: { 本月: 3, 累计: 9 },
    招商引资: { 协议投资: 12 },
    城镇化率: { value: 61.2, unit: '%', previous: 60.1 },
    上期: { 规上工业产值: { value: 40 } },
  };

  it('finds the figure a reference prints, and none for previous, target or a stated rate', () => {
    expect(figureAt(data, ['规上工业产值'])).toMatchObject({ kind: 'typed', value: 48.62, unit: '亿元', previous: 45.27, target: 105 });
    expect(figureAt(data, ['规上工业产值', 'value'])?.name).toBe('规上工业产值');
    expect(figureAt(data, ['规上工业产值', 'previous'])).toBeUndefined();
    expect(figureAt(data, ['固定资产投资', '本期'])).toMatchObject({ kind: 'group', value: 26.4, previous: 24, target: 60, statedGrowth: { key: '增速', value: 10 } });
    expect(figureAt(data, ['固定资产投资', '上年同期'])).toBeUndefined();
    expect(figureAt(data, ['招商引资', '协议投资'])).toMatchObject({ kind: 'plain', value: 12, name: '协议投资' });
    expect(figureAt(data, ['上期', '规上工业产值'])).toBeUndefined();
  });

  it('treats a group with two current values as no figure, and a % unit as a rate', () => {
    expect(figureAt(data, ['两个当期', '本月'])).toBeUndefined(); // ambiguous: not checked at all
    expect(figureAt(data, ['城镇化率'])?.isRate).toBe(true);
    expect(allFigures(data).map((f) => f.name)).toEqual(['规上工业产值', '固定资产投资', '城镇化率']);
  });

  it('expects growth and completion from the data before the rates it states', () => {
    const investment = figureAt(data, ['固定资产投资'])!;
    expect(expectedGrowth(investment)).toEqual({ percent: growthRate(26.4, 24), from: 'previous' });
    expect(expectedCompletion(investment)).toEqual({ percent: completionRate(26.4, 60), from: 'target' });
    expect(expectedGrowth({ ...investment, previous: undefined })).toEqual({ percent: 10, from: 'stated' });
  });

  it('looks up own keys only and lists the leaves', () => {
    expect(lookup(data, ['规上工业产值', 'unit'])).toBe('亿元');
    expect(lookup(data, ['toString'])).toBe(ABSENT);
    expect(leafPaths({ a: { b: 1, c: [1, 2] }, d: {} })).toEqual([['a', 'b'], ['a', 'c'], ['d']]);
  });
});

describe('periods', () => {
  it('writes the year-to-date and the month as reports do', () => {
    expect(ytdText('2024-05')).toBe('2024年1-5月');
    expect(ytdText('2024年1月')).toBe('2024年1月');
    expect(monthText('2024-05')).toBe('5月份');
    expect(parsePeriod('2024/12')).toEqual({ year: 2024, month: 12 });
    expect(() => parsePeriod('2024-13', 'ytd')).toThrow('ytd: expected a period like "2024-05", got "2024-13"');
  });

  it('takes the period from a data file name', () => {
    expect(periodFromFileName('data/2024-05.yaml')).toBe('2024-05');
    expect(periodFromFileName('indicators.yaml')).toBeUndefined();
  });
});

describe('helper metadata and the template walk', () => {
  it('declares what every registered helper prints', () => {
    expect(Object.keys(HELPERS)).toEqual(HELPER_LIST.map((h) => h.name));
    expect(helpersPrinting('figure', 'scaled-figure')).toEqual(['num', 'scale']);
    expect(HELPER_LIST.find((h) => h.name === '完成率')?.prints).toBe('rate');
  });

  it('walks calls in source order with their scope and the {{#if}} tests above them', () => {
    const seen: Array<Pick<CallSite, 'topLevel' | 'scoped' | 'guards'> & { head: string }> = [];
    const args: string[] = [];
    walkTemplate(Handlebars.parse('{{a}}{{#if b}}{{num b.c (minus d e)}}{{/if}}{{#each f}}{{g}}{{/each}}'), {
      call: (site) => seen.push({ head: site.head.original, topLevel: site.topLevel, scoped: site.scoped, guards: site.guards }),
      argument: (path) => args.push(path.original),
    });
    expect(seen).toEqual([
      { head: 'a', topLevel: true, scoped: false, guards: [] },
      { head: 'if', topLevel: true, scoped: false, guards: [] },
      { head: 'num', topLevel: false, scoped: false, guards: [['b']] },
      { head: 'minus', topLevel: false, scoped: false, guards: [['b']] },
      { head: 'each', topLevel: true, scoped: false, guards: [] },
      { head: 'g', topLevel: false, scoped: true, guards: [] },
    ]);
    expect(args).toEqual(['b', 'b.c', 'd', 'e', 'f']);
  });
});
