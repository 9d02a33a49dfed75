/**
 * A user prints the PDF and edits the DOCX: the two must agree row for row. Builds the example
 * projects and the county-stats fixture (tables of 5 and 8 columns, an image, attachments, a title
 * just over a line), renders the DOCX with LibreOffice (render-docx) and compares the printed
 * rows of both PDFs: the same pages, every row identical, gbt9704-check clean on both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { GBT9704_CHECK, RENDER_DOCX } from './helpers/shared.js';

const PROJECTS = ['examples/town-report', 'examples/monthly', 'test/fixtures/projects/county-stats'];
const tools = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('soffice', ['--version']).status === 0 && existsSync(RENDER_DOCX) && existsSync(GBT9704_CHECK);
const reason = tools ? '' : ' (skipped: needs pdftotext, soffice and ../shared/tools)';

/** Each page's printed rows, spaces removed (pdftotext puts them where glyphs are spread). */
function printedRows(pdf: string): string[][] {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  return text.split('\f').filter((page) => page.trim()).map((page) => page.split('\n').map((line) => line.replace(/\s/g, '')).filter(Boolean));
}

/** Rows of `a` matched in order in `b` (longest common subsequence), as a share of `a`. */
function sharedShare(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  return a.length === 0 ? 1 : table[0][0] / a.length;
}

describe('the PDF and the DOCX (as LibreOffice renders it) print the same rows', () => {
  for (const project of PROJECTS) {
    it.skipIf(!tools)(`${project}${reason}`, () => {
      const out = mkdtempSync(join(tmpdir(), 'report-rows-'));
      expect(runReport(['build', project, '--out', out]).status).toBe(0);
      const docx = readdirSync(out).find((f) => f.endsWith('.docx'))!;
      const ours = join(out, docx.replace(/\.docx$/, '.pdf'));
      const rendered = spawnSync(RENDER_DOCX, [join(out, docx), join(out, 'lo')], { encoding: 'utf8' });
      expect(rendered.status).toBe(0);
      const theirs = join(out, 'lo', docx.replace(/\.docx$/, '.pdf'));
      for (const pdf of [ours, theirs]) expect(spawnSync(GBT9704_CHECK, [pdf], { encoding: 'utf8' }).stdout).toMatch(/violations: none/);
      const a = printedRows(ours);
      const b = printedRows(theirs);
      expect(b.length).toBe(a.length);
      expect(sharedShare(a.flat(), b.flat())).toBeGreaterThanOrEqual(1);
    }, 180_000);
  }
});
