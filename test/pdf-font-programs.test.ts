/**
 * The PDF writer keeps each face's last deflated font program for the next build in the process
 * (watch, batch): a build whose text needs a glyph more must embed a program with that glyph,
 * and one with the same glyphs the same bytes as a build from scratch.
 */
import { inflateSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { writePdf } from './helpers/pdf.js';
// @ts-expect-error plain JS fixture shared with scripts/bench.mjs
import { sampleDocument } from '../scripts/sample-report.mjs';

const spec = loadStyleSpec('gongwen');
const dir = mkdtempSync(join(tmpdir(), 'report-pdf-fonts-'));

/** Glyph counts of the embedded TrueType programs (FontFile2), read back from the PDF. */
function embeddedGlyphCounts(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  const counts: number[] = [];
  for (const [, id] of text.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const at = text.indexOf(`\n${id} 0 obj\n`);
    const start = text.indexOf('stream\n', at) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(text.slice(at, start))![1]);
    const program = inflateSync(pdf.subarray(start, start + length));
    counts.push((fontkit.create(program) as fontkit.Font).numGlyphs);
  }
  return counts;
}

describe('font programs kept between builds', () => {
  it('embeds the new glyph when the next build needs one more, and the same bytes for the same glyphs', async () => {
    const first = sampleDocument({ sections: 1 }) as Document;
    const more = structuredClone(first);
    more.body.push({ kind: 'paragraph', content: [{ kind: 'text', text: '龘' }] } as Document['body'][number]);
    const a = (await writePdf(first, spec, { projectDir: dir })).pdf;
    const b = (await writePdf(more, spec, { projectDir: dir })).pdf;
    const total = (counts: number[]) => counts.reduce((s, n) => s + n, 0);
    expect(total(embeddedGlyphCounts(b))).toBe(total(embeddedGlyphCounts(a)) + 1);
    // back to the first text: the same file as its first build
    expect((await writePdf(first, spec, { projectDir: dir })).pdf.equals(a)).toBe(true);
  });
});
