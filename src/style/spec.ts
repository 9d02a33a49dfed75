/**
 * The style spec: page, grid, fonts and sizes per element, loaded from a template's style.yaml.
 * Both writers read it; this module only loads, checks and derives (mm → pt, grid pitches).
 * It must never hold a GB/T 9704 number itself — those live in templates/<name>/style.yaml.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../diagnostic.js';
import { displayPath, readSourceFile } from '../project/source-file.js';
import { parseYamlSource, positionOf } from '../project/yaml-source.js';
import { checkStyleSpec } from './check.js';

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber';
export const FONT_ROLES: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber'];

export const ELEMENT_KINDS = [
  'title', 'recipient', 'body', 'heading1', 'heading2', 'heading3', 'heading4',
  'attachment', 'signature', 'date', 'table', 'quote', 'caption',
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
  /** Charts from indicators (src/chart/geometry.ts): rows, type, colours, LibreOffice's measures. */
  chart: ChartSpec;
  /** PDF typesetting details (clreq). */
  typography: { lineBreaking: 'word-processor' | 'clreq'; cjkLatinGapEm: number; tableCellPaddingChars: number; tableRuleWidthPt: number; placeholderColor: string };
  /** The 文种 this template sets (report.yaml `kind:`). */
  kind?: string;
  /** 版头 (§7.2), 附注 (§7.3.6), 附件 pages (§7.3.7), 版记 (§7.4): needed only by a report that has them. */
  masthead?: MastheadSpec;
  note?: NoteSpec;
  attachmentPage?: AttachmentPageSpec;
  colophon?: ColophonSpec;
  attendance?: AttendanceSpec;
}

/**
 * 出席, 请假, 列席 (纪要格式 §10.3): body paragraphs at the end of the body that start with one of
 * `labels` and a full-width colon, set after the body (or the 附件说明) with `blankRowsBefore`
 * blank rows, `leftChars` from the left, the label in `labelFont`, wrapped lines under the names.
 */
export interface AttendanceSpec {
  labels: string[];
  labelFont: FontRole;
  font: FontRole;
  sizePt: number;
  leftChars: number;
  blankRowsBefore: number;
}

/** A horizontal rule of one or more lines (a 信函 double line is two), widths in mm top to bottom. */
export interface RuleSpec {
  color: string;
  lengthMm: number;
  linesMm: number[];
  lineGapMm: number;
}

/**
 * 版头. Rows are grid rows of page 1. `flags` (份号, 密级, 紧急程度) stack from the top of the text
 * area (文件格式) or from the first row below the rule (信函格式); the 发文字号 sits
 * `number.blankRowsBefore` rows below the 标志 (文件格式) or on the first row below the rule.
 */
export interface MastheadSpec {
  flags: { font: FontRole; sizePt: number; place: 'top' | 'belowRule' };
  mark: { font: FontRole; sizePt: number; color: string; suffix?: string; topMm: number; from: 'textArea' | 'page'; minScale: number; docxBaselineRatio: number };
  number: { font: FontRole; sizePt: number; align: 'center' | 'right'; place: 'belowMark' | 'belowRule'; blankRowsBefore: number; leftCharsWithSigner: number };
  signer: { label: string; font: FontRole; nameFont: FontRole; rightChars: number; namesPerRow: number };
  rule: RuleSpec & { below: 'number' | 'mark'; gapMm: number };
  /** Text below the rule keeps this far from it (信函格式: 7/8 of a 3号 character). */
  belowRuleGapMm: number;
  /** A second rule this far above the paper's bottom edge on page 1 (信函格式). */
  footRule?: RuleSpec & { aboveBottomMm: number };
  /** Rows left empty between the last row a 版头 element reaches and the title. */
  blankRowsAfter: number;
  /** false: page 1 carries no page number (信函格式, §10.1). */
  pageNumberOnFirstPage: boolean;
}

export interface NoteSpec {
  font: FontRole;
  sizePt: number;
  leftChars: number;
  open: string;
  close: string;
}

export interface AttachmentPageSpec {
  /** `附件` + its number, on the first row, flush left. */
  label: { font: FontRole; sizePt: number; text: string };
  /** The attachment's title starts on this row (0-based: 2 is the third row). */
  titleRow: number;
  blankRowsAfterTitle: number;
}

/** 版记. Indents count characters of the 版记's own size (一字 of 4号). */
export interface ColophonSpec {
  font: FontRole;
  sizePt: number;
  indentChars: number;
  cc: { label: string; separator: string; end: string };
  /** 印发机关 and 印发日期 (absent in 信函格式). */
  printed?: { suffix: string };
  /** The 版记's lines: the first and last thick, those between thin (absent in 信函格式). */
  rules?: { outerMm: number; innerMm: number; color: string };
  /** The 版记 is on an even page (double-sided printing, §6). */
  evenPage: boolean;
  /** §7.5: a blank page before the 版记 page, and the 版记 page, carry no page number. */
  numberBlankPages: boolean;
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

/**
 * Charts: a bar or line chart takes `rows` grid rows, a pie `pieRows` (more when it has more
 * slices than fit); text in the `font` role at `sizePt`, category labels stepping down through
 * `smallerSizesPt` until they fit their columns. `docx` holds what LibreOffice does with a DOCX
 * chart's text, measured, so its labels land on grid rows as the PDF's do.
 */
export interface ChartSpec {
  rows: number;
  pieRows: number;
  font: FontRole;
  sizePt: number;
  smallerSizesPt: number[];
  /** Series (bar, line) and slice (pie) colours, in order, as "#RRGGBB". */
  colors: string[];
  axisColor: string;
  axisWidthPt: number;
  /** Tick marks below the category axis between categories (bar and line charts without values below 0). */
  tickLengthPt: number;
  lineWidthPt: number;
  markerSizePt: number;
  /** Share of a category's width its bars take. */
  barGroupFraction: number;
  docx: ChartDocxSpec;
}

/** LibreOffice's placement of chart text (measured with 7.4; see style.yaml). */
export interface ChartDocxSpec {
  /** An inline chart's drawing starts this far below the top of its first row. */
  drawingTopPt: number;
  /** Height of a chart label's box, in ems of its size. */
  labelBoxEm: number;
  /** From the bottom of the plot to the top of the category labels (next to the axis, past its tick marks). */
  axisLabelGapPt: number;
  /** The same with the labels at the plot's bottom while the axis crosses higher (values below 0, no tick marks). */
  lowAxisLabelGapPt: number;
  /** From a bar's end (a line's point) to its value label, before the label is moved to its row. */
  valueLabelGapPt: number;
  pointLabelGapPt: number;
  /** A slice label's centre lies this far below the point halfway out along the slice's middle. */
  sliceLabelDropPt: number;
  /** Inside the legend's box, above its text. */
  legendPaddingPt: number;
  /** A grid row's text box ends this far below the row (body text and chart labels alike). */
  textBelowRowPt: number;
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

/** Folders under templates/ holding a style.yaml. */
export function builtInTemplates(): string[] {
  return readdirSync(BUILT_IN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILT_IN_DIR, entry.name, 'style.yaml')))
    .map((entry) => entry.name)
    .sort((a, b) => (a === DEFAULT_TEMPLATE ? -1 : b === DEFAULT_TEMPLATE ? 1 : a < b ? -1 : 1));
}

export const DEFAULT_TEMPLATE = 'gongwen';

/**
 * 文种 → built-in template folder, read from each style.yaml's `kind:` (a new 文种 is a folder, not
 * code). In the order of builtInTemplates(), the default template's kind first.
 */
export function builtInKinds(): Map<string, string> {
  if (kindsRead) return kindsRead;
  const kinds = new Map<string, string>();
  for (const name of builtInTemplates()) {
    // the top-level `kind:` line only: parsing five whole style files cost every build ~25 ms
    const kind = KIND_LINE.exec(readSourceFile(join(BUILT_IN_DIR, name, 'style.yaml')).text)?.[1];
    if (kind && !kinds.has(kind)) kinds.set(kind, name);
  }
  return (kindsRead = kinds);
}

let kindsRead: Map<string, string> | undefined;
const KIND_LINE = /^kind:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m;

/** The starter project a template ships for `report init` (templates/<name>/starter). */
export function starterDir(template: string): string {
  return join(BUILT_IN_DIR, template, 'starter');
}

/**
 * Load a template's style spec. `template` is a built-in name (`gongwen`) or a path, relative to
 * the project directory, to a folder holding style.yaml. A template may live outside the project
 * (an office keeps one shared folder) and is read with the same size and file-type limits.
 */
export function loadStyleSpec(template = DEFAULT_TEMPLATE, projectDir = process.cwd(), reportFile = 'report.yaml'): StyleSpec {
  const key = `${template}\0${projectDir}\0${reportFile}`;
  const known = loadedSpecs.get(key);
  // watch and batch builds load the same spec again and again: parsing and checking it took ~10 ms
  if (known && known.files.every(({ path, text }) => readSourceFile(path, displayPath(path)).text === text)) return structuredClone(known.spec);
  const files: Array<{ path: string; text: string }> = [];
  const spec = { ...(loadStyleData(template, projectDir, reportFile, [], files) as Omit<StyleSpec, 'dir'>), dir: templateDir(template, projectDir) };
  loadedSpecs.set(key, { files, spec: structuredClone(spec) });
  return spec;
}

/** Specs loaded in this process, with the text of each style.yaml they were read from. */
const loadedSpecs = new Map<string, { files: Array<{ path: string; text: string }>; spec: StyleSpec }>();

function templateDir(template: string, baseDir: string): string {
  const looksLikePath = template.includes('/') || template.includes('\\') || template.startsWith('.');
  return looksLikePath ? (isAbsolute(template) ? template : join(baseDir, template)) : join(BUILT_IN_DIR, template);
}

/**
 * A style.yaml, checked; one with `extends: <template>` holds only what differs from that
 * template (a 文种 that shares the 文件格式 of another is a few lines) and is merged over it.
 */
function loadStyleData(template: string, baseDir: string, reportFile: string, seen: string[], read: Array<{ path: string; text: string }>): Record<string, unknown> {
  const dir = templateDir(template, baseDir);
  const file = join(dir, 'style.yaml');
  if (!existsSync(file)) {
    const looksLikePath = dir !== join(BUILT_IN_DIR, template);
    throw inputError(reportFile, looksLikePath
      ? `template "${template}" has no style.yaml (looked for ${file})`
      : `unknown template "${template}" (built-in templates: ${builtInTemplates().join(', ')})`, undefined, 'unknown-template');
  }
  const sourceFile = readSourceFile(file, displayPath(file));
  read.push({ path: file, text: sourceFile.text });
  const source = parseYamlSource(sourceFile);
  const data = source.data as Record<string, unknown> | null;
  const base = data && typeof data === 'object' && typeof data.extends === 'string' ? data.extends : undefined;
  if (base === undefined) {
    checkStyleSpec(source);
    return data as Record<string, unknown>;
  }
  if (seen.includes(file)) throw inputError(displayPath(file), `style spec: extends: "${base}" extends this template again`, positionOf(source, ['extends']), 'style-spec');
  const merged = mergeStyle(loadStyleData(base, dir, displayPath(file), [...seen, file], read), data as Record<string, unknown>);
  delete merged.extends;
  checkStyleSpec(source, merged);
  return merged;
}

/** `over` merged into `base`, mapping by mapping; lists and values replace. */
function mergeStyle(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    const mapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = mapping(below) && mapping(value) ? mergeStyle(below, value) : value;
  }
  return out;
}
