/**
 * The workbook embedded with a DOCX chart, so Word's and WPS's "编辑数据" opens the chart's data:
 * column A the categories, one column per series, row 1 the series' names. Written here as the
 * smallest SpreadsheetML package Excel opens (inline strings, no shared-strings part), zipped with
 * a fixed date so two builds of the same report are byte-identical.
 */
import type { Chart } from '../../model/document.js';
import { escapeXml, XML_DECLARATION } from './xml.js';
import { zip } from './zip.js';

const SHEET = 'Sheet1';

/** `Sheet1!$B$2:$B$4` and the like, for the chart's formulas. */
export const sheetRefs = {
  seriesName: (series: number): string => `${SHEET}!$${column(series + 1)}$1`,
  categories: (count: number): string => `${SHEET}!$A$2:$A$${count + 1}`,
  values: (series: number, count: number): string => `${SHEET}!$${column(series + 1)}$2:$${column(series + 1)}$${count + 1}`,
};

/** Spreadsheet column letters: 0 → A, 1 → B … (a chart has at most a few series). */
function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export async function chartWorkbook(chart: Chart, date: Date): Promise<Buffer> {
  const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  const rows = [
    `<row r="1">${chart.series.map((s, i) => text(`${column(i + 1)}1`, s.name)).join('')}</row>`,
    ...chart.categories.map((category, k) => `<row r="${k + 2}">${text(`A${k + 2}`, category)}${chart.series.map((s, i) => {
      const value = s.values[k];
      return value === null ? '' : `<c r="${column(i + 1)}${k + 2}"><v>${value}</v></c>`;
    }).join('')}</row>`),
  ];
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_DECLARATION}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${XML_DECLARATION}<worksheet xmlns="${ns}"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  };
  return zip(Object.entries(parts), date);
}
