/**
 * The style spec: page, grid, fonts and sizes per element, loaded from a template's style.yaml.
 * Both writers read it; this module only loads, checks and derives (mm → pt, grid pitches).
 * It must never hold a GB/T 9704 number itself — those live in templates/gongwen/style.yaml.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../diagnostic.js';
import { displayPath, readSourceFile } from '../project/source-file.js';
import { parseYamlSource } from '../project/yaml-source.js';
import { checkStyleSpec } from './check.js';

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber';
export const FONT_ROLES: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber'];

export const ELEMENT_KINDS = [
  'title', 'recipient', 'body', 'heading1', 'heading2', 'heading3', 'heading4',
  'attachment', 'signature', 'date', 'table', 'quote',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export interface FontRoleSpec {
  family: string;
  alternatives: string[];
  latin: string;
  /** Other names of the very same face (SimHei for 黑体); a match on them is not a substitute. */
  aliases?: string[];
  /** Weight wanted when a family has several (400 regular, 700 bold); default 400. */
  weight?: number;
  /** Font shipped with report used when nothing is installed: noto-serif-sc | noto-sans-sc. */
  embedded?: string;
}

export interface ElementStyle {
  font: FontRole;
  sizePt: number;
  align: 'left' | 'center' | 'right' | 'justify';
  firstLineChars?: number;
  leftChars?: number;
  rightChars?: number;
  rowsPerLine?: number;
  blankRowsBefore?: number;
  blankRowsAfter?: number;
  keepWithNext?: boolean;
  offsetFromSignatureChars?: number;
  /**
   * Points taken off each line's exact height (given back after the paragraph's last line, so
   * the paragraph still fills whole rows). Lets a line larger than the body sit on its rows the
   * way body lines do; used by the DOCX title.
   */
  lineTightenPt?: number;
}

export interface StyleSpec {
  name: string;
  /** Directory of the template (for resources next to style.yaml). */
  dir: string;
  page: { widthMm: number; heightMm: number; marginTopMm: number; marginBottomMm: number; marginLeftMm: number; marginRightMm: number };
  grid: { rows: number; charsPerRow: number; linePitchTwips: number };
  fonts: Record<FontRole, FontRoleSpec>;
  /** Stand-ins for a role's `latin` face with the same widths (the PDF; see fonts/latin.ts). */
  latinFallback: { alternatives: string[] };
  elements: Record<ElementKind, ElementStyle>;
  pageNumber: { font: FontRole; sizePt: number; dash: string; format: string; dashBelowTextAreaMm: number; outerIndentChars: number };
  /** The one scaling rule for images (model/image-box.ts). */
  image: { dpi: number; maxRows: number; baselineDropPt: number };
  /** How tables are sized (model/table-plan.ts): the type steps and the width estimates. */
  table: TableSpec;
  /** PDF typesetting details (clreq). */
  typography: { lineBreaking: 'word-processor' | 'clreq'; cjkLatinGapEm: number; tableCellPaddingChars: number; tableRuleWidthPt: number; placeholderColor: string };
}

/**
 * Tables start at `elements.table.sizePt` and step down through `smallerSizesPt` until their
 * columns fit. Content widths are estimated in ems, never measured (the DOCX cannot measure):
 * `fullWidthEm` for Han and full-width marks, `halfWidthEm` for digits, Latin and ASCII marks,
 * `wideLatinEm` for the wide ones (%, capitals, m, w); `fitSlackPt` is room left in every column.
 */
export interface TableSpec {
  smallerSizesPt: number[];
  shortLabelHanChars: number;
  fullWidthEm: number;
  halfWidthEm: number;
  wideLatinEm: number;
  fitSlackPt: number;
  /** Descender depth (ems) by which the DOCX lowers type smaller than the body, as the PDF does. */
  descenderEm: number;
}

export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const mmToTwips = (mm: number): number => Math.round(mm * PT_PER_MM * 20);

/** Numbers both writers derive from the spec, computed once here so they cannot disagree. */
export interface GridMetrics {
  pageWidthPt: number;
  pageHeightPt: number;
  textLeftPt: number;
  textTopPt: number;
  textWidthPt: number;
  textHeightPt: number;
  /** Row pitch in points (579 tw = 28.95 pt). */
  rowPitchPt: number;
  /** Character cell width: text width / 28 (15.79 pt for A4 公文). */
  charPitchPt: number;
}

export function gridMetrics(spec: StyleSpec): GridMetrics {
  const p = spec.page;
  const textWidthPt = mmToPt(p.widthMm - p.marginLeftMm - p.marginRightMm);
  return {
    pageWidthPt: mmToPt(p.widthMm),
    pageHeightPt: mmToPt(p.heightMm),
    textLeftPt: mmToPt(p.marginLeftMm),
    textTopPt: mmToPt(p.marginTopMm),
    textWidthPt,
    textHeightPt: mmToPt(p.heightMm - p.marginTopMm - p.marginBottomMm),
    rowPitchPt: spec.grid.linePitchTwips / 20,
    charPitchPt: textWidthPt / spec.grid.charsPerRow,
  };
}

/**
 * Advance of one character cell of `sizePt` type, in twips, the same in both outputs. Type up to
 * the body size that is wider than a grid cell (3号 16 pt in a 15.79 pt cell) is tracked in by
 * whole twips — Word and LibreOffice take run spacing in twentieths of a point, and rounding down
 * is what lets `charsPerRow` characters fit a row (16 pt: 320 − 5 = 315 tw). Larger type (titles)
 * and type already narrower than a cell (tables) keep their own size.
 */
export function cellAdvanceTwips(spec: StyleSpec, sizePt: number): number {
  const pitch = mmToTwips(spec.page.widthMm - spec.page.marginLeftMm - spec.page.marginRightMm) / spec.grid.charsPerRow;
  const size = sizePt * 20;
  return size > pitch && sizePt <= spec.elements.body.sizePt ? size + Math.floor(pitch - size) : size;
}

/** How many title characters fit on one title line between the title's indents. */
export function titleCapacityChars(spec: StyleSpec): number {
  const grid = gridMetrics(spec);
  const title = spec.elements.title;
  const room = grid.textWidthPt - ((title.leftChars ?? 0) + (title.rightChars ?? 0)) * grid.charPitchPt;
  return Math.max(1, Math.floor(room / title.sizePt));
}

const BUILT_IN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export function builtInTemplates(): string[] {
  return ['gongwen'];
}

/**
 * Load a template's style spec. `template` is a built-in name (`gongwen`) or a path, relative to
 * the project directory, to a folder holding style.yaml. A template may live outside the project
 * (an office keeps one shared folder) and is read with the same size and file-type limits.
 */
export function loadStyleSpec(template = 'gongwen', projectDir = process.cwd(), reportFile = 'report.yaml'): StyleSpec {
  const looksLikePath = template.includes('/') || template.includes('\\') || template.startsWith('.');
  const dir = looksLikePath ? (isAbsolute(template) ? template : join(projectDir, template)) : join(BUILT_IN_DIR, template);
  const file = join(dir, 'style.yaml');
  if (!existsSync(file)) {
    const known = builtInTemplates().join(', ');
    throw inputError(reportFile, looksLikePath
      ? `template "${template}" has no style.yaml (looked for ${file})`
      : `unknown template "${template}" (built-in templates: ${known})`, undefined, 'unknown-template');
  }
  const source = parseYamlSource(readSourceFile(file, displayPath(file)));
  checkStyleSpec(source);
  return { ...(source.data as Omit<StyleSpec, 'dir'>), dir };
}
