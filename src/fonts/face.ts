/**
 * A loaded font face: the file is opened once per process and read through src/fonts/sfnt.ts
 * (cmap, horizontal metrics, single glyphs), and the glyph lookups the layout engine makes are
 * cached per character. The layout sees only the FaceMetrics interface; the PDF writer asks for
 * `pdfFont()`, the font object pdfkit embeds. TrueType outlines are subset here; CFF outlines
 * (OTF, the Noto CJK collections) go through fontkit, loaded only for them.
 */
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import type * as Fontkit from 'fontkit';
import type { FaceMetrics, GlyphMetrics } from '../layout/types.js';
import { readFaceNames } from './font-names.js';
import { FileBytes, faceOffsets, SfntFace } from './sfnt.js';
import { TrueTypeSubset } from './truetype-subset.js';

export interface FaceGlyph extends GlyphMetrics {
  /** Glyph id in the font. */
  id: number;
  codePoints: number[];
}

const require = createRequire(import.meta.url);

export class Face implements FaceMetrics {
  readonly id: string;
  readonly ascent: number;
  readonly descent: number;
  private readonly glyphs = new Map<string, FaceGlyph | null>();
  private fontkitFont?: Fontkit.Font;

  constructor(readonly path: string, readonly sfnt: SfntFace, readonly postscriptName: string, readonly family: string, readonly loadMs: number, readonly stamp = fileStamp(path)) {
    this.id = `${path}#${postscriptName}`;
    this.ascent = sfnt.hhea.readInt16BE(4) / sfnt.unitsPerEm;
    this.descent = sfnt.hhea.readInt16BE(6) / sfnt.unitsPerEm;
  }

  /** False once the file has been replaced or rewritten since the face was read. */
  isCurrent(): boolean {
    try {
      return fileStamp(this.path) === this.stamp;
    } catch {
      return false;
    }
  }

  has(ch: string): boolean {
    return this.glyph(ch) !== null;
  }

  /** Metrics of the glyph that prints `ch` (one code point), or null when the face lacks it. */
  glyph(ch: string): FaceGlyph | null {
    let found = this.glyphs.get(ch);
    if (found === undefined) {
      const cp = ch.codePointAt(0)!;
      const id = this.sfnt.glyphId(cp);
      found = id === 0 ? null : new LazyInkGlyph(this, id, cp);
      this.glyphs.set(ch, found);
    }
    return found;
  }

  /** The ink box of glyph `id` in font units (the TrueType glyph header; fontkit for CFF). */
  inkBox(id: number): { minX: number; minY: number; maxX: number; maxY: number } | null {
    if (!this.sfnt.cff) return this.sfnt.glyphBox(id);
    const box = (this.fontkit() as unknown as { getGlyph(id: number): Fontkit.Glyph }).getGlyph(id).bbox;
    return Number.isFinite(box.minX) && box.maxX > box.minX ? box : null;
  }

  /** The font object pdfkit's EmbeddedFont embeds: ours for TrueType, fontkit's for CFF. */
  pdfFont(): unknown {
    return this.sfnt.cff ? this.fontkit() : trueTypeForPdfKit(this);
  }

  private fontkit(): Fontkit.Font {
    if (!this.fontkitFont) {
      const fontkit = require('fontkit') as typeof Fontkit;
      const opened = fontkit.create(readFileSync(this.path));
      this.fontkitFont = 'fonts' in opened ? opened.getFont(this.postscriptName) ?? opened.fonts[0] : opened;
    }
    return this.fontkitFont;
  }
}

/**
 * A glyph whose ink box is read only when asked: the layout asks for it only for marks, dashes
 * and the page number's dash, never for the thousand Han characters of a report (they sit
 * centred in their cell).
 */
class LazyInkGlyph implements FaceGlyph {
  readonly codePoints: number[];
  readonly advance: number;
  private box?: { inkLeft: number; inkRight: number; inkTop: number; inkBottom: number };

  constructor(private readonly face: Face, readonly id: number, cp: number) {
    this.codePoints = [cp];
    this.advance = face.sfnt.advance(id) / face.sfnt.unitsPerEm;
  }

  get inkLeft(): number { return this.ink().inkLeft; }
  get inkRight(): number { return this.ink().inkRight; }
  get inkTop(): number { return this.ink().inkTop; }
  get inkBottom(): number { return this.ink().inkBottom; }

  private ink(): NonNullable<LazyInkGlyph['box']> {
    if (this.box) return this.box;
    const box = this.face.inkBox(this.id);
    const em = this.face.sfnt.unitsPerEm;
    this.box = box
      ? { inkLeft: box.minX / em, inkRight: box.maxX / em, inkTop: box.maxY / em, inkBottom: box.minY / em }
      : { inkLeft: 0, inkRight: 0, inkTop: 0, inkBottom: 0 };
    return this.box;
  }
}

/** The fields of a fontkit font that pdfkit 0.20's EmbeddedFont reads, from the sfnt tables. */
function trueTypeForPdfKit(face: Face): object {
  const { sfnt } = face;
  const os2 = sfnt.has('OS/2') ? sfnt.table('OS/2') : undefined;
  const postTable = sfnt.has('post') ? sfnt.table('post') : undefined;
  const post = postTable && postTable.length >= 16 ? postTable : undefined;
  const head = sfnt.head;
  const os2Field = (offset: number) => (os2 && os2.length >= offset + 2 ? os2.readInt16BE(offset) : 0);
  return {
    // pdfkit accepts any object with layout(); the GlyphWriter never asks it to shape text
    layout: () => {
      throw new Error('report lays out text itself');
    },
    createSubset: () => new TrueTypeSubset(sfnt),
    getGlyph: (id: number) => ({ advanceWidth: sfnt.advance(id) }),
    postscriptName: face.postscriptName,
    unitsPerEm: sfnt.unitsPerEm,
    ascent: sfnt.hhea.readInt16BE(4),
    descent: sfnt.hhea.readInt16BE(6),
    lineGap: sfnt.hhea.readInt16BE(8),
    xHeight: os2Field(86),
    capHeight: os2Field(88),
    italicAngle: post ? post.readInt32BE(4) / 65536 : 0,
    bbox: { minX: head.readInt16BE(36), minY: head.readInt16BE(38), maxX: head.readInt16BE(40), maxY: head.readInt16BE(42) },
    'OS/2': { sFamilyClass: os2Field(30) },
    post: { isFixedPitch: post ? post.readUInt32BE(12) !== 0 : false },
    head: { macStyle: { italic: (head.readUInt16BE(44) & 2) !== 0 } },
    // pdfkit compares these to tell two fonts of one PostScript name apart
    _tables: { head: { checkSumAdjustment: head.readUInt32BE(8) }, name: { records: { postscriptName: face.postscriptName, path: face.path } } },
  };
}

const loaded = new Map<string, { stamp: string; face: Face }>();

/** Size, time and inode: a font copied over, rewritten or replaced shows in one of them. */
function fileStamp(path: string): string {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

/**
 * Load (once per process) the face `postscriptName` of a font file; the first face if absent.
 * A file changed since (size or time: watch mode, an office replacing a font) is opened afresh —
 * the face reads its tables from the open file as needed, and must not mix two versions.
 */
export function loadFace(path: string, postscriptName?: string): Face {
  const key = `${path}#${postscriptName ?? ''}`;
  const stamp = fileStamp(path);
  const known = loaded.get(key);
  if (known?.stamp === stamp) return known.face;
  const started = performance.now();
  const names = readFaceNames(path);
  const chosen = (postscriptName ? names.find((n) => n.postscriptName === postscriptName) : undefined) ?? names[0];
  const bytes = new FileBytes(path);
  const offsets = faceOffsets(bytes);
  const sfnt = new SfntFace(bytes, offsets[chosen?.index ?? 0] ?? offsets[0]);
  const face = new Face(path, sfnt, chosen?.postscriptName ?? '', chosen?.family ?? '', performance.now() - started, stamp);
  loaded.set(key, { stamp, face });
  return face;
}
