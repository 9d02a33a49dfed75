/**
 * Chart text lives on grid rows: every label of a chart (legend, value, category, slice) is set on
 * one of the chart's rows, in both outputs, so a page with a chart keeps its 22-row grid and the
 * labels never float between the rows of the text above and below. This module holds the row
 * arithmetic the geometry and both writers share: a label's vertical band, and which rows are free.
 */
import type { StyleSpec } from '../style/spec.js';
import { isFullWidth } from '../text/width.js';

/**
 * Advance widths in ems of what chart labels hold besides Han: Times New Roman's (the face the
 * DOCX names for Latin and digits; the PDF prints them in it or a face with its metrics).
 */
const LATIN_EM: Record<string, number> = { '.': 0.25, ',': 0.25, '-': 0.333, '%': 0.833, ' ': 0.25, '(': 0.333, ')': 0.333 };

/** Where a label set on a row may reach, as both outputs print it (chart coordinates, y down). */
export interface RowBand {
  top: number;
  bottom: number;
}

export class ChartRows {
  readonly pitch: number;
  /** From a row's top to the highest a label's box reaches (the PDF's, the taller of the two). */
  private readonly bandTop: number;
  /** Below a row's bottom, the lowest a label's box reaches (LibreOffice's). */
  private readonly bandBelow: number;

  constructor(private readonly spec: StyleSpec, pitch: number, sizePt: number) {
    this.pitch = pitch;
    this.bandTop = pitch - 1.8 * sizePt;
    this.bandBelow = Math.max(0, spec.chart.docx.textBelowRowPt) + 0.5;
  }

  band(row: number): RowBand {
    return { top: row * this.pitch + this.bandTop, bottom: (row + 1) * this.pitch + this.bandBelow };
  }

  /** The lowest row whose labels stay at least `gap` above `y`. */
  rowAbove(y: number, gap = 1): number {
    return Math.floor((y - gap - this.bandBelow) / this.pitch) - 1;
  }

  /** The highest row whose labels stay at least `gap` below `y`. */
  rowBelow(y: number, gap = 1): number {
    return Math.ceil((y + gap - this.bandTop) / this.pitch);
  }

  /** Estimated printed width of a label (never measured: the DOCX has no fonts). */
  width(text: string, sizePt: number): number {
    let em = 0;
    let previous = '';
    for (const ch of text) {
      const wide = isFullWidth(ch.codePointAt(0)!);
      em += wide ? 1 : /\d/.test(ch) ? 0.5 : LATIN_EM[ch] ?? 0.6;
      if (previous && wide !== isFullWidth(previous.codePointAt(0)!) && /[\p{L}\p{N}]/u.test(wide ? previous : ch)) em += this.spec.typography.cjkLatinGapEm;
      previous = ch;
    }
    return em * sizePt;
  }
}

/** Horizontal spans taken on each row, so labels of one row never overprint each other. */
export class RowOccupancy {
  private readonly taken = new Map<number, Array<[number, number]>>();

  free(row: number, left: number, right: number): boolean {
    return !(this.taken.get(row) ?? []).some(([a, b]) => left < b && right > a);
  }

  take(row: number, left: number, right: number): void {
    const spans = this.taken.get(row) ?? [];
    spans.push([left, right]);
    this.taken.set(row, spans);
  }
}
