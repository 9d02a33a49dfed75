/** `report build --format txt`: the plain text reviewers diff between months and paste into OA. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const project = () => makeProject({
  'report.yaml': [
    'title: "{{镇名}}2024年5月经济运行情况"',
    'recipient: 县政府办公室',
    'signature: "{{镇名}}人民政府"',
    'date: 2024-06-03',
    'indicators: data.yaml',
    'sections: [sections/*.md]',
    'attachments: [主要指标表, 重点项目表]',
    'output: {formats: [docx, pdf]}',
    '',
  ].join('\n'),
  'data.yaml': '镇名: 石桥镇\n产值: {value: 12.34, unit: 亿元, previous: 11.2}\n',
  'sections/01-main.md': [
    '# 总体情况', '', '全镇规上工业产值{{产值}}，同比{{change 产值}}。', '',
    '## 工业生产', '', '### 重点企业', '', '企业运行平稳，', '订单充足。', '',
    '| 指标 | 数值 |', '| --- | ---: |', '| 产值 | {{产值}} |', '',
    '# 下步打算', '', '- 抓项目', '- 稳增长', '',
  ].join('\n'),
});

describe('report build --format txt', () => {
  it('writes the report as plain text with generated numbering, 附件说明, 署名 and 日期', () => {
    const dir = project();
    const result = runReport(['build', '.', '--format', 'txt'], { cwd: dir });
    expect(result.stderr).toMatch(/wrote out\/report\.txt/);
    expect(result.status).toBe(0);
    // only the format asked for
    expect(existsSync(join(dir, 'out', 'report.pdf'))).toBe(false);
    const text = readFileSync(join(dir, 'out', 'report.txt'), 'utf8');
    expect(text.split('\n')).toEqual([
      '石桥镇2024年5月经济运行情况',
      '',
      '县政府办公室：',
      '　　一、总体情况',
      '　　全镇规上工业产值12.34亿元，同比增长10.2%。',
      '　　（一）工业生产',
      '　　1.重点企业',
      '　　企业运行平稳，订单充足。',
      '指标\t数值',
      '产值\t12.34亿元',
      '　　二、下步打算',
      '　　•抓项目',
      '　　•稳增长',
      '',
      '　　附件：1.主要指标表',
      '　　　　　2.重点项目表',
      '',
      '石桥镇人民政府',
      '2024年6月3日',
      '',
    ]);
  });

  it('builds several formats named on the command line, and says which exist when one is unknown', () => {
    const dir = project();
    const both = runReport(['build', '.', '--format', 'txt,docx'], { cwd: dir });
    expect(both.status).toBe(0);
    expect(existsSync(join(dir, 'out', 'report.txt')) && existsSync(join(dir, 'out', 'report.docx'))).toBe(true);
    const unknown = runReport(['build', '.', '--format', 'html'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe('--format: unknown format "html" (use docx, pdf or txt, or several separated by commas)');
  });

  it('takes txt from output.formats in report.yaml and reports an unknown one at its line', () => {
    const dir = project();
    const yaml = readFileSync(join(dir, 'report.yaml'), 'utf8');
    const withTxt = makeProject({ ...Object.fromEntries([['report.yaml', yaml.replace('formats: [docx, pdf]', 'formats: [txt]')]]), 'data.yaml': readFileSync(join(dir, 'data.yaml'), 'utf8'), 'sections/01-main.md': readFileSync(join(dir, 'sections/01-main.md'), 'utf8') });
    expect(runReport(['build', '.'], { cwd: withTxt }).status).toBe(0);
    expect(existsSync(join(withTxt, 'out', 'report.txt'))).toBe(true);
    const bad = makeProject({ 'report.yaml': yaml.replace('formats: [docx, pdf]', 'formats: [docx, odt]'), 'data.yaml': readFileSync(join(dir, 'data.yaml'), 'utf8'), 'sections/01-main.md': readFileSync(join(dir, 'sections/01-main.md'), 'utf8') });
    const result = runReport(['build', '.'], { cwd: bad });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('report.yaml:8:26: unknown output format "odt" (use docx, pdf or txt)');
  });
});
