/** `**bold**` and `*em*` show in the PDF as they do in the DOCX (synthetic bold and slant). */
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import type { Document } from '../src/model/document.js';
import { loadStyleSpec } from '../src/style/spec.js';
import { writePdf } from './helpers/pdf.js';

const spec = loadStyleSpec('gongwen');
const doc: Document = {
  title: '测试',
  body: [{
    kind: 'paragraph',
    content: [
      { kind: 'text', text: '一是' }, { kind: 'text', text: '全镇工业总产值增长12.5%', bold: true },
      { kind: 'text', text: '。二是' }, { kind: 'text', text: '强调的文字', italic: true }, { kind: 'text', text: '。' },
    ],
  }],
  attachments: [], signature: [], metadata: { title: '测试', created: new Date(Date.UTC(2024, 0, 1)), language: 'zh-CN' },
};

describe('emphasis in the PDF', () => {
  it('draws bold runs filled and stroked and emphasised runs slanted, with the grid widths unchanged', async () => {
    const { pdf, layout } = await writePdf(doc, spec, { projectDir: tmpdir() });
    const runs = layout.pages[0].runs;
    const text = (r: (typeof runs)[number]) => r.glyphs.map((g) => g.ch).join('');
    expect(runs.filter((r) => r.bold).map(text).join('')).toBe('全镇工业总产值增长12.5%');
    expect(runs.filter((r) => r.italic).map(text).join('')).toBe('强调的文字');
    // the same rows as plain text: emphasis never changes where a row breaks
    const plain = await writePdf({ ...doc, body: [{ kind: 'paragraph', content: [{ kind: 'text', text: '一是全镇工业总产值增长12.5%。二是强调的文字。' }] }] }, spec, { projectDir: tmpdir() });
    expect(layout.pages[0].rows.map((r) => r.text)).toEqual(plain.layout.pages[0].rows.map((r) => r.text));

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const page = await loaded.getPage(1);
    const ops = await page.getOperatorList();
    const modes = ops.fnArray.map((fn: number, i: number) => (fn === pdfjs.OPS.setTextRenderingMode ? ops.argsArray[i][0] : null)).filter((m: number | null) => m !== null);
    expect(modes).toContain(2); // fill + stroke
    const matrices = ops.fnArray.map((fn: number, i: number) => (fn === pdfjs.OPS.setTextMatrix ? ops.argsArray[i] : null)).filter(Boolean) as number[][];
    expect(matrices.some((m) => Math.abs(m[2] - 0.2126) < 1e-3)).toBe(true);
    await loaded.destroy();
  });
});
