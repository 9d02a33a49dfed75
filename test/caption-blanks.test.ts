/**
 * Blanks in captions are blanks in the report: in a 表：/图： caption line, and in what a ```chart
 * fence prints (its title, which becomes the 图N caption, its unit and renamed series). Lint finds
 * them at their place in the file, the build stops on them, and a --draft build highlights them
 * in the captions, on attachment pages too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makePng } from './helpers/png.js';
import { makeProject } from './helpers/project.js';

const CONFIG = `title: 图表测试
indicators: indicators.yaml
sections: [sections/*.md]
attachments:
  - { title: 产业结构, file: attachments/a.md }
`;
const SECTION = `全镇经济运行平稳，见[表](#t)、[图](#c)和[图](#i)。

表：20xx年主要指标 {#t}

| 指标 | 数值 |
| --- | ---: |
| 产值 | 52.38 |

\`\`\`chart
type: bar
title: XX镇主要指标
id: c
series: {XX镇: 规上工业产值}
unit: xx元
\`\`\`

![增速](../img/i.png)

图：××年增速 {#i}
`;
const ATTACHMENT = '三次产业构成见下图。\n\n```chart\ntype: pie\ntitle: 20XX年三次产业构成\nseries: [产业结构]\n```\n';

const project = () => makeProject({
  'report.yaml': CONFIG,
  'indicators.yaml': '规上工业产值: {value: 52.38, unit: 亿元}\n产业结构: {第一产业: 6.2, 第二产业: 52.38}\n',
  'sections/01.md': SECTION,
  'attachments/a.md': ATTACHMENT,
  'img/i.png': makePng(300, 150, 'rgb'),
});

const EXPECTED = [
  'attachments/a.md:5:8: unfilled blank "20XX"',
  'sections/01.md:3:3: unfilled blank "20xx"',
  'sections/01.md:11:8: unfilled blank "XX"',
  'sections/01.md:13:10: unfilled blank "XX"',
  'sections/01.md:14:7: unfilled blank "xx"',
  'sections/01.md:19:3: unfilled blank "××"',
];

describe('blanks in captions and chart titles', () => {
  it('are found by report lint at their place in the file', () => {
    const result = runReport(['lint', '.', '--format', 'json'], { cwd: project() });
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; rule: string; message: string }>)
      .filter((f) => f.rule === 'placeholder');
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}`).sort()).toEqual([...EXPECTED].sort());
  });

  it('stop the build, one line each, and nothing is written', () => {
    const dir = project();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.includes('unfilled blank')).sort()).toEqual([...EXPECTED].sort());
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('are highlighted in the captions of a --draft build, on attachment pages too', async () => {
    const dir = project();
    expect(runReport(['build', '.', '--draft'], { cwd: dir }).status).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')))).file('word/document.xml')!.async('string');
    const highlighted = [...xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/gs)]
      .filter((m) => m[1].includes('<w:highlight w:val="yellow"/>'))
      .map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    // 表1's title, 图1 (the chart's title and unit), 图2 (the image's) and the attachment's 图1
    expect(highlighted).toEqual(['20xx', 'XX', 'xx', '××', '20XX']);
  }, 60_000);
});

describe('stars in a chart title', () => {
  // the section's reading of stars takes `**重点**` for emphasis, but a fence is read as typed:
  // its caption printed the emphasis marks' stand-ins (U+FDEB) instead of the stars
  const stars = () => makeProject({
    'report.yaml': 'title: 图表测试\nindicators: indicators.yaml\nsections: [s.md]\n',
    'indicators.yaml': '产业结构: {第一产业: 6.2, 第二产业: 52.38}\n',
    's.md': '全镇经济运行平稳。\n\n```chart\ntype: pie\ntitle: "**重点**指标"\nseries: [产业结构]\n```\n',
  });

  it('are blanks to lint and the build, as in any chart title', () => {
    const dir = stars();
    const result = runReport(['build', '.'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.includes('unfilled blank'))).toEqual(['s.md:5:9: unfilled blank "**"', 's.md:5:13: unfilled blank "**"']);
  }, 60_000);

  it('print as typed in a --draft build, highlighted, in the TXT, DOCX and PDF', async () => {
    const dir = stars();
    expect(runReport(['build', '.', '--draft', '--format', 'txt,docx,pdf'], { cwd: dir }).status).toBe(0);
    const txt = readFileSync(join(dir, 'out', 'report.txt'), 'utf8');
    expect(txt).toContain('图1　**重点**指标');
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')))).file('word/document.xml')!.async('string');
    const highlighted = [...xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/gs)]
      .filter((m) => m[1].includes('<w:highlight w:val="yellow"/>'))
      .map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(highlighted).toEqual(['**', '**']);
    expect(txt + xml).not.toMatch(/[\uFDD0-\uFDEF]/);
    const pdf = spawnSync('pdftotext', [join(dir, 'out', 'report.pdf'), '-'], { encoding: 'utf8' });
    // the PDF had no glyph for the stand-ins and printed 〓〓重点〓〓指标
    if (pdf.status === 0) expect(pdf.stdout.replace(/\s/g, '')).toContain('图1**重点**指标');
  }, 60_000);
});
