/**
 * What the table plan knows about a cell's text without a font: its estimated width in ems and
 * the pieces a line may break between. Estimates, not measurements, because the DOCX writer has
 * no fonts and both writers must get the same columns; the numbers come from style.yaml `table`.
 */
import type { TableSpec } from '../style/spec.js';
import { CLOSING_MARKS, NO_ROW_END, NO_ROW_START, OPENING_MARKS, isHan, isIdeograph } from '../text/chars.js';
import { UNITS } from '../text/units.js';

/** How far a cell's text may be taken apart, from least to most. */
export enum BreakLevel {
  /** Labels whole; a cell breaks only at spaces and before a bracket (`地区生产总值|（亿元）`). */
  WholeLabels = 0,
  /** Labels longer than `shortLabelHanChars` Han characters break between characters too. */
  LongLabels = 1,
  /** Column heads break between characters as well; body labels as at LongLabels. */
  HeadLabels = 2,
  /** Every label may break between characters (never a number or a unit word). */
  AllLabels = 3,
}

/** The level a cell's own text is taken apart at, for a header cell or a body cell. */
export function cellLevel(level: BreakLevel, header: boolean): BreakLevel {
  if (level === BreakLevel.HeadLabels) return header ? BreakLevel.AllLabels : BreakLevel.LongLabels;
  return level;
}

/** A stretch of a cell's text that stays on one line, with its offsets in the text. */
export interface Piece {
  start: number;
  end: number;
  em: number;
  /** Width of the spaces between this piece and the one before (dropped at a line start). */
  spaceBeforeEm: number;
}

/** Units of more than one character (亿元, 万人次, 个百分点): never parted. */
const UNIT_WORDS = UNITS.map((u) => u.text).filter((t) => [...t].length > 1).sort((a, b) => b.length - a.length);
const OPENING = new Set([...OPENING_MARKS, '(']);
const CLOSING = new Set([...CLOSING_MARKS]);
const WIDE_LATIN = /[A-Z%@&mw]/;
const TAKES_GAP = /[\p{L}\p{N}%]/u;

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0';

/** One character's estimated width in ems (Han and full-width marks as gridWidth counts them). */
export function charEm(ch: string, spec: TableSpec): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2000 || code === 0xb7) return spec.fullWidthEm;
  return WIDE_LATIN.test(ch) ? spec.wideLatinEm : spec.halfWidthEm;
}

/** Estimated width of a text on one line, with the gap the PDF sets between Han and Latin. */
export function textEm(text: string, spec: TableSpec, latinGapEm: number): number {
  let em = 0;
  let previous = '';
  for (const ch of text) {
    em += charEm(ch, spec);
    if (previous && latinGap(previous, ch)) em += latinGapEm;
    previous = ch;
  }
  return em;
}

function latinGap(a: string, b: string): boolean {
  const latin = (c: string): boolean => c.codePointAt(0)! < 0x2000 && TAKES_GAP.test(c);
  return (isIdeograph(a) && latin(b)) || (latin(a) && isIdeograph(b));
}

/** The pieces of one line of cell text (no line breaks inside) at a break level. */
export function pieces(text: string, level: BreakLevel, spec: TableSpec, latinGapEm: number): Piece[] {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of chars) {
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  const inUnit = unitInteriors(text, offsets);
  const out: Piece[] = [];
  let spaceEm = 0;
  let chunkStart = -1;
  const closeChunk = (end: number): void => {
    if (chunkStart < 0) return;
    out.push(...splitChunk(chars, offsets, chunkStart, end, level, inUnit, spec, latinGapEm, spaceEm));
    chunkStart = -1;
    spaceEm = 0;
  };
  chars.forEach((ch, i) => {
    if (isSpace(ch)) {
      closeChunk(i);
      spaceEm += charEm(ch, spec);
      return;
    }
    // a bracketed clause (the unit of a column head) may start a line of its own
    if (chunkStart >= 0 && OPENING.has(ch) && !NO_ROW_END.has(chars[i - 1])) closeChunk(i);
    if (chunkStart < 0) chunkStart = i;
  });
  closeChunk(chars.length);
  return out;
}

/** A chunk whole, or (when its label may break at this level) split between Han characters. */
function splitChunk(chars: string[], offsets: number[], from: number, to: number, level: BreakLevel, inUnit: Set<number>, spec: TableSpec, gapEm: number, spaceEm: number): Piece[] {
  const han = chars.slice(from, to).filter((c) => isHan(c)).length;
  const breaks = level === BreakLevel.AllLabels || (level === BreakLevel.LongLabels && han > spec.shortLabelHanChars);
  const piece = (a: number, b: number, space: number): Piece => ({
    start: offsets[a], end: offsets[b], em: textEm(chars.slice(a, b).join(''), spec, gapEm), spaceBeforeEm: space,
  });
  if (!breaks) return [piece(from, to, spaceEm)];
  const out: Piece[] = [];
  let start = from;
  for (let i = from + 1; i < to; i++) {
    if (!mayBreakBetween(chars[i - 1], chars[i]) || inUnit.has(i)) continue;
    out.push(piece(start, i, out.length === 0 ? spaceEm : 0));
    start = i;
  }
  out.push(piece(start, to, out.length === 0 ? spaceEm : 0));
  return out;
}

/**
 * Between two Han characters (or after a closing mark, before an opening one) and nowhere a
 * 禁则 forbids: never inside a number, a Latin word or a figure with its sign, % and unit.
 */
function mayBreakBetween(a: string, b: string): boolean {
  if (NO_ROW_START.has(b) || NO_ROW_END.has(a)) return false;
  return (isHan(a) || CLOSING.has(a)) && (isHan(b) || OPENING.has(b));
}

/** Character indexes that fall inside a unit word (a break before them would part it). */
function unitInteriors(text: string, offsets: number[]): Set<number> {
  const interior = new Set<number>();
  const indexOf = new Map(offsets.map((o, i) => [o, i]));
  for (let at = 0; at < text.length; at++) {
    const word = UNIT_WORDS.find((w) => text.startsWith(w, at));
    if (!word) continue;
    const first = indexOf.get(at);
    const last = indexOf.get(at + word.length);
    if (first === undefined || last === undefined) continue;
    for (let i = first + 1; i < last; i++) interior.add(i);
    at += word.length - 1;
  }
  return interior;
}
