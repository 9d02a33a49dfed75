import { describe, expect, it } from 'vitest';
import { runLint } from '../src/cli/lint-command.js';
import { lintProject } from '../src/lint/engine.js';
import { nearMiss } from '../src/lint/rules/duplicate-value.js';
import { clausesAfter } from '../src/lint/consistency/clauses.js';
import { loadProject } from '../src/project/load.js';
import { REPO, runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { lineColumn } from './helpers/line-column.js';

const CONSISTENCY = ['stated-change', 'completion-rate', 'contradictory-data', 'duplicate-value', 'unit-mismatch'];
const REPORT = 'title: "{{镇名}}经济运行情况"\nindicators: indicators.yaml\nsections:\n  - sections/*.md\n';

// 规上工业产值: 同比 +7.40%, 完成 46.30%; 限上零售额: −1.03%, 39.07%; 工业用电量: +5.12%;
// 城镇登记失业率: −0.11 个百分点; 固定资产投资: +11.74%, 61.46%; 村集体经济: 增速 12.35 as stated.
const DATA = [
  '镇名: 云溪镇',
  '规上工业产值: {value: 48.62, unit: 亿元, previous: 45.27, target: 105}',
  '限上零售额: {value: 7032, unit: 万元, previous: 7105, target: 18000}',
  '工业用电量: {value: 33185, unit: 万千瓦时, previous: 31570}',
  '城镇登记失业率: {value: 2.28, unit: "%", previous: 2.39}',
  '规上企业: {value: 36, unit: 家}',
  '固定资产投资:',
  '  本期: 14.75',
  '  上年同期: 13.20',
  '  全年目标: 24',
  '村集体经济:',
  '  本期: 2148.6',
  '  增速: 12.35',
  '  完成率: 71.6',
  '',
].join('\n');

function lintSection(section: string, data = DATA) {
  const dir = makeProject({ 'report.yaml': REPORT, 'indicators.yaml': data, 'sections/01.md': section });
  return lintProject(loadProject('.', { cwd: dir })).findings.filter((f) => CONSISTENCY.includes(f.rule));
}

/** `rule line:col text` of every consistency finding. */
function found(section: string, data = DATA): string[] {
  return lintSection(section, data).map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.text}`);
}

/** Where `needle` (its `nth` occurrence) is in `text`: the position a finding must carry. */
function at(text: string, needle: string, nth = 0): string {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`"${needle}" is not in the test text`);
  const { line, column } = lineColumn(text, offset);
  return `sections/01.md:${line}:${column} ${needle}`;
}

interface Case { name: string; text: string; expect: Array<[rule: string, needle: string, nth?: number]> }

const POSITIVE: Case[] = [
  { name: 'a hand-typed 同比增长 that value/previous contradict', text: '# 一、工业\n\n全镇规上工业产值{{规上工业产值}}，同比增长9.1%，增势较好。\n', expect: [['stated-change', '9.1%']] },
  { name: 'a bare 增长X% typed right after the reference', text: '规上工业产值{{规上工业产值}}，增长8.2%。\n', expect: [['stated-change', '8.2%']] },
  { name: 'a growth typed where the data says it fell', text: '限上零售额{{限上零售额}}，同比增长1.0%，消费仍待恢复。\n', expect: [['stated-change', '1.0%']] },
  { name: 'a free-form group printed through num (本期/上年同期)', text: '完成固定资产投资{{num 固定资产投资.本期 2}}亿元，比上年同期增长13.5%。\n', expect: [['stated-change', '13.5%']] },
  { name: 'a growth that contradicts the 增速 stated in the data', text: '村集体经济总收入{{村集体经济.本期}}万元，同比增长21.35%。\n', expect: [['stated-change', '21.35%']] },
  { name: 'a rate whose 百分点 change is wrong', text: '城镇登记失业率{{城镇登记失业率}}，比去年同期下降0.21个百分点。\n', expect: [['stated-change', '0.21个百分点']] },
  { name: 'a change typed after a correct completion rate', text: '规上工业产值{{规上工业产值}}，完成全年目标的46.3%，同比增长6.4%。\n', expect: [['stated-change', '6.4%']] },
  { name: 'a completion rate that value/target contradict', text: '规上工业产值{{规上工业产值}}，同比增长7.4%，完成全年目标的50.2%。\n', expect: [['completion-rate', '50.2%']] },
  { name: '完成率 written without decimals and still off', text: '限上零售额{{限上零售额}}，完成率43%。\n', expect: [['completion-rate', '43%']] },
  { name: 'a free-form completion against 全年目标', text: '固定资产投资{{num 固定资产投资.本期 2}}亿元，完成年度任务的65.1%。\n', expect: [['completion-rate', '65.1%']] },
  { name: 'a completion that contradicts the 完成率 stated in the data', text: '村集体经济总收入{{村集体经济.本期}}万元，完成年度目标的76.1%。\n', expect: [['completion-rate', '76.1%']] },
  {
    name: 'a figure typed again elsewhere with two digits swapped',
    text: '规上工业产值{{规上工业产值}}，同比增长7.4%。\n\n从结构看，规上工业产值48.26亿元中，装备制造业占四成。\n',
    expect: [['duplicate-value', '48.26亿元']],
  },
  {
    name: 'a figure typed again elsewhere rounded differently',
    text: '规上工业产值{{规上工业产值}}，同比增长7.4%。\n\n总的看，规上工业产值达到48.6亿元，运行平稳。\n',
    expect: [['duplicate-value', '48.6亿元']],
  },
  {
    name: 'a figure typed in an earlier section line with one digit wrong',
    text: '今年以来，规上工业产值累计49.62亿元，好于预期。\n\n规上工业产值{{规上工业产值}}。\n',
    expect: [['duplicate-value', '49.62亿元']],
  },
  { name: 'a unit typed after a typed indicator that prints its own', text: '限上零售额{{限上零售额}}万元，同比下降1.0%。\n', expect: [['unit-mismatch', '万元']] },
  { name: 'another unit typed after a typed indicator', text: '限上零售额{{限上零售额}}亿元。\n', expect: [['unit-mismatch', '亿元']] },
  { name: '% typed after a rate that prints %', text: '城镇登记失业率{{城镇登记失业率}}%。\n', expect: [['unit-mismatch', '%']] },
  { name: '亿元 after a value the data gives in 万元', text: '限上零售额{{限上零售额.value}}亿元，同比下降1.0%。\n', expect: [['unit-mismatch', '亿元']] },
  { name: '万元 after num of a value in 亿元', text: '规上工业产值{{num 规上工业产值 1}}万元。\n', expect: [['unit-mismatch', '万元']] },
  { name: 'a unit other than the one scale converts to', text: '工业用电量{{scale 工业用电量 "亿千瓦时" 2}}万千瓦时。\n', expect: [['unit-mismatch', '万千瓦时']] },
  {
    name: 'several problems in one paragraph, each at its own place',
    text: '# 一、总体情况\n\n规上工业产值{{规上工业产值}}，同比增长9.1%，完成全年目标的48.3%；限上零售额{{限上零售额}}万元，同比增长1.0%。\n',
    expect: [['stated-change', '9.1%'], ['completion-rate', '48.3%'], ['unit-mismatch', '万元'], ['stated-change', '1.0%']],
  },
];

const NEGATIVE: Array<{ name: string; text: string; data?: string }> = [
  { name: 'changes and completion rates that agree after rounding', text: '规上工业产值{{规上工业产值}}，同比增长7.4%，完成全年目标的46.3%；限上零售额{{限上零售额}}，同比下降1.0%，完成率39%。\n' },
  { name: 'a growth written with fewer or more decimals', text: '规上工业产值{{规上工业产值}}，同比增长7%。工业用电量{{工业用电量}}，同比增长5.12%。固定资产投资{{固定资产投资.本期}}亿元，同比增长11.74%。\n' },
  { name: 'figures printed by the helpers', text: '规上工业产值{{规上工业产值}}，同比{{change 规上工业产值}}，完成全年目标的{{完成率 规上工业产值}}。失业率{{城镇登记失业率}}，比去年同期{{pp 城镇登记失业率}}。\n' },
  { name: 'a change that belongs to a part of the figure (其中)', text: '规上工业产值{{规上工业产值}}，其中装备制造业产值12.3亿元，同比增长15.2%。\n' },
  { name: 'a goal, not a statement', text: '规上工业产值{{规上工业产值}}，增长8%以上。力争全年规上工业产值增长10%左右。\n' },
  { name: 'a month-on-month change', text: '规上工业产值{{规上工业产值}}，环比增长3.2%，比上月提高0.8个百分点。\n' },
  { name: 'a change in the next sentence', text: '规上工业产值{{规上工业产值}}。工业用电量同比增长9.1%。\n' },
  { name: 'two figures with one shared change (分别)', text: '规上工业产值、限上零售额分别为{{规上工业产值}}、{{限上零售额}}，同比分别增长7.4%和2.0%。\n' },
  { name: 'a relative change of a rate (ambiguous, left alone)', text: '城镇登记失业率{{城镇登记失业率}}，同比下降4.6%。\n' },
  { name: 'a change of a figure that has no previous value', text: '规上企业{{规上企业}}，同比增长12.5%。\n' },
  { name: 'a reference inside an HTML comment', text: '<!-- 规上工业产值{{规上工业产值}}，同比增长9.1% -->\n规上工业产值{{规上工业产值}}。\n' },
  { name: 'the same figure typed again with the same value', text: '规上工业产值{{规上工业产值}}。\n\n规上工业产值48.62亿元，同比增长7.4%。\n' },
  { name: 'last year\'s value, the target, another period and another scope', text: '规上工业产值{{规上工业产值}}。\n\n去年同期规上工业产值45.27亿元；全年规上工业产值目标105亿元；5月当月规上工业产值9.48亿元；全市规上工业产值49.62亿元。\n' },
  { name: 'a different figure with the same name and unit', text: '规上工业产值{{规上工业产值}}。\n\n预计全年规上工业产值突破100亿元。规上工业产值约48.6亿元。\n' },
  { name: 'units that agree with the data', text: '限上零售额{{限上零售额.value}}万元，规上工业产值{{num 规上工业产值 2}}亿元，用电{{scale 工业用电量 "亿千瓦时" 2}}亿千瓦时，投资{{固定资产投资.本期}}亿元，企业{{规上企业}}，零售额{{限上零售额}}，比去年少73万元。\n' },
  { name: 'a counter after a typed indicator that starts another phrase', text: '规上工业产值{{规上工业产值}}项目贡献突出。\n' },
  { name: 'a figure typed again as a round whole number', text: '规上工业产值{{规上工业产值}}。\n\n全镇规上工业产值49亿元，总量居全市第三。\n' },
  {
    name: 'a field of a list item that shares a name with a top-level indicator',
    text: '{{#each 重点项目}}{{名称}}完成投资{{投资}}亿元，同比增长9.1%。{{/each}}\n投资{{投资}}。\n',
    data: '镇名: 云溪镇\n投资: {value: 14.75, unit: 亿元, previous: 13.2}\n重点项目:\n  - {名称: 智能装备产业园, 投资: 3.2}\n',
  },
];

describe('consistency rules: findings at the hand-typed text', () => {
  it.each(POSITIVE)('reports $name', ({ text, expect: expected }) => {
    expect(found(text)).toEqual(expected.map(([rule, needle, nth]) => `${rule} ${at(text, needle, nth)}`));
  });

  it.each(NEGATIVE)('stays quiet on $name', ({ text, data }) => {
    expect(found(text, data)).toEqual([]);
  });

  it('says what the data gives, and where it is', () => {
    const [finding] = lintSection('规上工业产值{{规上工业产值}}，同比增长9.1%。\n');
    expect(finding).toMatchObject({ rule: 'stated-change', severity: 'warning', line: 1, column: 22, endColumn: 26, text: '9.1%' });
    expect(finding.message).toBe('stated change "同比增长9.1%" disagrees with the data: 规上工业产值 48.62 against 45.27 a year earlier is 增长7.4% (data: indicators.yaml:2:9)');
    const [unit] = lintSection('零售额{{限上零售额.value}}亿元。\n');
    expect(unit.message).toContain('限上零售额 is in 万元');
    expect(unit.message).toContain('{{scale 限上零售额 "亿元"}}');
  });

  it('reports hand-typed text after block tags at its own line and column', () => {
    const text = '规上工业产值{{规上工业产值}}。\n\n{{#if 镇名}}从结构看，{{/if}}规上工业产值48.26亿元中，装备制造业占四成。\n';
    expect(found(text)).toEqual([`duplicate-value ${at(text, '48.26亿元')}`]);
  });

  it('accepts both roundings of an exact half', () => {
    const data = '镇名: 云溪镇\n产值: {value: 10.745, unit: 亿元, previous: 10}\n';
    expect(found('产值{{产值}}，同比增长7.4%。\n', data)).toEqual([]);
    expect(found('产值{{产值}}，同比增长7.5%。\n', data)).toEqual([]);
    expect(found('产值{{产值}}，同比增长7.6%。\n', data)).toHaveLength(1);
  });

  it('honours report-disable-next-line for a consistency rule', () => {
    expect(found('<!-- report-disable-next-line stated-change -->\n规上工业产值{{规上工业产值}}，同比增长9.1%。\n')).toEqual([]);
  });
});

describe('consistency rules: rates the data contradicts itself', () => {
  it('reports a 增速 and a 完成率 in the YAML at their own line and column', () => {
    const data = '镇名: 云溪镇\n固定资产投资:\n  本期: 14.75\n  上年同期: 13.20\n  增速: 12.6\n  全年目标: 24\n  完成率: 60.1\n';
    const findings = lintSection('投资{{固定资产投资.本期}}亿元。\n', data);
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.text}`)).toEqual([
      'contradictory-data indicators.yaml:5:7 12.6',
      'contradictory-data indicators.yaml:7:8 60.1',
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(findings[0].message).toBe('固定资产投资.增速 is 12.6 but 固定资产投资 14.75 against 13.2 a year earlier is 增长11.7%');
  });

  it('reports a contradicting 增速 given with --set on the command line', () => {
    const dir = makeProject({ 'report.yaml': REPORT, 'indicators.yaml': DATA, 'sections/01.md': '投资{{固定资产投资.本期}}亿元。\n' });
    const findings = lintProject(loadProject('.', { cwd: dir, set: ['固定资产投资.增速=9.5'] })).findings.filter((f) => f.rule === 'contradictory-data');
    expect(findings).toEqual([expect.objectContaining({ file: '--set', severity: 'error', text: '9.5', message: expect.stringContaining('is 增长11.7%') })]);
  });

  it('accepts stated rates that agree after rounding, and groups it cannot read', () => {
    const data = '镇名: 云溪镇\n固定资产投资: {本期: 14.75, 上年同期: 13.20, 增速: 11.7, 全年目标: 24, 完成率: 61}\n'
      + '工业: {本月: 9.4, 累计: 48.6, 上年同期: 40.1, 增速: 3.0}\n';
    expect(found('投资{{固定资产投资.本期}}亿元，工业{{工业.累计}}亿元。\n', data)).toEqual([]);
  });
});

describe('--strict', () => {
  const project = () => makeProject({
    'report.yaml': REPORT,
    'indicators.yaml': DATA,
    'sections/01.md': '规上工业产值{{规上工业产值}}，同比增长9.1%，工作(一期)完成。\n',
  });
  const run = async (strict: boolean) => {
    let out = '';
    const code = await runLint(['.'], { cwd: project(), format: 'json', strict, stdout: (t) => { out += t; }, stderr: () => {} });
    const findings = JSON.parse(out) as Array<{ rule: string; severity: string }>;
    return { code, severity: (rule: string) => findings.find((f) => f.rule === rule)?.severity };
  };

  it('turns consistency warnings into errors (exit 1); without it they are warnings (exit 0)', async () => {
    const relaxed = await run(false);
    expect([relaxed.code, relaxed.severity('stated-change')]).toEqual([0, 'warning']);
    const strict = await run(true);
    expect([strict.code, strict.severity('stated-change')]).toEqual([1, 'error']);
  });

  it('fails `report lint --data` at the YAML line of a contradictory 增速, with or without --strict', () => {
    const dir = makeProject({
      'report.yaml': REPORT,
      'indicators.yaml': DATA,
      'data/2024-06.yaml': '镇名: 云溪镇\n固定资产投资:\n  本期: 16.02\n  上年同期: 14.10\n  增速: 15.6\n',
      'sections/01.md': '完成固定资产投资{{固定资产投资.本期}}亿元，同比增长{{固定资产投资.增速}}%。\n',
    });
    const result = runReport(['lint', '.', '--data', 'data/2024-06.yaml', '--strict', '--format', 'github'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error file=data/2024-06.yaml,line=5,col=7,');
    expect(result.stdout).toContain('固定资产投资.增速 is 15.6 but 固定资产投资 16.02 against 14.1 a year earlier is 增长13.6%');
    expect(runReport(['lint', '.', '--data', 'data/2024-06.yaml'], { cwd: dir }).status).toBe(1);
  });

  it('leaves other rules\' warnings as they are', async () => {
    expect((await run(true)).severity('punctuation')).toBe('warning');
  });
});

describe('the examples stay clean', () => {
  const lintExample = async (args: string[], data?: string) => {
    let out = '';
    const code = await runLint(args, { cwd: REPO, format: 'json', data, strict: true, stdout: (t) => { out += t; }, stderr: () => {} });
    return { code, findings: JSON.parse(out || '[]') as unknown[] };
  };
  it.each(['2024-03', '2024-04', '2024-05'])('examples/monthly with data/%s.yaml', async (month) => {
    expect(await lintExample(['examples/monthly'], `examples/monthly/data/${month}.yaml`)).toEqual({ code: 0, findings: [] });
  });
  it('examples/town-report', async () => {
    expect(await lintExample(['examples/town-report'])).toEqual({ code: 0, findings: [] });
  });
});

describe('building blocks', () => {
  it('reads the clauses after a figure and stops at the first it does not understand', () => {
    const text = '48.62亿元，同比增长9.1%，完成全年目标的46.3%，其中增长12%';
    expect(clausesAfter(text, 5).map((c) => [c.kind, c.text, c.value])).toEqual([['change', '同比增长9.1%', 9.1], ['completion', '完成全年目标的46.3%', 46.3]]);
    expect(clausesAfter('7032万元，比上年同期下降1.0%。', 4).map((c) => [c.base, c.value])).toEqual([['year', -1]]);
  });

  it('tells a slip of the same figure from another figure', () => {
    expect([nearMiss('48.26', '48.62'), nearMiss('48.6', '48.62'), nearMiss('49.62', '48.62'), nearMiss('48.62', '48.6')]).toEqual(['digits', 'rounded', 'digits', 'rounded']);
    expect([nearMiss('45.27', '48.62'), nearMiss('486.2', '48.62'), nearMiss('13', '12'), nearMiss('49', '48.62'), nearMiss('48.62', '48.62')])
      .toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
