/**
 * Our sfnt reader and TrueType subsetter against fontkit, on the fonts a build really uses: the
 * same glyph for every character of the reference report, the same advances, and a subset whose
 * glyphs draw the same outlines as the original's (composites with their components).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { loadFace } from '../src/fonts/face.js';
import { embeddedFontPath } from '../src/fonts/resolve.js';
import { TrueTypeSubset } from '../src/fonts/truetype-subset.js';
import { runReport } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';
import { hasReference, REFERENCE_REPORT, referenceSkipReason } from './helpers/shared.js';

const require = createRequire(import.meta.url);
const tinos = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
/** Every character of the reference report (from the shared folder) and some more; empty when the reference is absent, and the tests using it skip. */
const reference = hasReference ? readFileSync(REFERENCE_REPORT, 'utf8') : '';
const sample = [...new Set([...`${reference}，。；：？！“”（）、《》—…％ABCxyz0123456789 ÀÉß€`])];
const CFF_COLLECTION = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

type FkFont = fontkit.Font & { getGlyph(id: number): fontkit.Glyph };
const openFontkit = (path: string, postscriptName?: string): FkFont => {
  const opened = fontkit.create(readFileSync(path));
  return ('fonts' in opened ? opened.getFont(postscriptName!) : opened) as FkFont;
};

describe('the sfnt reader', () => {
  for (const [label, path, ps] of [
    ['Noto Serif SC (TrueType)', embeddedFontPath('noto-serif-sc', 400), undefined],
    ['Tinos (TrueType, Latin)', tinos, undefined],
    ['Noto Serif CJK SC (CFF in a collection)', CFF_COLLECTION, 'NotoSerifCJKsc-Regular'],
  ] as const) {
    const skip = !hasReference ? referenceSkipReason : existsSync(path) ? '' : ` (skipped: ${path} not found)`;
    it.skipIf(Boolean(skip))(`maps every character and advance as fontkit does: ${label}${skip}`, () => {
      const face = loadFace(path, ps);
      const reference = openFontkit(path, ps);
      expect(face.postscriptName).toBe(reference.postscriptName);
      expect(face.ascent).toBeCloseTo(reference.ascent / reference.unitsPerEm, 6);
      let compared = 0;
      for (const ch of sample) {
        const cp = ch.codePointAt(0)!;
        const expected = reference.hasGlyphForCodePoint(cp) ? reference.glyphForCodePoint(cp) : null;
        const glyph = face.glyph(ch);
        expect(glyph?.id ?? 0, `${ch} U+${cp.toString(16)}`).toBe(expected?.id ?? 0);
        if (glyph && expected) {
          expect(glyph.advance, ch).toBeCloseTo(expected.advanceWidth / reference.unitsPerEm, 6);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(30);
    });
  }

  it('subsets TrueType glyphs (composites with their components) so that they draw the original outlines', () => {
    const path = tinos;
    const face = loadFace(path);
    const original = openFontkit(path);
    const subset = new TrueTypeSubset(face.sfnt);
    // À and É are composites in Tinos (a base letter and an accent)
    const chars = ['A', 'g', 'À', 'É', '5', '€'];
    const composite = chars.filter((ch) => face.sfnt.glyphData(face.glyph(ch)!.id).readInt16BE(0) < 0);
    expect(composite.length).toBeGreaterThan(0);
    const ids = chars.map((ch) => subset.includeGlyph(face.glyph(ch)!.id));
    const encoded = fontkit.create(subset.encode()) as FkFont;
    expect(encoded.numGlyphs).toBeGreaterThanOrEqual(chars.length + 1);
    chars.forEach((ch, i) => {
      const mine = encoded.getGlyph(ids[i]);
      const theirs = original.glyphForCodePoint(ch.codePointAt(0)!);
      expect(mine.path.toSVG(), ch).toBe(theirs.path.toSVG());
      expect(mine.advanceWidth, ch).toBe(theirs.advanceWidth);
    });
  });

  it('opens a font file afresh once it has been replaced (watch mode), not mixing two versions', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-face-')), 'Office.ttf');
    copyFileSync(tinos, path);
    expect(loadFace(path).postscriptName).toBe('Tinos-Regular');
    expect(loadFace(path)).toBe(loadFace(path));
    copyFileSync(embeddedFontPath('noto-sans-sc', 400), path);
    const replaced = loadFace(path);
    expect(replaced.postscriptName).toBe('NotoSansSC-Regular');
    expect(replaced.glyph('镇')?.advance).toBe(1);
  });

  it('a damaged font file is one line naming it (exit 2); one whose cmap is unreadable prints nothing from it', () => {
    const noto = readFileSync(embeddedFontPath('noto-serif-sc', 400));
    const dir = makeProject({
      'report.yaml': 'title: 字体测试\nsections: [a.md]\nfonts:\n  body: fonts/Body.ttf\n', 'a.md': '正文一段。\n',
      'fonts/Body.ttf': noto.subarray(0, 600_000),
    });
    const cut = runReport(['build', dir, '--out', join(dir, 'out')], { env: { LANG: 'C' } });
    expect(cut.status).toBe(2);
    expect(cut.stderr.trim()).toMatch(/Body\.ttf: the font file ends early$/);
    // Noto Sans SC as the body font: no other role of this project prints in it (no headings),
    // so its name among the PDF's fonts means text came from Body.ttf
    const sans = readFileSync(embeddedFontPath('noto-sans-sc', 400));
    const pdfFonts = () => [...readFileSync(join(dir, 'out', 'report.pdf'), 'latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
    writeFileSync(join(dir, 'fonts/Body.ttf'), sans);
    const whole = runReport(['build', dir, '--out', join(dir, 'out')], { env: { LANG: 'C' } });
    expect(whole.status, whole.stderr).toBe(0);
    expect(pdfFonts()).toContain('NotoSansSC-Regular');
    // every cmap byte 0xff: the subtables point outside the table, so the face maps nothing
    const damaged = Buffer.from(sans);
    const tables = sans.readUInt16BE(4);
    for (let i = 0; i < tables; i++) {
      if (sans.toString('latin1', 12 + 16 * i, 16 + 16 * i) !== 'cmap') continue;
      damaged.fill(0xff, sans.readUInt32BE(20 + 16 * i), sans.readUInt32BE(20 + 16 * i) + sans.readUInt32BE(24 + 16 * i));
    }
    writeFileSync(join(dir, 'fonts/Body.ttf'), damaged);
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    const built = runReport(['build', dir, '--out', join(dir, 'out')], { env: { LANG: 'C' } });
    expect(built.status, built.stderr).toBe(0);
    const fonts = pdfFonts();
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts).not.toContain('NotoSansSC-Regular');
  });
});
