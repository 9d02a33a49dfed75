/**
 * The closing block (署名, 成文日期) never stands on a page alone, in our PDF and in LibreOffice's
 * rendering of our DOCX (GB/T 9704 §7.3.5.5): a body that fills its last page takes two of its
 * rows over, one that ends on a table takes its last row over (header set again), one that ends
 * on a figure (image or chart, with or without its caption) sets the figure smaller; a figure
 * that must open the last page takes body rows over with it (a figure is no body text). Each
 * project fills page 1 to force the case.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makePng } from './helpers/png.js';
import { makeProject } from './helpers/project.js';
import { GBT9704_CHECK, RENDER_DOCX } from './helpers/shared.js';

const HAN = '经济运行总体平稳发展质量稳步提升改革开放持续深化民生保障有力有效';
/** A paragraph of `fullRows` full rows (the first indented two 字) and a last row of `lastRow` characters. */
const paragraph = (fullRows: number, lastRow: number) => `${Array.from({ length: 26 + (fullRows - 1) * 28 + lastRow - 1 }, (_, i) => HAN[i % HAN.length]).join('')}。`;
const CONFIG = 'title: 关于全镇安全生产工作情况的报告\nrecipient: 县应急管理局\nsignature: 青禾镇人民政府\ndate: 2024-06-20\nsections: [s.md]\n';
// title, blank row and 主送 take 3 of page 1's 22 rows; the body takes the other 19 (the image
// case: 13 rows of text and an 8-row chart, set 3 rows tall so the closing block fits)
const image = (rows: number, caption: string) => () => {
  const dir = makeProject({ 'report.yaml': CONFIG, 's.md': `${paragraph(rows, 21)}\n\n![增速](img/chart.png)\n${caption}` });
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'img', 'chart.png'), makePng(600, 300, 'rgb'));
  return dir;
};
/** A body of `rows` rows ending on an 8-row pie chart. */
const pie = (rows: number, title: string) => () => makeProject({
  'report.yaml': `${CONFIG}indicators: i.yaml\n`,
  'i.yaml': '产业结构: {第一产业: 6.2, 第二产业: 52.38, 第三产业: 31.4}\n',
  's.md': `${paragraph(rows, 21)}\n\n\`\`\`chart\ntype: pie\n${title}series: [产业结构]\n\`\`\`\n`,
});
const tableAndBreak = () => makeProject({
  'report.yaml': CONFIG,
  's.md': `${paragraph(13, 21)}\n\n| 指标 | 单位 | 数值 |\n| --- | --- | ---: |\n| 规上工业产值 | 亿元 | 12.5 |\n| 固定资产投资 | 亿元 | 8.3 |\n| 社会消费品零售总额 | 亿元 | 6.1 |\n\n---\n`,
});
const CASES: Record<string, () => string> = {
  'a paragraph filling the page': () => makeProject({ 'report.yaml': CONFIG, 's.md': `${paragraph(18, 21)}\n` }),
  'a table ending the page': () => makeProject({
    'report.yaml': CONFIG,
    's.md': `${paragraph(14, 21)}\n\n| 指标 | 单位 | 数值 |\n| --- | --- | ---: |\n| 规上工业产值 | 亿元 | 12.5 |\n| 固定资产投资 | 亿元 | 8.3 |\n| 社会消费品零售总额 | 亿元 | 6.1 |\n`,
  }),
  // the table ends on row 21, the `---` after it takes row 22: the layout takes that blank row
  // over first, then the table's last row
  'a table and a --- ending the page': tableAndBreak,
  'an image ending the body': () => {
    const dir = makeProject({ 'report.yaml': CONFIG, 's.md': `${paragraph(12, 21)}\n\n![增速](img/chart.png)\n` });
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'chart.png'), makePng(600, 300, 'rgb'));
    return dir;
  },
  // the chart fits, the closing block does not: the chart is set on 6 rows instead of 8
  'a pie chart ending the body': pie(8, ''),
  'a captioned pie chart ending the body': pie(8, 'title: 三次产业构成\n'),
  'a captioned image ending the body': image(8, '\n图：全镇增速\n'),
  // no room left for the figure even set smaller: it opens page 2 with the body's last two rows
  'a captioned pie chart opening the last page': pie(16, 'title: 三次产业构成\n'),
  'an image opening the last page': image(16, ''),
};

const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const soffice = spawnSync('soffice', ['--version']).status === 0;
const skipReason = !poppler || !existsSync(GBT9704_CHECK) ? ' (skipped: pdftotext or gbt9704-check not found)' : '';
const loReason = !soffice || !existsSync(RENDER_DOCX) ? ' (skipped: soffice or render-docx not found)' : '';

/** Text of each page of a PDF. */
function pages(pdf: string): string[] {
  return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').filter((p) => p.trim());
}

describe('the closing block keeps body text above it', () => {
  for (const [name, make] of Object.entries(CASES)) {
    it.skipIf(Boolean(skipReason))(`${name}: our PDF has body text on the 署名's page and no checker violation${skipReason}`, () => {
      const dir = make();
      expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
      const pdf = join(dir, 'out', 'report.pdf');
      const check = spawnSync(GBT9704_CHECK, [pdf], { encoding: 'utf8' });
      expect(check.stdout).toMatch(/violations: none/);
      const last = pages(pdf).at(-1)!;
      expect(last).toContain('青禾镇人民政府');
      expect(last.replace(/\s/g, '')).toMatch(/[经济运行总体平稳发展质量]{4}|亿元|增速/);
    });

    it.skipIf(Boolean(skipReason || loReason))(`${name}: LibreOffice's rendering of the DOCX does the same${skipReason || loReason}`, () => {
      const dir = make();
      expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
      const rendered = spawnSync(RENDER_DOCX, [join(dir, 'out', 'report.docx'), join(dir, 'lo')], { encoding: 'utf8' });
      expect(rendered.status).toBe(0);
      const pdf = join(dir, 'lo', 'report.pdf');
      const check = spawnSync(GBT9704_CHECK, [pdf], { encoding: 'utf8' });
      expect(check.stdout).toMatch(/violations: none/);
      // the same pages as our PDF
      expect(pages(pdf).length).toBe(pages(join(dir, 'out', 'report.pdf')).length);
      expect(readFileSync(pdf).length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('the DOCX keeps with the closing block what the layout moved', () => {
  it('a table followed by --- keeps only its last row with the closing block (the blank row went over first), and the blank row too', async () => {
    const dir = tableAndBreak();
    expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')))).file('word/document.xml')!.async('string');
    const rows = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>')).split('<w:tr>').slice(1);
    expect(rows.map((row) => row.includes('<w:keepNext/>'))).toEqual([false, false, false, true]);
    // the `---` row between the table and the 署名 keeps with it, so Word cannot leave it behind
    const after = xml.slice(xml.indexOf('</w:tbl>')).split('<w:p>')[1];
    expect(after).toContain('<w:keepNext/>');
  });
});
