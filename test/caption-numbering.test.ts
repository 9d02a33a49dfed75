/**
 * Captions as an author writes them: `表：标题 {#key}` above a table, `图：标题` below an image, a
 * chart's `title:`/`id:`. Tables and figures are numbered 表1, 表2 … 图1, 图2 … in document order
 * across section files, every output prints the same numbers, and `[表](#key)` prints the number
 * (even before the caption it names). Mistakes are one line at their place.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeChartProject, SECTION_BARS, SECTION_TRENDS } from './helpers/chart-project.js';
import { lineColumn } from './helpers/line-column.js';
import { makePng } from './helpers/png.js';
import { makeProject } from './helpers/project.js';

const IMAGE_SECTION = `# 项目建设

重点项目现场如[图](#现场)。

![项目现场](img/site.png)
图：重点项目施工现场 {#现场}
`;

let dir: string;

beforeAll(() => {
  // the image section comes between the two chart sections: 图 numbers run across charts and images
  dir = makeChartProject({ 'sections/01-bars.md': SECTION_BARS, 'sections/02-site.md': IMAGE_SECTION, 'sections/03-trends.md': SECTION_TRENDS });
  mkdirSync(join(dir, 'sections', 'img'));
  writeFileSync(join(dir, 'sections', 'img', 'site.png'), makePng(600, 300, 'rgb'));
  const result = runReport(['build', '.'], { cwd: dir });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.status).toBe(0);
}, 120_000);

describe('captions are numbered in document order and references print the numbers', () => {
  it('in the txt output', () => {
    const txt = readFileSync(join(dir, 'out', 'report.txt'), 'utf8');
    const captions = [...txt.matchAll(/^([表图]\d+)\u3000(.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(captions).toEqual([
      '图1 主要经济指标与上年同期比较（单位：亿元）',
      '表1 主要经济指标明细',
      '图2 重点项目施工现场',
      '表2 主要指标增速',
      '图3 各月规上工业产值和固定资产投资（单位：亿元）',
      '图4 三次产业增加值构成',
    ]);
    expect(txt).toContain('见图1和表1，增速见表2。'); // 表2 is referenced before its caption
    expect(txt).toContain('重点项目现场如图2。');
    expect(txt).toContain('如图3所示');
    expect(txt).toContain('三次产业结构见图4，');
    expect(txt).not.toMatch(/\]\(#|\{#/);
  });

  it('in the DOCX: caption paragraphs in the 题注 style, a table\'s above it and a figure\'s below it', async () => {
    const docx = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
    const body = await docx.file('word/document.xml')!.async('string');
    const styles = await docx.file('word/styles.xml')!.async('string');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="GwCaption"><w:name w:val="题注"/>');
    const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const captions = [...body.matchAll(/<w:p><w:pPr><w:pStyle w:val="GwCaption"\/>.*?<\/w:p>/g)].map((m) => text(m[0]));
    expect(captions).toEqual(['图1　主要经济指标与上年同期比较（单位：亿元）', '表1　主要经济指标明细', '图2　重点项目施工现场', '表2　主要指标增速', '图3　各月规上工业产值和固定资产投资（单位：亿元）', '图4　三次产业增加值构成']);
    // 表1's caption comes right before its table; 图1's right after its chart
    expect(body.indexOf('主要经济指标明细')).toBeLessThan(body.indexOf('<w:tbl>'));
    expect(body.indexOf('r:id="rIdReportChart1"')).toBeLessThan(body.indexOf('主要经济指标与上年同期比较'));
    expect(text(body)).toContain('见图1和表1，增速见表2。');
  });

  it('in the PDF', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(dir, 'out', 'report.pdf'))), isEvalSupported: false, verbosity: 0 }).promise;
    let text = '';
    for (let n = 1; n <= loaded.numPages; n++) text += (await (await loaded.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    await loaded.destroy();
    const squashed = text.replace(/\s/g, '');
    for (const caption of ['图1主要经济指标与上年同期比较', '表1主要经济指标明细', '图2重点项目施工现场', '表2主要指标增速', '图4三次产业增加值构成']) expect(squashed).toContain(caption);
    expect(squashed).toContain('见图1和表1，增速见表2。');
  });
});

describe('caption mistakes are one line at their place', () => {
  const CONFIG = 'title: 题注测试\nsections: [s.md]\n';
  const TABLE = '| 指标 | 数值 |\n| --- | ---: |\n| 产值 | 1 |\n';
  const cases: Array<[string, string, string, RegExp]> = [
    ['a 表 line with no table under it', `表：主要指标\n\n正文一段。\n\n${TABLE}`, '表：', /: a 表： caption line must stand right above its table$/],
    ['a 图 line with no figure beside it', `正文一段。\n\n图：示意图\n`, '图：', /: a 图： caption line must stand right below its image or chart/],
    ['a reference to a key no caption has', `见[表](#主要指表)。\n\n表：主要指标 {#主要指标}\n${TABLE}`, '[表]', /: reference to "#主要指表": no table or figure has that key; did you mean "#主要指标"\?$/],
    ['a reference of the wrong kind', `见[图](#主要指标)。\n\n表：主要指标 {#主要指标}\n${TABLE}`, '[图]', /: reference \[图\]\(#主要指标\): write \[表\]\(#主要指标\) or \[\]\(#主要指标\); it prints 表1$/],
    ['one key on two captions', `表：甲 {#k}\n${TABLE}\n表：乙 {#k}\n${TABLE}`, '表：乙', /: caption key "k" is used twice \(表1 and 表2\)/],
  ];
  for (const [name, text, at, message] of cases) {
    it(name, () => {
      const project = makeProject({ 'report.yaml': CONFIG, 's.md': text });
      const result = runReport(['build', '.'], { cwd: project });
      expect(result.status).toBe(2);
      const { line, column } = lineColumn(text, text.indexOf(at));
      const reported = result.stderr.trim().split('\n')[0];
      expect(reported.startsWith(`s.md:${line}:${column}: `)).toBe(true);
      expect(reported).toMatch(message);
      expect(existsSync(join(project, 'out'))).toBe(false);
    }, 60_000);
  }
});
