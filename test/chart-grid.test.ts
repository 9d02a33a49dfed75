/**
 * A page with charts keeps the GB/T 9704 grid in both outputs: gbt9704-check finds no violation
 * in our PDF or in LibreOffice's rendering of the DOCX (every chart label — legend, values,
 * categories, slices — is set on a grid row, as the body text around it is), and both outputs
 * put the charts and captions on the same pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeChartProject } from './helpers/chart-project.js';
import { violations as checkerViolations } from './helpers/gongwen.js';
import { GBT9704_CHECK, RENDER_DOCX } from './helpers/shared.js';

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const poppler = onPath('pdftotext');
const checker = existsSync(GBT9704_CHECK) && onPath('python3');
const office = onPath('soffice') && existsSync(RENDER_DOCX);
const checkSkip = poppler && checker ? '' : ' (skipped: pdftotext or gbt9704-check not found)';
const officeSkip = checkSkip || (office ? '' : ' (skipped: soffice or render-docx not found)');

let dir: string;
let lo: string | undefined;

/** The checker's violations, one line each ('' when none); throws when the checker could not read the PDF. */
function violations(pdf: string): string {
  return checkerViolations(pdf).map((v) => `${pdf}: ${v.page ? `page ${v.page}` : 'document'}: ${v.rule}: ${v.message}${v.text ? `  «${v.text}»` : ''}`).join('\n');
}

const CAPTIONS = ['图1主要经济指标与上年同期比较', '表1主要经济指标明细', '表2主要指标增速', '图2各月规上工业产值和固定资产投资', '图3三次产业增加值构成'];

/** Per page, the captions it prints, in order. */
function captionsByPage(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim()).map((page) => {
    const squashed = page.replace(/\s/g, '');
    return CAPTIONS.filter((c) => squashed.includes(c)).sort((a, b) => squashed.indexOf(a) - squashed.indexOf(b)).map((c) => c.slice(0, 2));
  });
}

beforeAll(() => {
  dir = makeChartProject();
  expect(runReport(['build', '.'], { cwd: dir }).status).toBe(0);
  if (!officeSkip) {
    const out = mkdtempSync(join(tmpdir(), 'report-lo-'));
    lo = execFileSync(RENDER_DOCX, [join(dir, 'out', 'report.docx'), out], { encoding: 'utf8' }).trim();
  }
}, 240_000);

describe('charts on the grid', () => {
  it.skipIf(Boolean(officeSkip))(`examples/economy: no violation in our PDF or in LibreOffice's rendering, the same number of pages${officeSkip}`, () => {
    const out = mkdtempSync(join(tmpdir(), 'report-economy-'));
    expect(runReport(['build', 'examples/economy', '--out', out]).status).toBe(0);
    const rendered = execFileSync(RENDER_DOCX, [join(out, 'economy.docx'), join(out, 'lo')], { encoding: 'utf8' }).trim();
    expect(violations(join(out, 'economy.pdf'))).toBe('');
    expect(violations(rendered)).toBe('');
    const pages = (pdf: string) => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim()).length;
    expect(pages(rendered)).toBe(pages(join(out, 'economy.pdf')));
  }, 240_000);

  it.skipIf(Boolean(checkSkip))(`our PDF: gbt9704-check finds no violation${checkSkip}`, () => {
    expect(violations(join(dir, 'out', 'report.pdf'))).toBe('');
  });

  it.skipIf(Boolean(officeSkip))(`LibreOffice's rendering of the DOCX: no violation, and the same captions on the same pages${officeSkip}`, () => {
    expect(violations(lo!)).toBe('');
    const ours = captionsByPage(join(dir, 'out', 'report.pdf'));
    expect(captionsByPage(lo!)).toEqual(ours);
    expect(ours.flat()).toEqual(['图1', '表1', '表2', '图2', '图3']);
  });
});
