/**
 * Every 文种 has an example project (examples/baogao, qingshi, tongzhi, han, jiyao) that builds to
 * DOCX and PDF through the CLI; gbt9704-check finds nothing on our PDF or on LibreOffice's rendering
 * of the DOCX, and both print the same rows on the same pages. examples/qingshi uses every 公文
 * key of the input contract.
 *
 * Where the checker's model of a page and the standard part ways, the departure is named here, with
 * the clause that asks for it, and nothing else is allowed (each by rule, page and row text):
 *   - qingshi, ragged-line on 000012 and 秘密★1年: §7.2.3 "如需同时标注份号、密级和保密期限、紧急程度，
 *     按照份号、密级和保密期限、紧急程度的顺序自上而下分行排列", each 顶格 (§7.2.1 份号 "顶格编排在版心
 *     左上角第一行", §7.2.2 密级 "顶格编排在版心左上角第二行"); the checker reads two flush-left rows as
 *     a paragraph that wraps short;
 *   - han (信函格式, §10.1), page 1: text-area on the 标志, "发文机关标志上边缘距上页边为30 mm", that
 *     is 7 mm above the text area; line-pitch on the 发文字号, the row after that off-grid 标志
 *     (the 发文字号 itself is on the grid, 7/8 of a 3号 character under the double line, as §10.1
 *     asks: gongwen-placement measures it); no page number, "首页不显示页码".
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

/** §7.2.1–7.2.3: 份号, 密级 stacked 顶格 above the 紧急程度. */
const flagRows = (...texts: string[]) => (v: Violation) => v.page === 1 && v.rule === 'ragged-line' && texts.includes(v.text);
/** §10.1: the 标志 30 mm from the paper's top edge, and 首页不显示页码. */
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
