import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ROW_END, NO_ROW_START } from '../src/text/chars.js';
import { grid, han, rows } from './layout-helpers.js';

const right = grid.textWidthPt;
const flush = (r: { right: number }) => expect(r.right).toBeCloseTo(right, 2);

describe('the line breaker on the 28-cell grid', () => {
  it('sets exactly 28 Han characters on a full row, flush with the right edge', () => {
    const out = rows(han(40));
    expect([...out[0].text]).toHaveLength(28);
    flush(out[0]);
    expect(out[1].text).toBe(han(12, 28));
  });

  it('lets a full-width mark at position 28 end the row as it is', () => {
    const out = rows(`${han(27)}，${han(10)}`);
    expect(out[0].text).toBe(`${han(27)}，`);
    flush(out[0]);
  });

  it('squeezes a comma at position 29 into the row when another mark can give up half a cell', () => {
    const text = `${han(10)}、${han(17)}，${han(10)}`; // 28 cells, then the comma is the 29th
    const out = rows(text);
    expect(out[0].text).toBe(`${han(10)}、${han(17)}，`);
    flush(out[0]);
    expect(out[0].right).toBeLessThanOrEqual(right + 0.01);
  });

  it('pushes the 28th character down with the comma when nothing in the row can be squeezed', () => {
    const out = rows(`${han(28)}，${han(10)}`);
    expect(out[0].text).toBe(han(27));
    flush(out[0]); // the slack is spread evenly, not left ragged
    expect(out[1].text.startsWith(`${han(1, 27)}，`)).toBe(true);
  });

  it('keeps a run of closing marks off the start of the next row', () => {
    for (const marks of ['。”', '）。', '”，']) {
      const out = rows(`${han(27)}“${han(1, 3)}${marks}${han(8)}`);
      for (const row of out) expect(NO_ROW_START.has(row.text[0]), `${marks}: ${row.text}`).toBe(false);
      for (const row of out.slice(0, -1)) flush(row);
    }
  });

  it('never ends a row with an opening mark', () => {
    const out = rows(`${han(27)}“${han(6)}”${han(5)}`);
    expect(out[0].text.endsWith('“')).toBe(false);
    expect(out[1].text.startsWith('“')).toBe(true);
    flush(out[0]);
  });

  it('never splits —— or …… and never starts a row with them', () => {
    for (const pair of ['——', '……']) {
      for (let at = 25; at <= 29; at++) {
        const out = rows(`${han(at)}${pair}${han(12)}`);
        const first = out[0].text;
        expect(first.endsWith(pair[0]) && !first.endsWith(pair), `${pair} at ${at}: ${first}`).toBe(false);
        expect(out[1].text[0]).not.toBe(pair[0]);
        flush(out[0]);
      }
    }
  });

  it('keeps figures with their signs, and unit words whole, at the row end', () => {
    for (const figure of ['48.62亿元', '7.4%', '1-5月', '-3.2%']) {
      for (let at = 22; at <= 28; at++) {
        const out = rows(`${han(at)}${figure}，${han(12)}`);
        const joined = out.map((r) => r.text).join('|');
        const digits = figure.replace(/[亿元月%]/g, '');
        expect(joined.includes(digits), `${figure} at ${at}: ${joined}`).toBe(true);
        // A two-character unit word may, as a last resort, start the next row, but is never split.
        if (figure === '48.62亿元') expect(joined.includes('48.62亿元') || joined.includes('48.62|亿元'), `${figure} at ${at}: ${joined}`).toBe(true);
        else expect(joined.includes(figure), `${figure} at ${at}: ${joined}`).toBe(true);
        for (const row of out.slice(0, -1)) flush(row);
      }
    }
  });

  it('does not break inside a Latin word and sets a quarter-em gap against Han text', () => {
    const out = rows(`${han(24)}引进ABC Technology等项目${han(10)}`);
    const joined = out.map((r) => r.text).join('|');
    expect(joined).toMatch(/(^|\|)Technology|Technology(\||$)|ABC Technology/);
    expect(joined).not.toMatch(/Tech\|/);
    const mid = rows(`${han(10)}引进ABC Technology等项目${han(10)}`)[0].units;
    const jin = mid.findIndex((u) => u.ch === '进');
    expect(mid[jin].gap).toBeGreaterThanOrEqual(grid.charPitchPt / 4 - 0.01); // 进|A: ¼ em
    const deng = mid.findIndex((u) => u.ch === 'y');
    expect(mid[deng].gap).toBeGreaterThanOrEqual(grid.charPitchPt / 4 - 0.01); // y|等
    for (const row of out) expect(row.units.at(-1)!.gap).toBe(0); // no gap at a row end
  });

  it('keeps the paragraph text, obeys the 禁则 and ends every continued row flush (property)', () => {
    const alphabet = fc.constantFrom(...'经济发展质量提升改革开放民生', '，', '。', '、', '“', '”', '（', '）', '——', '……', '48.62亿元', '7.4%', ',', 'GDP', ' ');
    fc.assert(fc.property(fc.array(alphabet, { minLength: 30, maxLength: 140 }), (parts) => {
      const text = parts.join('').trim();
      if (!text) return;
      const out = rows(text, 2);
      expect(out.map((r) => r.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      out.forEach((row, i) => {
        expect(row.right).toBeLessThanOrEqual(right + 0.01);
        if (i > 0) expect(NO_ROW_START.has(row.text[0]), row.text).toBe(false);
        if (i < out.length - 1) {
          expect(NO_ROW_END.has(row.text[row.text.length - 1]), row.text).toBe(false);
          expect(row.right).toBeCloseTo(right, 1);
          const next = out[i + 1].text;
          expect(row.text.endsWith('—') && next.startsWith('—')).toBe(false);
        }
      });
    }), { numRuns: 1000 });
  });
});
