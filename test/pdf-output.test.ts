import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GBT9704_CHECK, REFERENCE_REPORT } from './helpers/shared.js';
import type { Document } from '../src/model/document.js';
import { writePdf } from './helpers/pdf.js';
import { loadStyleSpec } from '../src/style/spec.js';
// @ts-expect-error plain JS fixture shared with scripts/bench.mjs
import { printedText, sampleDocument } from '../scripts/sample-report.mjs';

const spec = loadStyleSpec('gongwen');
const CHECKER = GBT9704_CHECK;
const REFERENCE = REFERENCE_REPORT;
const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const needs = (...missing: Array<[boolean, string]>): string => {
  const absent = missing.filter(([ok]) => !ok).map(([, what]) => what);
  return absent.length ? ` (skipped: ${absent.join(', ')} not found)` : '';
};
const popplerReason = needs([poppler, 'pdftotext (apt-get install poppler-utils)']);
const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
const doc = sampleDocument({ sections: 3 }) as Document;
let pdf: Buffer;
let file: string;
let pages: Awaited<ReturnType<typeof writePdf>>['layout']['pages'];

beforeAll(async () => {
  const written = await writePdf(doc, spec, { projectDir: dir });
  pdf = written.pdf;
  pages = written.layout.pages;
  file = join(dir, 'sample.pdf');
  writeFileSync(file, pdf);
});

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

describe('the PDF writer', () => {
  it('writes byte-identical files for the same input and a different file ID for different text', async () => {
    const again = (await writePdf(doc, spec, { projectDir: dir })).pdf;
    expect(Buffer.compare(pdf, again)).toBe(0);
    const other = (await writePdf({ ...doc, body: doc.body.slice(1) }, spec, { projectDir: dir })).pdf;
    const id = (b: Buffer) => /\/ID \[(<[0-9a-f]+>)/.exec(b.toString('latin1'))?.[1];
    expect(id(other)).not.toBe(id(pdf));
    // the same text in bold is another document too
    const firstParagraph = doc.body.findIndex((b) => b.kind === 'paragraph');
    const bold = structuredClone(doc);
    const para = bold.body[firstParagraph] as Extract<Document['body'][number], { kind: 'paragraph' }>;
    para.content = para.content.map((run) => ('text' in run ? { ...run, bold: true } : run));
    expect(id((await writePdf(bold, spec, { projectDir: dir })).pdf)).not.toBe(id(pdf));
  });

  it.skipIf(!poppler)(`embeds subsets of every font and records title, author and date${popplerReason}`, () => {
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(1);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\b/);
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Title:\s+关于2023年上半年经济社会发展情况和下半年工作打算的报告/);
    expect(info).toMatch(/Author:\s+某某镇人民政府/);
    expect(info).toMatch(/CreationDate:\s+.*2023/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it.skipIf(!poppler)(`extracts the Chinese text in reading order with no spurious spaces${popplerReason}`, () => {
    const text = run('pdftotext', [file, '-']);
    expect(text.replace(/\n/g, '')).toContain('1-6月，全镇实现地区生产总值48.62亿元，同比增长7.4%；');
    expect(text).toContain('ABC Technology');
    expect(text).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff0-9（）]/);
    expect(text).not.toMatch(/[0-9%] +[\u4e00-\u9fff]/);
    const flat = text.replace(/\s+/g, '');
    const body = printedText(doc).replace(/\s+/g, '');
    expect(flat.startsWith(body.slice(0, 120))).toBe(true);
  });

  it.skipIf(!poppler)(`puts body rows 28.95 pt apart and at most 22 on a page (read back with pdftotext -bbox)${popplerReason}`, () => {
    const xml = run('pdftotext', ['-bbox-layout', file, '-']);
    const printed = xml.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(5);
    expect(printed.length).toBe(pages.length);
    for (const page of printed) {
      // a line's bottom is its Han words' bottom: Latin words in Times-metric faces reach lower
      const lineBottoms = page.split('<line ').slice(1).map((line) => Math.min(...[...line.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
        .filter((m) => /^[^\x00-\x7f]+$/.test(m[2])).map((m) => Number(m[1])))).filter(Number.isFinite);
      const bottoms = [...new Set(lineBottoms.map((y) => Math.round(y * 10) / 10))]
        .filter((y) => y < 297 * 72 / 25.4 - 35 * 72 / 25.4).sort((a, b) => a - b);
      const rows = [...new Set(bottoms.map((y) => Math.round(y)))];
      expect(rows.length).toBeLessThanOrEqual(22);
      for (const y of bottoms) {
        const k = (y - bottoms[0]) / 28.95;
        expect(Math.abs(k - Math.round(k))).toBeLessThan(0.03);
      }
    }
  });

  it.skipIf(!poppler)(`writes page numbers — N — on the outer side of each page${popplerReason}`, () => {
    const printed = run('pdftotext', ['-layout', file, '-']).split('\f').filter((p) => p.trim());
    expect(printed.length).toBe(pages.length);
    printed.forEach((page, i) => {
      const lines = page.split('\n').filter((l) => l.trim());
      const number = lines.at(-1)!;
      expect(number.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      // odd pages on the right, even pages on the left
      expect(number.length - number.trimStart().length > 20).toBe(i % 2 === 0);
    });
  });

  it('adds an outline of the headings', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const outline = await loaded.getOutline();
    expect(outline.map((o: { title: string }) => o.title)).toEqual(['一、上半年工作成效', '二、下半年工作打算', '三、上半年工作成效']);
    expect(outline[0].items.map((o: { title: string }) => o.title)[0]).toBe('（一）聚焦实体经济，稳住工业基本盘');
  });

  it.skipIf(!poppler || !existsSync(CHECKER))(`passes gbt9704-check on a multi-page report${needs([poppler, 'pdftotext'], [existsSync(CHECKER), CHECKER])}`, () => {
    const expected = join(dir, 'sample.txt');
    writeFileSync(expected, withRepeatedTableHeaders(printedText(doc)));
    const result = spawnSync(CHECKER, [file, '--expect-text', expected], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/violations: none/);
    expect(result.status).toBe(0);
  });

  it.skipIf(!poppler || !existsSync(CHECKER) || !existsSync(REFERENCE))(`sets the reference report as body paragraphs with 0 checker violations${needs([poppler, 'pdftotext'], [existsSync(CHECKER), CHECKER], [existsSync(REFERENCE), REFERENCE])}`, async () => {
    const paragraphs = readFileSync(REFERENCE, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const reference: Document = {
      title: '', body: paragraphs.map((text) => ({ kind: 'paragraph', content: [{ kind: 'text', text }] })),
      attachments: [], signature: [], metadata: { title: 'reference', created: new Date(Date.UTC(2023, 6, 1)), language: 'zh-CN' },
    };
    const out = join(dir, 'reference.pdf');
    writeFileSync(out, (await writePdf(reference, spec, { projectDir: dir })).pdf);
    const expected = join(dir, 'reference.txt');
    writeFileSync(expected, paragraphs.join('\n'));
    const result = spawnSync(CHECKER, [out, '--expect-text', expected], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/violations: none/);
    expect(result.status).toBe(0);
  });
});

/**
 * A table that runs onto the next page prints its header row again there (续表). Insert the
 * header before the first data row of each such page, so the rest of the text is still compared
 * with the model exactly.
 */
function withRepeatedTableHeaders(text: string): string {
  const squash = (t: string) => t.replace(/\s+/g, '');
  let out = text;
  let from = 0;
  for (const page of pages.slice(1)) {
    const tableRows = page.rows.filter((r) => r.element === 'table').sort((a, b) => a.row - b.row);
    const firstOnPage = [...page.rows].sort((a, b) => a.row - b.row)[0];
    if (tableRows.length < 2 || firstOnPage?.element !== 'table') continue;
    const [header, next] = tableRows.map((r) => squash(r.text));
    const at = out.indexOf(`\n${next}`, from);
    if (at < 0) continue;
    out = `${out.slice(0, at)}\n${header}${out.slice(at)}`;
    from = at + header.length + 1;
  }
  return out;
}
