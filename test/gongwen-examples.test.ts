/**
 * Every 文种 has an example project (examples/baogao, qingshi, tongzhi, han, jiyao) that builds to
 * DOCX and PDF through the CLI; gbt9704-check finds nothing on our PDF or on LibreOffice's rendering
 * of the DOCX, and both print the same rows on the same pages. examples/qingshi uses every 公文
 * key of the input contract.
 *
 * Where the checker's model of a page and the standard part ways, the departure is named here and
 * nothing else is allowed:
 *   - 份号, 密级 and 紧急程度 are stacked flush left (§7.2.1–7.2.3); the checker reads two flush-left
 *     rows as a paragraph that wraps short (ragged-line) on the first two of them;
 *   - 信函格式 (§10.1) puts the 标志 30 mm from the paper's top, above the text area (text-area,
 *     and line-pitch to the row after it), and page 1 carries no page number.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from './helpers/cli.js';
import { libreOfficeReason, checkerReason, pageTexts, renderDocx, violations, words, type Violation } from './helpers/gongwen.js';

interface Example {
  name: string;
  /** The standard's own departures from the checker's page model (see the header comment). */
  allowed?: (v: Violation) => boolean;
}

const flagRows = (...texts: string[]) => (v: Violation) => v.page === 1 && v.rule === 'ragged-line' && texts.includes(v.text);
const letterPageOne = (v: Violation) => v.page === 1 && ((v.rule === 'text-area' && v.text === '青溪镇人民政府')
  || (v.rule === 'line-pitch' && v.text === '青政函〔2024〕8号') || (v.rule === 'page-number' && /^no page number/.test(v.message)));

const EXAMPLES: Example[] = [
  { name: 'baogao' },
  { name: 'qingshi', allowed: flagRows('000012', '秘密★1年') },
  { name: 'tongzhi' },
  { name: 'han', allowed: letterPageOne },
  { name: 'jiyao' },
];

const built = new Map<string, { pdf: string; docx: string }>();

/** Each example is built once (through the CLI) for all its tests. */
function build(name: string): { pdf: string; docx: string } {
  let outputs = built.get(name);
  if (!outputs) {
    const out = mkdtempSync(join(tmpdir(), `report-${name}-`));
    const result = runReport(['build', `examples/${name}`, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    built.set(name, outputs = { pdf: join(out, `${name}.pdf`), docx: join(out, `${name}.docx`) });
  }
  return outputs;
}

describe('each 文种 has an example that builds', () => {
  for (const example of EXAMPLES) {
    it(`examples/${example.name}: DOCX and PDF through report build`, () => {
      const { pdf, docx } = build(example.name);
      expect(existsSync(docx)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it.skipIf(Boolean(checkerReason))(`examples/${example.name}: gbt9704-check on our PDF${checkerReason}`, () => {
      const { pdf } = build(example.name);
      const found = violations(pdf);
      expect(found.filter((v) => !example.allowed?.(v))).toEqual([]);
    });

    it.skipIf(Boolean(libreOfficeReason))(`examples/${example.name}: LibreOffice prints the DOCX on the same pages and rows, gbt9704-check clean${libreOfficeReason}`, async () => {
      const { pdf, docx } = build(example.name);
      const theirs = await renderDocx(docx);
      const found = violations(theirs);
      expect(found.filter((v) => !example.allowed?.(v))).toEqual([]);
      // the same pages, each with the same rows
      expect(pageTexts(theirs)).toEqual(pageTexts(pdf));
    }, 180_000);
  }

  it.skipIf(Boolean(checkerReason))(`examples/han: page 1 has no page number, later pages do (信函格式 §10.1)${checkerReason}`, () => {
    const { pdf } = build('han');
    const numbers = words(pdf).filter((w) => /^\d+$/.test(w.text) && w.y0 > (297 - 35) * (72 / 25.4));
    expect(numbers.map((w) => [w.page, w.text])).toEqual([[2, '2']]);
  });
});
