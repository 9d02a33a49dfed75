import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../src/layout/index.js';
import { NO_ROW_END, NO_ROW_START } from '../src/text/chars.js';
import type { Document } from '../src/model/document.js';
// @ts-expect-error plain JS fixture shared with scripts/bench.mjs
import { sampleDocument } from '../scripts/sample-report.mjs';
import { tmpdir } from 'node:os';
import { loadFonts } from '../src/fonts/index.js';
import { grid, spec } from './layout-helpers.js';

// the fonts a build uses (role faces and the Latin face), so widths are what a reader sees
const fonts = loadFonts(spec, { projectDir: tmpdir() }).book;
const doc = sampleDocument({ sections: 4 }) as Document;
const result = layoutDocument(doc, spec, { fonts });
const right = grid.textLeftPt + grid.textWidthPt;

describe('page layout on the GB/T 9704 grid', () => {
  it('uses 579 tw rows and 28 cells of 156 mm / 28', () => {
    expect(grid.rowPitchPt).toBeCloseTo(28.95, 2);
    expect(grid.charPitchPt * 28).toBeCloseTo((156 * 72) / 25.4, 3);
    expect(result.pages.length).toBeGreaterThan(8);
  });

  it('puts at most 22 rows on a page, every baseline a whole number of rows from the first', () => {
    let bodyRows = 0;
    for (const page of result.pages) {
      const rows = page.rows.map((r) => r.row);
      expect(new Set(rows).size, `page ${page.number} row indexes`).toBe(rows.length);
      for (const row of rows) {
        expect(row, `page ${page.number}`).toBeGreaterThanOrEqual(0);
        expect(row, `page ${page.number}`).toBeLessThan(22);
      }
      const body = page.rows.filter((r) => r.element === 'body');
      if (body.length === 0) continue;
      const first = Math.min(...body.map((r) => r.baseline));
      for (const row of body) {
        // 579 twips = 28.95 pt, the GB/T 9704 row pitch.
        const rowsDown = (row.baseline - first) / 28.95;
        expect(Math.abs(rowsDown - Math.round(rowsDown)), `page ${page.number}: ${row.text}`).toBeLessThan(0.01);
        bodyRows++;
      }
    }
    expect(bodyRows).toBeGreaterThan(100);
  });

  it('ends every continued row flush right and never past the margin', () => {
    for (const page of result.pages) {
      for (const row of page.rows) {
        expect(row.right, row.text).toBeLessThanOrEqual(right + 0.01);
        if (row.continued) expect(row.right, row.text).toBeCloseTo(right, 1);
      }
    }
  });

  it('starts and ends no row with a forbidden mark', () => {
    for (const page of result.pages) {
      for (const row of page.rows.filter((r) => r.element !== 'table')) {
        expect(NO_ROW_START.has(row.text[0]), row.text).toBe(false);
        expect(NO_ROW_END.has(row.text.at(-1)!), row.text).toBe(false);
      }
    }
  });

  it('never leaves a heading as the last row of a page', () => {
    for (const page of result.pages.slice(0, -1)) {
      const last = page.rows.reduce((a, b) => (b.row > a.row ? b : a));
      expect(last.element.startsWith('heading'), `page ${page.number} ends with ${last.text}`).toBe(false);
    }
  });

  it('centres the title, puts the 署名 two characters from the right and the date below it', () => {
    const first = result.pages[0].rows;
    const title = first.filter((r) => r.element === 'title');
    expect(title.length).toBe(2);
    for (const row of title) expect((row.left + row.right) / 2).toBeCloseTo(grid.textLeftPt + grid.textWidthPt / 2, 0);
    const last = result.pages.at(-1)!.rows;
    const signature = last.find((r) => r.element === 'signature')!;
    const date = last.find((r) => r.element === 'date')!;
    expect(date.row).toBe(signature.row + 1);
    expect(Math.abs(date.left - signature.left - 2 * grid.charPitchPt)).toBeLessThan(0.5);
    // the longer line ends 2 字 from the edge (widths estimated as printed: within a point)
    expect(Math.abs(right - Math.max(signature.right, date.right) - 2 * grid.charPitchPt)).toBeLessThan(1);
    expect(last.filter((r) => r.element === 'body' && r.row < signature.row).length).toBeGreaterThan(0);
  });

  it('places page numbers one 4号 character in from the outer edge, 7 mm below the text area', () => {
    for (const page of result.pages) {
      const glyphs = page.pageNumber.flatMap((r) => r.glyphs);
      expect(glyphs.map((g) => g.ch).join('')).toBe(`— ${page.number} —`);
      const left = glyphs[0].x;
      const end = glyphs.at(-1)!.x + glyphs.at(-1)!.advance;
      if (page.number % 2) expect(Math.abs(right - end - 14)).toBeLessThan(1);
      else expect(Math.abs(left - grid.textLeftPt - 14)).toBeLessThan(1);
      const dashTop = page.pageNumber[0].y - 0.35 * 14;
      expect(dashTop - (grid.textTopPt + grid.textHeightPt)).toBeGreaterThan(((7 - 1) * 72) / 25.4);
      expect(dashTop - (grid.textTopPt + grid.textHeightPt)).toBeLessThan(((7 + 1) * 72) / 25.4);
    }
  });

  it('repeats a table\'s header row at the top of each page it continues on', () => {
    const cell = (text: string) => ({ content: [{ kind: 'text' as const, text }] });
    const rowsOfData = Array.from({ length: 40 }, (_, i) => [cell(`第${i + 1}村`), cell(String(100 + i))]);
    const table: Document = { ...doc, body: [{ kind: 'table', header: true, align: [null, 'right'], rows: [[cell('村名'), cell('户数')], ...rowsOfData] }] };
    const pages = layoutDocument(table, spec, { fonts }).pages;
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      const first = page.rows.filter((r) => r.element === 'table').sort((a, b) => a.row - b.row)[0];
      if (!first) continue;
      expect(first.text.replace(/\s/g, '')).toBe('村名户数');
    }
    const printed = pages.flatMap((p) => p.rows.filter((r) => r.element === 'table').map((r) => r.text.replace(/\s/g, '')));
    for (let i = 1; i <= 40; i++) expect(printed).toContain(`第${i}村${99 + i}`);
  });

  it('marks a draft blank with a highlight behind it', () => {
    const draft: Document = { ...doc, body: [{ kind: 'paragraph', content: [{ kind: 'text', text: '完成投资' }, { kind: 'text', text: 'XX', placeholder: true }, { kind: 'text', text: '亿元。' }] }] };
    const page = layoutDocument(draft, spec, { fonts }).pages[0];
    expect(page.highlights).toHaveLength(1);
    expect(page.highlights[0].width).toBeGreaterThan(8);
  });

  it('warns with the place when no font has a character', () => {
    const odd: Document = { ...doc, body: [{ kind: 'paragraph', content: [{ kind: 'text', text: '古文字\u{E000}在此' }], source: { file: 'sections/01.md', line: 3, column: 1 } }] };
    const out = layoutDocument(odd, spec, { fonts });
    expect(out.warnings).toEqual([expect.objectContaining({ file: 'sections/01.md', line: 3, rule: 'missing-glyph', severity: 'warning' })]);
  });
});
