/**
 * Issue 14's measure: `report import` then `report build --format txt` reproduces the original
 * paragraphs exactly (same text, same figures, same generated numbering). Measured on our own
 * test documents (test/fixtures/import/): three text files, two DOCX files made with the `docx`
 * package (typed heading numbers; Word's automatic numbering), the DOCX `report build` writes for
 * examples/town-report, and — where LibreOffice is installed — a DOCX LibreOffice converted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { makeDocx, MONTHLY_ANALYSIS, originalParagraphs, SAFETY_REPORT } from './fixtures/import/documents.js';
import { measureRoundTrip, textParagraphs, type RoundTrip } from './fixtures/import/round-trip.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const results: Array<{ document: string; trip: RoundTrip }> = [];

function expectRate(document: string, trip: RoundTrip, atLeast: number): void {
  results.push({ document, trip });
  expect(trip.importRun.status, trip.importRun.stderr).toBe(0);
  expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
  // Missing paragraphs are listed in the failure message, so a regression says what it lost.
  expect({ rate: trip.reproduced / trip.total >= atLeast, missing: trip.missing }).toEqual({ rate: true, missing: trip.missing });
}

describe('import → build round trip (share of paragraphs reproduced exactly)', () => {
  it('a text report with title, 主送, outline, 附件说明, 署名 and 日期: every paragraph', () => {
    const text = fixture('qingxi-2024h1.txt');
    const trip = measureRoundTrip('qingxi-2024h1.txt', text, textParagraphs(text));
    expectRate('qingxi-2024h1.txt', trip, 1);
  });

  it('a text report typed like the reference (no title, half-width punctuation): all but the half-width (一) numbers, which the build prints as （一）', () => {
    const text = fixture('lantian-2023q3.txt');
    const original = textParagraphs(text);
    const trip = measureRoundTrip('lantian-2023q3.txt', text, original);
    results.push({ document: 'lantian-2023q3.txt', trip });
    expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
    // The only differences: the level-2 numbers typed with ASCII brackets come out full width.
    expect(trip.missing.every((line) => /^\([一二三四五六七八九十]+\)/u.test(line))).toBe(true);
    const normalised = original.map((line) => line.replace(/^\(([一二三四五六七八九十]+)\)/u, '（$1）'));
    const again = measureRoundTrip('lantian-2023q3.txt', text, normalised);
    expect(again.missing).toEqual([]);
  });

  it('a text 报告 with 版头, 附注, 附件 pages and 版记: all but two lines whose spacing the build sets (发文字号 … 签发人, … 印发)', () => {
    const text = fixture('qingxi-zhongdian-2024.txt');
    const trip = measureRoundTrip('qingxi-zhongdian-2024.txt', text, textParagraphs(text));
    results.push({ document: 'qingxi-zhongdian-2024.txt', trip });
    expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
    expect(trip.missing).toEqual(['青政发〔2024〕27号 签发人：张三', '青溪镇党政办公室 2024年7月12日印发']);
    expect(trip.outputLines).toEqual(expect.arrayContaining(['青政发〔2024〕27号\u3000\u3000签发人：张三', '青溪镇党政办公室\u3000\u30002024年7月12日印发']));
  });

  it('a DOCX with typed numbers, bold lead-ins, a table and a chart: every paragraph and table row', async () => {
    const trip = measureRoundTrip('yunling-2024-05.docx', await makeDocx(MONTHLY_ANALYSIS), originalParagraphs(MONTHLY_ANALYSIS));
    expectRate('yunling-2024-05.docx', trip, 1);
  });

  it('a DOCX numbered by Word (chineseCounting), two-line title, joint 署名, tracked changes, Markdown-like text', async () => {
    const trip = measureRoundTrip('qingxi-safety.docx', await makeDocx(SAFETY_REPORT), originalParagraphs(SAFETY_REPORT));
    expectRate('qingxi-safety.docx', trip, 1);
  });

  it('the DOCX report build writes for examples/town-report: the same text as its own txt build', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-town-'));
    expect(runReport(['build', 'examples/town-report', '--format', 'docx,txt', '--out', out]).status).toBe(0);
    const trip = measureRoundTrip('town-report.docx', readFileSync(join(out, 'town-report.docx')), textParagraphs(readFileSync(join(out, 'town-report.txt'), 'utf8')));
    expectRate('examples/town-report (its DOCX)', trip, 1);
    expect(trip.outputLines).toEqual(textParagraphs(readFileSync(join(out, 'town-report.txt'), 'utf8')));
  });

  it.skipIf(!hasSoffice)('a DOCX LibreOffice made from the text report (skipped without soffice)', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-soffice-'));
    execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(FIXTURES, 'qingxi-2024h1.txt')], { stdio: 'ignore', timeout: 120_000 });
    const docx = readFileSync(join(work, 'qingxi-2024h1.docx'));
    const trip = measureRoundTrip('qingxi-2024h1.docx', docx, textParagraphs(fixture('qingxi-2024h1.txt')));
    expectRate('qingxi-2024h1.txt via LibreOffice → DOCX', trip, 0.95);
  });

  it('overall: at least 95 % of all paragraphs reproduced exactly (printed for the README)', () => {
    const total = results.reduce((n, r) => n + r.trip.total, 0);
    const reproduced = results.reduce((n, r) => n + r.trip.reproduced, 0);
    for (const { document, trip } of results) console.log(`round trip ${document}: ${trip.reproduced}/${trip.total} paragraphs exact`);
    console.log(`round trip overall: ${reproduced}/${total} = ${((100 * reproduced) / total).toFixed(1)} %`);
    expect(reproduced / total).toBeGreaterThanOrEqual(0.95);
  });
});
