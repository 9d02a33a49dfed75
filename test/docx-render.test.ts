/**
 * Renders the sample DOCX through LibreOffice (the renderer we can run here) and measures the PDF
 * with gbt9704-check: 22 rows a page on the pitch, full rows flush with 28 Han characters, page
 * numbers on the correct side, and the printed text equal to the model's, heading numbers included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GBT9704_CHECK } from './helpers/shared.js';
import { writeDocx } from '../src/render/docx/index.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { sampleDocument } from './fixtures/docx-sample.js';
import { printedRows, tableHeaders, withRepeatedHeaders } from './helpers/printed-rows.js';
// @ts-expect-error plain JS fixture shared with scripts/bench.mjs
import { printedText } from '../scripts/sample-report.mjs';

const tools = process.env.GBT9704_TOOLS ?? dirname(GBT9704_CHECK);
const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = [
  ...['soffice', 'pdftotext', 'python3'].filter((command) => !onPath(command)),
  ...['render-docx', 'gbt9704-check'].filter((tool) => !existsSync(join(tools, tool))).map((tool) => join(tools, tool)),
];
const skipReason = missing.length ? ` (skipped: ${missing.join(', ')} not found)` : '';


describe('DOCX rendered by LibreOffice', () => {
  it.skipIf(missing.length > 0)(`passes gbt9704-check with numbered headings and odd/even page numbers${skipReason}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-render-'));
    const doc = sampleDocument();
    const docx = join(dir, 'sample.docx');
    writeFileSync(docx, await writeDocx(doc, loadStyleSpec('gongwen')));
    const pdf = execFileSync(join(tools, 'render-docx'), [docx, dir], { encoding: 'utf8' }).trim();
    // a table split across pages repeats its header row at the top of the next (续表)
    writeFileSync(join(dir, 'expected.txt'), withRepeatedHeaders(printedText(doc), printedRows(pdf), tableHeaders(doc)));
    const check = spawnSync(join(tools, 'gbt9704-check'), [pdf, '--expect-text', join(dir, 'expected.txt')], { encoding: 'utf8' });
    expect(check.stdout).toMatch(/violations: none/);
    expect(check.status).toBe(0);
    const pages = Number(check.stdout.match(/^(\d+) pages/m)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('一、上半年主要工作成效');
    expect(text).toContain('（四）基层治理不断加强');
    expect(text).toContain('三、下半年工作打算');
    expect(text).toMatch(/—\s*2\s*—/);
  }, 60_000);
});
