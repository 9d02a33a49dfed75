/**
 * Issue 14's extraction measure: `report extract` finds ≥ 95 % of the figures with units.
 * Counted against lists written by hand for each test document (every Arabic number followed by
 * a unit or measure word — %, 个百分点, 亿元, 万亩, 家, 人次 … with 余/多/万余 between allowed —
 * blanks such as XX亿元 included; years, dates, periods like 1-5月, ordinals, codes and numbers
 * written in Chinese numerals excluded), matched in reading order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractProject } from '../src/extract/index.js';
import { planSection } from '../src/extract/plan.js';
import { scanFigures } from '../src/extract/scan.js';
import { makeDocx, MONTHLY_ANALYSIS, MONTHLY_ANALYSIS_FIGURES } from './fixtures/import/documents.js';
import { importAndBuild } from './fixtures/import/round-trip.js';
import type { RunResult } from './helpers/cli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');
const handList = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));

/** How many of `expected` are found, in order (longest common subsequence). */
function matchedInOrder(expected: string[], found: string[]): number {
  const table = Array.from({ length: expected.length + 1 }, () => new Array<number>(found.length + 1).fill(0));
  for (let i = expected.length - 1; i >= 0; i--) {
    for (let j = found.length - 1; j >= 0; j--) table[i][j] = expected[i] === found[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  return table[0][0];
}

interface Measured { document: string; expected: string[]; found: string[]; matched: number; importRun: RunResult }

/**
 * Each document is measured once per run, on first use: by its own test or by the overall test,
 * whichever comes first — so the overall test computes what it needs when run alone.
 */
const measuring = new Map<string, Promise<Measured>>();
function measured(document: string, input: () => Promise<{ bytes: Buffer | string; expected: string[] }> | { bytes: Buffer | string; expected: string[] }): Promise<Measured> {
  if (!measuring.has(document)) {
    measuring.set(document, Promise.resolve().then(input).then(({ bytes, expected }) => {
      const { project, importRun } = importAndBuild(document, bytes);
      const found = importRun.status === 0 ? extractProject(project).found.flatMap((f) => f.figures) : [];
      return { document, expected, found, matched: matchedInOrder(expected, found), importRun };
    }));
  }
  return measuring.get(document)!;
}

const DOCUMENTS = {
  qingxi: () => measured('qingxi-2024h1.txt', () => ({ bytes: readFileSync(join(FIXTURES, 'qingxi-2024h1.txt')), expected: handList('qingxi-2024h1.figures.txt') })),
  lantian: () => measured('lantian-2023q3.txt', () => ({ bytes: readFileSync(join(FIXTURES, 'lantian-2023q3.txt')), expected: handList('lantian-2023q3.figures.txt') })),
  yunling: () => measured('yunling-2024-05.docx', async () => ({ bytes: await makeDocx(MONTHLY_ANALYSIS), expected: MONTHLY_ANALYSIS_FIGURES })),
};

async function expectAllFound(measure: () => Promise<Measured>): Promise<void> {
  const { importRun, expected, found, matched } = await measure();
  expect(importRun.status, importRun.stderr).toBe(0);
  expect(expected.filter((e) => !found.includes(e))).toEqual([]);
  expect(matched / expected.length).toBeGreaterThanOrEqual(0.95);
}

describe('report extract finds the figures with units', () => {
  it('in a text report full of blanks (qingxi-2024h1.txt)', async () => {
    await expectAllFound(DOCUMENTS.qingxi);
  });

  it('in a text report typed like the reference (lantian-2023q3.txt)', async () => {
    await expectAllFound(DOCUMENTS.lantian);
  });

  it('in a DOCX monthly analysis with every figure filled in', async () => {
    await expectAllFound(DOCUMENTS.yunling);
  });

  it('overall ≥ 95 % found, and nothing found that is not a figure (printed for the README)', async () => {
    const all: Measured[] = [];
    for (const measure of Object.values(DOCUMENTS)) all.push(await measure());
    for (const m of all) expect(m.importRun.status, `${m.document}: ${m.importRun.stderr}`).toBe(0);
    const expected = all.reduce((n, m) => n + m.expected.length, 0);
    const matched = all.reduce((n, m) => n + m.matched, 0);
    const found = all.reduce((n, m) => n + m.found.length, 0);
    for (const m of all) console.log(`extract ${m.document}: ${m.matched}/${m.expected.length} figures found, ${m.found.length - m.matched} extra`);
    console.log(`extract overall: ${matched}/${expected} = ${((100 * matched) / expected).toFixed(1)} % found; precision ${matched}/${found}`);
    expect(expected).toBeGreaterThan(0);
    expect(matched / expected).toBeGreaterThanOrEqual(0.95);
    expect(found).toBe(matched);
  }, 120_000);
});

describe('what is a figure', () => {
  const written = (text: string) => scanFigures(text).map((f) => `${f.written}${f.unit.written}`);

  it('numbers with units, approximations and blanks are', () => {
    expect(written('上报信息50余条，游客27.6万余人次，投入18余万新建，增速-2.4%，提高1.2个百分点，产值XX亿元，用电4.36亿千瓦时，走访132家次。')).toEqual(
      ['50余条', '27.6万余人次', '18余万', '-2.4%', '1.2个百分点', 'XX亿元', '4.36亿千瓦时', '132家次'],
    );
  });

  it('dates, periods, ordinals, codes, durations and words are not', () => {
    expect(written('2023年6月29日，1-5月，第3名，“1+1+61”矩阵，PM2.5浓度，G20峰会，5G基站，3个月，X光机，XXL号，1.5倍速')).toEqual(['1.5倍']);
    expect(written('已引用的{{产值}}和`代码12个`以及<!-- 备注30家 -->不算')).toEqual([]);
  });
});

describe('what a figure becomes', () => {
  const plan = (text: string) => {
    const result = planSection(text, new Set());
    let out = text;
    for (const r of [...result.replacements].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
    return { out, indicators: result.indicators };
  };

  it('a growth and a completion rate after an amount belong to it; decimals as written are kept', () => {
    const { out, indicators } = plan('全县规上工业总产值86.40亿元，同比增长9.30%，完成全年目标的42%。');
    expect(out).toBe('全县规上工业总产值{{规上工业总产值}}，同比{{change 规上工业总产值.增速 2}}，完成全年目标的{{pct 规上工业总产值.完成率 0}}。');
    expect(indicators).toMatchObject([{ key: '规上工业总产值', value: 86.4, unit: '亿元', decimals: 2, growth: { value: 9.3, decimals: 2 }, completion: { value: 42, decimals: 0 } }]);
  });

  it('a decline is a negative growth; a rate alone is its own indicator; 余 stays in the text', () => {
    const { out, indicators } = plan('汽车类零售额3.2亿元，同比下降4.6%。化解率98.8%，上报信息50余条。');
    expect(out).toBe('汽车类零售额{{汽车类零售额}}，同比{{change 汽车类零售额.增速}}。化解率{{化解率}}，上报信息{{num 上报信息}}余条。');
    expect(indicators.map((i) => [i.key, i.value, i.unit, i.growth?.value])).toEqual([['汽车类零售额', 3.2, '亿元', -4.6], ['化解率', 98.8, '%', undefined], ['上报信息', 50, '条', undefined]]);
  });

  it('blanks become indicators whose value is the blank', () => {
    const { out, indicators } = plan('规上工业生产总值累计XX亿元，同比增长XX%；限上零售额XX万元，增速XX%，完成率XX%。');
    expect(out).toBe('规上工业生产总值累计{{规上工业生产总值}}，同比{{change 规上工业生产总值.增速}}；限上零售额{{限上零售额}}，增速{{pct 限上零售额.增速}}，完成率{{pct 限上零售额.完成率}}。');
    expect(indicators.map((i) => [i.key, i.value, i.growth?.value, i.completion?.value])).toEqual([['规上工业生产总值', 'XX', 'XX', undefined], ['限上零售额', 'XX', 'XX', 'XX']]);
  });

  it('keys never repeat, never shadow a helper and never hold a blank', () => {
    const { indicators } = plan('帮助3家企业参加米兰展，4家企业参加上海展。完成率57%。江曹线XX段改造等6个项目。');
    const keys = indicators.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('完成率');
    expect(keys.some((k) => /X/.test(k))).toBe(false);
  });
});
