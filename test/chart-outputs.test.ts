/**
 * Charts from indicators, built through the real `report build`: the DOCX holds native charts
 * Word reads (chart parts with c:barChart/c:lineChart/c:pieChart, cached values equal to the
 * indicators, the document's relationships and content types, an embedded workbook with the same
 * numbers); the PDF draws the bars, lines and slices as vectors with their labels; the txt prints
 * each chart as the table of its values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeChartProject } from './helpers/chart-project.js';

let dir: string;
let docx: JSZip;

/** The numbers a chart part caches for Word, per series, as numbers. */
function cachedSeries(xml: string): Array<{ name: string; values: number[] }> {
  return [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/gs)].map(([, ser]) => ({
    name: /<c:tx>.*?<c:v>(.*?)<\/c:v>/s.exec(ser)![1],
    values: [...(/<c:numCache>(.*?)<\/c:numCache>/s.exec(ser)![1]).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])),
  }));
}

function categories(xml: string): string[] {
  const cache = /<c:cat>.*?<c:strCache>(.*?)<\/c:strCache>/s.exec(xml)![1];
  return [...cache.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
}

beforeAll(async () => {
  dir = makeChartProject();
  const result = runReport(['build', '.'], { cwd: dir });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.status).toBe(0);
  docx = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'report.docx')));
}, 120_000);

describe('a chart in the DOCX is a native chart Word can edit', () => {
  it('has one chart part per chart, of its type, with the indicators as its cached values', async () => {
    const bar = await docx.file('word/charts/chart1.xml')!.async('string');
    expect(bar).toContain('<c:barChart><c:barDir val="col"/>');
    expect(categories(bar)).toEqual(['规上工业产值', '固定资产投资', '社会消费品零售总额']);
    expect(cachedSeries(bar)).toEqual([
      { name: '本期', values: [52.38, 14.75, 8.64] },
      { name: '上年同期', values: [48.23, 13.1, 8.85] },
    ]);
    const line = await docx.file('word/charts/chart2.xml')!.async('string');
    expect(line).toContain('<c:lineChart>');
    expect(categories(line)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月']);
    expect(cachedSeries(line)).toEqual([
      { name: '产值', values: [7.8, 6.9, 8.6, 9.1, 9.4, 10.58] },
      { name: '投资', values: [2.1, 1.9, 2.6, 2.4, 2.7, 3.05] },
    ]);
    const pie = await docx.file('word/charts/chart3.xml')!.async('string');
    expect(pie).toContain('<c:pieChart><c:varyColors val="1"/>');
    expect(cachedSeries(pie)[0].values).toEqual([6.2, 52.38, 31.4]);
    // fonts and colours from the style spec: 仿宋_GB2312 for East Asian text, the first series red
    expect(bar).toContain('<a:ea typeface="仿宋_GB2312"/>');
    expect(bar).toContain('<a:srgbClr val="C00000"/>');
  });

  it('links every chart from the document, with its content type and an embedded workbook of the same data', async () => {
    const rels = await docx.file('word/_rels/document.xml.rels')!.async('string');
    const types = await docx.file('[Content_Types].xml')!.async('string');
    const body = await docx.file('word/document.xml')!.async('string');
    for (const n of [1, 2, 3]) {
      const id = new RegExp(`<Relationship Id="([^"]+)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${n}.xml"/>`).exec(rels)?.[1];
      expect(id).toBeTruthy();
      expect(body).toContain(`<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`);
      expect(types).toContain(`<Override PartName="/word/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      const chartRels = await docx.file(`word/charts/_rels/chart${n}.xml.rels`)!.async('string');
      expect(chartRels).toContain(`Target="../embeddings/Microsoft_Excel_Worksheet${n}.xlsx"`);
    }
    expect(types).toContain('<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>');
    // Defaults before Overrides, as the package schema orders them
    expect(types.indexOf('Extension="xlsx"')).toBeLessThan(types.indexOf('<Override '));
    const workbook = await JSZip.loadAsync(await docx.file('word/embeddings/Microsoft_Excel_Worksheet1.xlsx')!.async('uint8array'));
    const sheet = await workbook.file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...sheet.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => Number(m[1]))).toEqual([52.38, 48.23, 14.75, 13.1, 8.64, 8.85]);
    expect(sheet).toContain('<t xml:space="preserve">社会消费品零售总额</t>');
  });

  it('is byte-identical when built twice', () => {
    const first = readFileSync(join(dir, 'out', 'report.docx'));
    expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'report.docx')).equals(first)).toBe(true);
  }, 120_000);
});

describe('a chart in the PDF is drawn as vectors', () => {
  it('fills the bars and slices in the spec colours and prints the values and categories as text', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(readFileSync(join(dir, 'out', 'report.pdf')));
    const loaded = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const fills: string[] = [];
    let text = '';
    for (let n = 1; n <= loaded.numPages; n++) {
      const page = await loaded.getPage(n);
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn: number, i: number) => {
        if (fn !== pdfjs.OPS.setFillRGBColor) return;
        const [r, g, b] = [0, 1, 2].map((k) => Number(ops.argsArray[i][k]));
        fills.push(`#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`);
      });
      text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    await loaded.destroy();
    // the first two series and the pie's third slice, as style.yaml chart.colors names them
    expect(fills).toEqual(expect.arrayContaining(['#C00000', '#2E75B6', '#7F7F7F']));
    for (const label of ['52.38', '48.23', '13.1', '10.58', '规上工业产值', '社会消费品零售总额', '6月', '第二产业 58.2%']) expect(text).toContain(label);
  });
});

describe('a chart in the txt output', () => {
  it('is the table of its values under its caption', () => {
    const txt = readFileSync(join(dir, 'out', 'report.txt'), 'utf8');
    expect(txt).toContain('\t本期\t上年同期\n规上工业产值\t52.38\t48.23\n固定资产投资\t14.75\t13.1\n社会消费品零售总额\t8.64\t8.85\n图1　主要经济指标与上年同期比较（单位：亿元）\n');
    expect(txt).toContain('6月\t10.58\t3.05\n图2　各月规上工业产值和固定资产投资（单位：亿元）\n');
  });
});
