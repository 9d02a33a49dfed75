/**
 * The layout engine's vocabulary: what it needs from fonts (metrics only, no files) and what it
 * hands the PDF writer (pages of glyphs placed at absolute positions). Keeping these plain data
 * lets the engine stay a pure function that tests can run without writing a PDF.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { Block } from '../model/document.js';
import type { FontRole, GridMetrics } from '../style/spec.js';

/** Glyph metrics in ems (fractions of the font size). */
export interface GlyphMetrics {
  advance: number;
  inkLeft: number;
  inkRight: number;
  inkTop: number;
  inkBottom: number;
}

export interface FaceMetrics {
  /** Stable id (file path + PostScript name); runs refer to faces by it. */
  id: string;
  /** Ascent and descent from the font header, in ems (descent is negative). */
  ascent: number;
  descent: number;
  glyph(ch: string): GlyphMetrics | null;
}

/** The faces that may print a role: the role's own face, then per-character fallbacks. */
export interface FontBook {
  /** The role's own face (its metrics place the row's baseline). */
  primary(role: FontRole): FaceMetrics;
  /** The first face of the role's fallback chain that has `ch`, or null when none has it. */
  faceFor(role: FontRole, ch: string): FaceMetrics | null;
}

/** One glyph: drawn with its origin at `x`; its box (what a text extractor sees) is `advance` wide. */
export interface PlacedGlyph {
  ch: string;
  x: number;
  advance: number;
  /** Horizontal scale when not 1 (dashes stretched to fill their cells). */
  scaleX?: number;
}

/** Glyphs of one face and size on one baseline. Coordinates in points from the page's top-left. */
export interface GlyphRun {
  face: string;
  size: number;
  /** Baseline. */
  y: number;
  glyphs: PlacedGlyph[];
  /** `**bold**`: drawn emboldened (filled and stroked), as Word and WPS embolden CJK faces. */
  bold?: boolean;
  /** `*em*`: drawn slanted, as Word and WPS slant CJK faces that have no italic. */
  italic?: boolean;
  /** Fill colour (`#RRGGBB`) when not black: the red 发文机关标志. */
  color?: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** Stroke colour (`#RRGGBB`) when not black: the red 版头 rules. */
  color?: string;
}

export interface PlacedImage extends Rect {
  path: string;
  format: 'png' | 'jpeg';
  alt: string;
}

export interface Bookmark {
  title: string;
  level: number;
  /** Top of the heading's first row. */
  y: number;
}

/** A chart's vector shapes (src/chart/geometry.ts placed on the page), colours as "#RRGGBB". */
export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; points: Array<{ x: number; y: number }>; color: string; width: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  /** A pie slice: angles in radians, clockwise from 12 o'clock. */
  | { kind: 'wedge'; cx: number; cy: number; r: number; start: number; end: number; fill: string; edge: string };

/** What a test (or a reviewer) needs to check a printed row against the grid. */
export interface RowInfo {
  /** Grid row on the page, 0-based. */
  row: number;
  element: string;
  text: string;
  /** Left and right edge of the row's glyph boxes. */
  left: number;
  right: number;
  baseline: number;
  /** True for a row that the paragraph continues after (it must end flush right). */
  continued: boolean;
}

/** What is drawn on a page, in the order the PDF writer draws it. */
export interface PageContent {
  runs: GlyphRun[];
  highlights: Rect[];
  rules: Rule[];
  images: PlacedImage[];
  /** Charts' bars, lines and slices, drawn before the glyphs (their labels are glyph runs). */
  shapes?: ChartShape[];
  bookmarks: Bookmark[];
  rows: RowInfo[];
}

export interface LayoutPage extends PageContent {
  /** Printed page number (1-based). */
  number: number;
  /** The page number's glyph runs (one per face, normally one). */
  pageNumber: GlyphRun[];
}

export interface LayoutResult {
  pages: LayoutPage[];
  grid: GridMetrics;
  warnings: Diagnostic[];
  /**
   * Set when the closing block (附件说明, 署名, 成文日期) would have started a page alone and the
   * body's end went over with it: the block that was split, from which row (table rows for a
   * table, 0 for an image or a whole paragraph), and the rows of it that stayed behind; or, for a
   * body that ends on an image, the rows the image was shrunk to. The DOCX asks Word/WPS/
   * LibreOffice for the same.
   */
  closingKeep?: { block: Block; fromRow: number; rowsBefore: string[]; imageRows?: number };
  /**
   * Where pagination put the 版记 (0-based page indexes and grid rows): the content before it
   * ended on `fromPage` before row `fromRow`; the 版记 starts on `page` at `row`. A blank page was
   * inserted before it when `page` is two pages on. The DOCX sets the same break and blank rows.
   */
  colophon?: { fromPage: number; fromRow: number; page: number; row: number };
  /** 0-based indexes of pages printed without a page number (信函 page 1, a blank page and the 版记 page after it). */
  unnumberedPages?: number[];
}

export interface LayoutOptions {
  fonts: FontBook;
}
