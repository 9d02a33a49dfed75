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

/** One measured document: what went in and what came back. */
interface Measured { document: string; original: string[]; trip: RoundTrip }

/**
 * Each document is measured once per run, on first use: by its own test or by the overall test,
 * whichever comes first — so the overall test computes what it needs when run alone.
 */
const measuring = new Map<string, Promise<Measured>>();
function measured(document: string, input: () => Promise<{ fileName: string; bytes: Buffer | string; original: string[] }> | { fileName: string; bytes: Buffer | string; original: string[] }): Promise<Measured> {
  if (!measuring.has(document)) {
    measuring.set(document, Promise.resolve().then(input).then(({ fileName, bytes, original }) => ({ document, original, trip: measureRoundTrip(fileName, bytes, original) })));
  }
  return measuring.get(document)!;
}

const textDocument = (name: string) => () => ({ fileName: name, bytes: fixture(name), original: textParagraphs(fixture(name)) });

const DOCUMENTS = {
  qingxi: () => measured('qingxi-2024h1.txt', textDocument('qingxi-2024h1.txt')),
  lantian: () => measured('lantian-2023q3.txt', textDocument('lantian-2023q3.txt')),
  zhongdian: () => measured('qingxi-zhongdian-2024.txt', textDocument('qingxi-zhongdian-2024.txt')),
  yunling: () => measured('yunling-2024-05.docx', async () => ({ fileName: 'yunling-2024-05.docx', bytes: await makeDocx(MONTHLY_ANALYSIS), original: originalParagraphs(MONTHLY_ANALYSIS) })),
  safety: () => measured('qingxi-safety.docx', async () => ({ fileName: 'qingxi-safety.docx', bytes: await makeDocx(SAFETY_REPORT), original: originalParagraphs(SAFETY_REPORT) })),
  town: () => measured('examples/town-report (its DOCX)', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-town-'));
    const run = runReport(['build', 'examples/town-report', '--format', 'docx,txt', '--out', out]);
    if (run.status !== 0) throw new Error(`report build examples/town-report failed (status ${run.status}): ${run.stderr}`);
    return { fileName: 'town-report.docx', bytes: readFileSync(join(out, 'town-report.docx')), original: textParagraphs(readFileSync(join(out, 'town-report.txt'), 'utf8')) };
  }),
  soffice: () => measured('qingxi-2024h1.txt via LibreOffice → DOCX', () => {
    const work = mkdtempSync(join(tmpdir(), 'report-soffice-'));
    execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, join(FIXTURES, 'qingxi-2024h1.txt')], { stdio: 'ignore', timeout: 120_000 });
    return { fileName: 'qingxi-2024h1.docx', bytes: readFileSync(join(work, 'qingxi-2024h1.docx')), original: textParagraphs(fixture('qingxi-2024h1.txt')) };
  }),
};

function expectRate(trip: RoundTrip, atLeast: number): void {
  expect(trip.importRun.status, trip.importRun.stderr).toBe(0);
  expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
  // Missing paragraphs are listed in the failure message, so a regression says what it lost.
  expect(trip.reproduced / trip.total, `missing paragraphs:\n${trip.missing.join('\n')}`).toBeGreaterThanOrEqual(atLeast);
}

describe('import → build round trip (share of paragraphs reproduced exactly)', () => {
  it('a text report with title, 主送, outline, 附件说明, 署名 and 日期: every paragraph', async () => {
    expectRate((await DOCUMENTS.qingxi()).trip, 1);
  });

  it('a text report typed like the reference (no title, half-width punctuation): all but the half-width (一) numbers, which the build prints as （一）', async () => {
    const { trip, original } = await DOCUMENTS.lantian();
    expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
    // The only differences: the level-2 numbers typed with ASCII brackets come out full width.
    expect(trip.missing.every((line) => /^\([一二三四五六七八九十]+\)/u.test(line))).toBe(true);
    const normalised = original.map((line) => line.replace(/^\(([一二三四五六七八九十]+)\)/u, '（$1）'));
    const again = measureRoundTrip('lantian-2023q3.txt', fixture('lantian-2023q3.txt'), normalised);
    expect(again.missing).toEqual([]);
  });

  it('a text 报告 with 版头, 附注, 附件 pages and 版记: all but two lines whose spacing the build sets (发文字号 … 签发人, … 印发)', async () => {
    const { trip } = await DOCUMENTS.zhongdian();
    expect(trip.buildRun.status, trip.buildRun.stderr).toBe(0);
    expect(trip.missing).toEqual(['青政发〔2024〕27号 签发人：张三', '青溪镇党政办公室 2024年7月12日印发']);
    expect(trip.outputLines).toEqual(expect.arrayContaining(['青政发〔2024〕27号\u3000\u3000签发人：张三', '青溪镇党政办公室\u3000\u30002024年7月12日印发']));
  });

  it('a DOCX with typed numbers, bold lead-ins, a table and a chart: every paragraph and table row', async () => {
    expectRate((await DOCUMENTS.yunling()).trip, 1);
  });

  it('a DOCX numbered by Word (chineseCounting), two-line title, joint 署名, tracked changes, Markdown-like text', async () => {
    expectRate((await DOCUMENTS.safety()).trip, 1);
  });

  it('the DOCX report build writes for examples/town-report: the same text as its own txt build', async () => {
    const { trip, original } = await DOCUMENTS.town();
    expectRate(trip, 1);
    expect(trip.outputLines).toEqual(original);
  });

  it.skipIf(!hasSoffice)('a DOCX LibreOffice made from the text report (skipped without soffice)', async () => {
    expectRate((await DOCUMENTS.soffice()).trip, 0.95);
  });

  it('overall: at least 95 % of all paragraphs reproduced exactly (printed for the README)', async () => {
    const all = Object.entries(DOCUMENTS).filter(([name]) => hasSoffice || name !== 'soffice');
    const results: Measured[] = [];
    for (const [, measure] of all) results.push(await measure());
    const total = results.reduce((n, r) => n + r.trip.total, 0);
    const reproduced = results.reduce((n, r) => n + r.trip.reproduced, 0);
    for (const { document, trip } of results) console.log(`round trip ${document}: ${trip.reproduced}/${trip.total} paragraphs exact`);
    console.log(`round trip overall: ${reproduced}/${total} = ${((100 * reproduced) / total).toFixed(1)} %`);
    expect(total).toBeGreaterThan(0);
    expect(reproduced / total).toBeGreaterThanOrEqual(0.95);
  }, 240_000);
});
