/** Test helper: a FontBook over the embedded Noto faces, and a one-call paragraph breaker. */
import { embeddedFontPath, loadFace } from '../src/fonts/index.js';
import { breakParagraph, type BrokenRow } from '../src/layout/breaker.js';
import type { FontBook } from '../src/layout/types.js';
import { gridMetrics, loadStyleSpec } from '../src/style/spec.js';

export const spec = loadStyleSpec('gongwen');
export const grid = gridMetrics(spec);
const serif = loadFace(embeddedFontPath('noto-serif-sc', 400));
const sans = loadFace(embeddedFontPath('noto-sans-sc', 400));

export const fonts: FontBook = {
  primary: (role) => (role === 'heading1' ? sans : serif),
  faceFor: (role, ch) => [role === 'heading1' ? sans : serif, serif, sans].find((f) => f.has(ch)) ?? null,
};

/** Break `text` as a body paragraph 28 cells wide (no indent unless asked), the clreq way. */
export function rows(text: string, firstIndentChars = 0): BrokenRow[] {
  return breakParagraph([{ text, role: 'body', size: 16 }], {
    width: grid.textWidthPt, firstIndent: firstIndentChars * grid.charPitchPt, restIndent: 0, align: 'justify',
  }, { fonts, cellWidth: (size) => (size * grid.charPitchPt) / 16, latinGapEm: 0.25, missing: () => '〓', policy: 'clreq' });
}

export const HAN = '经济运行总体平稳发展质量稳步提升改革开放持续深化民生保障有力有效';
/** `n` Han characters, all different enough to read. */
export const han = (n: number, offset = 0): string => Array.from({ length: n }, (_, i) => HAN[(i + offset) % HAN.length]).join('');
