/**
 * Tables as a user checks them, built through the real `report build`: every figure printed
 * whole on one row, the DOCX's columns and type size the PDF's, and no gbt9704-check violation
 * from a table in our PDF or in LibreOffice's rendering of the DOCX. Fixtures: county-stats (a
 * 5-column and an 8-column table of figures) and long-labels (6 columns, row labels longer than
 * a short label, figures with thousands separators and signs, unit words 万人次/万千瓦时).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFormat } from '../src/build/render.js';
import type { LayoutPage } from '../src/layout/types.js';
import { assembleDocument } from '../src/markdown/document.js';
import type { Block, Document, Table } from '../src/model/document.js';
import { planTable } from '../src/model/table-plan.js';
import { loadProject } from '../src/project/load.js';
import { gridMetrics, loadStyleSpec } from '../src/style/spec.js';
import { renderTemplate } from '../src/template/render.js';
import { REPO, runReport } from './helpers/cli.js';
import { printedRows, type PrintedRow } from './helpers/printed-rows.js';
import { makeProject } from './helpers/project.js';
import { GBT9704_CHECK, RENDER_DOCX } from './helpers/shared.js';

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const skipUnless = (...needs: Array<[boolean, string]>): string => {
  const absent = needs.filter(([ok]) => !ok).map(([, what]) => what);
  return absent.length ? ` (skipped: ${absent.join(', ')} not found)` : '';
};
const poppler = onPath('pdftotext');
const checker = existsSync(GBT9704_CHECK) && onPath('python3');
const office = onPath('soffice') && existsSync(RENDER_DOCX);
const checkSkip = skipUnless([poppler, 'pdftotext'], [checker, GBT9704_CHECK]);
const officeSkip = skipUnless([office, 'soffice / render-docx'], [poppler, 'pdftotext'], [checker, GBT9704_CHECK]);

const FIXTURES = ['county-stats', 'long-labels'] as const;
type Fixture = (typeof FIXTURES)[number];
/** A figure as a table prints it: sign, thousands separators, decimals, %. */
const FIGURE = /^[-+−]?\d[\d,]*(\.\d+)?%?$/;
const squash = (text: string): string => text.replace(/\s+/g, '');

interface Built {
  dir: string;
  out: string;
  pdf: string;
  docx: string;
  doc: Document;
  pages: LayoutPage[];
  lo?: string;
}
const built = {} as Record<Fixture, Built>;

/** The document model exactly as `report build` assembles it (for the layout's rows). */
function projectDocument(dir: string): Document {
  const project = loadProject(dir, { cwd: REPO });
  const sections = project.sections.map((section) => renderTemplate(section, project.indicators, { strict: true }));
  return assembleDocument(project, sections);
}

function buildFixture(name: string, dir: string): Omit<Built, 'doc' | 'pages'> {
  const out = mkdtempSync(join(tmpdir(), `report-tables-${name}-`));
  const result = runReport(['build', dir, '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  return { dir, out, pdf: join(out, `${name}.pdf`), docx: join(out, `${name}.docx`) };
}

async function layoutOf(dir: string, doc: Document): Promise<LayoutPage[]> {
  const spec = loadStyleSpec('gongwen');
  const { layout } = await renderFormat(doc, spec, 'pdf', { projectDir: dir });
  return layout!.pages;
}

function renderWithOffice(docx: string, out: string): string {
  return execFileSync(RENDER_DOCX, [docx, join(out, 'lo')], { encoding: 'utf8' }).trim();
}

beforeAll(async () => {
  for (const name of FIXTURES) {
    const dir = join(REPO, 'test', 'fixtures', 'projects', name);
    const doc = projectDocument(dir);
    const outputs = buildFixture(name, dir);
    built[name] = { ...outputs, doc, pages: await layoutOf(dir, doc) };
    if (office) built[name].lo = renderWithOffice(built[name].docx, built[name].out);
  }
}, 180_000);

function tables(blocks: Block[]): Table[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'quote' ? tables(b.blocks) : b.kind === 'list' ? b.items.flatMap(tables) : []));
}

const cellText = (table: Table, r: number, c: number): string => table.rows[r][c].content.map((run) => (run.kind === 'text' ? run.text : '')).join('');

/** The figures of a table's body rows, and the cells that must print whole (units, short labels). */
function wholeCells(table: Table): { figures: string[]; words: string[] } {
  const figures: string[] = [];
  const words: string[] = [];
  table.rows.forEach((row, r) => row.forEach((_, c) => {
    if (table.header && r === 0) return;
    const text = cellText(table, r, c);
    if (FIGURE.test(text)) figures.push(text);
    else if ([...text].length <= 6) words.push(text);
  }));
  return { figures, words };
}

/** Each table row line of the layout, split into its cells' lines. */
function layoutCellLines(pages: LayoutPage[]): string[] {
  return pages.flatMap((page) => page.rows.filter((row) => row.element === 'table').flatMap((row) => row.text.split(' ')));
}

/** Column edges (x) of every table in order, from the PDF's vertical rules. */
function pdfColumnWidths(pages: LayoutPage[]): number[][] {
  const out: number[][] = [];
  let last = '';
  for (const page of pages) {
    const byTop = new Map<number, number[]>();
    for (const rule of page.rules) {
      if (Math.abs(rule.x1 - rule.x2) > 1e-6) continue;
      const xs = byTop.get(rule.y1) ?? [];
      xs.push(rule.x1);
      byTop.set(rule.y1, xs);
    }
    for (const [, xs] of [...byTop].sort((a, b) => a[0] - b[0])) {
      const edges = [...new Set(xs.map((x) => Math.round(x * 1000) / 1000))].sort((a, b) => a - b);
      const key = edges.join(',');
      if (key !== last) out.push(edges.slice(1).map((x, i) => x - edges[i]));
      last = key;
    }
  }
  return out;
}

/** Per DOCX table: its w:gridCol widths (points) and its cells' type size (points). */
async function docxTables(docx: string): Promise<Array<{ widths: number[]; sizes: number[] }>> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const sizeOf = (id: string): number => {
    const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`))![0];
    const own = style.match(/<w:sz w:val="(\d+)"/);
    if (own) return Number(own[1]) / 2;
    return sizeOf(style.match(/<w:basedOn w:val="([^"]+)"/)![1]);
  };
  return [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map(([table]) => ({
    widths: [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20),
    sizes: [...new Set([...table.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => sizeOf(m[1])))],
  }));
}

/** Type sizes of the PDF's glyph runs printed on each table's rows, table by table. */
function pdfTableSizes(pages: LayoutPage[]): number[] {
  const sizes = new Set<number>();
  for (const page of pages) {
    const baselines = new Set(page.rows.filter((row) => row.element === 'table').map((row) => row.baseline));
    for (const run of page.runs) if (baselines.has(run.y)) sizes.add(run.size);
  }
  return [...sizes].sort((a, b) => b - a);
}

interface Violation { page: number; rule: string; message: string; text: string }

/**
 * The checker's violations that come from a table: on a table row, a table row's pitch to the
 * row before it (or a body row's pitch to the table row above it), or a page holding table rows
 * that has too many rows.
 */
function tableViolations(pdf: string, tableLines: Set<string>): Violation[] {
  const result = spawnSync(GBT9704_CHECK, [pdf, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { violations: Violation[] };
  const pages = printedRows(pdf);
  const isTable = (row?: PrintedRow): boolean => row !== undefined && tableLines.has(squash(row.text));
  return report.violations.filter((v) => {
    const rows = pages[v.page - 1] ?? [];
    if (v.rule === 'lines-per-page') return rows.some(isTable);
    const at = rows.findIndex((row) => v.text !== '' && squash(row.text).startsWith(squash(v.text)));
    if (at < 0) return false;
    return isTable(rows[at]) || (v.rule === 'line-pitch' && isTable(rows[at - 1]));
  });
}

/** Printed table row texts (cells run together, as a reader sees a row). */
function tableRowTexts(pages: LayoutPage[]): Set<string> {
  return new Set(pages.flatMap((page) => page.rows.filter((row) => row.element === 'table').map((row) => squash(row.text))));
}

describe.each(FIXTURES)('tables in %s', (name) => {
  it('prints every figure, unit and short label of a table whole on one row of the PDF', () => {
    const { doc, pages } = built[name];
    const lines = layoutCellLines(pages);
    const list = tables(doc.body);
    expect(list.length).toBeGreaterThan(0);
    for (const table of list) {
      const { figures, words } = wholeCells(table);
      expect(figures.length).toBeGreaterThan(3);
      for (const figure of figures) expect(lines, `figure ${figure}`).toContain(figure);
      for (const word of words) expect(lines, `cell ${word}`).toContain(word);
    }
  });

  it('gives the DOCX the PDF\'s column widths and type size', async () => {
    const { docx, pages } = built[name];
    const inDocx = await docxTables(docx);
    const inPdf = pdfColumnWidths(pages);
    expect(inDocx.length).toBe(tables(built[name].doc.body).length);
    expect(inPdf.length).toBe(inDocx.length);
    inDocx.forEach((table, t) => {
      expect(table.widths.length).toBe(inPdf[t].length);
      // whole twips in the DOCX: each width within a twip of the PDF's
      table.widths.forEach((width, c) => expect(Math.abs(width - inPdf[t][c])).toBeLessThanOrEqual(0.05 + 1e-9));
      expect(table.sizes).toHaveLength(1);
    });
    expect(pdfTableSizes(pages)).toEqual([...new Set(inDocx.map((t) => t.sizes[0]))].sort((a, b) => b - a));
  });

  it.skipIf(!poppler || !checker)(`passes gbt9704-check with no violation from a table, figures whole in the printed words${checkSkip}`, () => {
    const { pdf, doc, pages } = built[name];
    expect(tableViolations(pdf, tableRowTexts(pages))).toEqual([]);
    const words = printedRows(pdf).flat().flatMap((row) => row.words.map((w) => w.text));
    for (const table of tables(doc.body)) for (const figure of wholeCells(table).figures) expect(words, `figure ${figure}`).toContain(figure);
  });

  it.skipIf(!office || !poppler || !checker)(`renders in LibreOffice with no violation from a table, every row present and every figure whole${officeSkip}`, () => {
    const { lo, doc, pages } = built[name];
    expect(tableViolations(lo!, tableRowTexts(pages))).toEqual([]);
    const rows = printedRows(lo!).flat();
    const words = rows.flatMap((row) => row.words.map((w) => w.text));
    for (const table of tables(doc.body)) for (const figure of wholeCells(table).figures) expect(words, `figure ${figure}`).toContain(figure);
    // the same lines as the PDF: every table row line of the layout is a printed row of LibreOffice's
    const printed = new Set(rows.map((row) => squash(row.text)));
    for (const line of tableRowTexts(pages)) expect(printed, line).toContain(line);
  });
});

describe('table sizes', () => {
  it('steps a table down a type size before a label breaks, and 8 columns to 5号', async () => {
    const county = (await docxTables(built['county-stats'].docx)).map((t) => t.sizes[0]);
    // 城镇居民人均可支配收入 stays whole: 小4号 (the 5 columns do not fit at 4号 with it on one line)
    expect(county).toEqual([12, 10.5]);
    const lines = layoutCellLines(built['county-stats'].pages);
    expect(lines).toContain('城镇居民人均可支配收入');
    // long labels break only at the smallest size, balanced, never into a one-character line
    const labels = layoutCellLines(built['long-labels'].pages);
    expect((await docxTables(built['long-labels'].docx)).map((t) => t.sizes[0])).toEqual([10.5]);
    expect(labels).toContain('规模以上工业');
    expect(labels).toContain('企业营业收入');
    const cells = new Set(tables(built['long-labels'].doc.body).flatMap((t) => t.rows.flatMap((row, r) => row.map((_, c) => cellText(t, r, c)))));
    expect(labels.filter((line) => /^[\u4e00-\u9fff]$/.test(line) && !cells.has(line))).toEqual([]);
  });
});

describe('the table plan', () => {
  const spec = loadStyleSpec('gongwen');
  const word = fc.constantFrom('地区生产总值', '亿元', '万人次', '规模以上工业企业营业收入', '增速（%）', '-3.4', '1,286.47', '75.7%', 'GDP', '合计', '（万元）', '');
  const cellArb = fc.array(word, { maxLength: 3 }).map((parts) => parts.join(''));
  const tableArb = fc.integer({ min: 1, max: 14 }).chain((columns) => fc.array(fc.array(cellArb, { minLength: 1, maxLength: columns }), { minLength: 1, maxLength: 6 }));

  it('reads its sizes and estimates from style.yaml and reports a bad one at its line', () => {
    const style = readFileSync(join(REPO, 'templates', 'gongwen', 'style.yaml'), 'utf8');
    const dir = makeProject({ 'tpl/style.yaml': style.replace(/smallerSizesPt: \[[^\]]*\]/, 'smallerSizesPt: [16, 12]') });
    const line = style.split('\n').findIndex((l) => /^\s+smallerSizesPt:/.test(l)) + 1;
    expect(() => loadStyleSpec('./tpl', dir)).toThrow(/table\.smallerSizesPt: expected sizes below elements\.table\.sizePt \(14\)/);
    // one line at style.yaml:line:col
    expect(() => loadStyleSpec('./tpl', dir)).toThrow(new RegExp(`style\\.yaml:${line}:\\d+: `));
    const missing = makeProject({ 'tpl/style.yaml': style.replace(/\n  halfWidthEm: [^\n]*/, '') });
    expect(() => loadStyleSpec('./tpl', missing)).toThrow(/table\.halfWidthEm: missing/);
  });

  it('fills the text width, keeps every character, and never breaks a figure or a unit word when the table fits', () => {
    fc.assert(fc.property(tableArb, fc.boolean(), (rows, header) => {
      const table: Table = { kind: 'table', header, align: [], rows: rows.map((row) => row.map((text) => ({ content: text ? [{ kind: 'text' as const, text }] : [] }))) };
      const plan = planTable(table, spec);
      const total = plan.widthsPt.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - gridMetrics(spec).textWidthPt)).toBeLessThan(1e-6);
      expect(plan.widthsPt.every((w) => w > 0)).toBe(true);
      expect([spec.elements.table.sizePt, ...spec.table.smallerSizesPt]).toContain(plan.sizePt);
      plan.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
        const lines = cell.lines.map((line) => line.map((run) => (run.kind === 'text' ? run.text : '')).join(''));
        expect(lines.join('')).toBe(rows[r][c] ?? '');
        if (!plan.fits) return;
        for (const whole of ['-3.4', '1,286.47', '75.7%', '亿元', '万人次', '（万元）']) {
          const count = (text: string) => text.split(whole).length - 1;
          expect(lines.reduce((n, line) => n + count(line), 0), `${whole} in ${lines.join('/')}`).toBe(count(rows[r][c] ?? ''));
        }
      }));
    }), { numRuns: 300, seed: 10 });
  });
});

describe('a table at the foot of a page', () => {
  // With room for its header and one row at the page foot, the table splits there and repeats
  // its header: the PDF does it, and LibreOffice must do the same without losing a row.
  const project = (paragraphs: number) => makeProject({
    'report.yaml': 'title: 关于表格分页的测试报告\nsections: [sections/*.md]\noutput: { name: foot }\n',
    'sections/01.md': `${Array.from({ length: paragraphs }, (_, k) => `正文第${k + 1}段。`).join('\n\n')}\n\n` +
      '| 村名 | 户数 | 人口（人） |\n| --- | ---: | ---: |\n' +
      Array.from({ length: 6 }, (_, i) => `| 第${i + 1}村 | ${100 + i} | ${3000 + 7 * i} |`).join('\n') + '\n\n表后正文。\n',
  });

  it.skipIf(!office || !poppler)(`keeps every row in LibreOffice and splits where the PDF does${skipUnless([office, 'soffice / render-docx'], [poppler, 'pdftotext'])}`, () => {
    for (const paragraphs of [17, 18, 19]) {
      const dir = project(paragraphs);
      const { out, pdf, docx } = buildFixture('foot', dir);
      const lo = renderWithOffice(docx, out);
      const villages = (file: string) => printedRows(file).map((rows) => rows.filter((row) => /^第\d村/.test(squash(row.text))).length);
      const inPdf = villages(pdf);
      expect(inPdf.reduce((a, b) => a + b, 0)).toBe(6);
      expect(villages(lo), `${paragraphs} paragraphs before the table`).toEqual(inPdf);
    }
  }, 120_000);
});
