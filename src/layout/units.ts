/**
 * A paragraph's text as units the breaker places: one per character, with its face (the role's,
 * Latin or a fallback), its grid cell and slot, its class under the 禁则, and where UAX #14 and
 * the 禁则 allow a row to end after it. src/layout/breaker.ts chooses the rows.
 */
import LineBreaker from 'linebreak';
import type { FontRole } from '../style/spec.js';
import { NO_ROW_END, NO_ROW_START, isIdeograph } from '../text/chars.js';
import { UNIT_CHARS, charClass, isDigit, takesLatinGap, type CharClass } from './chars.js';
import type { FaceMetrics, FontBook, GlyphMetrics } from './types.js';

/** A stretch of text in one style; `\n` inside forces a row break. */
export interface TextSpan {
  text: string;
  role: FontRole;
  size: number;
  placeholder?: boolean;
  bold?: boolean;
  italic?: boolean;
}

export interface BreakSettings {
  fonts: FontBook;
  /** Advance of one character cell of this size, in points (style/spec.ts cellAdvanceTwips). */
  cellWidth(sizePt: number): number;
  /** Han–Latin gap in ems of the type size. */
  latinGapEm: number;
  /** Called for a character no font has; returns the character to print instead. */
  missing(ch: string): string;
  /**
   * 'word-processor': the rows Word, WPS and LibreOffice make of the DOCX — fill a row, push a
   * character down for the 禁则, never squeeze punctuation, a number may part from its unit.
   * 'clreq': 先挤进，后推出 with numbers kept with their units (a PDF-only refinement).
   */
  policy: LineBreakingPolicy;
}

export type LineBreakingPolicy = 'word-processor' | 'clreq';


export interface Unit {
  ch: string;
  cls: CharClass;
  face: FaceMetrics;
  size: number;
  glyph: GlyphMetrics;
  /** Grid cell width at this unit's size. */
  cell: number;
  /** Slot width (what the character occupies on the row). */
  width: number;
  /** Glyph origin relative to the slot's left edge. */
  offset: number;
  /** Horizontal scale of the glyph (1 but for dashes, stretched so 一字线/破折号 fill their cells). */
  scaleX: number;
  /** How the mark can lose half its cell: trim the right half, the left half, or a quarter each side. */
  squeeze: 'right' | 'left' | 'both' | null;
  squeezeAmount: number;
  /** Extra space after this unit (Han–Latin gap, justification). */
  gap: number;
  placeholder: boolean;
  /** Emboldened or slanted at drawing time; widths stay the grid's, as in Word. */
  bold?: boolean;
  italic?: boolean;
  /** A row may start at this unit. */
  breakBefore: boolean;
  /** A row may start here only as a last resort: a unit word after its number (`48.62|亿元`). */
  weakBreak: boolean;
  /** A `\n` follows: the row must end after this unit. */
  forced: boolean;
  /** How the paragraph this unit belongs to is broken (BreakSettings.policy). */
  policy?: LineBreakingPolicy;
}

/** A finished row: units with final widths and x positions relative to the column's left edge. */

export function buildUnits(spans: TextSpan[], settings: BreakSettings): Unit[] {
  const units: Unit[] = [];
  for (const span of spans) {
    const fonts = settings.fonts;
    for (let ch of span.text) {
      if (ch === '\n') {
        if (units.length > 0) units[units.length - 1].forced = true;
        continue;
      }
      if (ch === '\t' || ch === '\r') ch = ' ';
      let face = fonts.faceFor(span.role, ch);
      if (!face) {
        ch = settings.missing(ch);
        face = fonts.faceFor(span.role, ch) ?? fonts.primary(span.role);
      }
      const glyph = face.glyph(ch) ?? { advance: 1, inkLeft: 0, inkRight: 1, inkTop: 0.8, inkBottom: -0.1 };
      units.push(makeUnit(ch, face, glyph, span, settings));
    }
  }
  markBreaks(units);
  markLatinGaps(units, settings.latinGapEm);
  return units;
}

function makeUnit(ch: string, face: FaceMetrics, glyph: GlyphMetrics, span: TextSpan, settings: BreakSettings): Unit {
  const size = span.size;
  const cell = settings.cellWidth(size);
  const natural = glyph.advance * size;
  const cls = charClass(ch);
  let width = natural;
  let offset = 0;
  let scaleX = 1;
  if (cls === 'dash' && glyph.inkRight > glyph.inkLeft) {
    // Latin-style em dashes are narrower than the cell: stretch the ink across it, so —— is one line
    width = cell;
    scaleX = cell / ((glyph.inkRight - glyph.inkLeft) * size);
    offset = -glyph.inkLeft * size * scaleX;
  } else if (cls === 'han' || cls === 'dash' || cls === 'ellipsis') {
    width = cell;
    offset = (cell - natural) / 2;
  } else if (cls === 'close') {
    width = cell;
  } else if (cls === 'open') {
    width = cell;
    offset = cell - natural;
  } else if (cls === 'middot') {
    width = cell / 2; // GB style: the 间隔号 takes a fixed half cell
    offset = (width - natural) / 2;
  }
  let squeeze: Unit['squeeze'] = null;
  if (cls === 'open' || cls === 'close') {
    const inkL = offset + glyph.inkLeft * size;
    const inkR = offset + glyph.inkRight * size;
    const tolerance = 0.06 * cell;
    if (inkR <= cell / 2 + tolerance) squeeze = 'right';
    else if (inkL >= cell / 2 - tolerance) squeeze = 'left';
    else if (inkL >= cell / 4 - tolerance && inkR <= (3 * cell) / 4 + tolerance) squeeze = 'both';
  }
  const unit: Unit = {
    ch, cls, face, size, glyph, cell, width, offset, scaleX, squeeze,
    squeezeAmount: squeeze ? cell / 2 : 0,
    gap: 0, placeholder: Boolean(span.placeholder), breakBefore: false, weakBreak: false, forced: false, policy: settings.policy,
  };
  // set after, not spread into the literal: spreading made every unit a slow, shapeless object
  if (span.bold) unit.bold = true;
  if (span.italic) unit.italic = true;
  return unit;
}

function markBreaks(units: Unit[]): void {
  const text = units.map((u) => u.ch).join('');
  const uax = new Set<number>();
  const breaker = new LineBreaker(text);
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) uax.add(br.position);
  let offset = 0;
  let unitChain = 0;
  const cjk = (u: Unit): boolean => u.cls !== 'latin' && u.cls !== 'space';
  for (let i = 0; i < units.length; i++) {
    const b = units[i];
    const position = offset;
    offset += b.ch.length;
    if (i === 0) continue;
    const a = units[i - 1];
    const glued = UNIT_CHARS.has(b.ch) && (isDigit(a.ch) || a.ch === '%' || (UNIT_CHARS.has(a.ch) && unitChain > 0 && unitChain < 3));
    unitChain = glued ? unitChain + 1 : 0;
    let before = i - 1; // the mark before any spaces decides whether a row may end here
    while (before > 0 && units[before].cls === 'space') before--;
    if (NO_ROW_START.has(b.ch) || NO_ROW_END.has(a.ch) || NO_ROW_END.has(units[before].ch)) continue;
    if (glued && b.policy !== 'word-processor') {
      // A unit word may part from its number as a last resort (48.62|亿元), never inside itself (亿|元).
      if (!UNIT_CHARS.has(a.ch)) b.weakBreak = true;
      continue;
    }
    if (a.forced) b.breakBefore = true;
    else if (b.cls === 'space') b.breakBefore = false;
    else if (a.cls === 'space') b.breakBefore = true;
    else if (cjk(a) || cjk(b)) b.breakBefore = true;
    else b.breakBefore = uax.has(position);
  }
}

function markLatinGaps(units: Unit[], gapPerPoint: number): void {
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i];
    const b = units[i + 1];
    if ((isIdeograph(a.ch) && takesLatinGap(b.ch)) || (takesLatinGap(a.ch) && isIdeograph(b.ch))) {
      units[i].gap = gapPerPoint * Math.max(a.size, b.size);
    }
  }
}
