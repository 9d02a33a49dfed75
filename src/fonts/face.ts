/**
 * A loaded font face: fontkit parses each file once per process, and the glyph lookups the
 * layout engine makes (advance width, ink box) are cached per character. The layout sees only
 * the FaceMetrics interface; the PDF writer also uses `font` to embed the subset.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FaceMetrics, GlyphMetrics } from '../layout/types.js';
import { isHanCode } from '../text/chars.js';

export interface FaceGlyph extends GlyphMetrics {
  /** Glyph id in the font. */
  id: number;
  codePoints: number[];
}

export class Face implements FaceMetrics {
  readonly id: string;
  readonly ascent: number;
  readonly descent: number;
  private readonly glyphs = new Map<string, FaceGlyph | null>();

  constructor(readonly path: string, readonly font: fontkit.Font, readonly loadMs: number) {
    this.id = `${path}#${font.postscriptName}`;
    this.ascent = font.ascent / font.unitsPerEm;
    this.descent = font.descent / font.unitsPerEm;
  }

  get postscriptName(): string {
    return this.font.postscriptName;
  }

  get family(): string {
    return this.font.familyName;
  }

  has(ch: string): boolean {
    return this.glyph(ch) !== null;
  }

  /** Metrics of the glyph that prints `ch` (one code point), or null when the face lacks it. */
  glyph(ch: string): FaceGlyph | null {
    let found = this.glyphs.get(ch);
    if (found === undefined) {
      found = this.lookup(ch);
      this.glyphs.set(ch, found);
    }
    return found;
  }

  private lookup(ch: string): FaceGlyph | null {
    const cp = ch.codePointAt(0)!;
    if (!this.font.hasGlyphForCodePoint(cp)) return null;
    let glyph = this.font.glyphForCodePoint(cp);
    // Punctuation and symbols go through shaping so that the Chinese (locl) forms are used: a
    // pan-CJK collection maps `，；：？！“”` to Japanese or proportional glyphs in its cmap.
    if (!isHanCode(cp) && cp > 0x7f) {
      const run = this.font.layout(ch);
      if (run.glyphs.length === 1 && run.glyphs[0].id !== 0) glyph = run.glyphs[0];
    }
    if (!glyph || glyph.id === 0) return null;
    return new LazyInkGlyph(glyph, cp, this.font.unitsPerEm);
  }
}

/**
 * A glyph whose ink box is measured only when asked: fontkit's exact box walks the outline's
 * curves (~0.15 ms a glyph), and the layout asks for it only for marks, dashes and the page
 * number's dash, never for the thousand Han characters of a report (they sit centred in their cell).
 */
class LazyInkGlyph implements FaceGlyph {
  readonly id: number;
  readonly codePoints: number[];
  readonly advance: number;
  private box?: { inkLeft: number; inkRight: number; inkTop: number; inkBottom: number };

  constructor(private readonly glyph: fontkit.Glyph, cp: number, private readonly em: number) {
    this.id = glyph.id;
    this.codePoints = [cp];
    this.advance = glyph.advanceWidth / em;
  }

  get inkLeft(): number { return this.ink().inkLeft; }
  get inkRight(): number { return this.ink().inkRight; }
  get inkTop(): number { return this.ink().inkTop; }
  get inkBottom(): number { return this.ink().inkBottom; }

  private ink(): NonNullable<LazyInkGlyph['box']> {
    if (this.box) return this.box;
    const box = this.glyph.bbox;
    const em = this.em;
    const empty = !Number.isFinite(box.minX) || box.maxX <= box.minX;
    this.box = empty
      ? { inkLeft: 0, inkRight: 0, inkTop: 0, inkBottom: 0 }
      : { inkLeft: box.minX / em, inkRight: box.maxX / em, inkTop: box.maxY / em, inkBottom: box.minY / em };
    return this.box;
  }
}

const loaded = new Map<string, Face>();

/** Load (once per process) the face `postscriptName` of a font file; the first face if absent. */
export function loadFace(path: string, postscriptName?: string): Face {
  const key = `${path}#${postscriptName ?? ''}`;
  let face = loaded.get(key);
  if (!face) {
    const started = performance.now();
    const data = readFileSync(path);
    const opened = fontkit.create(data);
    const font = 'fonts' in opened ? (postscriptName ? opened.getFont(postscriptName) : null) ?? opened.fonts[0] : opened;
    face = new Face(path, font, performance.now() - started);
    loaded.set(key, face);
  }
  return face;
}
