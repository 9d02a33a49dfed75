/**
 * The 版头 (GB/T 9704 §7.2, §10.1), placed once for every writer: which grid row of page 1 each
 * element takes, where the 发文机关标志 and the rules lie in points from the top-left of the text
 * area, how much the 标志 is narrowed, and the row the title starts on. The numbers all come from
 * the style spec's `masthead`; this module only applies them.
 */
import { inputError } from '../diagnostic.js';
import { gridMetrics, mmToPt, type FontRole, type MastheadSpec, type RuleSpec, type StyleSpec } from '../style/spec.js';
import { gridWidth } from '../text/width.js';
import type { Masthead } from './document.js';

/**
 * A CJK face's ideographic em box runs from 0.12 em below the baseline to 0.88 em above it (the
 * OpenType ideographic baseline convention, as in layout/blocks.ts): the 标志's "top edge" is
 * its em box's top.
 */
const IDEOGRAPHIC_DESCENT_EM = 0.12;

export interface MastheadSegment {
  text: string;
  font: FontRole;
}

/** One row of 版头 text: left from `startChars`, centred, or ending `rightChars` from the right. */
export interface MastheadLine {
  row: number;
  element: 'copy' | 'secret' | 'urgency' | 'number' | 'signer';
  segments: MastheadSegment[];
  sizePt: number;
  align: 'left' | 'center' | 'right';
  /** Left: the first character's column; right: grid characters kept free at the right. */
  startChars: number;
}

export interface PlacedRule {
  /** Top of the first line, from the top of the text area (negative: above it). */
  topPt: number;
  /** From the left edge of the text area (negative when longer than the text area). */
  leftPt: number;
  lengthPt: number;
  color: string;
  /** Each line's centre from `topPt`, and its width. */
  lines: Array<{ offsetPt: number; widthPt: number }>;
  /** Placed from the text on this row (the 发文字号): a writer whose renderer seats text elsewhere in the row moves it along. */
  fromRow?: { row: number; sizePt: number };
}

/** Where a row's text of `size` has its baseline, from the row's top: its em box centred in the row. */
export function rowBaselinePt(pitch: number, size: number): number {
  return (pitch + size) / 2 - IDEOGRAPHIC_DESCENT_EM * size;
}

export interface MastheadPlan {
  mark?: {
    text: string;
    font: FontRole;
    sizePt: number;
    color: string;
    /** Horizontal scale (字符缩放), 1 when the name fits. */
    scale: number;
    /** Top of the em box and the baseline, from the top of the text area. */
    topPt: number;
    baselinePt: number;
    /** The grid rows it reaches into (firstRow > lastRow: it lies wholly above the text area). */
    firstRow: number;
    lastRow: number;
    /** Drawn outside the rows' flow (above the text area, 信函格式). */
    floating: boolean;
  };
  lines: MastheadLine[];
  rules: PlacedRule[];
  /** Rules on page 1 placed from the paper's bottom edge (信函格式), as `rules`. */
  pageRules: PlacedRule[];
  /** The row the title starts on: the rows above it belong to the 版头. */
  rows: number;
  pageNumberOnFirstPage: boolean;
}

/** The template's masthead spec, or an error naming the template that lacks it. */
export function mastheadSpec(spec: StyleSpec): MastheadSpec {
  if (!spec.masthead) throw inputError(`${spec.dir}/style.yaml`, `style spec: the template "${spec.name}" has no \`masthead\`, which a report with \`header:\` needs`, undefined, 'style-spec');
  return spec.masthead;
}

/** The 标志 as printed: `header.mark`, else the issuer with the template's suffix (文件, 纪要). */
export function markText(masthead: Masthead, spec: MastheadSpec): string | undefined {
  if (masthead.mark) return masthead.mark;
  return masthead.issuer ? `${masthead.issuer}${spec.mark.suffix ?? ''}` : undefined;
}

export function planMasthead(masthead: Masthead, style: StyleSpec): MastheadPlan {
  const spec = mastheadSpec(style);
  const grid = gridMetrics(style);
  const pitch = grid.rowPitchPt;
  const emTop = (row: number, size: number) => row * pitch + (pitch - size) / 2;
  const lines: MastheadLine[] = [];

  const text = markText(masthead, spec);
  const size = spec.mark.sizePt;
  const markTop = spec.mark.from === 'page' ? mmToPt(spec.mark.topMm) - grid.textTopPt : mmToPt(spec.mark.topMm);
  const markBottom = markTop + size;
  const firstRow = Math.max(0, Math.floor(markTop / pitch));
  const lastRow = Math.ceil(markBottom / pitch) - 1;
  let mark: MastheadPlan['mark'];
  if (text) {
    const natural = gridWidth(text) * size;
    const scale = natural <= grid.textWidthPt ? 1 : Math.floor((grid.textWidthPt / natural) * 100) / 100;
    if (scale < spec.mark.minScale) {
      throw inputError('report.yaml', `the 发文机关标志 "${text}" is too long for one line even narrowed to ${Math.round(spec.mark.minScale * 100)} %: give a short name in header.mark`, undefined, 'config');
    }
    const floating = markTop < 0;
    mark = {
      text, font: spec.mark.font, sizePt: size, color: spec.mark.color, scale,
      topPt: markTop, baselinePt: markTop + (1 - IDEOGRAPHIC_DESCENT_EM) * size, firstRow, lastRow, floating,
    };
  }

  const flags = [['copy', masthead.copy], ['secret', masthead.secret], ['urgency', masthead.urgency]]
    .filter((entry): entry is ['copy' | 'secret' | 'urgency', string] => Boolean(entry[1]));
  const flagLines = (from: number) => flags.forEach(([element, value], i) => lines.push({
    row: from + i, element, segments: [{ text: value, font: spec.flags.font }], sizePt: spec.flags.sizePt, align: 'left', startChars: 0,
  }));
  const signerRows = signerLines(masthead.signers, spec, style.grid.charsPerRow);
  const numberLine = (row: number): void => {
    if (!masthead.number) return;
    const beside = signerRows.length > 0 && spec.number.place === 'belowMark';
    lines.push({
      row, element: 'number', segments: [{ text: masthead.number, font: spec.number.font }], sizePt: spec.number.sizePt,
      align: beside ? 'left' : spec.number.align, startChars: beside ? spec.number.leftCharsWithSigner : 0,
    });
  };

  let rule: PlacedRule;
  let lastUsed = lastRow;
  if (spec.number.place === 'belowMark') {
    // 签发人 from 2 blank rows below the 标志; the 发文字号 on the row of the last one (§7.2.5–7.2.6)
    const first = lastRow + 1 + spec.number.blankRowsBefore;
    signerRows.forEach((line, i) => lines.push({ ...line, row: first + i }));
    const numberRow = first + Math.max(0, signerRows.length - 1);
    numberLine(numberRow);
    if (spec.flags.place === 'top') flagLines(0);
    const anchor = spec.rule.below === 'number' ? emTop(numberRow, spec.number.sizePt) + spec.number.sizePt : markBottom;
    rule = placeRule(spec.rule, anchor + mmToPt(spec.rule.gapMm), grid.textWidthPt);
    if (spec.rule.below === 'number') rule.fromRow = { row: numberRow, sizePt: spec.number.sizePt };
    lastUsed = Math.max(numberRow, ruleRow(rule, pitch));
  } else {
    const anchor = spec.rule.below === 'mark' ? markBottom : lastRow * pitch + pitch;
    rule = placeRule(spec.rule, anchor + mmToPt(spec.rule.gapMm), grid.textWidthPt);
    // the grid row nearest the wanted gap below the rule, never touching it
    const ruleBottom = rule.topPt + ruleDepth(spec.rule);
    const wanted = ruleBottom + mmToPt(spec.belowRuleGapMm);
    let first = Math.max(0, Math.ceil(ruleBottom / pitch) - 1);
    while (emTop(first, spec.number.sizePt) <= ruleBottom) first++;
    if (Math.abs(emTop(first + 1, spec.number.sizePt) - wanted) < Math.abs(emTop(first, spec.number.sizePt) - wanted)) first++;
    flagLines(first);
    numberLine(first);
    const afterFlags = first + Math.max(1, spec.flags.place === 'belowRule' ? flags.length : 1);
    signerRows.forEach((line, i) => lines.push({ ...line, row: afterFlags + i }));
    if (spec.flags.place === 'top') flagLines(0);
    lastUsed = Math.max(ruleRow(rule, pitch), ...lines.map((line) => line.row));
  }
  lastUsed = Math.max(lastUsed, ...lines.map((line) => line.row));

  const pageRules = spec.footRule
    ? [placeRule(spec.footRule, grid.pageHeightPt - grid.textTopPt - mmToPt(spec.footRule.aboveBottomMm) - ruleDepth(spec.footRule), grid.textWidthPt)]
    : [];
  return { mark, lines, rules: [rule], pageRules, rows: lastUsed + 1 + spec.blankRowsAfter, pageNumberOnFirstPage: spec.pageNumberOnFirstPage };
}

/** Depth of a rule from the top of its first line to the bottom of its last. */
function ruleDepth(rule: RuleSpec): number {
  return mmToPt(rule.linesMm.reduce((sum, width) => sum + width, 0) + rule.lineGapMm * (rule.linesMm.length - 1));
}

function ruleRow(rule: PlacedRule, pitch: number): number {
  const last = rule.lines[rule.lines.length - 1];
  return Math.floor((rule.topPt + last.offsetPt + last.widthPt / 2) / pitch);
}

/** A rule centred on the text area with its first line's top at `topPt`. */
function placeRule(rule: RuleSpec, topPt: number, textWidthPt: number): PlacedRule {
  const lengthPt = mmToPt(rule.lengthMm);
  let offset = 0;
  const lines = rule.linesMm.map((widthMm) => {
    const widthPt = mmToPt(widthMm);
    const line = { offsetPt: offset + widthPt / 2, widthPt };
    offset += widthPt + mmToPt(rule.lineGapMm);
    return line;
  });
  return { topPt, leftPt: (textWidthPt - lengthPt) / 2, lengthPt, color: rule.color, lines };
}

/**
 * 签发人 (§7.2.6): `签发人：` and the names, `namesPerRow` to a row, ending `rightChars` from the
 * right; later rows start under the first name. Names are padded with ideographic spaces to their
 * column's width so the columns line up in every writer.
 */
function signerLines(signers: string[], spec: MastheadSpec, charsPerRow: number): Array<Omit<MastheadLine, 'row'>> {
  if (signers.length === 0) return [];
  const perRow = spec.signer.namesPerRow;
  const columns = Array.from({ length: Math.min(perRow, signers.length) }, (_, c) =>
    Math.max(...signers.filter((_, i) => i % perRow === c).map((name) => Math.ceil(gridWidth(name)))));
  const padded = signers.map((name, i) => name + '\u3000'.repeat(Math.max(0, columns[i % perRow] - Math.ceil(gridWidth(name)))));
  const label = gridWidth(spec.signer.label);
  const width = label + columns.reduce((a, b) => a + b, 0) + (columns.length - 1);
  const start = charsPerRow - spec.signer.rightChars - width;
  const rows: Array<Omit<MastheadLine, 'row'>> = [];
  for (let i = 0; i < padded.length; i += perRow) {
    const names = { text: padded.slice(i, i + perRow).join('\u3000'), font: spec.signer.nameFont };
    rows.push({
      element: 'signer', sizePt: spec.number.sizePt, align: 'left',
      segments: i === 0 ? [{ text: spec.signer.label, font: spec.signer.font }, names] : [names],
      startChars: i === 0 ? start : start + label,
    });
  }
  return rows;
}
