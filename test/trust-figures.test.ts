/**
 * Issue 16, "wrong figures printed", and issue 15, figures that cannot be printed: every case
 * prints the right figure or stops with one line at the place to fix, in build and lint alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIn, lintIn, project, where } from './helpers/trust.js';

const printed = (dir: string) => readFileSync(join(dir, 'out', 'report.txt'), 'utf8').split('\n').slice(2).join('\n').trim();

describe('typed indicators accept only their own keys', () => {
  it('18,650 (YAML reads 18 and a key 650) is an error at the key: thousands separator?', async () => {
    const dir = project('{{财政收入}}，{{change 财政收入}}\n', '财政收入: {value: 18,650, unit: 万元, previous: 17236}\n');
    const line = 'indicators.yaml:1:18: "18,650" is read as the number 18 and a key "650": thousands separator? write 18650';
    expect(await buildIn(dir)).toEqual({ code: 2, lines: [line] });
    const lint = await lintIn(dir);
    expect([lint.code, lint.stderr.trim()]).toEqual([2, line]);
  });

  it('the same in a free-form group, and an unknown key of a typed indicator, with a suggestion', async () => {
    expect((await buildIn(project('{{工业总产值.本期}}\n', '工业总产值: {本期: 18,650, 上年同期: 17236}\n'))).lines)
      .toEqual(['indicators.yaml:1:16: "18,650" is read as the number 18 and a key "650": thousands separator? write 18650']);
    expect((await buildIn(project('{{产值}}\n', '产值: {value: 1, unit: 亿元, previus: 2}\n'))).lines)
      .toEqual(['indicators.yaml:1:26: unknown key "previus" in a typed indicator; did you mean "previous"?']);
  });
});

describe('helpers refuse the wrong kind of figure, at the reference', () => {
  const data = '财政收入: {value: 612, unit: 万元, previous: 570}\n固定资产投资: 42\n';
  const cases: Array<[string, string]> = [
    ['{{pct 财政收入}}', 'sections/01.md:1:7: pct takes a rate (a percentage), but 财政收入 is in 万元, not %; print the figure with {{财政收入}} or {{num 财政收入}}'],
    ['{{pp 财政收入}}', 'sections/01.md:1:6: pp prints the change of a rate in 百分点, but 财政收入 is in 万元, not %; for an amount use {{change 财政收入}}'],
    ['{{change 固定资产投资}}', 'sections/01.md:1:10: change takes a growth rate or a figure with its previous value, but 固定资产投资 is a bare number; give it a previous value ({value: …, previous: …}) or name the growth rate (增速)'],
  ];
  for (const [template, line] of cases) {
    it(`${template}: build exit 2 and lint helper-argument, at the same place`, async () => {
      const dir = project(`${template}\n`, data);
      expect(await buildIn(dir)).toEqual({ code: 2, lines: [line] });
      const { code, findings } = await lintIn(dir);
      expect(code).toBe(1);
      expect(findings.filter((f) => f.rule === 'helper-argument').map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}`)).toEqual([line]);
    });
  }

  it('the right kinds still print: a rate, a growth rate, a typed rate without previous, literals', async () => {
    const dir = project('{{pct 化解率}}，{{change 产值.增速}}，{{change 增速}}，{{pp 城镇化率}}，{{pp 8.6 7.4}}，{{change -1.3}}\n',
      '化解率: 95.2\n产值: {本期: 10, 增速: 8.2}\n增速: {value: 7.4, unit: "%"}\n城镇化率: {value: 62.4, unit: "%", previous: 61.2}\n');
    expect((await buildIn(dir)).code).toBe(0);
    expect(printed(dir)).toBe('95.2%，增长8.2%，增长7.4%，提高1.2个百分点，提高1.2个百分点，下降1.3%');
  });
});

describe('change, growth, completion and pp read free-form groups', () => {
  it('{本期: 55.5, 上年同期: 50.0, 全年目标: 111} → 增长11.0%, 11.0, 50.0%', async () => {
    const dir = project('{{change 工业总产值}}，{{growth 工业总产值}}，{{completion 工业总产值}}，{{完成率 工业总产值}}，{{num 工业总产值 1}}，{{pp 城镇化率}}\n',
      '工业总产值: {本期: 55.5, 上年同期: 50.0, 全年目标: 111}\n城镇化率: {本期: 62.4, 上年同期: 61.2}\n');
    expect((await buildIn(dir)).code).toBe(0);
    expect(printed(dir)).toBe('增长11.0%，11.0，50.0%，50.0%，55.5，提高1.2个百分点');
  });

  it('a group without what the helper needs is refused at the reference', async () => {
    const dir = project('{{completion 工业总产值}}\n', '工业总产值: {本期: 55.5, 上年同期: 50.0}\n');
    expect((await buildIn(dir)).lines).toEqual(['sections/01.md:1:14: completion needs the target of 工业总产值, and the data has none (add `target`, or 全年目标 in a group)']);
    expect((await buildIn(project('{{change 工业总产值.本期}}\n', '工业总产值: {本期: 55.5, 上年同期: 50.0}\n'))).lines)
      .toEqual(['sections/01.md:1:10: change of 工业总产值.本期 would print one of the figure\'s values as a change; use {{change 工业总产值}} (it computes the growth from the previous value)']);
  });
});

describe('a figure typed by hand that the data contradicts', () => {
  const section = '全镇工业总产值55.5亿元，同比增长12%，完成全年目标的50%。\n';
  const data = '工业总产值: {本期: 55.5, 上年同期: 50.0, 全年目标: 111}\n';

  it('lint finds the stated change at its number', async () => {
    const { findings } = await lintIn(project(section, data));
    expect(findings.filter((f) => f.rule === 'stated-change').map((f) => `${f.line}:${f.column} ${f.message}`))
      .toEqual(['1:19 stated change "同比增长12%" disagrees with the data: 工业总产值 55.5 against 50 a year earlier is 增长11.0% (data: indicators.yaml:1:8)']);
    expect(findings.filter((f) => f.rule === 'completion-rate')).toEqual([]);
  });

  it('the build warns, and --strict refuses', async () => {
    const dir = project(section, data);
    const warned = await buildIn(dir);
    expect(warned.code).toBe(0);
    expect(warned.lines[0]).toMatch(/^sections\/01\.md:1:19: stated change "同比增长12%" disagrees with the data.* \(warning\)$/);
    expect((await buildIn(dir, { strict: true })).code).toBe(1);
  });

  it('a typed number that is another figure (last year, a goal) is not checked against this one', async () => {
    const { findings } = await lintIn(project('去年全镇工业总产值50亿元，同比增长3%。全镇工业总产值力争120亿元，增长20%。\n', data));
    expect(findings.filter((f) => f.rule === 'stated-change')).toEqual([]);
  });
});

describe('figures that cannot be printed exactly are refused at their YAML line', () => {
  const cases: Array<[string, string]> = [
    ['大数: 1e309\n', 'indicators.yaml:1:5: 1e309 is too large to be a figure (it reads as infinity)'],
    ['长数: 123456789012345678901234567890\n', 'indicators.yaml:1:5: 123456789012345678901234567890 has more digits than a figure can hold (it would print as 1.2345678901234568e+29); quote it if it is a code, not a figure'],
    ['产值: {value: 12345678901234567, unit: 元}\n', 'indicators.yaml:1:13: 12345678901234567 has more digits than a figure can hold (it would print as 12345678901234568); quote it if it is a code, not a figure'],
  ];
  for (const [data, line] of cases) {
    it(data.trim(), async () => {
      const dir = project('正文。\n', data);
      expect(await buildIn(dir)).toEqual({ code: 2, lines: [line] });
      expect((await lintIn(dir)).stderr.trim()).toBe(line);
    });
  }

  it('a number written in the template, or given with --set, past the limit is refused too; sep=true prints every digit', async () => {
    expect((await buildIn(project('{{num 123456789012345678 sep=true}}\n'))).lines)
      .toEqual(['sections/01.md:1:7: 123456789012345678 has more digits than a figure can hold (it would print as 123456789012345680); quote it if it is a code, not a figure']);
    expect((await buildIn(project('{{num 产值 2}}\n', '产值: 2e21\n'))).lines)
      .toEqual(['sections/01.md:1:1: num: 2e+21 is too large to print exactly (figures must stay below 10^21)']);
    expect((await buildIn(project('{{x}}\n'), { set: ['x=1e309'] })).lines).toEqual(['--set: x: 1e309 is too large to be a figure (it reads as infinity)']);
    const dir = project('{{num 大数 sep=true}}，{{num 小数 2 sep=true}}，{{num 极大 sep=true}}\n', '大数: 123456789012345\n小数: 1234567.891\n极大: 9007199254740992\n');
    expect((await buildIn(dir)).code).toBe(0);
    expect(printed(dir)).toBe('123,456,789,012,345，1,234,567.89，9,007,199,254,740,992');
  });
});

describe('a mapping with a value key in a list is {{#each}} data, not a typed indicator', () => {
  it('{{#each 项目}}{{name}}{{value}}{{/each}} over [{name, value}] builds and prints the values', async () => {
    const dir = project('{{#each 项目}}{{name}}{{value}}；{{/each}}\n', '项目:\n  - {name: 甲项目, value: 3}\n  - {name: 乙项目, value: 5}\n');
    expect(await buildIn(dir)).toMatchObject({ code: 0 });
    expect(printed(dir)).toBe('甲项目3；乙项目5；');
  });

  it('a typed indicator with a misspelt key is still refused, also inside a list item', async () => {
    expect((await buildIn(project('{{产值}}\n', '产值: {value: 1, unit: 亿元, targt: 2}\n'))).lines)
      .toEqual(['indicators.yaml:1:26: unknown key "targt" in a typed indicator; did you mean "target"?']);
    expect((await buildIn(project('{{#each 项目}}{{产值}}{{/each}}\n', '项目:\n  - {name: 甲, 产值: {value: 1, previus: 2}}\n'))).lines)
      .toEqual(['indicators.yaml:2:30: unknown key "previus" in a typed indicator; did you mean "previous"?']);
  });
});
