import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/project/load.js';
import { renderTemplate } from '../src/template/render.js';
import { messageOf } from './helpers/errors.js';
import { makeProject } from './helpers/project.js';

const render = (text: string, context: Record<string, unknown>) =>
  renderTemplate({ path: '/p/s.md', displayPath: 's.md', text }, context).text;

describe('typed indicators and derived figures', () => {
  const data = {
    产值: { value: 48.62, unit: '亿元', previous: 45.27, target: 95 },
    城镇化率: { value: 62.4, unit: '%', previous: 61.2 },
    增速: 8.6,
  };

  it('a typed indicator prints its value with its unit', () => {
    expect(render('{{产值}}', data)).toBe('48.62亿元');
    expect(render('{{产值.value}}{{产值.unit}}', data)).toBe('48.62亿元');
  });

  it('derives change, growth and completion from previous and target', () => {
    expect(render('{{change 产值}}', data)).toBe('增长7.4%');
    expect(render('{{growth 产值}}', data)).toBe('7.4');
    expect(render('{{completion 产值}}，{{完成率 产值}}', data)).toBe('51.2%，51.2%');
    expect(render('{{change 增速}}', data)).toBe('增长8.6%');
  });

  it('states differences of rates in 百分点', () => {
    expect(render('{{pp 城镇化率}}', data)).toBe('提高1.2个百分点');
    expect(render('{{pp 7.1 7.4}}', data)).toBe('下降0.3个百分点');
    expect(render('{{pp 7.4 7.4}}', data)).toBe('持平');
    // num, pct and change take decimals second; pp with a figure that has a previous value refuses
    // a bare number rather than print value − 2 as a difference
    expect(() => render('{{pp 城镇化率 2}}', data)).toThrow(/pp: 2 after a figure with its own previous value is ambiguous/);
  });

  it('scales 万元 to 亿元 without hand arithmetic', () => {
    expect(render('{{scale 486200 "万元" "亿元" 2}}', data)).toBe('48.62');
    expect(render('{{scale 产值 "万元" 0}}', data)).toBe('486200');
  });

  it('a derived figure without its data is an error at the reference', () => {
    expect(() => render('\n{{completion 城镇化率}}', data)).toThrow(/^s\.md:2:14: completion needs the target of 城镇化率, and the data has none/);
  });
});

describe('period files', () => {
  const project = () => makeProject({
    'report.yaml': 'title: 月报\nsections: [s.md]\noutput: {name: "{{period}}-月报"}\n',
    's.md': '{{ytd period}}，{{month period}}，产值{{产值}}，同比{{change 产值}}，上月{{上期.产值.value}}亿元。',
    'data/2024-05.yaml': '产值: {value: 10.5, unit: 亿元}\n',
    'data/2024-04.yaml': '产值: {value: 8.2, unit: 亿元}\n',
    'data/2023-05.yaml': '产值: {value: 10, unit: 亿元}\n',
  });

  it('takes the period from the file name and links last month and last year by convention', () => {
    const dir = project();
    const p = loadProject(dir, { cwd: dir, data: 'data/2024-05.yaml' });
    expect(p.indicators.period).toBe('2024-05');
    expect(renderTemplate(p.sections[0], p.indicators).text).toBe('2024年1-5月，5月份，产值10.5亿元，同比增长5.0%，上月8.2亿元。');
  });

  it('an explicit previous file that does not exist is an error at its key', () => {
    const dir = makeProject({ 'report.yaml': 'title: a\nsections: [s.md]\n', 's.md': 'x', 'd.yaml': 'period: 2024-05\nprevious: nope.yaml\n' });
    expect(() => loadProject(dir, { cwd: dir, data: 'd.yaml' })).toThrow(/^d\.yaml:2:11: previous period file "nope\.yaml" not found/);
  });
});

describe('indicator schema', () => {
  const files = (data: string) => makeProject({
    'report.yaml': 'title: a\nsections: [s.md]\nindicators: data.yaml\nschema: schema.yaml\n',
    's.md': 'x',
    'schema.yaml': [
      'type: object',
      'required: [产值, 镇名]',
      'properties:',
      '  镇名: {type: string}',
      '  产值:',
      '    type: object',
      '    required: [value]',
      '    properties:',
      '      value: {type: number}',
      '      unit: {enum: [亿元, 万元]}',
    ].join('\n'),
    'data.yaml': data,
  });
  const errorOf = (data: string): string => {
    const dir = files(data);
    return messageOf(() => loadProject(dir, { cwd: dir }));
  };

  it('accepts data that matches', () => {
    expect(errorOf('镇名: 云溪镇\n产值: {value: 1.5, unit: 亿元}\n')).toBe('no error');
  });

  it('reports a wrong type at the YAML value with its path', () => {
    expect(errorOf('镇名: 云溪镇\n产值:\n  value: XX\n')).toBe('data.yaml:3:10: 产值.value: expected a number, got "XX"');
  });

  it('reports a missing required indicator and a wrong unit', () => {
    const message = errorOf('产值: {value: 2, unit: 元}\n');
    expect(message).toContain('missing required indicator "镇名"');
    expect(message).toMatch(/data\.yaml:1:\d+: 产值\.unit: "元" is not one of "亿元", "万元"/);
  });
});
