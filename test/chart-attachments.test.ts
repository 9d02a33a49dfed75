/**
 * A ```chart fence in an attachment file (report.yaml `attachments: [{title, file}]`) draws from
 * the indicators as one in a section does: a native chart in the DOCX, vectors in the PDF, its
 * values in the txt; a bad fence there is one line at its place in the attachment file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const CONFIG = `title: 云溪镇2024年上半年经济运行情况
signature: 云溪镇人民政府
date: 2024-07-05
indicators: indicators.yaml
sections: [sections/*.md]
attachments:
  - { title: 三次产业结构, file: attachments/structure.md }
output: { formats: [docx, pdf, txt] }
`;
const DATA = '规上工业产值: {value: 52.38, unit: 亿元}\n产业结构: {第一产业: 6.2, 第二产业: 52.38, 第三产业: 31.4}\n';
const ATTACHMENT = (series: string) => `三次产业构成如[图](#结构)。\n\n\`\`\`chart\ntype: pie\ntitle: 三次产业增加值构成\nid: 结构\nseries: [${series}]\n\`\`\`\n`;

const project = (series = '产业结构') => makeProject({
  'report.yaml': CONFIG,
  'indicators.yaml': DATA,
  'sections/01.md': '上半年规上工业产值{{规上工业产值}}。\n',
  'attachments/structure.md': ATTACHMENT(series),
});

describe('a chart in an attachment file', () => {
  it('builds into all three outputs with the indicators as its values', async () => {
    const dir = project();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    const docx = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const chart = await docx.file('word/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:pieChart>');
    expect([...chart.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([6.2, 52.38, 31.4]);
    const txt = readFileSync(join(dir, 'out', 'report.txt'), 'utf8');
    expect(txt).toContain('附件\n\n三次产业结构\n');
    expect(txt).toContain('第二产业\t52.38\n第三产业\t31.4\n图1　三次产业增加值构成\n');
    // the reference in the attachment text prints the chart's number
    expect(txt).toContain('三次产业构成如图1。');
    expect(readFileSync(join(dir, 'out', 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('naming a missing indicator is one line at its place in the attachment file', () => {
    const dir = project('产业结够');
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('attachments/structure.md:7:10: chart names missing indicator "产业结够"; did you mean "产业结构"?');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);
});
