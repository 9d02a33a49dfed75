/**
 * Page geometry in twips for the DOCX writer, derived from the style spec (never stated here).
 * Word and LibreOffice both lay out the text on this: a line grid of `linePitchTwips` rows and,
 * instead of a character grid, a small negative tracking on grid-sized runs so that exactly
 * `charsPerRow` characters fit a row in both engines (proved by test/docx-render.test.ts).
 */
import type { ElementStyle, StyleSpec } from '../../style/spec.js';
import { cellAdvanceTwips, mmToTwips } from '../../style/spec.js';

export interface DocxGeometry {
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Text-area width: 8844 tw for A4 公文. */
  textWidth: number;
  /** One grid character: text width / charsPerRow (315.86 tw). */
  charPitch: number;
  /** One grid row (579 tw). */
  linePitch: number;
}

export function docxGeometry(spec: StyleSpec): DocxGeometry {
  const p = spec.page;
  const pageWidth = mmToTwips(p.widthMm);
  const pageHeight = mmToTwips(p.heightMm);
  const marginTop = mmToTwips(p.marginTopMm);
  const marginRight = mmToTwips(p.marginRightMm);
  // Round the text area (版心 156 × 225 mm → 8844 × 12756 tw) and derive the left and bottom
  // margins from it, so the 版心 is exactly its size: 28 mm gives 1588 tw, not 1587.
  const textWidth = mmToTwips(p.widthMm - p.marginLeftMm - p.marginRightMm);
  const textHeight = mmToTwips(p.heightMm - p.marginTopMm - p.marginBottomMm);
  return {
    pageWidth,
    pageHeight,
    marginTop,
    marginBottom: pageHeight - marginTop - textHeight,
    marginLeft: pageWidth - marginRight - textWidth,
    marginRight,
    textWidth,
    charPitch: textWidth / spec.grid.charsPerRow,
    linePitch: spec.grid.linePitchTwips,
  };
}

/** Grid characters → twips, rounded to whole twips as OOXML requires. */
export function charsToTwips(geometry: DocxGeometry, chars: number): number {
  return Math.round(chars * geometry.charPitch);
}

/** Run tracking (w:spacing, twentieths of a point) for grid-sized runs: see cellAdvanceTwips. */
export function gridTracking(spec: StyleSpec, sizePt: number): number {
  return cellAdvanceTwips(spec, sizePt) - sizePt * 20;
}

/** Rows of the line grid a paragraph of this style takes per printed line. */
export function rowsPerLine(element: ElementStyle): number {
  return element.rowsPerLine ?? 1;
}
