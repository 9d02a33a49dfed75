// Minimal typings for fontkit 2 and linebreak 1, which ship none: only what src/fonts, src/layout
// and src/render/pdf use. Outside src/ so that dist/index.d.ts reaches them by the same relative path.
declare module 'fontkit' {
  export interface BBox { minX: number; minY: number; maxX: number; maxY: number }
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    bbox: BBox;
  }
  export interface GlyphRun { glyphs: Glyph[]; advanceWidth: number }
  export interface Font {
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    fullName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    'OS/2'?: { usWeightClass: number };
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[] | Record<string, boolean>, script?: string, language?: string): GlyphRun;
  }
  export interface FontCollection { fonts: Font[]; getFont(postscriptName: string): Font | null }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
