/**
 * Checks a template's style.yaml key by key against the shape every writer reads, so a bad value
 * is one line at `style.yaml:line:col` — never an "internal error" deep in a writer. The shape is
 * the list of keys the writers use; nothing here supplies a default (those live in style.yaml).
 */
import { inputError } from '../diagnostic.js';
import { positionOf, type YamlSource } from '../project/yaml-source.js';
import { ELEMENT_KINDS, FONT_ROLES } from './spec.js';

type Check = (value: unknown) => string | undefined;
interface Shape { [key: string]: Check | Shape | { optional: Check } | { optionalShape: Shape } }

const number = (min: number, what: string): Check => (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? undefined : `expected ${what}`);
const positive: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'expected a number above 0');
const nonNegative = number(0, 'a number, 0 or more');
const count: Check = (v) => (Number.isInteger(v) && (v as number) > 0 ? undefined : 'expected a whole number above 0');
const rowsCount: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'expected a whole number of rows, 0 or more');
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'expected text');
const texts: Check = (v) => (Array.isArray(v) && v.every((t) => typeof t === 'string') ? undefined : 'expected a list of names');
const flag: Check = (v) => (typeof v === 'boolean' ? undefined : 'expected true or false');
const oneOf = (...choices: string[]): Check => (v) => (choices.includes(v as string) ? undefined : `expected one of ${choices.join(', ')}`);
const optional = (check: Check) => ({ optional: check });
const rgb: Check = (v) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? undefined : 'expected a colour like "#000000"');
/** A section only some reports need (版头, 版记 …): absent is fine, present must be whole. */
const optionalShape = (shape: Shape) => ({ optionalShape: shape });
const colour: Check = (v) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? undefined : 'expected a colour like "#FF0000"');
const anyText: Check = (v) => (typeof v === 'string' ? undefined : 'expected text (may be empty)');
const ratio: Check = (v) => (typeof v === 'number' && v > 0 && v <= 1 ? undefined : 'expected a number above 0, at most 1');
const widthsMm: Check = (v) => (Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number' && n > 0) ? undefined : 'expected a list of line widths in mm, top to bottom');

const descendingSizes: Check = (v) => (Array.isArray(v) && v.every((n, i) => typeof n === 'number' && Number.isFinite(n) && n > 0 && (i === 0 || n < v[i - 1]))
  ? undefined : 'expected a list of type sizes in points, largest first');
const charCount: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'expected a whole number of characters, 0 or more');
const weight: Check = (v) => ([100, 200, 300, 400, 500, 600, 700, 800, 900].includes(v as number) ? undefined : 'expected a weight: 100, 200 … 900');

// Built on first use: spec.ts imports this module, so its constants are not ready at load time.
function styleShape(): Shape {
  const role = oneOf(...FONT_ROLES);
  const FONT: Shape = {
    family: text, latin: text, alternatives: texts, aliases: optional(texts),
    weight: optional(weight), embedded: optional(oneOf('noto-serif-sc', 'noto-sans-sc')),
  };

  const ELEMENT: Shape = {
    font: role, sizePt: positive, align: oneOf('left', 'center', 'right', 'justify'),
    firstLineChars: optional(nonNegative), leftChars: optional(nonNegative), rightChars: optional(nonNegative),
    rowsPerLine: optional(count), blankRowsBefore: optional(rowsCount), blankRowsAfter: optional(rowsCount),
    keepWithNext: optional(flag), offsetFromSignatureChars: optional(nonNegative), lineTightenPt: optional(nonNegative),
  };

  const RULE: Shape = { color: colour, lengthMm: positive, linesMm: widthsMm, lineGapMm: nonNegative };
  const MASTHEAD: Shape = {
    flags: { font: role, sizePt: positive, place: oneOf('top', 'belowRule') },
    mark: {
      font: role, sizePt: positive, color: colour, suffix: optional(anyText), topMm: number(-1000, 'a length in mm'), from: oneOf('textArea', 'page'),
      minScale: ratio, docxBaselineRatio: ratio,
    },
    number: { font: role, sizePt: positive, align: oneOf('center', 'right'), place: oneOf('belowMark', 'belowRule'), blankRowsBefore: rowsCount, leftCharsWithSigner: nonNegative },
    signer: { label: text, font: role, nameFont: role, rightChars: nonNegative, namesPerRow: count },
    rule: { ...RULE, below: oneOf('number', 'mark'), gapMm: nonNegative },
    belowRuleGapMm: nonNegative,
    footRule: optionalShape({ ...RULE, aboveBottomMm: positive }),
    blankRowsAfter: rowsCount,
    pageNumberOnFirstPage: flag,
  };
  const COLOPHON: Shape = {
    font: role, sizePt: positive, indentChars: nonNegative,
    cc: { label: text, separator: text, end: anyText },
    printed: optionalShape({ suffix: anyText }),
    rules: optionalShape({ outerMm: positive, innerMm: positive, color: colour }),
    evenPage: flag, numberBlankPages: flag,
  };

  return {
    name: text,
    description: optional(text),
    kind: optional(text),
    extends: optional(text),
    page: { widthMm: positive, heightMm: positive, marginTopMm: nonNegative, marginBottomMm: nonNegative, marginLeftMm: nonNegative, marginRightMm: nonNegative },
    grid: { rows: count, charsPerRow: count, linePitchTwips: count },
    fonts: Object.fromEntries(FONT_ROLES.map((r) => [r, FONT])),
    latinFallback: { alternatives: texts },
    elements: Object.fromEntries(ELEMENT_KINDS.map((k) => [k, ELEMENT])),
    pageNumber: {
      font: role, sizePt: positive, dash: text, dashBelowTextAreaMm: nonNegative, outerIndentChars: nonNegative,
      format: (v) => (typeof v === 'string' && v.includes('{n}') ? undefined : 'expected text holding {n} where the number goes'),
    },
    image: { dpi: positive, maxRows: count, baselineDropPt: nonNegative },
    table: {
      smallerSizesPt: descendingSizes, shortLabelHanChars: charCount,
      fullWidthEm: positive, halfWidthEm: positive, wideLatinEm: positive, fitSlackPt: nonNegative, descenderEm: nonNegative,
    },
    chart: {
      rows: (v) => (Number.isInteger(v) && (v as number) >= 6 ? undefined : 'expected a whole number of grid rows, 6 or more'),
      pieRows: (v) => (Number.isInteger(v) && (v as number) >= 6 ? undefined : 'expected a whole number of grid rows, 6 or more'),
      font: role, sizePt: positive, smallerSizesPt: descendingSizes,
      colors: (v) => (Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c)) ? undefined : 'expected a list of colours like "#C00000"'),
      axisColor: rgb, axisWidthPt: positive, tickLengthPt: nonNegative, lineWidthPt: positive, markerSizePt: positive,
      barGroupFraction: (v) => (typeof v === 'number' && v > 0 && v < 1 ? undefined : 'expected a number between 0 and 1'),
      docx: {
        drawingTopPt: number(-100, 'a length in points'), labelBoxEm: positive, axisLabelGapPt: nonNegative, lowAxisLabelGapPt: nonNegative,
        valueLabelGapPt: nonNegative, pointLabelGapPt: nonNegative, sliceLabelDropPt: number(-100, 'a length in points'), legendPaddingPt: nonNegative,
        textBelowRowPt: number(-100, 'a length in points'),
      },
    },
    typography: {
      lineBreaking: oneOf('word-processor', 'clreq'), cjkLatinGapEm: nonNegative, tableCellPaddingChars: nonNegative, tableRuleWidthPt: nonNegative,
      placeholderColor: (v) => (typeof v === 'string' && /^(#[0-9a-fA-F]{6}|none)$/.test(v) ? undefined : 'expected a colour like "#FFE45C", or none'),
    },
    masthead: optionalShape(MASTHEAD),
    note: optionalShape({ font: role, sizePt: positive, leftChars: nonNegative, open: anyText, close: anyText }),
    attachmentPage: optionalShape({ label: { font: role, sizePt: positive, text: text }, titleRow: rowsCount, blankRowsAfterTitle: rowsCount }),
    colophon: optionalShape(COLOPHON),
    attendance: optionalShape({ labels: texts, labelFont: role, font: role, sizePt: positive, leftChars: nonNegative, blankRowsBefore: rowsCount }),
  };
}

let styleShapeCache: Shape | undefined;

/**
 * Check a style.yaml. With `merged` (a file that `extends` another), the file's own keys are
 * checked where they stand, none required, and then the merged spec must be whole.
 */
export function checkStyleSpec(source: YamlSource, merged?: unknown): void {
  const shape = (styleShapeCache ??= styleShape());
  checkShape(source, source.data, shape, [], merged !== undefined);
  if (merged !== undefined) checkShape(source, merged, shape, []);
  checkTableSteps(source, merged ?? source.data);
}

/** The table's smaller sizes are steps down from `elements.table.sizePt`. */
function checkTableSteps(source: YamlSource, spec: unknown): void {
  const data = spec as { elements: { table: { sizePt: number } }; table: { smallerSizesPt: number[] } };
  const first = data.table.smallerSizesPt[0];
  if (first !== undefined && first >= data.elements.table.sizePt) {
    const at = ['table', 'smallerSizesPt'];
    throw inputError(source.file.displayPath, `style spec: ${at.join('.')}: expected sizes below elements.table.sizePt (${data.elements.table.sizePt})`, positionOf(source, at), 'style-spec');
  }
}

function checkShape(source: YamlSource, value: unknown, shape: Shape, path: string[], partial = false): void {
  const fail = (at: string[], message: string): never => {
    const where = positionOf(source, at) ?? positionOf(source, at.slice(0, -1));
    throw inputError(source.file.displayPath, `style spec: ${at.length ? `${at.join('.')}: ` : ''}${message}`, where, 'style-spec');
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(path, 'expected a mapping of keys');
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!(key in shape)) fail([...path, key], `unknown key (known here: ${Object.keys(shape).join(', ')})`);
  for (const [key, rule] of Object.entries(shape)) {
    const at = [...path, key];
    const present = raw[key] !== undefined && raw[key] !== null;
    if (!present && partial) continue;
    if (typeof rule === 'function') {
      if (!present) fail(at, 'missing');
      const problem = rule(raw[key]);
      if (problem) fail(at, problem);
    } else if ('optional' in rule && typeof rule.optional === 'function') {
      const problem = present ? rule.optional(raw[key]) : undefined;
      if (problem) fail(at, problem);
    } else if ('optionalShape' in rule && typeof rule.optionalShape === 'object') {
      if (present) checkShape(source, raw[key], rule.optionalShape as Shape, at, partial);
    } else {
      if (!present) fail(at, 'missing');
      checkShape(source, raw[key], rule as Shape, at, partial);
    }
  }
}
